/**
 * Text from outside (dist filenames and contents, server answers, inputs) on its way into the log.
 * The runner executes any stdout line that starts with `::` (`::add-mask::`, `::stop-commands::`),
 * so outside text must never start a line: CR and LF become visible `\r` and `\n`, and a leading
 * `::` is broken up. @actions/core escapes the data of ::error/::warning/::notice itself, but not
 * of core.info.
 */
export function outside(text: string): string {
  return text
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, (end) =>
      end === '\r\n' ? '\\r\\n' : end === '\r' ? '\\r' : end === '\n' ? '\\n' : ' ',
    )
    .replace(/^(\s*)::/, '$1\\::');
}

/**
 * The last guard before stdout: a line of an info message that would read as a workflow command
 * gets a leading backslash. The action's own commands are issued by @actions/core, not through here.
 */
export function commandSafe(message: string): string {
  return message.replace(/^([ \t]*)::/gm, '$1\\::');
}
