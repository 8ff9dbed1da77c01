// A pure approximation of the reStructuredText errors that make PyPI refuse a description. PyPI renders
// it with readme_renderer, which runs docutils with halt_level at WARNING: any docutils warning or error
// refuses the upload. The parser follows docutils' block states (parsers/rst/states.py) closely enough
// to know where each construct starts and ends, reports only what docutils certainly reports, and skips
// as a whole what it does not model.
import {
  checkDirective,
  FIELD,
  type RstProblem,
  hyperlinkTarget,
  looseScan,
  newFacts,
  normalizeName,
  resolve,
  rstrip,
  RstBudgetExceeded,
  checkBudget,
  withRstBudget,
  type RstFacts,
  type RstLine as Line,
  scanInline,
  SIMPLENAME,
  squash,
  strip,
  substitutionDefinition,
} from './rst-inline.js';

export type { RstProblem } from './rst-inline.js';

/** What readme_renderer refuses that checkRst does not look for. */
export const RST_CHECKS_NOT_DONE: string[] = [
  'tables: malformed grid or simple tables, and inline markup inside table cells (csv-table content included)',
  'the shape of list-table content (rows of equal length), and of figure captions',
  'option lists: their shape and markup',
  'a reference to a name that two sections or targets share ("cannot be used as a unique reference")',
  'directive option values (a :width: without a valid unit, an :align: docutils does not accept, a value spread over lines)',
  'substitution definitions: the text of a `replace::` and the options of an embedded `image::`',
  'bibliographic fields at the top of the document (:Authors:, :Date:, …) that docutils cannot interpret',
  '`.. default-role::`, and roles used before their `.. role::` definition',
  'a document that renders to nothing (only comments or targets)',
];

interface Block {
  end: number;
  blankFinish: boolean;
}

interface Context {
  facts: RstFacts;
  styles: string[];
  level: number;
  /** The last top-level block was a title with a new name, or a transition (for the transition checks). */
  kind: 'other' | 'new title' | 'transition';
  empty: boolean;
  afterTransition: boolean;
  looseNames: Set<string>;
  /** How many blocks deep the parser is now; past MAX_DEPTH a block is skipped whole. */
  depth: number;
  /** Why part of the text was not checked (depth, time). */
  notes: Set<string>;
}

/** docutils itself recurses per level and fails long before this on a crafted text. */
const MAX_DEPTH = 48;

