// The state the block parser carries, and the helpers every kind of block uses.
import type { RstFacts, RstLine as Line } from './facts.js';
import { joined, strip } from './text.js';

export interface Block {
  end: number;
  blankFinish: boolean;
}

export interface Context {
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

export const indented = (line: Line | undefined): boolean => line?.text[0] === ' ';

export function problem(ctx: Context, line: number, message: string, fix: string): void {
  ctx.facts.problems.push({ line, message, fix });
}

export function unindented(
  ctx: Context,
  line: Line,
  what: string,
  fix = `insert a blank line before this line, or indent it to continue the ${what}`,
): void {
  problem(ctx, line.n, `this line ends the ${what} above it without a blank line in between`, fix);
}

/** docutils' get_indented: blank or indented lines from `start`, dedented, and whether they end blank. */
export function indentedBlock(
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
export function list(
  ls: Line[],
  i: number,
  ctx: Context,
  what: string,
  item: (k: number) => Block | undefined,
): number {
  let last: Block = { end: i, blankFinish: true };
  for (let next = item(i); next; next = item(last.end)) last = next;
  if (!last.blankFinish && last.end < ls.length) unindented(ctx, ls[last.end]!, what);
  return last.end;
}

/** A construct this checker does not model: skipped up to a blank line and the indented lines after it. */
export function skip(ls: Line[], i: number, ctx: Context): number {
  let j = i;
  while (ls[j]?.text) j++;
  while (j < ls.length && (!ls[j]!.text || indented(ls[j]))) j++;
  ctx.facts.skipped.push(joined(ls.slice(i, j)));
  return j;
}
