// A text block that is not a definition list: an underlined title, or a paragraph and the literal block
// its '::' announces.
import { indented, indentedBlock, problem, unindented, type Context } from './block-context.js';
import { PUNCTUATION_LINE } from './block-markers.js';
import type { RstLine as Line } from './facts.js';
import { scanInline } from './inline-markup.js';
import { joined, rstrip } from './text.js';
import { section, width } from './titles.js';

/** docutils' Text state once a definition list is ruled out: the second line decides between title and paragraph. */
export function titleOrParagraph(ls: Line[], i: number, ctx: Context, top: boolean): number {
  const [title, next] = [ls[i]!.text, ls[i + 1]];
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
