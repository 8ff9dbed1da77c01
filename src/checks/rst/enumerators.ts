// Enumerated list markers (1. a) (iv) #.): their sequence, ordinal, and whether the next line continues the list.
import { ENUMERATOR } from './block-markers.js';
import type { RstLine as Line } from './facts.js';

const SEQUENCES: [string, RegExp][] = [
  ['arabic', /^[0-9]+$/],
  ['loweralpha', /^[a-z]$/],
  ['upperalpha', /^[A-Z]$/],
  ['lowerroman', /^[ivxlcdm]+$/],
  ['upperroman', /^[IVXLCDM]+$/],
];
const ROMAN: [string, number][] = [
  ['M', 1000],
  ['CM', 900],
  ['D', 500],
  ['CD', 400],
  ['C', 100],
  ['XC', 90],
  ['L', 50],
  ['XL', 40],
  ['X', 10],
  ['IX', 9],
  ['V', 5],
  ['IV', 4],
  ['I', 1],
];

export interface Enumerator {
  length: number;
  format: string;
  sequence: string;
  ordinal?: number;
}

/** docutils' parse_enumerator: `expected` is the sequence of the list being continued. */
export function enumerator(text: string | undefined, expected?: string): Enumerator | undefined {
  const m = ENUMERATOR.exec(text ?? '');
  if (!m) return undefined;
  const value = (m.groups!.p ?? m.groups!.r ?? m.groups!.d)!;
  const format = m.groups!.p !== undefined ? '()' : m.groups!.r !== undefined ? ')' : '.';
  const sequence =
    value === '#'
      ? '#'
      : expected && SEQUENCES.find(([s]) => s === expected)![1].test(value)
        ? expected
        : !expected && /^[iI]$/.test(value)
          ? value === 'i'
            ? 'lowerroman'
            : 'upperroman'
          : SEQUENCES.find(([, re]) => re.test(value))![0];
  let ordinal: number | undefined =
    sequence === '#' ? 1 : sequence === 'arabic' ? Number(value) : value.toLowerCase().charCodeAt(0) - 96;
  if (sequence.endsWith('roman')) {
    let rest = value.toUpperCase();
    ordinal = 0;
    for (const [digits, worth] of ROMAN)
      for (; rest.startsWith(digits); rest = rest.slice(digits.length)) ordinal += worth;
    if (ordinal > 4999 || roman(ordinal) !== value.toUpperCase()) ordinal = undefined;
  }
  return { length: m[0].length, format, sequence, ordinal };
}

function roman(n: number): string {
  let out = '';
  for (const [digits, worth] of ROMAN) for (; n >= worth; n -= worth) out += digits;
  return out;
}

/** docutils' is_enumerated_list_item: the next line is blank, indented, or starts with the next enumerator. */
export function isItem(ls: Line[], k: number, e: Enumerator): boolean {
  const next = ls[k + 1]?.text;
  if (e.ordinal === undefined) return false;
  if (!next || next.startsWith(' ')) return true;
  const n = e.ordinal + 1;
  const value =
    e.sequence === '#'
      ? '#'
      : e.sequence === 'arabic'
        ? String(n)
        : e.sequence.endsWith('alpha')
          ? n > 26
            ? ''
            : String.fromCharCode(96 + n)
          : roman(n);
  const [open, close] = e.format === '()' ? ['(', ')'] : ['', e.format];
  const cased = e.sequence.startsWith('upper') ? value.toUpperCase() : value.toLowerCase();
  return value !== '' && (next.startsWith(`${open}${cased}${close} `) || next.startsWith(`${open}#${close} `));
}
