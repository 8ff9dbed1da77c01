// Generated Author-email values for test/address-differential.test.ts: well-formed addresses,
// the shapes real metadata has (names, quoted names, comments, lists, groups, routes, obfuscated
// "<at>" addresses, folded lines) and random mutations of them with the characters the parser
// treats specially. Seeded, so a failure names a value that comes back on the next run.

import { pick, seededRandom, type Random } from './seeded.ts';

const LOCALS = [
  'jane',
  'g.rodola',
  'j.doe+pypi',
  "o'neil",
  'a_b',
  'éva',
  '名前',
  'x',
  'first.last',
  'a..b',
  '.dot',
  'user-',
];
const DOMAINS = [
  'example.com',
  'gmail.com',
  'localhost',
  'mail.example.org',
  'bücher.de',
  'xn--bcher-kva.example',
  '[192.0.2.1]',
  'example..com',
  '-bad.example',
  'example.invalid',
  'x',
  'a.b.c.d.e.f',
];
const NAMES = [
  'Jane Doe',
  'J. R. Hacker',
  'Dr. Who',
  'Ünïcödé Ñame',
  '山田 太郎',
  'Doe, Jane',
  'Jane (dev)',
  '"Jane"',
  '',
];
const COMMENTS = ['work', 'at home', 'nested (comment)', 'a, b', 'a@b.c', '', 'x\\)y'];
// Characters and pieces the parser gives a meaning to, and some it should not.
const PIECES = [
  '@',
  '<',
  '>',
  ',',
  ':',
  ';',
  '.',
  '"',
  '(',
  ')',
  '[',
  ']',
  '\\',
  ' ',
  '  ',
  '\t',
  '\r\n ',
  '\n',
  '\r',
  ' <at> ',
  ' <dot> ',
  ' (at) ',
  ' [at] ',
  ' AT ',
  '\u00a0',
  '\x1c',
  '\ufeff',
  '\u2028',
  '\x85',
  '😀',
  'é',
  'a',
  'b.c',
  '@x.org',
  '<a@b.c>',
  '"q, r"',
  '(c)',
  '\\"',
  '\\(',
  '@@',
  '..',
];

function address(random: Random): string {
  const roll = random();
  if (roll < 0.08) return `"${pick(random, ['quoted local', 'a@b', 'x\\"y', ''])}"@${pick(random, DOMAINS)}`;
  if (roll < 0.14) return `${pick(random, LOCALS)} @ ${pick(random, DOMAINS)}`;
  if (roll < 0.2) return `${pick(random, LOCALS)}@${pick(random, DOMAINS)}@${pick(random, DOMAINS)}`;
  if (roll < 0.26) return `${pick(random, LOCALS)} <at> ${pick(random, ['gmail <dot> com', 'example dot org'])}`;
  if (roll < 0.3) return pick(random, LOCALS);
  return `${pick(random, LOCALS)}@${pick(random, DOMAINS)}`;
}

function entry(random: Random): string {
  const roll = random();
  const addr = address(random);
  if (roll < 0.25) return `${pick(random, NAMES)} <${addr}>`;
  if (roll < 0.35) return `"${pick(random, NAMES).replace(/"/g, '\\"')}" <${addr}>`;
  if (roll < 0.45) return `${addr} (${pick(random, COMMENTS)})`;
  if (roll < 0.5) return `(${pick(random, COMMENTS)}) ${addr}`;
  if (roll < 0.55) return `<@relay.example,@other.example:${addr}>`;
  if (roll < 0.6) return `${pick(random, NAMES)} <${addr}`;
  if (roll < 0.65) return `${pick(random, NAMES)}\r\n <${addr}>`;
  return addr;
}

function structured(random: Random): string {
  const roll = random();
  if (roll < 0.55) return entry(random);
  if (roll < 0.8) return Array.from({ length: 2 + Math.floor(random() * 3) }, () => entry(random)).join(', ');
  if (roll < 0.9) return `${pick(random, ['team', 'Undisclosed', 'a b'])}: ${entry(random)}, ${entry(random)};`;
  return `${entry(random)},`;
}

function mutate(random: Random, text: string): string {
  let result = text;
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
    const at = Math.floor(random() * (result.length + 1));
    const roll = random();
    if (roll < 0.5) result = result.slice(0, at) + pick(random, PIECES) + result.slice(at);
    else if (roll < 0.8) result = result.slice(0, at) + result.slice(at + 1);
    else result = result.slice(0, at) + pick(random, PIECES) + result.slice(at + 1);
  }
  return result;
}

function soup(random: Random): string {
  return Array.from({ length: 1 + Math.floor(random() * 10) }, () => pick(random, PIECES)).join('');
}

/** `count` distinct values: a third well-formed, a third mutated, a third random sequences of special pieces. */
export function addressSamples(count: number, seed = 14): string[] {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  for (let tries = 0; seen.size < count && tries < count * 20; tries++) {
    const kind = tries % 3;
    const value = kind === 0 ? structured(random) : kind === 1 ? mutate(random, structured(random)) : soup(random);
    seen.add(value);
  }
  return [...seen];
}
