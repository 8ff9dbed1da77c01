// How actions/runner reads a step's output, line by line, for the tests: which lines it executes as
// workflow commands, which secrets it masks, and what the log then shows. Written from the runner's
// source (src/Runner.Worker/ActionCommandManager.cs, src/Runner.Common/ActionCommand.cs,
// src/Runner.Worker/Handlers/OutputManager.cs, src/Runner.Sdk/ProcessInvoker.cs):
// - lines are split at CR, LF and CRLF (StreamReader.ReadLine);
// - a line is tried as `::name props::data` first (TryParseV2: after String.TrimStart(), which skips
//   Char.IsWhiteSpace), then as `##[name props]data` found anywhere in it (TryParse: IndexOf("##["));
// - only registered command names parse (case-insensitive);
// - `stop-commands` makes the runner ignore every command until one named after its data (the
//   resume token) arrives; an ignored line, `::add-mask::` included, is printed as it is;
// - `add-mask` registers a value that is replaced by *** in every later line of the log.
// The runner compares strings with .NET's culture-aware IndexOf/StartsWith; their only extra
// matches (invisible characters inside `##[` or before `::`) shift the command name off its place,
// so the ordinal comparison used here parses the same commands.

/** Char.IsWhiteSpace: Zs, Zl, Zp, U+0009–U+000D and U+0085. */
export const DOTNET_WHITE_SPACE =
  '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a' +
  '\u2028\u2029\u202f\u205f\u3000';
const WHITE = new Set(DOTNET_WHITE_SPACE);

/** The runner's command extensions, and stop-commands. */
const EXTENSIONS = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'warning',
];
const STOP = 'stop-commands';
/** What @actions/core prints for this action; any other command in its output came from outside text. */
const ISSUED_BY_THE_ACTION = new Set(['add-mask', 'debug', 'error', 'notice', 'save-state', 'set-output', 'warning']);

export interface ParsedCommand {
  name: string;
  properties: Record<string, string>;
  data: string;
  syntax: '::' | '##[';
}

const unescape = (text: string, pairs: [string, string][]): string =>
  pairs.reduce((value, [escaped, plain]) => value.replaceAll(escaped, plain), text);
const DATA_ESCAPES: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%'],
];
const PROPERTY_ESCAPES: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%'],
];
const LEGACY_ESCAPES: [string, string][] = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%'],
];

function properties(text: string, separator: string, escapes: [string, string][]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of text.split(separator).filter(Boolean)) {
    const equals = pair.indexOf('=');
    if (equals > 0 && equals < pair.length - 1)
      result[pair.slice(0, equals).toLowerCase()] = unescape(pair.slice(equals + 1), escapes);
  }
  return result;
}

/** ActionCommand.TryParseV2. */
export function parseColonCommand(line: string, registered: ReadonlySet<string>): ParsedCommand | undefined {
  let at = 0;
  while (at < line.length && WHITE.has(line[at])) at++;
  const message = line.slice(at);
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!registered.has(name.toLowerCase())) return undefined;
  return {
    name,
    properties: space > 0 ? properties(info.slice(space + 1).trim(), ',', PROPERTY_ESCAPES) : {},
    data: unescape(message.slice(end + 2), DATA_ESCAPES),
    syntax: '::',
  };
}

/** ActionCommand.TryParse, the legacy syntax. */
export function parseLegacyCommand(line: string, registered: ReadonlySet<string>): ParsedCommand | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const bracket = line.indexOf(']', prefix);
  if (bracket < 0) return undefined;
  const info = line.slice(prefix + 3, bracket);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!registered.has(name.toLowerCase())) return undefined;
  return {
    name,
    properties: space > 0 ? properties(info.slice(space + 1), ';', LEGACY_ESCAPES) : {},
    data: unescape(line.slice(bracket + 1), LEGACY_ESCAPES),
    syntax: '##[',
  };
}

export interface ExecutedCommand extends ParsedCommand {
  /** 1-based, over everything replayed. */
  lineNumber: number;
  line: string;
  /** Why it cannot have come from the action's own @actions/core calls; undefined for the action's own. */
  outside: string | undefined;
}

export interface Leak {
  secret: string;
  lineNumber: number;
  shown: string;
}

export interface ReplayReport {
  executed: ExecutedCommand[];
  /** Commands the runner executed that came from outside text. */
  outside: ExecutedCommand[];
  /** Values registered by add-mask, in order. */
  masks: string[];
  /** Values of add-mask lines the runner did not execute (commands were stopped): printed as they are. */
  ignoredMasks: string[];
  /** A secret (given, or announced by any add-mask line) shown in clear in the log. */
  leaks: Leak[];
  /** The log as shown, after masking. */
  shown: string[];
}

export interface EmulatorOptions {
  /** Values that must never be shown, whether or not the output masks them. */
  secrets?: string[];
  /** Text a test planted in outside text: an add-mask or save-state carrying it came from outside. */
  marker?: string;
}

