// The names docutils knows or resolves, for checkRst: inline markup as its Inliner recognises it
// (docutils/parsers/rst/states.py), roles, directives with their arguments and options, hyperlink
// targets and substitutions, and the document-wide checks on what references point at. No I/O and no
// global state: each function records what it finds in the RstFacts that checkRst creates per call.

/** A source line as docutils sees it in its block (tabs expanded, dedented), with its 1-based number. */
export interface RstProblem {
  line: number;
  message: string;
  fix: string;
}

export interface RstLine {
  text: string;
  n: number;
}

/** What the document says, gathered while parsing and judged once it is all read. */
export interface RstFacts {
  problems: RstProblem[];
  /** Named references (`name_`, `` `phrase`_ ``, `|sub|_`, `[label]_`, indirect targets), names normalized. */
  references: { name: string; line: number; source: string }[];
  anonymousReferences: number[];
  anonymousTargets: number[];
  /** `[#]_` and `[*]_` references, and `.. [#]` and `.. [*]` footnotes. */
  autoReferences: Record<'#' | '*', number[]>;
  autoFootnotes: Record<'#' | '*', number>;
  substitutionReferences: { name: string; line: number }[];
  substitutionDefinitions: { name: string; line: number }[];
  /** Explicit targets in order (hyperlink targets, inline targets, footnotes, `:name:` options). */
  explicitTargets: { name: string; line: number; uri?: string; refname?: string }[];
  /** Every name a reference may resolve to, squashed (see `squash`). */
  names: Set<string>;
  customRoles: Set<string>;
  /** Text docutils parses for inline markup that the checker skipped (tables, field bodies, …). */
  skipped: string[];
}

const ROLES = new Set(
  (
    'abbreviation ab acronym ac code emphasis literal math pep-reference pep rfc-reference rfc ' +
    'strong subscript sub superscript sup title-reference title t'
  ).split(' '),
);
// Registered by docutils, but every use is an error.
const UNIMPLEMENTED_ROLES = new Set(
  (
    'index i anonymous-reference citation-reference footnote-reference named-reference ' +
    'substitution-reference uri-reference uri url target restructuredtext-unimplemented-role'
  ).split(' '),
);

