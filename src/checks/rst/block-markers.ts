// How the first line of a block says what the block is (docutils' Body state patterns).
import { SIMPLENAME } from './text.js';

/** A field-list marker, which is also how a directive option starts. */
export const FIELD = /^:(?![: ])(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*(?<! ):( +|$)/;

export const BULLET = /^[-+*\u2022\u2023\u2043]( +|$)/;
const ENUM = '[0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#';
export const ENUMERATOR = new RegExp(`^(?:\\((?<p>${ENUM})\\)|(?<r>${ENUM})\\)|(?<d>${ENUM})\\.)(?: +|$)`);
const OPTION_ARG = '(?:[a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)';
const OPTION = `(?:[-+][a-zA-Z0-9](?: ?${OPTION_ARG})?|(?:--|/)[a-zA-Z0-9][a-zA-Z0-9_-]*(?:[ =]${OPTION_ARG})?)`;
export const OPTION_MARKER = new RegExp(`^${OPTION}(?:, ${OPTION})*(?:  +| ?$)`);
export const [DOCTEST, LINE_BLOCK, EXPLICIT, ANONYMOUS] = [/^>>>( +|$)/, /^\|( +|$)/, /^\.\.( +|$)/, /^__( +|$)/];
// Written so that no long line of = or - with a stray character at the end makes them backtrack.
export const [GRID_TABLE, SIMPLE_TABLE, TABLE_BORDER] = [/^\+-[-+]+-\+ *$/, /^=+(?: +=+)+ *$/, /^=[ =]*$/];
export const PUNCTUATION_LINE = /^([!-/:-@[-`{-~])\1* *$/;
export const SPECIAL = [
  BULLET,
  ENUMERATOR,
  FIELD,
  OPTION_MARKER,
  DOCTEST,
  LINE_BLOCK,
  GRID_TABLE,
  SIMPLE_TABLE,
  EXPLICIT,
  ANONYMOUS,
  PUNCTUATION_LINE,
];
export const FOOTNOTE = new RegExp(`^\\.\\. +\\[([0-9]+|#|#${SIMPLENAME}|\\*|${SIMPLENAME})\\]( +|$)`, 'u');
export const DIRECTIVE = new RegExp(`^\\.\\. +(${SIMPLENAME}) ?::( +|$)`, 'u');
