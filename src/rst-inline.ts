// Inline markup as docutils' Inliner recognises it (docutils/parsers/rst/states.py), reduced to what can
// make PyPI refuse a description: start-strings never closed, roles docutils lacks, and the references,
// targets and substitutions that checkRst resolves once the whole document is read.
import type { RstProblem } from './rst-check.js';

/** What the document has said so far: problems, plus the facts the document-level checks need. */
export interface RstFacts {
  problems: RstProblem[];
  /** Named references (`name_`, `` `phrase`_ ``, `|sub|_`, `[label]_`), names normalized. */
  references: Array<{ name: string; line: number; source: string }>;
  anonymousReferences: number[];
  anonymousTargets: number[];
  substitutionReferences: Array<{ name: string; line: number }>;
  /** Explicit targets in order (hyperlink targets, inline targets, footnotes, `:name:` options). */
  explicitTargets: Array<{ name: string; line: number; uri?: string; refname?: string }>;
  /** Every name a reference may resolve to, squashed (see `squash`). */
  names: Set<string>;
  customRoles: Set<string>;
}

const ROLES = new Set(('abbreviation ab acronym ac code emphasis literal math pep-reference pep rfc-reference rfc ' +
  'strong subscript sub superscript sup title-reference title t').split(' '));
// Registered by docutils, but every use is an error.
const UNIMPLEMENTED_ROLES = new Set(('index i anonymous-reference citation-reference footnote-reference named-reference ' +
  'substitution-reference uri-reference uri url target restructuredtext-unimplemented-role').split(' '));

// docutils' punctuation classes (utils/punctuation_chars.py) in Unicode-property form. The only
// ASCII delimiters are - / :, so `word*` or `x.*y*` never start markup; other punctuation past
// Latin-1 counts as a delimiter.
const OPENERS = `"'(<\\[{\\p{Ps}\\p{Pi}\\p{Pf}`;
const CLOSERS = `"')>\\]}\\p{Pe}\\p{Pi}\\p{Pf}`;
const DELIMITERS = '\\-/:\\u00a1\\u00b7\\u00bf\\p{Pd}';
const WIDE_PUNCTUATION = '(?=\\p{Po})[^\\u0000-\\u00ff]';
const PREFIX = `(?:^|(?<=[\\s${OPENERS}${DELIMITERS}]|${WIDE_PUNCTUATION}))`;
const SUFFIX = `(?=$|[\\s\\0\\\\.,;!?${DELIMITERS}${CLOSERS}]|${WIDE_PUNCTUATION})`;
/** docutils' simplename: alphanumerics with single inner - . _ + : */
export const SIMPLENAME = '[\\p{L}\\p{N}]+(?:[-._+:][\\p{L}\\p{N}]+)*';

const INITIAL = new RegExp(`${PREFIX}(?:(?<start>\\*\\*|\\*(?!\\*)|\`\`|_\`|\\|(?!\\|))(?!\\s)` +
  `|(?<whole>(?<refname>${SIMPLENAME})(?<refend>__?)|\\[(?<label>[0-9]+|#(?:${SIMPLENAME})?|\\*|${SIMPLENAME})\\]_)${SUFFIX}` +
  `|(?<role>(?::${SIMPLENAME}:)?)(?<backquote>\`(?!\`))(?!\\s))`, 'u');