// Python's whitespace (str.isspace, re's \s), not JavaScript's: U+FEFF is not in it, U+001C-U+001F and U+0085 are.
export const SPACE = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACES = new RegExp(`[${SPACE}]+`, 'u');
const LEADING = new RegExp(`^[${SPACE}]+`, 'u');
const SPACE_CHAR = new RegExp(`[${SPACE}]`, 'u');
/** Linear: a `[\\s]+$` regex retries from every space of a long run that does not end the line. */
export const rstrip = (text: string): string => {
  let end = text.length;
  while (end > 0 && SPACE_CHAR.test(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
};
export const strip = (text: string): string => rstrip(text).replace(LEADING, '');
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
/** docutils' simplename: alphanumerics with single inner - . _ + : */
export const SIMPLENAME = '[\\p{L}\\p{N}]+(?:[-._+:][\\p{L}\\p{N}]+)*';

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
const TARGET = new RegExp(
  `^(?:_|(?!_)(?<q>\`?)(?![ \`])(?<name>.+?)(?<![${SPACE}\\0])\\k<q>)(?<!(?<!\\0):)(?<![${SPACE}\\0]) ?:(?: +|$)`,
  'u',
);
const SUBSTITUTION = new RegExp(`^(?![ ])(?<name>.+?)(?<![${SPACE}\\0])\\|(?: +|$)`, 'u');
const INDIRECT = new RegExp(`^(?:(${SIMPLENAME})_|\`(?! )(.+?)(?<![${SPACE}\\0])\`_)$`, 'u');
const KIND: Record<string, string> = {
  '**': 'strong emphasis',
  '*': 'emphasis',
  '``': 'an inline literal',
  '_`': 'an inline target',
  '|': 'a substitution reference',
};

/** docutils' escape2null: a backslash and the character it escapes become NUL and that character. */
const escapeToNull = (text: string): string => text.replace(/\\([\s\S]?)/g, '\0$1');
const unescape = (text: string): string => text.replace(/\0[ \n]?/g, '');
export const normalizeName = (name: string): string => name.split(SPACES).filter(Boolean).join(' ').toLowerCase();
/** A name reduced to letters and digits: the loose key under which targets and references are matched. */
export const squash = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export function newFacts(): RstFacts {
  return {
    problems: [],
    references: [],
    anonymousReferences: [],
    anonymousTargets: [],
    autoReferences: { '#': [], '*': [] },
    autoFootnotes: { '#': 0, '*': 0 },
    substitutionReferences: [],
    substitutionDefinitions: [],
    explicitTargets: [],
    names: new Set(),
    customRoles: new Set(),
    skipped: [],
  };
}

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
/** Thrown when a check runs past its budget (see withRstBudget); the message says which. */
export class RstBudgetExceeded extends Error {}

let deadline = Infinity;
/** More than a user can act on in one run: the check stops collecting. */
export const MAX_RST_PROBLEMS = 1000;

/** Called in every loop of the checker that a crafted text could make long. */
export function checkBudget(facts: RstFacts): void {
  if (facts.problems.length >= MAX_RST_PROBLEMS)
    throw new RstBudgetExceeded(`the check stopped after ${MAX_RST_PROBLEMS} problems`);
  if (Date.now() > deadline) throw new RstBudgetExceeded('time budget exceeded');
}

/** Runs `check` with a deadline `ms` from now; checkBudget throws RstBudgetExceeded after it. */
export function withRstBudget<T>(ms: number, check: () => T): T {
  const previous = deadline;
  deadline = Date.now() + ms;
  try {
    return check();
  } finally {
    deadline = previous;
  }
}

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

function checkRole(role: string, text: string, line: number, facts: RstFacts): void {
  const name = role.toLowerCase();
  const problem = (message: string, fix: string): number => facts.problems.push({ line, message, fix });
  if (facts.customRoles.has(name)) return;
  if (!name || ROLES.has(name)) {
    const kind = /^pep(-reference)?$/.test(name) ? 'PEP' : /^rfc(-reference)?$/.test(name) ? 'RFC' : '';
    const number = strip(kind === 'RFC' ? text.split('#')[0]! : text);
    const value = Number(number);
    if (kind && !/^[+-]?[\p{Nd}_]+$/u.test(number))
      problem(`':${role}:\`${text}\`' needs a ${kind} number`, `write the number only, e.g. :${role}:\`8\``);
    else if (kind && /^[+-]?[0-9]+$/.test(number) && (kind === 'PEP' ? value < 0 || value > 9999 : value < 1)) {
      problem(
        `':${role}:\`${text}\`' is not a valid ${kind} number`,
        kind === 'PEP' ? 'give a PEP number from 0 to 9999' : 'give an RFC number of 1 or more',
      );
    }
  } else if (name === 'raw')
    problem("the ':raw:' role is disabled on PyPI", 'write the content as reStructuredText instead of raw HTML');
  else if (UNIMPLEMENTED_ROLES.has(name))
    problem(`the role ':${role}:' exists in docutils but is not implemented`, 'remove the role and keep the text');
  else {
    problem(
      `':${role}:' is not a role docutils knows (PyPI renders with plain docutils, without Sphinx roles such as :ref:, :doc: or :class:)`,
      'use ``literal`` text, a link such as `text <https://…>`_, or define the role with `.. role::`',
    );
  }
}

/** A field-list marker, which is also how a directive option starts. */
export const FIELD = /^:(?![: ])(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*(?<! ):( +|$)/;
const joined = (lines: RstLine[]): string => lines.map((l) => l.text).join('\n');

// Directive signatures from docutils: required and optional arguments, whether the last argument may
// hold spaces, content (0 none, 1 allowed, 2 required), then the option names.
const ADMONITION = '0 0 1 2 class name';
const CODE = '0 1 0 2 class name number-lines';
const SPECS: Record<string, string> = {
  attention: ADMONITION,
  caution: ADMONITION,
  danger: ADMONITION,
  error: ADMONITION,
  hint: ADMONITION,
  important: ADMONITION,
  note: ADMONITION,
  tip: ADMONITION,
  warning: ADMONITION,
  admonition: '1 0 1 2 class name',
  sidebar: '0 1 1 2 class name subtitle',
  topic: '1 0 1 2 class name',
  'line-block': '0 0 0 2 class name',
  'parsed-literal': '0 0 0 2 class name',
  code: CODE,
  'code-block': CODE,
  sourcecode: CODE,
  math: '0 0 0 2 class name',
  rubric: '1 0 1 0 class name',
  epigraph: '0 0 0 2',
  highlights: '0 0 0 2',
  'pull-quote': '0 0 0 2',
  compound: '0 0 0 2 class name',
  container: '0 1 1 2 name',
  table: '0 1 1 2 align class name width widths',
  'csv-table':
    '0 1 1 2 align class delim encoding escape file header header-rows keepspace name quote stub-columns url width widths',
  'list-table': '0 1 1 2 align class header-rows name stub-columns width widths',
  meta: '0 0 0 2',
  image: '1 0 1 0 align alt class height loading name scale target width',
  figure: '1 0 1 1 align alt class figclass figname figwidth height loading name scale target width',
  include: '1 0 1 0',
  raw: '1 0 1 2 class encoding file url',
  replace: '0 0 0 2',
  unicode: '1 0 1 0 ltrim rtrim trim',
  date: '0 0 0 1',
  class: '1 0 1 1',
  'rst-class': '1 0 1 1',
  role: '0 0 0 1',
  'default-role': '0 1 0 0',
  title: '1 0 1 0',
  contents: '0 1 1 0 backlinks class depth local',
  sectnum: '0 0 0 0 depth prefix start suffix',
  'section-numbering': '0 0 0 0 depth prefix start suffix',
  header: '0 0 0 2',
  footer: '0 0 0 2',
  'target-notes': '0 0 0 0 class',
  'restructuredtext-test-directive': '0 1 1 1 option',
};
const BODY_CONTENT = new Set(
  (
    'attention caution danger error hint important note tip warning admonition topic sidebar container ' +
    'compound epigraph highlights pull-quote class rst-class header footer figure table list-table'
  ).split(' '),
);
const UNPARSED_CONTENT = new Set(
  'code code-block sourcecode math raw include role default-role unicode date'.split(' '),
);
const SUBSTITUTION_DIRECTIVES = new Set(['image', 'replace', 'unicode', 'date']);
const SPHINX_FIXES: Record<string, string> = {
  highlight: "remove it and give the language on each '.. code-block:: <language>'",
  literalinclude: "paste the code into a '.. code-block::' (PyPI cannot read other files)",
  toctree: 'remove it: a package description is a single page',
  versionadded: "use a '.. note::' instead",
  versionchanged: "use a '.. note::' instead",
  deprecated: "use a '.. warning::' instead",
  seealso: "use a '.. note::' instead",
};

/**
 * docutils' parse_directive_block and the checks each directive's run() starts with. `block` is the text
 * after '::' and the indented lines under it. Returns false if a check fails, else the content lines
 * docutils parses as body elements (none for code, tables and the like).
 */
export function checkDirective(
  type: string,
  block: RstLine[],
  line: number,
  facts: RstFacts,
  substitution: boolean,
): false | RstLine[] {
  const name = type.toLowerCase();
  const spec = SPECS[name];
  const fail = (message: string, fix: string): false => (facts.problems.push({ line, message, fix }), false);
  if (!spec) {
    return fail(
      `'.. ${type}::' is not a directive docutils knows (PyPI renders with plain docutils, without Sphinx directives)`,
      SPHINX_FIXES[name] ?? 'remove it, or use a docutils directive such as code-block, note, warning, image or figure',
    );
  }
  if (name === 'raw' || name === 'include') {
    return fail(
      `the '${name}' directive is disabled on PyPI`,
      name === 'raw'
        ? 'write the content in reStructuredText instead of raw HTML'
        : 'paste the included text into the description',
    );
  }
  const [required, optional, spaces, contentRule] = spec.split(' ', 4).map(Number) as [number, number, number, number];
  const options = spec.split(' ').slice(4);
  let lines = block.slice(strip(block[0]?.text ?? '') ? 0 : 1);
  while (lines.length && !lines.at(-1)!.text) lines = lines.slice(0, -1);
  let split = lines.findIndex((l) => !l.text);
  if (split < 0) split = lines.length;
  let [args, content] =
    lines.length && (required || optional || options.length)
      ? [lines.slice(0, split), lines.slice(split + 1)]
      : [[], lines];
  const field = options.length ? args.findIndex((l) => FIELD.test(l.text)) : -1;
  const given = field < 0 ? [] : args.slice(field);
  if (field >= 0) args = args.slice(0, field);
  if (args.length && !(required || optional)) [args, content] = [[], args.concat(lines.slice(split))];
  while (content[0] && !content[0].text) content = content.slice(1);
  facts.skipped.push(joined(args));
  const seen = new Set<string>();
  for (const option of given.filter((l) => !l.text.startsWith(' '))) {
    const m = FIELD.exec(option.text);
    const key = m ? strip(m[0].slice(1, m[0].lastIndexOf(':'))).toLowerCase() : '';
    if (!m)
      return fail(
        `the line '${option.text}' among the options of '.. ${type}::' is not an option`,
        'indent it under the option it continues, or put a blank line before the content',
      );
    // Option names go through inline markup (`:target_:` reads as "target"): judge plain words only.
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(key)) continue;
    if (!options.includes(key)) {
      return fail(
        `'.. ${type}::' has no option ':${key}:'`,
        `remove it; docutils allows ${options.map((o) => `:${o}:`).join(' ') || 'no options here'}` +
          (spec === CODE ? ' (Sphinx options such as :caption: or :linenos: do not exist here)' : ''),
      );
    }
    if (seen.has(key)) return fail(`'.. ${type}::' has the option ':${key}:' twice`, 'keep only one of them');
    if (name === 'csv-table' && (key === 'file' || key === 'url'))
      return fail(
        `the ':${key}:' option of '.. csv-table::' is disabled on PyPI`,
        'put the rows in the directive itself',
      );
    seen.add(key);
    if (key === 'name') {
      facts.explicitTargets.push({ name: normalizeName(option.text.slice(m[0].length)), line: option.n });
      facts.names.add(squash(option.text.slice(m[0].length)));
    }
  }
  const words = joined(args).split(SPACES).filter(Boolean).length;
  if (words < required)
    return fail(
      `'.. ${type}::' needs an argument after the '::'`,
      `write it on the same line, e.g. '.. ${type}:: ${/^(image|figure)$/.test(name) ? 'https://…/picture.png' : '…'}'`,
    );
  if (words > required + optional && !spaces) {
    return fail(
      `'.. ${type}::' is given ${words} arguments, at most ${required + optional} allowed`,
      'put a blank line between the directive (with its options) and its content',
    );
  }
  if (content.length && !contentRule)
    return fail(
      `'.. ${type}::' takes no content, but indented text follows it`,
      'remove the indented text or its indentation',
    );
  if (!substitution && SUBSTITUTION_DIRECTIVES.has(name) && name !== 'image') {
    return fail(
      `'.. ${type}::' only works inside a substitution definition`,
      `write it as '.. |name| ${name}:: …' and use |name| in the text`,
    );
  }
  if (!content.length && contentRule === 2)
    return fail(`'.. ${type}::' has no content`, 'indent its content under it, after a blank line');
  if (BODY_CONTENT.has(name)) return content;
  if (!UNPARSED_CONTENT.has(name)) facts.skipped.push(joined(content));
  return [];
}

/** A hyperlink target; `raw` starts after '.. _' (or '__ ' for an anonymous one), its lines not dedented. */
export function hyperlinkTarget(raw: string[], line: number, facts: RstFacts, anonymous: boolean): void {
  let escaped = '';
  let k = 0;
  let m: RegExpExecArray | null = null;
  for (; !anonymous && k < raw.length && !(m = TARGET.exec((escaped += escapeToNull(raw[k]!)))); k++);
  if (!anonymous && !m) {
    facts.problems.push({
      line,
      message: `the hyperlink target '.. _${raw.join(' ').trim()}' has no ':' after its name`,
      fix: "write it as '.. _name: https://…' (quote a name containing ': ' with backquotes)",
    });
    return;
  }
  const rest = [
    strip((escapeToNull(raw[k] ?? '') + ' ').slice(m ? m[0].length - escaped.length - 1 : 0)),
    ...raw.slice(k + 1).map(escapeToNull),
  ];
  const text = rest.map(strip).join(' ').split(SPACES).join(' ');
  const indirect = text.endsWith('_') ? INDIRECT.exec(text) : null;
  const refname = indirect ? normalizeName(unescape(indirect[1] ?? indirect[2]!)) : undefined;
  const uri = indirect
    ? undefined
    : rest
        .join(' ')
        .split(/\0[ \n]/)
        .map((part) => unescape(part).split(SPACES).join(''))
        .join(' ');
  if (refname) facts.references.push({ name: refname, line, source: text });
  const name = m?.groups?.name;
  if (name === undefined) facts.anonymousTargets.push(line);
  else {
    facts.explicitTargets.push({ name: normalizeName(unescape(name)), line, uri: uri || undefined, refname });
    facts.names.add(squash(unescape(name)));
  }
}

/** A substitution definition; `block` starts after '.. |'. Its directive is checked like any other. */
export function substitutionDefinition(block: RstLine[], line: number, facts: RstFacts): void {
  const raw = block.map((l) => l.text);
  let escaped = escapeToNull(rstrip(raw[0]!));
  let k = 0;
  let m: RegExpExecArray | null;
  while (!(m = SUBSTITUTION.exec(escaped)) && ++k < raw.length) escaped += ` ${escapeToNull(strip(raw[k]!))}`;
  const problem = (message: string, fix: string): number => facts.problems.push({ line, message, fix });
  if (!m)
    return void problem(
      "this substitution definition has no closing '|' after its name",
      "write it as '.. |name| image:: https://…'",
    );
  // docutils keeps a backslash-escape in the defined name (as NUL), so `|a\b|` does not define |ab|.
  const name = m.groups!.name!;
  const head = strip((strip(raw[k]!) + ' ').slice(m[0].length - escaped.length - 1, -1));
  const content = [{ text: head, n: block[k]!.n }, ...block.slice(k + 1)].filter((l, j) => j > 0 || l.text);
  const type = new RegExp(`^(${SIMPLENAME})::( +|$)`, 'u').exec(content[0]?.text ?? '');
  if (!type) {
    problem(
      `the substitution '|${unescape(name)}|' is defined without a directive`,
      `define it with one, e.g. '.. |${unescape(name)}| image:: https://…' or '.. |${unescape(name)}| replace:: text'`,
    );
  } else if (
    checkDirective(
      type[1]!,
      [{ text: content[0]!.text.slice(type[0].length), n: content[0]!.n }, ...content.slice(1)],
      line,
      facts,
      true,
    )
  ) {
    if (SUBSTITUTION_DIRECTIVES.has(type[1]!.toLowerCase())) facts.substitutionDefinitions.push({ name, line });
    else
      problem(
        `'${type[1]}::' cannot define a substitution`,
        'use image::, replace::, unicode:: or date:: in a substitution definition',
      );
  }
}

/** Names, substitutions, roles, anonymous targets and footnotes the raw text might define, read without parsing. */
export function looseScan(raw: string[], facts: RstFacts) {
  const loose = {
    names: new Set(['contents']),
    titles: new Set<string>(),
    substitutions: new Set<string>(),
    anonymousTargets: 0,
    autoFootnotes: { '#': 0, '*': 0 },
    numbered: false,
  };
  raw.forEach((line, k) => {
    for (const m of line.matchAll(/`([^`]*?)\s*<([^`<>]+)>`_(?!_)|_`([^`]+)`/g))
      loose.names.add(squash(m[1] || m[2] || m[3] || ''));
    const m =
      /^\s*(?:\.\.\s+(?:_`?(.+?)`?\s?:(?:\s|$)|\[#?([^\]]+)\]|\|([^|]+)\||(role)::\s*([^\s(]+)|[\w.:+-]+\s?::\s*(.*))|:name:\s*(.*))/u.exec(
        line,
      );
    if (m?.[1] || m?.[2] || m?.[6] || m?.[7]) loose.names.add(squash(m[1] || m[2] || m[6] || m[7]!));
    if (m?.[2] === '#' || m?.[2] === '*') loose.autoFootnotes[m[2]]++;
    loose.numbered ||= /^\s*\.\.\s+\[#/.test(line);
    if (m?.[3]) loose.substitutions.add(normalizeName(m[3]));
    if (m?.[5]) facts.customRoles.add(m[5].toLowerCase());
    if (/^\s*(?:\.\.\s+__\s?:(?:\s|$)|__(?: |$))/.test(line)) loose.anonymousTargets++;
    if (k + 1 < raw.length && /^([!-/:-@[-`{-~])\1* *$/.test(raw[k + 1]!.trimEnd())) loose.titles.add(squash(line));
  });
  return loose;
}

