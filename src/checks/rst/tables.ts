// Grid and simple tables: only where they end is checked, their content is skipped.
import { indented, problem, skip, type Context } from './block-context.js';
import { TABLE_BORDER } from './block-markers.js';
import type { RstLine as Line } from './facts.js';
import { joined, strip } from './text.js';

export function gridTable(ls: Line[], i: number, ctx: Context): number {
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
export function simpleTable(ls: Line[], i: number, ctx: Context): number {
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