const END: Record<string, RegExp> = {
  '**': new RegExp(`(?<![\\s\\0])(\\*\\*)${SUFFIX}`, 'u'),
  '*': new RegExp(`(?<![\\s\\0])(\\*)${SUFFIX}`, 'u'),
  '``': new RegExp(`(?<!\\s)(\`\`)${SUFFIX}`, 'u'),
  '_`': new RegExp(`(?<![\\s\\0])(\`)${SUFFIX}`, 'u'),
  '|': new RegExp(`(?<![\\s\\0])(\\|_{0,2})${SUFFIX}`, 'u'),
};
const END_INTERPRETED = new RegExp(`(?<!(?<!\\0)[\\s\\0])(\`(?<role>:${SIMPLENAME}:)?(?<refend>__?)?)${SUFFIX}`, 'u');
const EMBEDDED = /(?:[ \n]+|^)<(?!\s)((?:[^<>]|\0[<>])+)(?<![\s\0])>$/u;
const KIND: Record<string, string> = {
  '**': 'strong emphasis', '*': 'emphasis', '``': 'inline literal', '_`': 'inline target', '|': 'substitution reference',
};

/** docutils' escape2null: a backslash and the character it escapes become NUL and that character. */
export const escapeToNull = (text: string): string => text.replace(/\\([\s\S]?)/g, '\0$1');
export const unescape = (text: string): string => text.replace(/\0[ \n]?/g, '');
export const normalizeName = (name: string): string => name.split(/\s+/).filter(Boolean).join(' ').toLowerCase();
/** A name reduced to letters and digits: the loose key under which targets and references are matched. */
export const squash = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Quoted start-strings such as `(*)` or `'*'` are plain text (rule 5); a superset of docutils' pairs. */
function quotedStart(text: string, start: number, end: number): boolean {
  if (start === 0) return false;
  if (end >= text.length) return true;
  const before = [...text.slice(Math.max(0, start - 2), start)].pop()!;
  const after = String.fromCodePoint(text.codePointAt(end)!);
  if (before + after === '""' || before + after === "''" || before + after === '<>') return true;
  return (/\p{Ps}/u.test(before) && /\p{Pe}/u.test(after)) || (/[\p{Pi}\p{Pf}]/u.test(before) && /[\p{Pi}\p{Pf}]/u.test(after));
}

