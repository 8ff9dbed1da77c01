/**
 * PyPI refuses a wheel whose `entry_points.txt` is not the INI file the entry-points specification
 * describes (as Python's configparser reads it with `=` as the only delimiter and case kept), or
 * whose console/GUI script names are not `[\w.-]+` (no path parts). Returns the reason, or undefined.
 */
export function entryPointsProblem(text: string): string | undefined {
  const sections = new Set<string>();
  let section: { name: string; options: Set<string> } | undefined;
  let lastOptionIndent: number | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, line] of lines.entries()) {
    const where = `line ${index + 1}`;
    const stripped = line.trim();
    if (stripped === '' || /^[#;]/.test(stripped)) {
      if (stripped === '') lastOptionIndent = undefined;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (section && lastOptionIndent !== undefined && indent > lastOptionIndent) continue; // a continuation line
    const header = /^\[(.+)\]/.exec(stripped);
    if (header) {
      const name = header[1]!;
      if (sections.has(name)) return `${where}: section [${name}] appears twice`;
      sections.add(name);
      section = { name, options: new Set() };
      lastOptionIndent = undefined;
      continue;
    }
    if (!section) return `${where}: '${stripped.slice(0, 60)}' comes before any [section] header`;
    const equals = stripped.indexOf('=');
    const key = equals < 0 ? '' : stripped.slice(0, equals).trim();
    if (!key) return `${where}: '${stripped.slice(0, 60)}' is not a 'name = value' line`;
    if (section.options.has(key)) return `${where}: '${key}' appears twice in [${section.name}]`;
    section.options.add(key);
    lastOptionIndent = indent;
    if (
      (section.name === 'console_scripts' || section.name === 'gui_scripts') &&
      !/^[\p{L}\p{N}\p{Mc}\p{Mn}\p{Pc}.-]+$/u.test(key)
    ) {
      return `${where}: the script name '${key}' in [${section.name}] may hold only letters, digits, '_', '.' and '-'`;
    }
  }
  return undefined;
}