/** The checks that need the whole document: references, anonymous links, footnotes, substitutions, duplicates. */
export function resolve(facts: RstFacts, loose: ReturnType<typeof looseScan>): void {
  const problem = (line: number, message: string, fix: string): number => facts.problems.push({ line, message, fix });
  const skipped = (marker: string): boolean => facts.skipped.some((text) => text.includes(marker));
  for (const ref of facts.references) {
    const key = squash(ref.name);
    // Auto-numbered footnotes take the numeric names still free, so `[2]_` may point at a `.. [#]`.
    if (
      !key ||
      facts.names.has(key) ||
      loose.names.has(key) ||
      loose.titles.has(key) ||
      (/^\d+$/.test(key) && loose.numbered)
    )
      continue;
    problem(
      ref.line,
      `the link '${ref.source}' refers to a target named '${ref.name}', which the description does not define`,
      `define it with '.. _${ref.name}: https://…', write the link as \`text <https://…>\`_, or escape the '_' as '\\_' if it is not a link`,
    );
  }
  const [anonymous, targets] = [facts.anonymousReferences.length, facts.anonymousTargets.length];
  if (anonymous !== targets && targets === loose.anonymousTargets && !skipped('__')) {
    problem(
      facts.anonymousReferences[targets] ?? facts.anonymousTargets[anonymous]!,
      `the description has ${anonymous} anonymous link(s) (ending in '__') but ${targets} anonymous target(s) ('.. __: …')`,
      'give each `text`__ link its own `.. __: https://…` line in the same order, or embed the URL: `text <https://…>`__',
    );
  }
  for (const kind of ['#', '*'] as const) {
    const refs = facts.autoReferences[kind];
    if (
      refs.length > facts.autoFootnotes[kind] &&
      facts.autoFootnotes[kind] === loose.autoFootnotes[kind] &&
      !skipped(`[${kind}]_`)
    ) {
      problem(
        refs[facts.autoFootnotes[kind]]!,
        `the description has ${refs.length} '[${kind}]_' footnote reference(s) but only ${facts.autoFootnotes[kind]} '.. [${kind}]' footnote(s)`,
        `add a '.. [${kind}] …' footnote for each reference, in the same order`,
      );
    }
  }
  const defined = new Set([
    ...facts.substitutionDefinitions.map((s) => normalizeName(unescape(s.name))),
    ...loose.substitutions,
  ]);
  for (const ref of facts.substitutionReferences) {
    if (defined.has(normalizeName(ref.name))) continue;
    problem(
      ref.line,
      `the substitution '|${ref.name}|' is used but never defined`,
      `define it, e.g. '.. |${ref.name}| image:: https://…', or escape the bar as '\\|'`,
    );
  }
  const firstDefinition = new Map<string, number>();
  for (const sub of facts.substitutionDefinitions) {
    const key = sub.name.split(SPACES).join(' ');
    const old = firstDefinition.get(key);
    if (old)
      problem(
        sub.line,
        `the substitution '|${unescape(key)}|' is defined twice (first on line ${old})`,
        'remove or rename one of the definitions',
      );
    else firstDefinition.set(key, sub.line);
  }
  const first = new Map<string, { line: number; uri?: string; refname?: string }>();
  const reported = new Set<string>();
  for (const target of facts.explicitTargets) {
    const old = first.get(target.name);
    if (!old) first.set(target.name, target);
    else if (
      !reported.has(target.name) &&
      !(target.uri !== undefined && target.uri === old.uri) &&
      !(target.refname !== undefined && target.refname === old.refname)
    ) {
      reported.add(target.name);
      problem(
        target.line,
        `the target name '${target.name}' is defined twice (first on line ${old.line})`,
        'rename one of the targets, or give both the same URL',
      );
    }
  }
}
