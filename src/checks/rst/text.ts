// Text helpers shared by the rst modules: Python's whitespace, docutils' names and escapes.
import type { RstLine } from './facts.js';

// Python's whitespace (str.isspace, re's \s), not JavaScript's: U+FEFF is not in it, U+001C-U+001F and U+0085 are.
export const SPACE = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
export const SPACES = new RegExp(`[${SPACE}]+`, 'u');
const LEADING = new RegExp(`^[${SPACE}]+`, 'u');
const SPACE_CHAR = new RegExp(`[${SPACE}]`, 'u');
/** Linear: a `[\\s]+$` regex retries from every space of a long run that does not end the line. */
export const rstrip = (text: string): string => {
  let end = text.length;
  while (end > 0 && SPACE_CHAR.test(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
};
export const strip = (text: string): string => rstrip(text).replace(LEADING, '');
/** docutils' simplename: alphanumerics with single inner - . _ + : */
export const SIMPLENAME = '[\\p{L}\\p{N}]+(?:[-._+:][\\p{L}\\p{N}]+)*';

/** docutils' escape2null: a backslash and the character it escapes become NUL and that character. */
export const escapeToNull = (text: string): string => text.replace(/\\([\s\S]?)/g, '\0$1');
export const unescape = (text: string): string => text.replace(/\0[ \n]?/g, '');
export const normalizeName = (name: string): string => name.split(SPACES).filter(Boolean).join(' ').toLowerCase();
/** A name reduced to letters and digits: the loose key under which targets and references are matched. */
export const squash = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
export const joined = (lines: RstLine[]): string => lines.map((l) => l.text).join('\n');
