// Section titles and transitions: their overlines and underlines, their levels, and where a transition may stand.
import { problem, type Context } from './block-context.js';
import { PUNCTUATION_LINE } from './block-markers.js';
import type { RstLine as Line } from './facts.js';
import { scanInline } from './inline-markup.js';
import { normalizeName, squash, strip } from './text.js';

// Characters certainly two columns wide (East Asian Wide and Fullwidth, common emoji).
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u3247\u3250-\u4dbf\u4e00-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2705\u2728\u26a1\u2b50\u2615\u2757\u274c\u{1f300}-\u{1f320}\u{1f337}-\u{1f37c}\u{1f37e}-\u{1f393}\u{1f3a0}-\u{1f3ca}\u{1f3f8}-\u{1f43e}\u{1f442}-\u{1f4fc}\u{1f4ff}-\u{1f53d}\u{1f5fb}-\u{1f64f}\u{1f680}-\u{1f6c5}\u{1f90c}-\u{1f93a}\u{1f947}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** docutils' column_width, never above it: a title longer than its underline is then certainly so. */
export const width = (text: string): number =>
  [...text].reduce(
    (sum, c) => sum + (WIDE.test(c) ? 2 : 1) - (/\p{M}/u.test(c) && !/[\ufe00-\ufe0f]/.test(c) ? 1 : 0),
    0,
  );

/** A line of punctuation between blank lines: a transition, which may not start or end a section, nor follow another. */
export function transition(ls: Line[], i: number, ctx: Context): number {
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

export type OverlineShape = 'missing' | 'mismatch' | 'short' | '';

/** What is wrong with the frame of a title under the overline `over`: no underline, a different one, too short, or nothing. */
export function overlineShape(over: string, title: string, under: string | undefined): OverlineShape {
  return under === undefined || !PUNCTUATION_LINE.test(under)
    ? 'missing'
    : under !== over
      ? 'mismatch'
      : width(title) > over.length
        ? 'short'
        : '';
}

/** The title an overline at line `i` starts: its problems reported, the section it opens entered. */
export function overlinedTitle(ls: Line[], i: number, ctx: Context, shape: OverlineShape): number {
  const [over, next, under] = [ls[i]!.text, ls[i + 1]!, ls[i + 2]?.text];
  const [title, before] = [strip(next.text), ctx.facts.problems.length];
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

/** A section title; `since` counts the problems before its own (which docutils places right after it). */
export function section(title: string, style: string, line: Line, ctx: Context, since: number): void {
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
  if (!/[*`|_\\[\]:<>]/.test(title)) ctx.facts.sectionNames.push(normalizeName(title));
  scanInline(title, [line.n], ctx.facts);
  // docutils puts the title's messages (and an INFO when its name is taken) right after it, before any transition.
  if (ctx.facts.problems.length === since && !taken) ctx.kind = 'new title';
}
