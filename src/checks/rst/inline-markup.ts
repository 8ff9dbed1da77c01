// Inline markup as docutils' Inliner recognises it (docutils/parsers/rst/states.py): emphasis, literals,
// interpreted text, inline targets, references and substitution references.
import { checkBudget } from './budget.js';
import type { RstFacts } from './facts.js';
import { checkRole } from './roles.js';
import { normalizeName, SIMPLENAME, SPACE, squash, unescape, escapeToNull } from './text.js';

// docutils' punctuation classes (utils/punctuation_chars.py), built from Unicode 5.2 categories: the
// current categories minus what was added or moved since. The only ASCII delimiters are - / : so
// `word*` or `x.*y*` never start markup.
const OPENER = `(?![\\u2308\\u230a\\u2e42\\u2e55\\u2e57\\u2e59\\u2e5b\\ufd3f])["'<\\ufd3e\\p{Ps}\\p{Pi}\\p{Pf}]`;
const CLOSER = `(?![\\u2309\\u230b\\u2e56\\u2e58\\u2e5a\\u2e5c\\ufd3e])["'>\\u201a\\u201e\\ufd3f\\p{Pe}\\p{Pi}\\p{Pf}]`;
const DELIMITER =
  '(?![\\u061d\\u085e\\u09fd\\u0a76\\u0af0\\u0c77\\u0c84\\u0f14\\u0fd9\\u0fda\\u1360\\u1b4e\\u1b4f\\u1b7d-\\u1b7f\\u1bfc-\\u1bff' +
  '\\u1cc0-\\u1cc7\\u2d70\\u2e32-\\u2e41\\u2e43-\\u2e4f\\u2e52-\\u2e54\\u2e5d\\ua8fc\\uaaf0\\uaaf1\\u{10d6e}\\u{10ead}])' +
  '(?:[-/:\\u00a1\\u00b7\\u00bf\\u166d\\u19de\\u19df\\p{Pd}\\u{10100}\\u{10101}\\u{1039f}\\u{103d0}\\u{10857}\\u{1091f}\\u{1093f}\\u{10a50}-\\u{10a58}' +
  '\\u{10a7f}\\u{10b39}-\\u{10b3f}\\u{110bb}\\u{110bc}\\u{110be}-\\u{110c1}\\u{12470}-\\u{12473}]|(?=\\p{Po})[\\u0100-\\uffff])';
const PREFIX = `(?:^|(?<=[${SPACE}]|${OPENER}|${DELIMITER}))`;
const SUFFIX = `(?=$|[${SPACE}\\0\\\\.,;!?]|${DELIMITER}|${CLOSER})`;

const INITIAL = new RegExp(
  `${PREFIX}(?:(?<start>\\*\\*|\\*(?!\\*)|\`\`|_\`|\\|(?!\\|))(?![${SPACE}])` +
    `|(?<whole>(?<refname>${SIMPLENAME})(?<refend>__?)|\\[(?<label>[0-9]+|#(?:${SIMPLENAME})?|\\*|${SIMPLENAME})\\]_)${SUFFIX}` +
    `|(?<role>(?::${SIMPLENAME}:)?)(?<backquote>\`(?!\`))(?![${SPACE}]))`,
  'u',
);
const END: Record<string, RegExp> = {
  '**': new RegExp(`(?<![${SPACE}\\0])(\\*\\*)${SUFFIX}`, 'u'),
  '*': new RegExp(`(?<![${SPACE}\\0])(\\*)${SUFFIX}`, 'u'),
  '``': new RegExp(`(?<![${SPACE}])(\`\`)${SUFFIX}`, 'u'),
  '_`': new RegExp(`(?<![${SPACE}\\0])(\`)${SUFFIX}`, 'u'),
  '|': new RegExp(`(?<![${SPACE}\\0])(\\|_{0,2})${SUFFIX}`, 'u'),
};
const END_INTERPRETED = new RegExp(
  `(?<!(?<!\\0)[${SPACE}\\0])(\`(?<role>:${SIMPLENAME}:)?(?<refend>__?)?)${SUFFIX}`,
  'u',
);
const EMBEDDED = new RegExp(`(?:[ \\n]+|^)<(?![${SPACE}])((?:[^<>]|\\0[<>])+)(?<![${SPACE}\\0])>$`, 'u');
const KIND: Record<string, string> = {
  '**': 'strong emphasis',
  '*': 'emphasis',
  '``': 'an inline literal',
  '_`': 'an inline target',
  '|': 'a substitution reference',
};

// docutils' match_chars: an opener pairs with the next code point, or with these closers (the quote
// pairs of various languages included).
const PAIRS: Record<string, string> = {
  '"': '"',
  "'": "'",
  '<': '>',
  '[': ']',
  '{': '}',
  '\uff3b': '\uff3d',
  '\uff5b': '\uff5d',
  '«': '»',
  '»': '«»',
  '‘': '’‚',
  '’': '‘’',
  '‚': '‛‘’',
  '“': '”„',
  '”': '“”',
  '„': '‟“”',
  '›': '‹›',
  '‛': '‚',
  '‟': '„',
  '\u2e03': '\u2e02',
  '\u2e05': '\u2e04',
  '\u2e0a': '\u2e09',
  '\u2e0d': '\u2e0c',
  '\u2e1d': '\u2e1c',
  '\u2e21': '\u2e20',
};
const IS_OPENER = new RegExp(`^${OPENER}$`, 'u');