/** Reads output as the runner does; feed it as it arrives (`feed`), or all at once (`replay`). */
export class RunnerEmulator {
  private readonly registered = new Set([...EXTENSIONS, STOP]);
  private readonly secrets: Set<string>;
  private readonly registeredMasks = new Set<string>();
  private readonly report: Omit<ReplayReport, 'leaks' | 'shown'> = {
    executed: [],
    outside: [],
    masks: [],
    ignoredMasks: [],
  };
  private readonly shownLines: { lineNumber: number; shown: string }[] = [];
  private stopToken: string | undefined;
  private stopped = false;
  private pending = '';
  private lineNumber = 0;

  private readonly options: EmulatorOptions;

  constructor(options: EmulatorOptions = {}) {
    this.options = options;
    this.secrets = new Set((options.secrets ?? []).filter(Boolean));
  }

  /** The values the runner masks so far. */
  get masked(): ReadonlySet<string> {
    return this.registeredMasks;
  }

  feed(chunk: string): void {
    let text = this.pending + chunk;
    // A CR at the end may be the first half of a CRLF.
    let start = 0;
    for (let at = 0; at < text.length; at++) {
      const char = text[at];
      if (char !== '\n' && char !== '\r') continue;
      if (char === '\r' && at === text.length - 1) break;
      this.line(text.slice(start, at));
      if (char === '\r' && text[at + 1] === '\n') at++;
      start = at + 1;
    }
    text = text.slice(start);
    this.pending = text;
  }

  /** Flushes a last line without an end, and returns what was seen. */
  end(): ReplayReport {
    if (this.pending) {
      const last = this.pending.endsWith('\r') ? this.pending.slice(0, -1) : this.pending;
      this.pending = '';
      this.line(last);
    }
    // A secret shown before its add-mask line counts too: checked against every value announced.
    const leaks = this.shownLines.flatMap(({ lineNumber, shown }) =>
      [...this.secrets].filter((secret) => shown.includes(secret)).map((secret) => ({ secret, lineNumber, shown })),
    );
    return { ...this.report, leaks, shown: this.shownLines.map((line) => line.shown) };
  }

  private line(line: string): void {
    this.lineNumber++;
    const command = line
      ? (parseColonCommand(line, this.registered) ?? parseLegacyCommand(line, this.registered))
      : undefined;
    if (!command) {
      this.show(line);
      return;
    }
    const name = command.name.toLowerCase();
    if (name === 'add-mask' && command.data.trim()) this.secrets.add(command.data);
    if (this.stopped) {
      // An empty token never resumes (the runner checks IsNullOrEmpty).
      if (this.stopToken !== undefined && this.stopToken !== '' && name === this.stopToken.toLowerCase()) {
        this.execute(command, line);
        this.registered.delete(name);
        this.stopped = false;
        this.stopToken = undefined;
      } else if (name === 'add-mask') this.report.ignoredMasks.push(command.data);
      // Ignored commands are printed as they are; the resume line is echoed.
      this.show(line);
      return;
    }
    this.execute(command, line);
    if (name === STOP) {
      this.stopped = true;
      this.stopToken = command.data;
      this.registered.add(command.data.toLowerCase());
      this.show(line);
      return;
    }
    if (name !== 'add-mask') {
      this.show(command.data);
      return;
    }
    if (command.data.trim()) {
      this.registeredMasks.add(command.data);
      this.report.masks.push(command.data);
    }
  }

  private execute(command: ParsedCommand, line: string): void {
    const executed: ExecutedCommand = {
      ...command,
      lineNumber: this.lineNumber,
      line,
      outside: this.whyOutside(command, line),
    };
    this.report.executed.push(executed);
    if (executed.outside) this.report.outside.push(executed);
  }

  private whyOutside(command: ParsedCommand, line: string): string | undefined {
    const name = command.name.toLowerCase();
    if (command.syntax === '##[') return 'the legacy ##[ syntax, which @actions/core never prints';
    if (!line.startsWith('::')) return 'a :: after leading white space, which @actions/core never prints';
    if (!ISSUED_BY_THE_ACTION.has(name)) return `'${command.name}', a command this action never issues`;
    const { marker } = this.options;
    if (marker && (name === 'add-mask' || name === 'save-state') && line.includes(marker))
      return `an ${name} carrying text planted outside`;
    return undefined;
  }

  /** What the log shows for a line: masked with what is registered when the line arrives. */
  private show(text: string): void {
    let shown = text;
    // Longest first, as a value inside another must not break the longer one's mask.
    for (const mask of [...this.registeredMasks].sort((a, b) => b.length - a.length))
      shown = shown.replaceAll(mask, '***');
    this.shownLines.push({ lineNumber: this.lineNumber, shown });
  }
}

/** Replays complete output (stdout, then stderr: the runner reads both) as the runner would read it. */
export function replay(streams: string | string[], options: EmulatorOptions = {}): ReplayReport {
  const emulator = new RunnerEmulator(options);
  for (const stream of Array.isArray(streams) ? streams : [streams]) {
    emulator.feed(stream);
    if (stream && !/[\r\n]$/.test(stream)) emulator.feed('\n');
  }
  return emulator.end();
}
