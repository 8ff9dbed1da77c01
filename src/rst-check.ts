// A pure approximation of the reStructuredText errors that make PyPI refuse a description: PyPI renders
// it with readme_renderer, which runs docutils with halt_level at WARNING, so any docutils warning or
// error refuses the upload. The parser below follows docutils' block states (parsers/rst/states.py)
// closely enough to say where a construct starts and ends, and only reports what docutils certainly
// reports; what it does not model it skips as a whole block.
import { escapeToNull, normalizeName, type RstFacts, scanInline, SIMPLENAME, squash, unescape } from './rst-inline.js';

export interface RstProblem {
  line: number;
  message: string;
  fix: string;
}

/** What readme_renderer refuses that checkRst does not look for. */
export const RST_CHECKS_NOT_DONE: string[] = [
  'tables: malformed grid or simple tables, and inline markup inside table cells (csv-table and list-table content included)',
  'footnotes and citations: auto-numbered footnote references without footnotes, and markup inside footnote bodies',
  'substitution definitions: the text of a `replace::` and the options of an embedded `image::`',
  'directive option values (e.g. a :width: without a valid unit, an :align: docutils does not accept)',
  'lists numbered with letters or Roman numerals, field lists, option lists and line blocks: their shape and markup',
  'a reference to a name that two targets share, and chains of indirect targets',
  '`.. default-role::`, and roles used before their `.. role::` definition',
  'a document that renders to nothing (only comments or targets)',
];

interface Line {
  text: string;
  n: number;
}

/** What the last top-level block was, for the transition checks. */
type Kind = 'other' | 'new title' | 'transition';

interface Context {
  facts: RstFacts;
  styles: string[];
  level: number;
  kind: Kind;
  /** Nothing since the document start or the last title, so a transition here would begin it. */
  empty: boolean;
  afterTransition: boolean;
  looseNames: Set<string>;
  /** Text docutils parses for inline markup but this checker skipped. */
  skipped: string[];
  substitutions: Array<{ name: string; line: number }>;
}