/** A start-string between an opener and its closer, like `(*)` or `'*'`, is plain text (rule 5). */
function quotedStart(text: string, start: number, end: number): boolean {
  if (start === 0) return false;
  if (end >= text.length) return true;
  const before = [...text.slice(Math.max(0, start - 2), start)].pop()!;
  const after = String.fromCodePoint(text.codePointAt(end)!);
  return (
    IS_OPENER.test(before) && (PAIRS[before]?.includes(after) ?? after.codePointAt(0) === before.codePointAt(0)! + 1)
  );
}

/** Scans one text block that docutils parses for inline markup; `lines[k]` is the source line of its k-th line. */
export function scanInline(text: string, lines: number[], facts: RstFacts): void {
  let [rest, base, row] = [escapeToNull(text), 0, 0];
  const breaks = [...text.matchAll(/\n/g)].map((m) => m.index);
  // Offsets only grow during the scan, so the line is found by moving forward.
  const lineAt = (at: number): number => {
    while (row < breaks.length && breaks[row]! < base + at) row++;
    return lines[Math.min(row, lines.length - 1)]!;
  };
  const problem = (at: number, message: string, fix: string): number =>
    facts.problems.push({ line: lineAt(at), message, fix });
  const reference = (at: number, name: string, source: string): number =>
    facts.references.push({ name: normalizeName(name), line: lineAt(at), source });
  // Where a search for each closing delimiter found none: no later search can find one either, so
  // that a run of unclosed starts costs linear time, not quadratic.
  const noEndFrom = new Map<RegExp, number>();
  const findEnd = (pattern: RegExp, from: number): RegExpExecArray | null => {
    if (base + from >= (noEndFrom.get(pattern) ?? Infinity)) return null;
    const found = pattern.exec(rest.slice(from));
    if (!found) noEndFrom.set(pattern, base + from);
    return found;
  };
  for (let match = INITIAL.exec(rest); match; match = INITIAL.exec(rest)) {
    checkBudget(facts);
    const { start, role, backquote, whole, refname, refend, label } = match.groups!;
    const at = match.index;
    let next = at + (start ?? whole ?? `${role}${backquote}`).length;
    if (start && !quotedStart(rest, at, next)) {
      const end = findEnd(END[start]!, next);
      if (end && end.index > 0) {
        const inner = unescape(rest.slice(next, next + end.index));
        if (start === '_`') {
          facts.explicitTargets.push({ name: normalizeName(inner), line: lineAt(at) });
          facts.names.add(squash(inner));
        } else if (start === '|') {
          facts.substitutionReferences.push({ name: inner, line: lineAt(at) });
          if (end[1]!.endsWith('__')) facts.anonymousReferences.push(lineAt(at));
          else if (end[1]!.endsWith('_')) reference(at, inner, `|${inner}|_`);
        }
        next += end.index + end[1]!.length;
      } else {
        problem(
          at,
          `'${start}' starts ${KIND[start]} but nothing closes it`,
          `close it with a matching '${start === '_`' ? '`' : start}' (with no space before it), or escape it as '\\${start[0]}' if it is meant literally`,
        );
      }
    } else if (backquote && (role || !quotedStart(rest, at, next))) {
      const end = findEnd(END_INTERPRETED, next);
      if (end && end.index > 0) {
        const inner = rest.slice(next, next + end.index);
        const [prefix, suffix, link] = [role!.slice(1, -1), end.groups!.role?.slice(1, -1), end.groups!.refend];
        next += end.index + end[0].length;
        if (prefix && suffix)
          problem(
            at,
            'this interpreted text has a role both before and after it',
            'keep only the role in front (:role:`text`)',
          );
        else if ((prefix || suffix) && link) {
          problem(
            at,
            `':${prefix || suffix}:' is a role, but the text also ends with '${link}' as a link would`,
            "drop either the role or the trailing '_': a role cannot be a link",
          );
        } else if (link) phraseReference(inner, link === '__', lineAt(at), facts);
        else checkRole(prefix || suffix || '', unescape(inner), lineAt(at), facts);
      } else {
        problem(
          at,
          "'`' starts interpreted text or a link but nothing closes it",
          "close it with a matching '`' (followed by '_' for a link), use ``double backquotes`` for code, or escape it as '\\`'",
        );
      }
    } else if (refend === '__') facts.anonymousReferences.push(lineAt(at));
    else if (refend) reference(at, refname!, whole!);
    else if (label === '#' || label === '*') facts.autoReferences[label].push(lineAt(at));
    else if (label) reference(at, label.replace(/^#/, ''), whole!);
    base += next;
    rest = rest.slice(next);
  }
}

function phraseReference(inner: string, anonymous: boolean, line: number, facts: RstFacts): void {
  const embedded = EMBEDDED.exec(inner);
  if (!embedded) {
    if (anonymous) facts.anonymousReferences.push(line);
    else facts.references.push({ name: normalizeName(unescape(inner)), line, source: `\`${unescape(inner)}\`_` });
    return;
  }
  const alias = embedded[1]!;
  // `text <name_>`_ points at another target, unless the underscore is escaped or the alias is a URI.
  if (alias.endsWith('_') && !alias.endsWith('\0_') && !/^([a-z][a-z0-9.+-]*:|[^@]+@)/i.test(alias)) {
    facts.references.push({ name: normalizeName(unescape(alias.slice(0, -1))), line, source: `<${unescape(alias)}>` });
  }
  if (!anonymous) facts.names.add(squash(unescape(inner.slice(0, embedded.index) || alias)));
}
