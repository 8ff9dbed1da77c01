// PyPI refuses a wheel whose entry_points.txt Python's configparser cannot read the way Warehouse
// reads it (ConfigParser with `=` as the only delimiter, keys case-sensitive, every other option
// at its default: `#` and `;` comments on their own line, strict about repeated sections and
// keys, blank lines kept inside values), or whose console/GUI script names are not `[\w.-]+`.
// The reading is modelled line by line from configparser's behaviour in CPython 3.14;
// test/entry-points-differential.test.ts compares it with the real thing.
import { isPythonSpace, pythonRstrip, pythonStrip } from '../common/python-text.js';

const DEFAULT_SECTION = 'DEFAULT';
const SCRIPT_SECTIONS = ['console_scripts', 'gui_scripts'];
// Python's \w on str: letters, anything numeric, and '_' (no combining marks, unlike some engines).
const SCRIPT_NAME = /^[\p{L}\p{N}_.-]+$/u;

interface Reading {
  section: Map<string, number> | undefined;
  sectionName: string | undefined;
  /** The option the next deeper-indented line continues, if any. */
  option: string | undefined;
  indent: number;
}

/** Why PyPI refuses this entry_points.txt, or undefined when it accepts it. */
export function entryPointsProblem(text: string): string | undefined {
  const sections = new Map<string, Map<string, number>>();
  const defaults = new Map<string, number>();
  const sectionsRead = new Set<string>();
  const keysRead = new Set<string>();
  const state: Reading = { section: undefined, sectionName: undefined, option: undefined, indent: 0 };
  let firstBadLine: string | undefined;
  // configparser reads a string through StringIO, which ends lines at '\n' only.
  for (const [index, line] of text.split('\n').entries()) {
    const where = `line ${index + 1}`;
    const trimmed = pythonStrip(line);
    const clean = /^[#;]/.test(trimmed) ? '' : trimmed;
    if (clean === '') continue;
    const indent = leadingSpace(line);
    if (state.section && state.option && indent > state.indent) continue;
    state.indent = indent;
    const header = /^\[([^\n]+)\]/.exec(clean);
    if (!header && !state.section) return `${where}: '${clean.slice(0, 60)}' comes before any [section] header`;
    if (header) {
      const name = header[1]!;
      // [DEFAULT] may appear more than once; other sections may not.
      if (name !== DEFAULT_SECTION && sectionsRead.has(name)) return `${where}: section [${name}] appears twice`;
      if (name !== DEFAULT_SECTION) sectionsRead.add(name);
      const section = name === DEFAULT_SECTION ? defaults : (sections.get(name) ?? new Map<string, number>());
      if (name !== DEFAULT_SECTION) sections.set(name, section);
      Object.assign(state, { section, sectionName: name, option: undefined });
      continue;
    }
    const equals = clean.indexOf('=');
    const key = equals < 0 ? '' : pythonRstrip(clean.slice(0, equals));
    // A line that is no `key = value` does not stop configparser; it fails the file at the end.
    if (equals < 0) {
      firstBadLine ??= `${where}: '${clean.slice(0, 60)}' is not a 'name = value' line`;
      continue;
    }
    if (key === '') firstBadLine ??= `${where}: '${clean.slice(0, 60)}' has no name before the '='`;
    const sectionKey = `${state.sectionName}\0${key}`;
    if (keysRead.has(sectionKey)) return `${where}: '${key}' appears twice in [${state.sectionName}]`;
    keysRead.add(sectionKey);
    state.section!.set(key, index + 1);
    state.option = key;
  }
  if (firstBadLine) return firstBadLine;
  for (const name of SCRIPT_SECTIONS) {
    const section = sections.get(name);
    if (!section) continue;
    // Iterating a section yields the [DEFAULT] keys too.
    const bad = [...section, ...defaults].find(([key]) => !SCRIPT_NAME.test(key));
    if (bad !== undefined)
      return `line ${bad[1]}: the script name '${bad[0]}' in [${name}] may hold only letters, digits, '_', '.' and '-'`;
  }
  return undefined;
}

/** Where configparser's \S first matches: the number of leading Python whitespace characters. */
function leadingSpace(line: string): number {
  let count = 0;
  while (count < line.length && isPythonSpace(line[count]!)) count++;
  return count;
}
