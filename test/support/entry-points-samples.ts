// Generated entry_points.txt files for test/entry-points-differential.test.ts: what build tools
// write, and the corners of configparser (continuation lines after blank lines, comments, repeated
// sections and keys, [DEFAULT], a ':' instead of '=', odd whitespace and line endings, script names
// with paths or Unicode). Seeded, so a failure names a file that comes back on the next run.
import { pick, seededRandom, type Random } from './seeded.ts';

const HEADERS = [
  '[console_scripts]',
  '[console_scripts]',
  '[gui_scripts]',
  '[demo.plugins]',
  '[DEFAULT]',
  '[a]b]',
  '[ spaced ]',
  '[console_scripts] trailing',
  '[]',
];
const KEYS = [
  'demo',
  'demo-cli',
  'x.y_z',
  'Demo',
  'bin/demo',
  '../x',
  'é',
  'a\u203fb',
  'e\u0301',
  '٣',
  'a b',
  '',
  'x\u00a0',
];
const SEPARATORS = [' = ', '=', ' =', '= ', ' : ', '\t=\t', ' == '];
const VALUES = ['demo:main', 'demo.cli:main [extra]', '', 'a = b', 'x ; not a comment', '%(here)s'];
const INDENTS = ['', '', '', ' ', '  ', '    ', '\t', '\u00a0', '\u3000', '\x1c'];
const ODD_LINES = ['', '', '', '   ', '# comment', '; comment', '  # indented comment', 'no delimiter here', '\ufeff'];

function line(random: Random): string {
  const roll = random();
  if (roll < 0.15) return pick(random, HEADERS);
  if (roll < 0.3) return pick(random, ODD_LINES);
  if (roll < 0.45)
    return `${pick(random, INDENTS.slice(3))}${pick(random, ['continued', 'more = text', '[looks like a header]', '# not a comment?'])}`;
  return `${pick(random, INDENTS)}${pick(random, KEYS)}${pick(random, SEPARATORS)}${pick(random, VALUES)}`;
}

function file(random: Random): string {
  const lines = random() < 0.8 ? [pick(random, HEADERS.slice(0, 3))] : [];
  for (let n = 1 + Math.floor(random() * 8); n > 0; n--) lines.push(line(random));
  const ending = pick(random, ['\n', '\n', '\n', '\r\n', '\r']);
  return `${random() < 0.03 ? '\ufeff' : ''}${lines.join(ending)}${random() < 0.7 ? ending : ''}`;
}

/** `count` distinct files. */
export function entryPointsSamples(count: number, seed = 3): string[] {
  const random = seededRandom(seed);
  const seen = new Set<string>([
    // The shape the issue names: a deeper-indented line after a blank line continues the value.
    '[console_scripts]\ndemo = demo:main\n\n    --flag\n',
  ]);
  for (let tries = 0; seen.size < count && tries < count * 20; tries++) seen.add(file(random));
  return [...seen];
}
