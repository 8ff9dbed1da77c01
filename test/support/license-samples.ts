// Generated License-Expression values for test/metadata-differential.test.ts: real SPDX
// identifiers in any case, with '+', exceptions, LicenseRef- names good and bad, operators in
// any case and any position, parentheses (balanced, not, empty, nested up to Python's limit),
// typos, and whitespace Python splits on but JavaScript may not.
import { pick, seededRandom, type Random } from './seeded.ts';

const LICENSES = [
  'MIT',
  'Apache-2.0',
  'BSD-3-Clause',
  'GPL-2.0-only',
  'GPL-3.0-or-later',
  'LGPL-2.1+',
  'MPL-2.0',
  'ISC',
  'GPL-2.0',
  'Unlicense',
  'CC0-1.0',
  'PSF-2.0',
];
const EXCEPTIONS = ['Classpath-exception-2.0', 'LLVM-exception', 'GCC-exception-3.1', 'Autoconf-exception-2.0'];
const ODD = [
  'Apache 2.0',
  'GPLv3',
  'BSD',
  'mit-license',
  'Proprietary',
  'LicenseRef-',
  'LicenseRef-Proprietary',
  'LicenseRef-foo+',
  'licenseref-Foo.Bar',
  'LicenseRef-ü',
  'LicenseRef-a_b',
  'MIT+',
  'Apache-2.0+',
  'İ',
  'x\u2028y',
];
const OPERATORS = ['AND', 'OR', 'and', 'or', 'Or', 'WITH', 'with'];
const SPACES = [' ', ' ', ' ', '  ', '\t', '\u00a0', '\u3000', '\x1c', '\u2003', '\ufeff'];

function recase(random: Random, text: string): string {
  const roll = random();
  return roll < 0.6 ? text : roll < 0.8 ? text.toLowerCase() : text.toUpperCase();
}

function term(random: Random, depth: number): string {
  const roll = random();
  if (roll < 0.15 && depth < 3) return `(${expression(random, depth + 1)})`;
  if (roll < 0.3)
    return `${recase(random, pick(random, LICENSES))} ${pick(random, ['WITH', 'with'])} ${recase(random, pick(random, EXCEPTIONS))}`;
  if (roll < 0.45) return pick(random, ODD);
  return recase(random, pick(random, LICENSES));
}

function expression(random: Random, depth = 0): string {
  const parts = [term(random, depth)];
  for (let n = Math.floor(random() * 3); n > 0; n--) parts.push(pick(random, OPERATORS), term(random, depth));
  return parts.join(pick(random, SPACES));
}

function broken(random: Random): string {
  const tokens = expression(random).split(' ');
  const at = Math.floor(random() * (tokens.length + 1));
  tokens.splice(at, random() < 0.5 ? 1 : 0, pick(random, ['(', ')', '()', 'AND', 'WITH', 'OR OR', '', ')(', 'MIT']));
  return tokens.join(' ');
}

/** `count` distinct values, and parentheses nested around Python's limit of 200. */
export function licenseExpressionSamples(count: number, seed = 639): string[] {
  const random = seededRandom(seed);
  const seen = new Set<string>([
    '',
    ' ',
    'MIT',
    'mit and (apache-2.0 or bsd-2-clause)',
    '(MIT) WITH Classpath-exception-2.0',
  ]);
  for (const depth of [198, 199, 200, 201]) seen.add(`${'('.repeat(depth)}MIT${')'.repeat(depth)}`);
  for (let tries = 0; seen.size < count && tries < count * 20; tries++)
    seen.add(random() < 0.7 ? expression(random) : broken(random));
  return [...seen];
}

const PATH_PIECES = [
  'LICENSE',
  'licenses',
  'a',
  '.',
  '..',
  '',
  '/',
  '/',
  '\\',
  '//',
  'C:',
  'c:',
  ':',
  '*',
  '?',
  'ü',
  ' ',
  '.txt',
  'x.',
  '\\\\?\\',
  'UNC',
  '~',
];

/** `count` distinct License-File paths made of the pieces pathlib and packaging treat specially. */
export function licenseFileSamples(count: number, seed = 640): string[] {
  return joinedSamples(PATH_PIECES, count, seed);
}

const IMPORT_PIECES = [
  'mypkg',
  'a',
  'class',
  'match',
  '_',
  '1',
  'é',
  '.',
  '.',
  ';',
  ' private',
  'private',
  'Private',
  ' ',
  '\t',
  '\u00a0',
  '-',
  '\u0301',
  'x²',
];

/** `count` distinct Import-Name values made of identifiers, keywords, separators and options. */
export function importNameSamples(count: number, seed = 794): string[] {
  return joinedSamples(IMPORT_PIECES, count, seed);
}

/** `count` distinct strings of one to five pieces. */
function joinedSamples(pieces: string[], count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  for (let tries = 0; seen.size < count && tries < count * 20; tries++) {
    seen.add(Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(random, pieces)).join(''));
  }
  return [...seen];
}