const BULLET = /^[-+*\u2022\u2023\u2043]( +|$)/;
const ENUM_SEQUENCE = '[0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#';
const ENUMERATOR = new RegExp(`^(?:\\((?<p>${ENUM_SEQUENCE})\\)|(?<r>${ENUM_SEQUENCE})\\)|(?<d>${ENUM_SEQUENCE})\\.)(?: +|$)`);
const FIELD = /^:(?![: ])(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*(?<! ):( +|$)/;
const OPTION_ARG = '(?:[a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)';
const OPTION = `(?:[-+][a-zA-Z0-9](?: ?${OPTION_ARG})?|(?:--|/)[a-zA-Z0-9][a-zA-Z0-9_-]*(?:[ =]${OPTION_ARG})?)`;
const OPTION_MARKER = new RegExp(`^${OPTION}(?:, ${OPTION})*(?:  +| ?$)`);
const DOCTEST = /^>>>( +|$)/;
const LINE_BLOCK = /^\|( +|$)/;
const GRID_TABLE = /^\+-[-+]+-\+ *$/;
const SIMPLE_TABLE = /^=+( +=+)+ *$/;
const TABLE_BORDER = /^=+[ =]*$/;
const EXPLICIT = /^\.\.( +|$)/;
const ANONYMOUS = /^__( +|$)/;
const PUNCTUATION_LINE = /^([!-/:-@[-`{-~])\1* *$/;
const FOOTNOTE = new RegExp(`^\\.\\. +\\[([0-9]+|#|#${SIMPLENAME}|\\*|${SIMPLENAME})\\]( +|$)`, 'u');
const DIRECTIVE = new RegExp(`^\\.\\. +(${SIMPLENAME}) ?::( +|$)`, 'u');
const TARGET = /^(?:_|(?!_)(?<q>`?)(?![ `])(?<name>.+?)(?<![\s\0])\k<q>)(?<!(?<!\0):)(?<![\s\0]) ?:(?: +|$)/u;
const SUBSTITUTION = /^(?![ ])(?<name>.+?)(?<![\s\0])\|(?: +|$)/u;

// Directive signatures from docutils: required and optional arguments, whether the last argument may
// hold spaces, content (0 none, 1 allowed, 2 required), then the option names.
const ADMONITION = '0 0 1 2 class name';
const CODE = '0 1 0 2 class name number-lines';
const SPECS: Record<string, string> = {
  attention: ADMONITION, caution: ADMONITION, danger: ADMONITION, error: ADMONITION, hint: ADMONITION,
  important: ADMONITION, note: ADMONITION, tip: ADMONITION, warning: ADMONITION, admonition: '1 0 1 2 class name',
  sidebar: '0 1 1 1 class name subtitle', topic: '1 0 1 2 class name', 'line-block': '0 0 0 2 class name',
  'parsed-literal': '0 0 0 2 class name', code: CODE, 'code-block': CODE, sourcecode: CODE, math: '0 0 0 2 class name',
  rubric: '1 0 1 0 class name', epigraph: '0 0 0 2', highlights: '0 0 0 2', 'pull-quote': '0 0 0 2',
  compound: '0 0 0 2 class name', container: '0 1 1 2 name', table: '0 1 1 1 align class name width widths',
  'csv-table': '0 1 1 1 align class delim encoding escape file header header-rows keepspace name quote stub-columns url width widths',
  'list-table': '0 1 1 1 align class header-rows name stub-columns width widths', meta: '0 0 0 2',
  image: '1 0 1 0 align alt class height loading name scale target width',
  figure: '1 0 1 1 align alt class figclass figname figwidth height loading name scale target width',
  include: '1 0 1 0', raw: '1 0 1 2 class encoding file url', replace: '0 0 0 2', unicode: '1 0 1 0 ltrim rtrim trim',
  date: '0 0 0 1', class: '1 0 1 1', 'rst-class': '1 0 1 1', role: '0 0 0 1', 'default-role': '0 1 0 0', title: '1 0 1 0',
  contents: '0 1 1 0 backlinks class depth local', sectnum: '0 0 0 0 depth prefix start suffix',
  'section-numbering': '0 0 0 0 depth prefix start suffix', header: '0 0 0 2', footer: '0 0 0 2',
  'target-notes': '0 0 0 0 class', 'restructuredtext-test-directive': '0 1 1 1 option',
};
const BODY_CONTENT = new Set([...'attention caution danger error hint important note tip warning admonition topic sidebar'.split(' '),
  ...'container compound epigraph highlights pull-quote class rst-class header footer figure'.split(' ')]);
const UNPARSED_CONTENT = new Set('code code-block sourcecode math raw include role default-role unicode date'.split(' '));
const SUBSTITUTION_DIRECTIVES = new Set(['image', 'replace', 'unicode', 'date']);
const SPHINX_FIXES: Record<string, string> = {
  highlight: "remove it and give the language on each '.. code-block:: <language>'",
  literalinclude: "paste the code into a '.. code-block::' (PyPI cannot read other files)",
  toctree: 'remove it: a package description is a single page',
  versionadded: "use a '.. note::' instead", versionchanged: "use a '.. note::' instead", deprecated: "use a '.. warning::' instead",
  seealso: "use a '.. note::' instead", 'code-block': '',
};
// Characters that occupy two columns, as far as certainly known (East Asian Wide/Fullwidth, common emoji).
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u3247\u3250-\u4dbf\u4e00-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2705\u2728\u26a1\u2b50\u2615\u2757\u274c\u{1f300}-\u{1f320}\u{1f337}-\u{1f37c}\u{1f37e}-\u{1f393}\u{1f3a0}-\u{1f3ca}\u{1f3f8}-\u{1f43e}\u{1f442}-\u{1f4fc}\u{1f4ff}-\u{1f53d}\u{1f5fb}-\u{1f64f}\u{1f680}-\u{1f6c5}\u{1f90c}-\u{1f93a}\u{1f947}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** Display width as docutils counts it (column_width), never more than docutils' count. */
const width = (text: string): number => [...text].reduce((sum, ch) => sum + (WIDE.test(ch) ? 2 : /\p{Mn}/u.test(ch) && !/[\ufe00-\ufe0f]/.test(ch) ? 0 : 1), 0);
const blank = (line: Line | undefined): boolean => line !== undefined && !line.text;
const indented = (line: Line | undefined): boolean => line?.text[0] === ' ';

/** The problems docutils (as readme_renderer runs it) would certainly report for `text`, in line order. */
export function checkRst(text: string): RstProblem[] {
  const raw = text.replace(/[\v\f]/g, ' ').split(/\r\n|[\n\r\x1c-\x1e\x85\u2028\u2029]/);
  if (raw.length > 1 && raw.at(-1) === '') raw.pop();
  const lines = raw.map((line, k) => ({ text: expandTabs(line).trimEnd(), n: k + 1 }));
  const facts: RstFacts = {
    problems: [], references: [], anonymousReferences: [], anonymousTargets: [], substitutionReferences: [],
    explicitTargets: [], names: new Set(), customRoles: new Set(),
  };
  const loose = looseScan(raw, facts);
  const ctx: Context = { facts, styles: [], level: 0, kind: 'other', empty: true, afterTransition: false, looseNames: loose.names, skipped: [], substitutions: [] };
  body(lines, ctx, true);
  resolve(ctx, loose);
  return facts.problems.sort((a, b) => a.line - b.line);
}

function expandTabs(line: string): string {
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  return out;
}

/** Names, substitutions, roles and anonymous targets the document might define, read without parsing. */
function looseScan(raw: string[], facts: RstFacts) {
  const names = new Set(['contents']);
  const titles = new Set<string>();
  const substitutions = new Set<string>();
  let anonymousTargets = 0;
  raw.forEach((line, k) => {
    for (const m of line.matchAll(/`([^`]*?)\s*<([^`<>]+)>`_(?!_)|_`([^`]+)`/g)) names.add(squash(m[1] || m[2] || m[3] || ''));
    const m = /^\s*(?:\.\.\s+(?:_`?(.+?)`?\s?:(?:\s|$)|\[#?([^\]]+)\]|\|([^|]+)\||(role)::\s*([^\s(]+)|[\w.:+-]+\s?::\s*(.*))|:name:\s*(.*))/u.exec(line);
    if (m?.[1] || m?.[2] || m?.[6] || m?.[7]) names.add(squash(m[1] || m[2] || m[6] || m[7]!));
    if (m?.[3]) substitutions.add(normalizeName(m[3]));
    if (m?.[5]) facts.customRoles.add(m[5].toLowerCase());
    if (/^\s*(?:\.\.\s+__\s?:(?:\s|$)|__(?: |$))/.test(line)) anonymousTargets++;
    if (k + 1 < raw.length && PUNCTUATION_LINE.test(raw[k + 1]!.trimEnd())) titles.add(squash(line));
  });
  return { names, titles, substitutions, anonymousTargets };
}

function problem(ctx: Context, line: number, message: string, fix: string): void {
  ctx.facts.problems.push({ line, message, fix });
}

function unindented(ctx: Context, line: Line, what: string, fix = `insert a blank line before this line, or indent it to continue the ${what}`): void {
  problem(ctx, line.n, `this line ends the ${what} above it without a blank line in between`, fix);
}

/** docutils' get_indented: the block at `start` of blank or indented lines, and whether it ends blank. */
function indentedBlock(ls: Line[], start: number, opts: { first?: number; block?: number; untilBlank?: boolean }) {
  const { block, untilBlank } = opts;
  const first = opts.first ?? block;
  let end = first === undefined ? start : start + 1;
  let indent = block;
  let blankFinish = true;
  for (; end < ls.length; end++) {
    const t = ls[end]!.text;
    if (t && (t[0] !== ' ' || (block !== undefined && t.slice(0, block).trim()))) {
      blankFinish = end > start && !ls[end - 1]!.text;
      break;
    }
    if (!t && untilBlank) break;
    if (t && block === undefined) indent = Math.min(indent ?? Infinity, t.length - t.trimStart().length);
  }
  const lines = ls.slice(start, end).map((l, k) => ({
    n: l.n, text: k === 0 && first !== undefined ? l.text.slice(first) : l.text.slice(indent ?? 0),
  }));
  return { end, blankFinish, lines };
}

/** docutils' Body state: classifies the first line of each block and hands it to its construct. */
function body(ls: Line[], ctx: Context, top: boolean): void {
  let i = 0;
  while (i < ls.length) {
    const line = ls[i]!;
    if (!line.text) {
      i++;
      continue;
    }
    const t = line.text;
    if (t[0] === ' ') {
      const quote = indentedBlock(ls, i, {});
      body(quote.lines, ctx, false);
      if (!quote.blankFinish && quote.end < ls.length) unindented(ctx, ls[quote.end]!, 'block quote', 'insert a blank line before this line (the indented lines above form a quote)');
      i = quote.end;
    } else if (BULLET.test(t)) i = bulletList(ls, i, ctx);
    else if (ENUMERATOR.test(t)) i = enumeratedList(ls, i, ctx, top);
    else if (FIELD.test(t) || OPTION_MARKER.test(t) || LINE_BLOCK.test(t)) i = skipBlock(ls, i, ctx);
    else if (DOCTEST.test(t)) while (i < ls.length && ls[i]!.text) i++;
    else if (GRID_TABLE.test(t)) {
      const start = i;
      while (i < ls.length && ls[i]!.text) i++;
      ctx.skipped.push(ls.slice(start, i).map((l) => l.text).join('\n'));
    } else if (SIMPLE_TABLE.test(t)) i = simpleTable(ls, i, ctx);
    else if (EXPLICIT.test(t) || ANONYMOUS.test(t)) i = explicitList(ls, i, ctx);
    else if (PUNCTUATION_LINE.test(t)) i = punctuationLine(ls, i, ctx, top);
    else i = textBlock(ls, i, ctx, top);
    if (top) [ctx.empty, ctx.afterTransition] = [ctx.kind === 'new title', ctx.kind === 'transition'];
    ctx.kind = 'other';
  }
}

/** A construct this checker does not model: skipped up to the next blank line and the indented lines after it. */
function skipBlock(ls: Line[], i: number, ctx: Context): number {
  let j = i;
  while (j < ls.length && ls[j]!.text) j++;
  while (j < ls.length && (!ls[j]!.text || indented(ls[j]))) j++;
  ctx.skipped.push(ls.slice(i, j).map((l) => l.text).join('\n'));
  return j;
}

function simpleTable(ls: Line[], i: number, ctx: Context): number {
  const width0 = ls[i]!.text.trim().length;
  let found = 0;
  for (let k = i + 1; k < ls.length; k++) {
    if (!TABLE_BORDER.test(ls[k]!.text)) continue;
    if (ls[k]!.text.trim().length !== width0) break;
    if (++found === 2 || k === ls.length - 1 || !ls[k + 1]!.text) {
      ctx.skipped.push(ls.slice(i, k + 1).map((l) => l.text).join('\n'));
      if (ls[k + 1]?.text) problem(ctx, ls[k + 1]!.n, 'this line follows the table above without a blank line', 'insert a blank line after the table');
      return k + 1;
    }
  }
  return skipBlock(ls, i, ctx);
}

function listItem(ls: Line[], i: number, indent: number, ctx: Context): { end: number; blankFinish: boolean } {
  const item = ls[i]!.text.slice(indent) ? indentedBlock(ls, i, { block: indent }) : indentedBlock(ls, i, { first: indent });
  body(item.lines, ctx, false);
  return item;
}

function bulletList(ls: Line[], i: number, ctx: Context): number {
  const bullet = ls[i]!.text[0];
  let finish = true;
  while (i < ls.length && ls[i]!.text[0] === bullet && BULLET.test(ls[i]!.text)) {
    ({ end: i, blankFinish: finish } = listItem(ls, i, BULLET.exec(ls[i]!.text)![0].length, ctx));
  }
  if (!finish && i < ls.length) unindented(ctx, ls[i]!, 'bullet list');
  return i;
}

/** Lists numbered with digits or '#' follow docutils exactly; letters and Roman numerals are skipped. */
function enumeratedList(ls: Line[], i: number, ctx: Context, top: boolean): number {
  const parse = (t: string | undefined) => {
    const m = t === undefined ? null : ENUMERATOR.exec(t);
    const g = m?.groups;
    const value = g && (g.p ?? g.r ?? g.d)!;
    const [prefix, suffix] = g?.p !== undefined ? ['(', ')'] : g?.r !== undefined ? ['', ')'] : ['', '.'];
    return m && value !== undefined ? { length: m[0].length, value, prefix, suffix } : undefined;
  };
  // docutils' is_enumerated_list_item: the next line is blank, indented, or the next enumerator.
  const isItem = (k: number, ordinal: number, auto: boolean, e: { prefix: string; suffix: string }): boolean => {
    const next = ls[k + 1]?.text;
    return !next || next[0] === ' ' || next.startsWith(`${e.prefix}${auto ? '#' : ordinal + 1}${e.suffix} `) || next.startsWith(`${e.prefix}#${e.suffix} `);
  };
  const first = parse(ls[i]!.text)!;
  if (!/^([0-9]+|#)$/.test(first.value)) return PUNCTUATION_LINE.test(ls[i + 1]?.text ?? '') ? textBlock(ls, i, ctx, top) : skipBlock(ls, i, ctx);
  let auto = first.value === '#';
  let last = auto ? 1 : Number(first.value);
  if (!isItem(i, last, auto, first)) return textBlock(ls, i, ctx, top);
  let { end, blankFinish } = listItem(ls, i, first.length, ctx);
  for (let e = parse(ls[end]?.text); e && e.prefix === first.prefix && e.suffix === first.suffix; e = parse(ls[end]?.text)) {
    const hash = e.value === '#';
    if (!hash && (auto || !/^[0-9]+$/.test(e.value) || Number(e.value) !== last + 1)) break;
    if (!isItem(end, hash ? 1 : Number(e.value), hash, e)) break;
    auto ||= hash;
    last = hash ? 1 : Number(e.value);
    ({ end, blankFinish } = listItem(ls, end, e.length, ctx));
  }
  if (!blankFinish && end < ls.length) unindented(ctx, ls[end]!, 'enumerated list');
  return end;
}

function explicitList(ls: Line[], i: number, ctx: Context): number {
  let finish = true;
  while (i < ls.length && (EXPLICIT.test(ls[i]!.text) || ANONYMOUS.test(ls[i]!.text))) {
    ({ end: i, blankFinish: finish } = explicitConstruct(ls, i, ctx));
    if (blank(ls[i])) break;
  }
  if (!finish && i < ls.length) unindented(ctx, ls[i]!, 'explicit markup (directive, comment or target)', 'insert a blank line before this line, or indent it to belong to the block above');
  return i;
}

function explicitConstruct(ls: Line[], i: number, ctx: Context): { end: number; blankFinish: boolean } {
  const t = ls[i]!.text;
  let m: RegExpExecArray | null;
  if ((m = ANONYMOUS.exec(t)) || (m = /^\.\. +_(?! |$)/.exec(t))) {
    const block = indentedBlock(ls, i, { first: m[0].length, untilBlank: true });
    hyperlinkTarget([t.slice(m[0].length), ...ls.slice(i + 1, block.end).map((l) => l.text)], ls[i]!.n, ctx, m[0].startsWith('__'));
    return block;
  }
  if ((m = FOOTNOTE.exec(t))) {
    const block = indentedBlock(ls, i, { first: m[0].length });
    const name = m[1]!.replace(/^#/, '');
    if (name && name !== '*') ctx.facts.explicitTargets.push({ name: normalizeName(name), line: ls[i]!.n });
    ctx.facts.names.add(squash(name));
    ctx.skipped.push(block.lines.map((l) => l.text).join('\n'));
    return block;
  }
  if ((m = /^\.\. +\|(?! |$)/.exec(t))) return substitutionDefinition(ls, i, m[0].length, ctx);
  if ((m = DIRECTIVE.exec(t))) {
    const block = indentedBlock(ls, i, { first: m[0].length });
    checkDirective(m[1]!, block.lines, ls[i]!.n, ctx, false);
    return block;
  }
  m = EXPLICIT.exec(t)!;
  if ((i + 1 >= ls.length || blank(ls[i + 1])) && !t.slice(m[0].length).trim()) return { end: i + 1, blankFinish: true };
  return indentedBlock(ls, i, { first: m[0].length });
}

/** A hyperlink target; `raw` starts after '.. _' (or '__ ' for the short anonymous form), lines not dedented. */
function hyperlinkTarget(raw: string[], line: number, ctx: Context, anonymous: boolean): void {
  let escaped = '';
  let k = 0;
  let m: RegExpExecArray | null = null;
  if (anonymous) m = /^/.exec('');
  else for (; k < raw.length && !(m = TARGET.exec((escaped += escapeToNull(raw[k]!)))); k++);
  if (!m) {
    problem(ctx, line, `the hyperlink target '.. _${raw.join(' ').trim()}' has no ':' after its name`, "write it as '.. _name: https://…' (quote a name containing ': ' with backquotes)");
    return;
  }
  const rest = [(escapeToNull(raw[k] ?? '') + ' ').slice(anonymous ? 0 : m[0].length - escaped.length - 1).trim(), ...raw.slice(k + 1).map(escapeToNull)];
  const joined = rest.map((l) => l.trim()).join(' ').split(/\s+/).join(' ');
  const indirect = joined.endsWith('_') ? new RegExp(`^(?:(${SIMPLENAME})_|\`(?! )(.+?)(?<![\\s\\0])\`_)$`, 'u').exec(joined) : null;
  const refname = indirect ? normalizeName(unescape(indirect[1] ?? indirect[2]!)) : undefined;
  const uri = indirect ? undefined : rest.join(' ').split(/\0[ \n]/).map((part) => unescape(part).split(/\s+/).join('')).join(' ');
  if (refname) ctx.facts.references.push({ name: refname, line, source: joined });
  const name = m.groups?.name;
  if (name === undefined) ctx.facts.anonymousTargets.push(line);
  else {
    ctx.facts.explicitTargets.push({ name: normalizeName(unescape(name)), line, uri: uri || undefined, refname });
    ctx.facts.names.add(squash(unescape(name)));
  }
}

function substitutionDefinition(ls: Line[], i: number, start: number, ctx: Context): { end: number; blankFinish: boolean } {
  const block = indentedBlock(ls, i, { first: start });
  const raw = block.lines.map((l) => l.text);
  let escaped = escapeToNull(raw[0]!.trimEnd());
  let k = 0;
  let m: RegExpExecArray | null;
  while (!(m = SUBSTITUTION.exec(escaped)) && ++k < raw.length) escaped += ` ${escapeToNull(raw[k]!.trim())}`;
  const at = ls[i]!.n;
  if (!m) {
    problem(ctx, at, "this substitution definition has no closing '|' after its name", "write it as '.. |name| image:: https://…'");
    return block;
  }
  const name = unescape(m.groups!.name!);
  const head = (raw[k]!.trim() + ' ').slice(m[0].length - escaped.length - 1, -1).trim();
  const content = [{ text: head, n: block.lines[k]!.n }, ...block.lines.slice(k + 1)].filter((l, j) => j > 0 || l.text);
  while (content.length && !content.at(-1)!.text) content.pop();
  const directive = new RegExp(`^(${SIMPLENAME})::( +|$)`, 'u').exec(content[0]?.text ?? '');
  if (!directive) {
    problem(ctx, at, `the substitution '|${name}|' is defined without a directive`, `define it with a directive, e.g. '.. |${name}| image:: https://…' or '.. |${name}| replace:: text'`);
  } else if (checkDirective(directive[1]!, [{ text: content[0]!.text.slice(directive[0].length), n: content[0]!.n }, ...content.slice(1)], at, ctx, true)) {
    if (SUBSTITUTION_DIRECTIVES.has(directive[1]!.toLowerCase())) ctx.substitutions.push({ name, line: at });
    else problem(ctx, at, `'${directive[1]}::' cannot define a substitution`, "use image::, replace::, unicode:: or date:: in a substitution definition");
  }
  return block;
}

/** docutils' parse_directive_block and the checks every directive's run() starts with; true when none fails. */
function checkDirective(type: string, block: Line[], line: number, ctx: Context, substitution: boolean): boolean {
  const name = type.toLowerCase();
  const spec = SPECS[name];
  const fail = (message: string, fix: string): false => (problem(ctx, line, message, fix), false);
  if (!spec) {
    return fail(`'.. ${type}::' is not a directive docutils knows (PyPI renders with plain docutils, without Sphinx directives)`,
      SPHINX_FIXES[name] || 'remove it, or use a docutils directive such as code-block, note, warning, image or figure');
  }
  if (name === 'raw' || name === 'include') {
    return fail(`the '${name}' directive is disabled on PyPI`, name === 'raw' ? 'write the content in reStructuredText instead of raw HTML' : 'paste the included text into the description');
  }
  const [required, optional, spaces, contentRule, ...options] = spec.split(' ').map((v, j) => (j < 4 ? Number(v) : v)) as [number, number, number, number, ...string[]];
  let lines = block.slice(block[0]?.text.trim() ? 0 : 1);
  while (lines.length && !lines.at(-1)!.text) lines = lines.slice(0, -1);
  let args: Line[] = [];
  let content = lines;
  let split = lines.findIndex((l) => !l.text);
  if (split < 0) split = lines.length;
  if (lines.length && (required || optional || options.length)) [args, content] = [lines.slice(0, split), lines.slice(split + 1)];
  const field = options.length ? args.findIndex((l) => FIELD.test(l.text)) : -1;
  const optionLines = field < 0 ? [] : args.slice(field);
  if (field >= 0) args = args.slice(0, field);
  if (args.length && !(required || optional)) [args, content] = [[], args.concat(lines.slice(split))];
  while (content.length && !content[0]!.text) content = content.slice(1);
  ctx.skipped.push(args.map((l) => l.text).join('\n'));
  for (const option of optionLines) {
    if (indented(option)) continue;
    const m = FIELD.exec(option.text);
    const key = m ? m[0].slice(1, m[0].trimEnd().lastIndexOf(':')).trim().toLowerCase() : '';
    if (!m) return fail(`the line '${option.text}' among the options of '.. ${type}::' is not an option`, 'indent it under the option it continues, or put a blank line before the content');
    // Option names go through inline markup (`:target_:` is read as "target"), so judge plain words only.
    if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(key) && !options.includes(key)) {
      return fail(`'.. ${type}::' has no option ':${key}:'`, `remove it; docutils allows ${options.map((o) => `:${o}:`).join(' ')}` +
        (/^(code|code-block|sourcecode)$/.test(name) ? ' (Sphinx options such as :caption: or :linenos: do not exist there)' : ''));
    }
    if (key === 'name') {
      const value = option.text.slice(m[0].length);
      ctx.facts.explicitTargets.push({ name: normalizeName(value), line: option.n });
      ctx.facts.names.add(squash(value));
    }
  }
  const words = args.map((l) => l.text).join(' ').split(/\s+/).filter(Boolean).length;
  if (words < required) return fail(`'.. ${type}::' needs an argument after the '::'`, `write it on the same line, e.g. '.. ${type}:: ${name === 'image' || name === 'figure' ? 'https://…/picture.png' : '…'}'`);
  if (words > required + optional && !spaces) {
    return fail(`'.. ${type}::' is given ${words} arguments, at most ${required + optional} allowed`, 'put a blank line between the directive (with its options) and its content');
  }
  if (content.length && !contentRule) return fail(`'.. ${type}::' takes no content, but indented text follows it`, 'remove the indented text or the indentation');
  if (!substitution && SUBSTITUTION_DIRECTIVES.has(name) && name !== 'image') {
    return fail(`'.. ${type}::' only works inside a substitution definition`, `write it as '.. |name| ${name}:: …' and use |name| in the text`);
  }
  if (!content.length && contentRule === 2) return fail(`'.. ${type}::' has no content`, 'indent its content under it, after a blank line');
  if (BODY_CONTENT.has(name)) body(content, ctx, false);
  else if (!UNPARSED_CONTENT.has(name)) ctx.skipped.push(content.map((l) => l.text).join('\n'));
  return true;
}

/** A line of repeated punctuation: an overline, a transition, or text (docutils' Line state). */
function punctuationLine(ls: Line[], i: number, ctx: Context, top: boolean): number {
  const over = ls[i]!.text;
  const next = ls[i + 1];
  const short = over.length < 4;
  if (!top) {
    if (over === '::' || short) return textBlock(ls, i, ctx, top);
    problem(ctx, ls[i]!.n, `the line '${over}' would be a title underline or a transition, but it is inside an indented block (quote, list item or directive) where neither is allowed`,
      'remove the indentation of the title, or remove the line');
    return i + 1;
  }
  if (!next?.text) {
    if (short) return textBlock(ls, i, ctx, top);
    transition(ls, i, ctx);
    return i + 1;
  }
  if (!indented(next) && PUNCTUATION_LINE.test(next.text)) {
    if (short) return textBlock(ls, i, ctx, top);
    problem(ctx, ls[i]!.n, 'two lines of punctuation follow each other: this is neither a title nor a transition', 'put the title text between the overline and the underline, or remove one line');
    return i + 2;
  }
  const title = next.text.trim();
  const under = ls[i + 2]?.text;
  const shape = under === undefined || !PUNCTUATION_LINE.test(under) ? 'missing' : under !== over ? 'mismatch' : width(next.text) > over.length ? 'short' : '';
  if (shape && short) return textBlock(ls, i, ctx, top);
  if (shape === 'missing') {
    problem(ctx, ls[i]!.n, `the title '${title}' has an overline but no matching underline`, `add the line '${over}' right below the title`);
    return Math.min(i + 3, ls.length);
  }
  if (shape === 'mismatch') {
    problem(ctx, ls[i]!.n, `the overline and the underline of the title '${title}' differ ('${over}' and '${under}')`, 'make the underline an exact copy of the overline');
    return i + 3;
  }
  if (shape === 'short') {
    problem(ctx, ls[i]!.n, `the overline of the title '${title}' is shorter than the title (${over.length} characters for ${width(next.text)})`,
      `extend the overline and the underline to at least ${width(next.text)} characters`);
  }
  section(title, over[0]! + under![0], next, ctx);
  return i + 3;
}

function transition(ls: Line[], i: number, ctx: Context): void {
  const line = ls[i]!.n;
  const fix = 'remove the line, or keep it only between two paragraphs';
  if (ls.slice(i + 1).every((l) => !l.text)) problem(ctx, line, `the ${ctx.level ? 'last section' : 'document'} ends with a transition (a line of punctuation)`, fix);
  if (ctx.empty) problem(ctx, line, `the ${ctx.level ? 'section' : 'document'} starts with a transition (a line of punctuation)`, fix);
  else if (ctx.afterTransition) problem(ctx, line, 'two transitions (lines of punctuation) follow each other with nothing between them', 'remove one of them');
  ctx.kind = 'transition';
}

/** docutils' Text state: the second line decides between title, definition list and paragraph. */
function textBlock(ls: Line[], i: number, ctx: Context, top: boolean): number {
  const next = ls[i + 1];
  if (indented(next)) return definitionList(ls, i, ctx);
  if (next?.text && PUNCTUATION_LINE.test(next.text)) {
    const title = ls[i]!.text;
    const size = width(title);
    // An underline shorter than the title and than 4 characters is ordinary text.
    if (size <= next.text.length || next.text.length >= 4) {
      if (size > next.text.length) {
        problem(ctx, next.n, `the underline of the title '${title}' is shorter than the title (${next.text.length} characters for ${size})`, `extend the underline to at least ${size} characters`);
      }
      if (top) section(title, next.text[0]!, ls[i]!, ctx);
      else problem(ctx, ls[i]!.n, `the title '${title}' is inside an indented block (quote, list item or directive), where titles are not allowed`, 'remove the indentation so the title starts at the left margin, or make it **bold** text');
      return i + 2;
    }
  }
  let j = i + 1;
  for (; j < ls.length && ls[j]!.text; j++) {
    if (!indented(ls[j])) continue;
    problem(ctx, ls[j]!.n, 'this line is indented more than the paragraph above it, without a blank line in between', 'remove the extra indentation, or put a blank line before it to make it a quote or literal block');
    break;
  }
  const lines = ls.slice(i, j);
  const data = lines.map((l) => l.text).join('\n').trimEnd();
  const literal = /(?<!\\)(?:\\\\)*::$/.test(data);
  const text = !literal ? data : data === '::' ? '' : ' \n'.includes(data.at(-3)!) ? data.slice(0, -3).trimEnd() : data.slice(0, -1);
  if (text) scanInline(text, lines.map((l) => l.n), ctx.facts);
  return literal ? literalBlock(ls, j, ctx, lines.at(-1)!.n) : j;
}

/** The block a paragraph ending in '::' announces: indented, or quoted with a punctuation character. */
function literalBlock(ls: Line[], j: number, ctx: Context, at: number): number {
  const block = j < ls.length ? indentedBlock(ls, j, {}) : { end: j, blankFinish: true, lines: [] };
  if (block.lines.some((l) => l.text)) {
    if (!block.blankFinish && block.end < ls.length) unindented(ctx, ls[block.end]!, 'literal block');
    return block.end;
  }
  let k = block.end;
  if (j >= ls.length || k >= ls.length || !/^[!-/:-@[-`{-~]/.test(ls[k]!.text)) {
    problem(ctx, at, "the paragraph ends with '::', which announces a literal block, but no indented block follows", "indent the block under it after a blank line, or end the paragraph with a single ':'");
    return k;
  }
  const quote = ls[k]!.text[0]!;
  while (k < ls.length && ls[k]!.text.startsWith(quote)) k++;
  if (ls[k]?.text) problem(ctx, ls[k]!.n, `this line ends a quoted literal block (lines starting with '${quote}') without a blank line`, 'insert a blank line before it');
  return k;
}

const SPECIAL = [BULLET, ENUMERATOR, FIELD, OPTION_MARKER, DOCTEST, LINE_BLOCK, GRID_TABLE, SIMPLE_TABLE, EXPLICIT, ANONYMOUS, PUNCTUATION_LINE];

function definitionList(ls: Line[], i: number, ctx: Context): number {
  let finish = true;
  for (;;) {
    scanInline(ls[i]!.text, [ls[i]!.n], ctx.facts);
    const definition = indentedBlock(ls, i + 1, {});
    body(definition.lines, ctx, false);
    ({ end: i, blankFinish: finish } = definition);
    const term = ls[i]?.text;
    if (term === undefined || SPECIAL.some((p) => p.test(term)) || !indented(ls[i + 1])) break;
  }
  if (!finish && i < ls.length) unindented(ctx, ls[i]!, 'definition list');
  return i;
}

function section(title: string, style: string, line: Line, ctx: Context): void {
  const known = ctx.styles.indexOf(style);
  const level = known < 0 ? ctx.styles.length + 1 : known + 1;
  const show = (s: string): string => (s.length === 1 ? `'${s}' underline` : `'${s[0]}' overline with '${s[1]}' underline`);
  if (level > ctx.level + 1) {
    problem(ctx, line.n, `the title '${title}' skips a level: its ${show(style)} makes it a level-${level} title right under a level-${ctx.level} one`,
      `use the style of level ${ctx.level + 1} or above (${ctx.styles.map((s, k) => `${show(s)} for level ${k + 1}`).join(', ')})`);
    return;
  }
  ctx.level = level;
  if (known < 0) ctx.styles.push(style);
  // A title whose name is taken gets an INFO message after it, which a transition may then follow.
  if (!ctx.facts.names.has(squash(title)) && !ctx.looseNames.has(squash(title))) ctx.kind = 'new title';
  ctx.facts.names.add(squash(title));
  scanInline(title, [line.n], ctx.facts);
}

/** The checks that need the whole document: references, anonymous links, substitutions, duplicate names. */
function resolve(ctx: Context, loose: ReturnType<typeof looseScan>): void {
  const { facts } = ctx;
  for (const ref of facts.references) {
    const key = squash(ref.name);
    if (!key || facts.names.has(key) || loose.names.has(key) || loose.titles.has(key)) continue;
    problem(ctx, ref.line, `the link '${ref.source}' refers to a target named '${ref.name}', which the description does not define`,
      `define it with '.. _${ref.name}: https://…', write the link as \`text <https://…>\`_, or escape the '_' as '\\_' if it is not a link`);
  }
  const anonymous = facts.anonymousReferences.length;
  const targets = facts.anonymousTargets.length;
  if (anonymous !== targets && targets === loose.anonymousTargets && !ctx.skipped.some((text) => text.includes('__'))) {
    problem(ctx, facts.anonymousReferences[targets] ?? facts.anonymousTargets[anonymous]!, `the description has ${anonymous} anonymous link(s) (ending in '__') but ${targets} anonymous target(s) ('.. __: …')`,
      'give each `text`__ link its own `.. __: https://…` line in the same order, or embed the URL: `text <https://…>`__');
  }
  const defined = new Set([...ctx.substitutions.map((s) => normalizeName(s.name)), ...loose.substitutions]);
  for (const ref of facts.substitutionReferences) {
    if (defined.has(normalizeName(ref.name))) continue;
    problem(ctx, ref.line, `the substitution '|${ref.name}|' is used but never defined`, `define it, e.g. '.. |${ref.name}| image:: https://…', or escape the bar as '\\|'`);
  }
  const first = new Map<string, { line: number; uri?: string; refname?: string }>();
  for (const sub of ctx.substitutions) {
    const key = sub.name.split(/\s+/).join(' ');
    const old = first.get(`|${key}`);
    if (old) problem(ctx, sub.line, `the substitution '|${key}|' is defined twice (first on line ${old.line})`, 'remove or rename one of the definitions');
    else first.set(`|${key}`, sub);
  }
  for (const target of facts.explicitTargets) {
    const old = first.get(target.name);
    if (!old) first.set(target.name, target);
    else if (!(target.uri !== undefined && target.uri === old.uri) && !(target.refname !== undefined && target.refname === old.refname)) {
      problem(ctx, target.line, `the target name '${target.name}' is defined twice (first on line ${old.line})`, 'rename one of the targets, or give both the same URL');
      first.set(target.name, { line: old.line, uri: '\0' });
    }
  }
}
