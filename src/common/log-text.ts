/**
 * Text on its way into the runner's log. The runner (actions/runner `ActionCommandManager`) reads
 * every line of a step's stdout and stderr, split at CR, LF or CRLF, as a workflow command in two
 * syntaxes:
 * - `::name props::data` when the line starts with `::` after .NET `String.TrimStart()`, which skips
 *   every `Char.IsWhiteSpace` character (tab to CR, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
 *   U+2029, U+202F, U+205F, U+3000), not only space and tab;
 * - the legacy `##[name props]data`, found anywhere in the line (`IndexOf("##[")`), tried when the
 *   first syntax does not parse.
 * One such command from outside text (`stop-commands`) makes the runner ignore every later
 * `::add-mask::`, so every secret registered after it would be printed in clear.
 */

/**
 * Skipped before a line's `::`: .NET's white space, plus the invisible format characters that JS's
 * `\s` or a culture-aware comparison might also pass over (U+180E, U+200B–U+200D, U+2060, U+FEFF,
 * U+00AD), so that the set is a superset of what the runner trims.
 */
const SKIPPED_BEFORE_COMMAND = new Set(
  '\t\n\v\f\r \u0085\u00a0\u00ad\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a' +
    '\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff',
);

/** `##[` anywhere would start a legacy command; a backslash before the bracket keeps it readable. */
function breakLegacyCommands(text: string): string {
  return text.includes('##[') ? text.replaceAll('##[', '##\\[') : text;
}

/** A line that would start with `::` once the runner has trimmed it gets a backslash before the `::`. */
function breakLeadingCommand(line: string): string {
  let at = 0;
  while (at < line.length && SKIPPED_BEFORE_COMMAND.has(line[at]!)) at++;
  return line.startsWith('::', at) ? `${line.slice(0, at)}\\${line.slice(at)}` : line;
}

const LINE_BREAKS = /\r\n|\r|\n/g;

/**
 * Outside text (dist filenames and contents, server answers, inputs, paths) embedded in a message:
 * CR and LF become visible `\r` and `\n` (U+2028/9 a space), so that it can never start a line of
 * its own; a `::` it starts with and any `##[` in it are broken up.
 */
export function outside(text: string): string {
  const oneLine = text.replace(/\r\n|\r|\n|\u2028|\u2029/g, (end) =>
    end === '\r\n' ? '\\r\\n' : end === '\r' ? '\\r' : end === '\n' ? '\\n' : ' ',
  );
  return breakLeadingCommand(breakLegacyCommands(oneLine));
}

/** Outside text in a message, as `outside` makes it, and at most `max` characters of it. */
export function clipped(text: string, max = 200): string {
  const line = outside(text);
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/**
 * The last guard before stdout, for text printed as it is (core.info): no line of it may read as a
 * workflow command in either syntax. The action's own commands are issued by @actions/core, never
 * through here. Linear in the length of the text.
 */
export function commandSafe(message: string): string {
  const safe = breakLegacyCommands(message);
  let result = '';
  let start = 0;
  for (const match of safe.matchAll(LINE_BREAKS)) {
    result += breakLeadingCommand(safe.slice(start, match.index)) + match[0];
    start = match.index + match[0].length;
  }
  return result + breakLeadingCommand(safe.slice(start));
}

/**
 * The message of an annotation (`::warning::<data>`) or a debug line. @actions/core escapes CR, LF
 * and `%` in it, and the runner parses such a line in the `::` syntax before it would look for
 * `##[`; `##[` is broken up all the same, so that no parser's order decides what a message means.
 */
export function annotationSafe(message: string): string {
  return breakLegacyCommands(message);
}
