// Generated Description-Content-Type values for test/metadata-differential.test.ts: the three types
// in any case (and near misses, lists, comments, quoted or encoded types), parameters with and
// without names or values, quoted and RFC 2231 values, repeats in the same and another case,
// charset and variant spellings, separators (';', ',', spaces), comments, junk and Unicode.
import { pick, seededRandom, type Random } from './seeded.ts';

const TYPES = ['text/markdown', 'text/x-rst', 'text/plain'];
const ODD_TYPES = [
  'text/x-markdown',
  'text/rst',
  'text/html',
  'markdown',
  'text/',
  '/markdown',
  'text//markdown',
  'text / markdown',
  'text/ markdown',
  '"text/markdown"',
  '(c)text/markdown',
  'text/markdown (c)',
  'text/markdown (a;b)',
  'text/markdown, text/plain',
  'text/markdown text/plain',
  'text/plain,text/markdown',
  '=?utf-8?q?text/markdown?=',
  '=?utf-8?b?dGV4dC9wbGFpbg==?=',
  'text/=?utf-8?q?markdown?=',
  'text/markdown=?x?q?y?=',
  ' text/markdown',
  '\ttext/plain',
  'text/plain\u00a0',
  't\u0435xt/plain',
  'text/mar\u212adown',
  'text/markdown.',
  'text.plain',
  '',
  'x',
];
const NAMES = [
  'charset',
  'CHARSET',
  'Charset',
  'variant',
  'Variant',
  'VARIANT',
  'foo',
  '',
  ' ',
  'x*',
  'charset*',
  'charset*0',
  'charset*0*',
  'charset*1',
  'charset*1*',
  'variant*',
  'charset*00',
  'charset*\u00b2',
  'charset*\u0663',
  'char set',
  '\u00a0charset',
  'charset\u00a0',
  '(c)charset',
  'charset(c)',
  'ch\u00e4rset',
];
const CHARSETS = [
  'UTF-8',
  'utf-8',
  'Utf-8',
  'utf8',
  'UTF8',
  '"UTF-8"',
  '"utf-8"',
  '" UTF-8"',
  'latin-1',
  'us-ascii',
  '"UTF-8',
  'UTF-8"',
  "utf-8''UTF-8",
  "''UTF-8",
  "us-ascii'en'UTF%2D8",
  "utf-8''%55TF-8",
  '"utf-8\'\'UTF-8"',
  '"=?utf-8?q?UTF-8?="',
  '"=?utf-8?b?VVRGLTg=?="',
  '"=?utf-8?b?VVRGLTg?="',
  '"=?x-unknown?q?UTF-8?="',
  '=?utf-8?q?UTF-8?=',
  '"UTF\\-8"',
  'UTF\u20118',
  '',
  '""',
  'UTF-8 ',
  '(c)UTF-8',
  'UTF-8(c)',
  'UTF-8 (c)',
  'UTF-8;',
  'UTF-8,',
  'UTF-8 x',
];
const VARIANTS = ['GFM', 'CommonMark', 'gfm', 'commonmark', '"GFM"', '"CommonMark"', 'MyST', '"Common Mark"', "''GFM"];
const EQUALS = ['=', '=', '=', ' = ', '= ', ' =', '==', ''];
const SEPARATORS = [';', '; ', '; ', ' ;', ';;', ', ', ' ', ';\t', '; ;', ',', '; (c) '];
const JUNK = [
  ';',
  ',',
  '@',
  '<>',
  '[x]',
  '\\',
  '(unclosed',
  '"unclosed',
  ')',
  '\x00',
  '\x7f',
  '\x1f',
  '\u2028x',
  '\n',
  '\r\n',
  '\nx',
  '\u00fc',
  '\u{1f600}',
  '\ufeff',
  '*',
  "'",
  '%',
  '=',
  '?',
  '/',
];
const ALPHABET = [...'tT/;=",() \t*\'%\\?.@xUF8-ü', 'text', 'markdown', 'plain', 'charset', 'variant', 'GFM', '=?'];

function recase(random: Random, text: string): string {
  const roll = random();
  if (roll < 0.55) return text;
  if (roll < 0.7) return text.toUpperCase();
  return [...text].map((char) => (random() < 0.5 ? char.toUpperCase() : char)).join('');
}

function parameter(random: Random): string {
  const roll = random();
  if (roll < 0.08) return pick(random, JUNK);
  const name = pick(random, NAMES);
  if (roll < 0.14) return name;
  const bare = name.toLowerCase().replace(/\*.*$/, '').trim();
  const values = bare === 'variant' ? VARIANTS : bare === 'charset' ? CHARSETS : ['bar', '"a;b"', '', 'x y'];
  return `${name}${pick(random, EQUALS)}${pick(random, values)}`;
}

function sample(random: Random): string {
  const roll = random();
  if (roll < 0.08) {
    return Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(random, ALPHABET)).join('');
  }
  let text = roll < 0.25 ? pick(random, ODD_TYPES) : recase(random, pick(random, TYPES));
  for (let n = Math.floor(random() * 4); n > 0; n--) text += pick(random, SEPARATORS) + parameter(random);
  if (random() < 0.1) text += pick(random, JUNK);
  return text;
}

/** `count` distinct values, the same on every run. */
export function contentTypeSamples(count: number): string[] {
  const random = seededRandom(0xdc7);
  const values = new Set<string>([
    'text/markdown; =x',
    'text/markdown; charset=UTF-8; charset=UTF-8',
    'text/markdown; charset=UTF-8; charset=latin-1',
    'text/markdown; charset=latin-1; charset=UTF-8',
    'text/markdown; charset=latin-1; CHARSET=UTF-8',
    'text/markdown, text/plain',
    'text/markdown text/plain',
    'text/markdown; charset=utf-8',
    'text/plain; x*',
    'text/plain; x*0*',
  ]);
  while (values.size < count) values.add(sample(random));
  return [...values];
}
