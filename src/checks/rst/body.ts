// docutils' Body state and the blocks that hold other blocks (quotes, list items, fields, directives): the
// recursive core of the block parser. Blocks that hold no other blocks live in their own modules.
import { indented, indentedBlock, list, problem, unindented, type Block, type Context } from './block-context.js';
import {
  ANONYMOUS,
  BULLET,
  DIRECTIVE,
  DOCTEST,
  ENUMERATOR,
  EXPLICIT,
  FIELD,
  FOOTNOTE,
  GRID_TABLE,
  LINE_BLOCK,
  OPTION_MARKER,
  PUNCTUATION_LINE,
  SIMPLE_TABLE,
  SPECIAL,
} from './block-markers.js';
import { checkBudget } from './budget.js';
import { checkDirective } from './directives.js';
import { enumerator, isItem } from './enumerators.js';
import type { RstLine as Line } from './facts.js';
import { scanInline } from './inline-markup.js';
import { titleOrParagraph } from './paragraphs.js';
import { gridTable, simpleTable } from './tables.js';
import { hyperlinkTarget, substitutionDefinition } from './targets.js';
import { joined, normalizeName, squash, strip } from './text.js';
import { overlinedTitle, overlineShape, transition } from './titles.js';

// Directives that put nothing into the rendered body (they set roles, the title, or <meta> tags).
const SILENT_DIRECTIVES = new Set(['role', 'default-role', 'title', 'meta']);

/** docutils itself recurses per level and fails long before this on a crafted text. */
const MAX_DEPTH = 48;

/** docutils' Body state: the first line of each block decides what the block is. */
export function body(ls: Line[], ctx: Context, top: boolean): void {
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
    } else if (OPTION_MARKER.test(t)) i = optionList(ls, i, ctx, top);
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
    if (!EXPLICIT.test(t) && !ANONYMOUS.test(t)) ctx.facts.rendered = true;
    if (top) [ctx.empty, ctx.afterTransition] = [ctx.kind === 'new title', ctx.kind === 'transition'];
    ctx.kind = 'other';
  }
}

function listItem(ls: Line[], i: number, indent: number, ctx: Context): Block {
  const item = ls[i]!.text.slice(indent)
    ? indentedBlock(ls, i, { block: indent })
    : indentedBlock(ls, i, { first: indent });
  body(item.lines, ctx, false);
  return item;
}

/** docutils' option_marker: items while lines start with options; an option with no description is text. */
function optionList(ls: Line[], i: number, ctx: Context, top: boolean): number {
  const item = (k: number): Block | undefined => {
    const m = OPTION_MARKER.exec(ls[k]?.text ?? '');
    const block = m ? indentedBlock(ls, k, { first: m[0].length }) : undefined;
    if (!block?.lines.some((l) => l.text)) return undefined;
    body(block.lines.slice(block.lines.findIndex((l) => l.text)), ctx, false);
    return block;
  };
  return item(i) ? list(ls, i, ctx, 'option list', item) : textBlock(ls, i, ctx, top);
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
    const pointsElsewhere = hyperlinkTarget(
      [t.slice(m[0].length), ...ls.slice(i + 1, block.end).map((l) => l.text)],
      ls[i]!.n,
      ctx.facts,
      m[0].startsWith('_'),
    );
    if (!pointsElsewhere) ctx.facts.rendered = true;
    return block;
  }
  if ((m = FOOTNOTE.exec(t))) {
    const block = indentedBlock(ls, i, { first: m[0].length });
    const label = m[1]!;
    ctx.facts.rendered = true;
    if (label === '#' || label === '*') ctx.facts.autoFootnotes[label]++;
    else ctx.facts.explicitTargets.push({ name: normalizeName(label.replace(/^#/, '')), line: ls[i]!.n });
    ctx.facts.names.add(squash(label));
    ctx.facts.skipped.push(joined(block.lines));
    return block;
  }
  if ((m = /^\.\. +\|(?! |$)/.exec(t) ?? DIRECTIVE.exec(t))) {
    const block = indentedBlock(ls, i, { first: m[0].length });
    if (m[1] === undefined) substitutionDefinition(block.lines, ls[i]!.n, ctx.facts);
    else {
      if (!SILENT_DIRECTIVES.has(m[1].toLowerCase())) ctx.facts.rendered = true;
      body(checkDirective(m[1], block.lines, ls[i]!.n, ctx.facts, false) || [], ctx, false);
    }
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
  if (!next?.text) return transition(ls, i, ctx);
  if (!indented(next) && PUNCTUATION_LINE.test(next.text)) {
    problem(
      ctx,
      ls[i]!.n,
      'two lines of punctuation follow each other: this is neither a title nor a transition',
      'put the title text between the overline and the underline, or remove one line',
    );
    return i + 2;
  }
  const shape = overlineShape(over, next.text, ls[i + 2]?.text);
  if (shape && short) return textBlock(ls, i, ctx, top);
  return overlinedTitle(ls, i, ctx, shape);
}

/** docutils' Text state: the second line decides between title, definition list and paragraph. */
function textBlock(ls: Line[], i: number, ctx: Context, top: boolean): number {
  if (indented(ls[i + 1])) return definitionList(ls, i, ctx);
  return titleOrParagraph(ls, i, ctx, top);
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