/** Scans one text block that docutils parses for inline markup; `lines[k]` is the source line of its k-th line. */
export function scanInline(text: string, lines: number[], facts: RstFacts): void {
  const lineAt = (offset: number): number => lines[Math.min(text.slice(0, offset).split('\n').length, lines.length) - 1]!;
  let rest = escapeToNull(text);
  let base = 0;
  const problem = (at: number, message: string, fix: string): void => {
    facts.problems.push({ line: lineAt(base + at), message, fix });
  };
  const reference = (at: number, name: string, source: string): void => {
    facts.references.push({ name: normalizeName(name), line: lineAt(base + at), source });
  };
  while (rest) {
    const match = INITIAL.exec(rest);
    if (!match) break;
    const groups = match.groups!;
    const at = match.index;
    let next: number;
    if (groups.start) {
      const start = groups.start;
      next = at + start.length;
      if (!quotedStart(rest, at, next)) {
        const end = END[start]!.exec(rest.slice(next));
        if (end && end.index > 0) {
          const inner = unescape(rest.slice(next, next + end.index));
          if (start === '_`') {
            facts.explicitTargets.push({ name: normalizeName(inner), line: lineAt(base + at) });
            facts.names.add(squash(inner));
          } else if (start === '|') {
            facts.substitutionReferences.push({ name: inner, line: lineAt(base + at) });
            if (end[1]!.endsWith('__')) facts.anonymousReferences.push(lineAt(base + at));
            else if (end[1]!.endsWith('_')) reference(at, inner, `|${inner}|_`);
          }
          next += end.index + end[1]!.length;
        } else {
          const shown = start === '_`' ? '_`' : start;
          problem(at, `'${shown}' starts ${KIND[start]} but nothing closes it`,
            `close it with a matching '${start === '_`' ? '`' : start}' (with no space before it), or escape the character as '\\${shown[0]}' if it is meant literally`);
        }
      }
    } else if (groups.backquote) {
      let role = groups.role ? groups.role.slice(1, -1) : '';
      const open = at + groups.role!.length + 1;
      next = open;
      if (role || !quotedStart(rest, at, open)) {
        const end = END_INTERPRETED.exec(rest.slice(open));
        if (end && end.index > 0) {
          const inner = rest.slice(open, open + end.index);
          next = open + end.index + end[0].length;
          const suffixRole = end.groups!.role?.slice(1, -1);
          const refend = end.groups!.refend;
          if (suffixRole && role) {
            problem(at, 'this interpreted text has a role both before and after it', 'keep only the role in front (:role:`text`)');
          } else if ((role || suffixRole) && refend) {
            problem(at, `':${role || suffixRole}:' is a role, but the text also ends with '${refend}' as a link would`,
              "drop either the role or the trailing '_'; a role cannot be a link");
          } else if (refend) {
            phraseReference(inner, refend === '__', lineAt(base + at), facts);
          } else {
            checkRole(role || suffixRole || '', unescape(inner), lineAt(base + at), facts);
          }
        } else {
          problem(at, "'`' starts interpreted text or a link but nothing closes it",
            "close it with a matching '`' (followed by '_' for a link), use ``double backquotes`` for code, or escape it as '\\`'");
        }
      }
    } else if (groups.refend) {
      next = at + groups.whole!.length;
      if (groups.refend === '__') facts.anonymousReferences.push(lineAt(base + at));
      else reference(at, groups.refname!, groups.whole!);
    } else {
      next = at + groups.whole!.length;
      const label = groups.label!;
      if (label !== '#' && label !== '*') reference(at, label.replace(/^#/, ''), groups.whole!);
    }
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
  const text = inner.slice(0, embedded.index) || alias;
  // `text <name_>`_ points at another target, unless the underscore is escaped or the alias is a URI.
  if (alias.endsWith('_') && !alias.endsWith('\0_') && !/^[a-z][a-z0-9.+-]*:/i.test(alias)) {
    facts.references.push({ name: normalizeName(unescape(alias.slice(0, -1))), line, source: `<${unescape(alias)}>` });
  }
  if (!anonymous) facts.names.add(squash(unescape(text)));
}

function checkRole(role: string, text: string, line: number, facts: RstFacts): void {
  const name = role.toLowerCase();
  if (facts.customRoles.has(name)) return;
  if (!name || ROLES.has(name)) {
    const pep = name === 'pep' || name === 'pep-reference';
    const rfc = name === 'rfc' || name === 'rfc-reference';
    const number = (rfc ? text.split('#')[0]! : text).trim();
    if ((pep || rfc) && /^[+-]?[0-9]+$/.test(number) && (pep ? Number(number) > 9999 || Number(number) < 0 : Number(number) < 1)) {
      facts.problems.push({ line, message: `':${role}:\`${text}\`' is not a valid ${pep ? 'PEP' : 'RFC'} number`,
        fix: pep ? 'give a PEP number from 0 to 9999' : 'give an RFC number of 1 or more' });
    } else if ((pep || rfc) && !/^[+-]?[\p{Nd}_]+$/u.test(number)) {
      facts.problems.push({ line, message: `':${role}:\`${text}\`' needs a ${pep ? 'PEP' : 'RFC'} number`, fix: `write the number only, for example :${role}:\`8\`` });
    }
  } else if (name === 'raw') {
    facts.problems.push({ line, message: "the ':raw:' role is disabled on PyPI", fix: 'write the content as reStructuredText instead of raw HTML' });
  } else if (UNIMPLEMENTED_ROLES.has(name)) {
    facts.problems.push({ line, message: `the role ':${role}:' exists in docutils but is not implemented`, fix: 'remove the role and keep the text' });
  } else {
    facts.problems.push({ line, message: `':${role}:' is not a role docutils knows (PyPI renders with plain docutils, without Sphinx roles such as :ref:, :doc: or :class:)`,
      fix: 'use ``literal`` text, a link such as `text <https://…>`_, or define the role with `.. role::`' });
  }
}