const BULLET = /^[-+*\u2022\u2023\u2043]( +|$)/;
const ENUM = '[0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#';
const ENUMERATOR = new RegExp(`^(?:\\((?<p>${ENUM})\\)|(?<r>${ENUM})\\)|(?<d>${ENUM})\\.)(?: +|$)`);
const OPTION_ARG = '(?:[a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)';
const OPTION = `(?:[-+][a-zA-Z0-9](?: ?${OPTION_ARG})?|(?:--|/)[a-zA-Z0-9][a-zA-Z0-9_-]*(?:[ =]${OPTION_ARG})?)`;
const OPTION_MARKER = new RegExp(`^${OPTION}(?:, ${OPTION})*(?:  +| ?$)`);
const [DOCTEST, LINE_BLOCK, EXPLICIT, ANONYMOUS] = [/^>>>( +|$)/, /^\|( +|$)/, /^\.\.( +|$)/, /^__( +|$)/];
// Written so that no long line of = or - with a stray character at the end makes them backtrack.
const [GRID_TABLE, SIMPLE_TABLE, TABLE_BORDER] = [/^\+-[-+]+-\+ *$/, /^=+(?: +=+)+ *$/, /^=[ =]*$/];
const PUNCTUATION_LINE = /^([!-/:-@[-`{-~])\1* *$/;
const SPECIAL = [
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
const FOOTNOTE = new RegExp(`^\\.\\. +\\[([0-9]+|#|#${SIMPLENAME}|\\*|${SIMPLENAME})\\]( +|$)`, 'u');
const DIRECTIVE = new RegExp(`^\\.\\. +(${SIMPLENAME}) ?::( +|$)`, 'u');
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

// Characters certainly two columns wide (East Asian Wide and Fullwidth, common emoji).
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u3247\u3250-\u4dbf\u4e00-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2705\u2728\u26a1\u2b50\u2615\u2757\u274c\u{1f300}-\u{1f320}\u{1f337}-\u{1f37c}\u{1f37e}-\u{1f393}\u{1f3a0}-\u{1f3ca}\u{1f3f8}-\u{1f43e}\u{1f442}-\u{1f4fc}\u{1f4ff}-\u{1f53d}\u{1f5fb}-\u{1f64f}\u{1f680}-\u{1f6c5}\u{1f90c}-\u{1f93a}\u{1f947}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** docutils' column_width, never above it: a title longer than its underline is then certainly so. */
const width = (text: string): number =>
  [...text].reduce(
    (sum, c) => sum + (WIDE.test(c) ? 2 : 1) - (/\p{M}/u.test(c) && !/[\ufe00-\ufe0f]/.test(c) ? 1 : 0),
    0,
  );
const indented = (line: Line | undefined): boolean => line?.text[0] === ' ';
const joined = (lines: Line[]): string => lines.map((l) => l.text).join('\n');

/** The problems docutils, as readme_renderer runs it, would certainly report for `text`, by line. */
export function checkRst(text: string): RstProblem[] {
  return checkRstWithin(text, Infinity).problems;
}

export interface RstCheck {
  problems: RstProblem[];
  /** Set when part of the text was not checked, and why. */
  stopped?: string;
}

/** checkRst with a time budget: past it, the problems found so far and a note that it stopped. */
export function checkRstWithin(text: string, budgetMs: number): RstCheck {
  const notes = new Set<string>();
  const facts = newFacts();
  try {
    withRstBudget(budgetMs, () => {
      parse(text, notes, facts);
    });
  } catch (error) {
    if (!(error instanceof RstBudgetExceeded)) throw error;
    notes.add(error.message.startsWith('the check stopped') ? error.message : `the check stopped after ${budgetMs} ms`);
  }
  const problems = facts.problems.sort((a, b) => a.line - b.line);
  return notes.size ? { problems, stopped: [...notes].join('; ') } : { problems };
}

function parse(text: string, notes: Set<string>, facts: RstFacts): void {
  const raw = text.replace(/[\v\f]/g, ' ').split(/\r\n|[\n\r\x1c-\x1e\x85\u2028\u2029]/);
  if (raw.length > 1 && raw.at(-1) === '') raw.pop();
  const lines = raw.map((line, k) => ({
    text: rstrip([...line].reduce((out, c) => out + (c === '\t' ? ' '.repeat(8 - (out.length % 8)) : c), '')),
    n: k + 1,
  }));
  const loose = looseScan(raw, facts);
  body(
    lines,
    {
      facts,
      styles: [],
      level: 0,
      kind: 'other',
      empty: true,
      afterTransition: false,
      looseNames: loose.names,
      depth: 0,
      notes,
    },
    true,
  );
  resolve(facts, loose);
}

function problem(ctx: Context, line: number, message: string, fix: string): void {
  ctx.facts.problems.push({ line, message, fix });
}

function unindented(
  ctx: Context,
  line: Line,
  what: string,
  fix = `insert a blank line before this line, or indent it to continue the ${what}`,
): void {
  problem(ctx, line.n, `this line ends the ${what} above it without a blank line in between`, fix);
}

/** docutils' get_indented: blank or indented lines from `start`, dedented, and whether they end blank. */
function indentedBlock(
  ls: Line[],
  start: number,
  opts: { first?: number; block?: number; untilBlank?: boolean } = {},
): Block & { lines: Line[] } {
  const { block, untilBlank } = opts;
  const first = opts.first ?? block;
  let [end, indent, blankFinish] = [first === undefined ? start : start + 1, block, true];
  for (; end < ls.length; end++) {
    const t = ls[end]!.text;
    if (t && (!t.startsWith(' ') || (block !== undefined && strip(t.slice(0, block))))) {
      blankFinish = end > start && !ls[end - 1]!.text;
      break;
    }
    if (!t && untilBlank) break;
    if (t && block === undefined) indent = Math.min(indent ?? Infinity, t.length - strip(t).length);
  }
  const lines = ls
    .slice(start, end)
    .map((l, k) => ({ n: l.n, text: l.text.slice(k === 0 && first !== undefined ? first : (indent ?? 0)) }));
  return { end, blankFinish, lines };
}

/** Items of one list-like construct while `item` continues it; warns when the last ends without a blank line. */
function list(ls: Line[], i: number, ctx: Context, what: string, item: (k: number) => Block | undefined): number {
  let last: Block = { end: i, blankFinish: true };
  for (let next = item(i); next; next = item(last.end)) last = next;
  if (!last.blankFinish && last.end < ls.length) unindented(ctx, ls[last.end]!, what);
  return last.end;
}

/** docutils' Body state: the first line of each block decides what the block is. */
function body(ls: Line[], ctx: Context, top: boolean): void {
  if (ctx.depth >= MAX_DEPTH) {
    ctx.notes.add(`blocks nested more than ${MAX_DEPTH} deep were not checked`);
    ctx.facts.skipped.push(joined(ls));
    return;
  }
  ctx.depth++;
  try {
    blocks(ls, ctx, top);
  } finally {
    ctx.depth--;
  }
}

function blocks(ls: Line[], ctx: Context, top: boolean): void {
  for (let i = 0; i < ls.length;) {
    checkBudget(ctx.facts);
    const t = ls[i]!.text;
    if (!t) {
      i++;
      continue;
    }
    if (t.startsWith(' ')) {
      const quote = indentedBlock(ls, i);
      body(quote.lines, ctx, false);
      if (!quote.blankFinish && quote.end < ls.length)
        unindented(
          ctx,
          ls[quote.end]!,
          'block quote',
          'insert a blank line before this line (the indented lines above form a quote)',
        );
      i = quote.end;
    } else if (BULLET.test(t)) {
      i = list(ls, i, ctx, 'bullet list', (k) => {
        const m = ls[k]?.text[0] === t[0] ? BULLET.exec(ls[k]!.text) : null;
        return m ? listItem(ls, k, m[0].length, ctx) : undefined;
      });
    } else if (ENUMERATOR.test(t)) i = enumeratedList(ls, i, ctx, top);
    else if (FIELD.test(t)) {
      i = list(ls, i, ctx, 'field list', (k) => {
        const m = FIELD.exec(ls[k]?.text ?? '');
        if (!m) return undefined;
        scanInline(m[0].slice(1, m[0].lastIndexOf(':')), [ls[k]!.n], ctx.facts);
        const field = indentedBlock(ls, k, { first: m[0].length });
        body(field.lines, ctx, false);
        return field;
      });
    } else if (OPTION_MARKER.test(t)) i = skip(ls, i, ctx);
    else if (DOCTEST.test(t)) while (ls[i]?.text) i++;
    else if (LINE_BLOCK.test(t)) {
      i = list(ls, i, ctx, 'line block', (k) => {
        const m = LINE_BLOCK.exec(ls[k]?.text ?? '');
        const line = m ? indentedBlock(ls, k, { first: m[0].length, untilBlank: true }) : undefined;
        if (line)
          scanInline(
            joined(line.lines),
            line.lines.map((l) => l.n),
            ctx.facts,
          );
        return line;
      });
    } else if (GRID_TABLE.test(t)) i = gridTable(ls, i, ctx);
    else if (SIMPLE_TABLE.test(t)) i = simpleTable(ls, i, ctx);
    else if (EXPLICIT.test(t) || ANONYMOUS.test(t)) {
      i = list(ls, i, ctx, 'explicit markup (directive, comment or target)', (k) => {
        const line = ls[k]?.text ?? '';
        return EXPLICIT.test(line) || ANONYMOUS.test(line) ? explicit(ls, k, ctx) : undefined;
      });
    } else if (PUNCTUATION_LINE.test(t)) i = punctuationLine(ls, i, ctx, top);
    else i = textBlock(ls, i, ctx, top);
    if (top) [ctx.empty, ctx.afterTransition] = [ctx.kind === 'new title', ctx.kind === 'transition'];
    ctx.kind = 'other';
  }
}

/** A construct this checker does not model: skipped up to a blank line and the indented lines after it. */
function skip(ls: Line[], i: number, ctx: Context): number {
  let j = i;
  while (ls[j]?.text) j++;
  while (j < ls.length && (!ls[j]!.text || indented(ls[j]))) j++;
  ctx.facts.skipped.push(joined(ls.slice(i, j)));
  return j;
}

function gridTable(ls: Line[], i: number, ctx: Context): number {
  let j = i;
  for (; ls[j]?.text; j++) {
    // Every line up to the blank line belongs to the table and must start with '+' or '|'.
    if (indented(ls[j]) || !/^[+|]/.test(ls[j]!.text)) {
      problem(
        ctx,
        ls[j]!.n,
        'this line follows a table without a blank line (or breaks its left border)',
        'insert a blank line after the table, or fix the border',
      );
      break;
    }
  }
  ctx.facts.skipped.push(joined(ls.slice(i, j)));
  return j;
}

/** docutils' isolate_simple_table: the table ends at its second border after the top, or one followed by a blank line. */
function simpleTable(ls: Line[], i: number, ctx: Context): number {
  for (let k = i + 1, found = 0; k < ls.length; k++) {
    if (!TABLE_BORDER.test(ls[k]!.text)) continue;
    if (strip(ls[k]!.text).length !== strip(ls[i]!.text).length) break;
    if (++found === 2 || k === ls.length - 1 || !ls[k + 1]!.text) {
      ctx.facts.skipped.push(joined(ls.slice(i, k + 1)));
      if (ls[k + 1]?.text)
        problem(
          ctx,
          ls[k + 1]!.n,
          'this line follows the table above without a blank line',
          'insert a blank line after the table',
        );
      return k + 1;
    }
  }
  problem(
    ctx,
    ls[i]!.n,
    'the table starting here has no bottom border of the same width followed by a blank line',
    'end the table with a copy of its top border line, then a blank line',
  );
  return skip(ls, i, ctx);
}

function listItem(ls: Line[], i: number, indent: number, ctx: Context): Block {
  const item = ls[i]!.text.slice(indent)
    ? indentedBlock(ls, i, { block: indent })
    : indentedBlock(ls, i, { first: indent });
  body(item.lines, ctx, false);
  return item;
}

interface Enumerator {
  length: number;
  format: string;
  sequence: string;
  ordinal?: number;
}

/** docutils' parse_enumerator: `expected` is the sequence of the list being continued. */
function enumerator(text: string | undefined, expected?: string): Enumerator | undefined {
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
function isItem(ls: Line[], k: number, e: Enumerator): boolean {
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

function enumeratedList(ls: Line[], i: number, ctx: Context, top: boolean): number {
  const first = enumerator(ls[i]!.text)!;
  if (!isItem(ls, i, first)) return textBlock(ls, i, ctx, top);
  const type = first.sequence === '#' ? 'arabic' : first.sequence;
  let [auto, last] = [first.sequence === '#', first.ordinal!];
  return list(ls, i, ctx, 'enumerated list', (k) => {
    const e = enumerator(ls[k]?.text, type);
    if (k !== i) {
      if (e?.format !== first.format || !isItem(ls, k, e)) return undefined;
      if (e.sequence !== '#' && (e.sequence !== type || auto || e.ordinal !== last + 1)) return undefined;
      [auto, last] = [auto || e.sequence === '#', e.ordinal!];
    }
    return listItem(ls, k, e!.length, ctx);
  });
}

function explicit(ls: Line[], i: number, ctx: Context): Block {
  const t = ls[i]!.text;
  let m: RegExpExecArray | null;
  if ((m = ANONYMOUS.exec(t)) || (m = /^\.\. +_(?! |$)/.exec(t))) {
    const block = indentedBlock(ls, i, { first: m[0].length, untilBlank: true });
    hyperlinkTarget(
      [t.slice(m[0].length), ...ls.slice(i + 1, block.end).map((l) => l.text)],
      ls[i]!.n,
      ctx.facts,
      m[0].startsWith('_'),
    );
    return block;
  }
  if ((m = FOOTNOTE.exec(t))) {
    const block = indentedBlock(ls, i, { first: m[0].length });
    const label = m[1]!;
    if (label === '#' || label === '*') ctx.facts.autoFootnotes[label]++;
    else ctx.facts.explicitTargets.push({ name: normalizeName(label.replace(/^#/, '')), line: ls[i]!.n });
    ctx.facts.names.add(squash(label));
    ctx.facts.skipped.push(joined(block.lines));
    return block;
  }
  if ((m = /^\.\. +\|(?! |$)/.exec(t) ?? DIRECTIVE.exec(t))) {
    const block = indentedBlock(ls, i, { first: m[0].length });
    if (m[1] === undefined) substitutionDefinition(block.lines, ls[i]!.n, ctx.facts);
    else body(checkDirective(m[1], block.lines, ls[i]!.n, ctx.facts, false) || [], ctx, false);
    return block;
  }
  m = EXPLICIT.exec(t)!;
  if (!ls[i + 1]?.text && !strip(t.slice(m[0].length))) return { end: i + 1, blankFinish: true };
  return indentedBlock(ls, i, { first: m[0].length });
}

/** A line of one repeated punctuation character: an overline, a transition, or text (docutils' Line state). */
function punctuationLine(ls: Line[], i: number, ctx: Context, top: boolean): number {
  const [over, next, short] = [ls[i]!.text, ls[i + 1], ls[i]!.text.length < 4];
  if (!top && over !== '::' && !short) {
    problem(
      ctx,
      ls[i]!.n,
      `the line '${over}' would be a title underline or a transition, but it is inside an indented block (quote, list item or directive) where neither is allowed`,
      'remove the indentation of the title, or remove the line',
    );
    return i + 1;
  }
  if (!top || (short && (!next?.text || (!indented(next) && PUNCTUATION_LINE.test(next.text)))))
    return textBlock(ls, i, ctx, top);
  if (!next?.text) {
    const fix = 'remove the line, or keep it only between two paragraphs';
    if (ls.slice(i + 1).every((l) => !l.text))
      problem(
        ctx,
        ls[i]!.n,
        `the ${ctx.level ? 'last section' : 'document'} ends with a transition (a line of punctuation)`,
        fix,
      );
    if (ctx.empty)
      problem(
        ctx,
        ls[i]!.n,
        `the ${ctx.level ? 'section' : 'document'} starts with a transition (a line of punctuation)`,
        fix,
      );
    else if (ctx.afterTransition)
      problem(
        ctx,
        ls[i]!.n,
        'two transitions (lines of punctuation) follow each other with nothing between them',
        'remove one of them',
      );
    ctx.kind = 'transition';
    return i + 1;
  }
  if (!indented(next) && PUNCTUATION_LINE.test(next.text)) {
    problem(
      ctx,
      ls[i]!.n,
      'two lines of punctuation follow each other: this is neither a title nor a transition',
      'put the title text between the overline and the underline, or remove one line',
    );
    return i + 2;
  }
  const [title, under, before] = [strip(next.text), ls[i + 2]?.text, ctx.facts.problems.length];
  const shape =
    under === undefined || !PUNCTUATION_LINE.test(under)
      ? 'missing'
      : under !== over
        ? 'mismatch'
        : width(next.text) > over.length
          ? 'short'
          : '';
  if (shape && short) return textBlock(ls, i, ctx, top);
  if (shape === 'missing') {
    problem(
      ctx,
      ls[i]!.n,
      `the title '${title}' has an overline but no matching underline`,
      `add the line '${over}' right below the title`,
    );
    return Math.min(i + 3, ls.length);
  }
  if (shape === 'mismatch') {
    problem(
      ctx,
      ls[i]!.n,
      `the overline and the underline of the title '${title}' differ ('${over}' and '${under}')`,
      'make the underline an exact copy of the overline',
    );
    return i + 3;
  }
  if (shape === 'short') {
    problem(
      ctx,
      ls[i]!.n,
      `the overline of the title '${title}' is shorter than the title (${over.length} characters for ${width(next.text)})`,
      `extend the overline and the underline to at least ${width(next.text)} characters`,
    );
  }
  section(title, `${over[0]!}${under![0]!}`, next, ctx, before);
  return i + 3;
}

/** docutils' Text state: the second line decides between title, definition list and paragraph. */
function textBlock(ls: Line[], i: number, ctx: Context, top: boolean): number {
  const [title, next] = [ls[i]!.text, ls[i + 1]];
  if (indented(next)) return definitionList(ls, i, ctx);
  // An underline shorter than its title and than 4 characters makes ordinary text.
  if (next?.text && PUNCTUATION_LINE.test(next.text) && (width(title) <= next.text.length || next.text.length >= 4)) {
    const before = ctx.facts.problems.length;
    if (width(title) > next.text.length) {
      problem(
        ctx,
        next.n,
        `the underline of the title '${title}' is shorter than the title (${next.text.length} characters for ${width(title)})`,
        `extend the underline to at least ${width(title)} characters`,
      );
    }
    if (top) section(title, next.text[0]!, ls[i]!, ctx, before);
    else
      problem(
        ctx,
        ls[i]!.n,
        `the title '${title}' is inside an indented block (quote, list item or directive), where titles are not allowed`,
        'remove the indentation so the title starts at the left margin, or make it **bold** text',
      );
    return i + 2;
  }
  let j = i + 1;
  for (; ls[j]?.text; j++) {
    if (!indented(ls[j])) continue;
    problem(
      ctx,
      ls[j]!.n,
      'this line is indented more than the paragraph above it, without a blank line in between',
      'remove the extra indentation, or put a blank line before it to make it a quote or literal block',
    );
    break;
  }
  const lines = ls.slice(i, j);
  const data = rstrip(joined(lines));
  const literal = /(?<!\\)(?:\\\\)*::$/.test(data);
  const text = !literal
    ? data
    : data === '::'
      ? ''
      : ' \n'.includes(data.at(-3)!)
        ? rstrip(data.slice(0, -3))
        : data.slice(0, -1);
  if (text)
    scanInline(
      text,
      lines.map((l) => l.n),
      ctx.facts,
    );
  return literal ? literalBlock(ls, j, ctx, lines.at(-1)!.n) : j;
}

/** The block a paragraph ending in '::' announces: indented, or quoted with a punctuation character. */
function literalBlock(ls: Line[], j: number, ctx: Context, at: number): number {
  const block = j < ls.length ? indentedBlock(ls, j) : { end: j, blankFinish: true, lines: [] };
  if (block.lines.some((l) => l.text)) {
    if (!block.blankFinish && block.end < ls.length) unindented(ctx, ls[block.end]!, 'literal block');
    return block.end;
  }
  let k = block.end;
  if (j >= ls.length || !/^[!-/:-@[-`{-~]/.test(ls[k]?.text ?? '')) {
    problem(
      ctx,
      at,
      "the paragraph ends with '::', which announces a literal block, but no indented block follows",
      "indent the block under it after a blank line, or end the paragraph with a single ':'",
    );
    return k;
  }
  const quote = ls[k]!.text[0]!;
  while (ls[k]?.text.startsWith(quote)) k++;
  if (ls[k]?.text)
    problem(
      ctx,
      ls[k]!.n,
      `this line ends a quoted literal block (lines starting with '${quote}') without a blank line`,
      'insert a blank line before it',
    );
  return k;
}

function definitionList(ls: Line[], i: number, ctx: Context): number {
  return list(ls, i, ctx, 'definition list', (k) => {
    const term = ls[k]?.text;
    if (term === undefined || (k !== i && (SPECIAL.some((p) => p.test(term)) || !indented(ls[k + 1]))))
      return undefined;
    scanInline(term, [ls[k]!.n], ctx.facts);
    const definition = indentedBlock(ls, k + 1);
    body(definition.lines, ctx, false);
    return definition;
  });
}

/** A section title; `since` counts the problems before its own (which docutils places right after it). */
function section(title: string, style: string, line: Line, ctx: Context, since: number): void {
  const known = ctx.styles.indexOf(style);
  const level = known < 0 ? ctx.styles.length + 1 : known + 1;
  const show = (s: string): string =>
    s.length === 1 ? `'${s}' underline` : `'${s[0]}' overline with '${s[1]}' underline`;
  if (level > ctx.level + 1) {
    problem(
      ctx,
      line.n,
      `the title '${title}' skips a level: its ${show(style)} makes it a level-${level} title right under a level-${ctx.level} one`,
      `use the style of level ${ctx.level + 1} or above (${ctx.styles.map((s, k) => `${show(s)} for level ${k + 1}`).join(', ')})`,
    );
    return;
  }
  if (known < 0) ctx.styles.push(style);
  ctx.level = level;
  const taken = ctx.facts.names.has(squash(title)) || ctx.looseNames.has(squash(title));
  ctx.facts.names.add(squash(title));
  scanInline(title, [line.n], ctx.facts);
  // docutils puts the title's messages (and an INFO when its name is taken) right after it, before any transition.
  if (ctx.facts.problems.length === since && !taken) ctx.kind = 'new title';
}
