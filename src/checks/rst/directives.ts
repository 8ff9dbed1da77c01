// Directives: the ones plain docutils knows, their signatures (arguments, content, options), and the
// checks docutils makes before it runs one.
import { FIELD } from './block-markers.js';
import type { RstFacts, RstLine } from './facts.js';
import { optionValueProblem } from './option-values.js';
import { knownRole } from './roles.js';
import { joined, normalizeName, SPACES, squash, strip } from './text.js';

// Directive signatures from docutils: required and optional arguments, whether the last argument may
// hold spaces, content (0 none, 1 allowed, 2 required), then the option names.
const ADMONITION = '0 0 1 2 class name';
export const CODE = '0 1 0 2 class name number-lines';
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
export const SUBSTITUTION_DIRECTIVES = new Set(['image', 'replace', 'unicode', 'date']);
const SPHINX_FIXES: Record<string, string> = {
  highlight: "remove it and give the language on each '.. code-block:: <language>'",
  literalinclude: "paste the code into a '.. code-block::' (PyPI cannot read other files)",
  toctree: 'remove it: a package description is a single page',
  versionadded: "use a '.. note::' instead",
  versionchanged: "use a '.. note::' instead",
  deprecated: "use a '.. warning::' instead",
  seealso: "use a '.. note::' instead",
};

/** An option's value as docutils reads it (a one-paragraph field body), or undefined when it has none. */
function optionValue(first: string, rest: RstLine[]): string | undefined {
  const end = rest.findIndex((l) => !l.text.startsWith(' '));
  const lines = [first, ...(end < 0 ? rest : rest.slice(0, end)).map((l) => l.text)].map(strip).filter(Boolean);
  return lines.length ? lines.join('\n') : undefined;
}

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
  for (const [k, option] of given.entries()) {
    if (option.text.startsWith(' ')) continue;
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
    const valueProblem = optionValueProblem(name, key, optionValue(option.text.slice(m[0].length), given.slice(k + 1)));
    if (valueProblem)
      return fail(
        `the option ':${key}:' of '.. ${type}::' has a value docutils refuses: ${valueProblem}`,
        key === 'width' || key === 'height' || key === 'figwidth'
          ? `write a number with a CSS unit or none, e.g. ':${key}: 200px' or ':${key}: 50%'`
          : `give ':${key}:' one value on its own line`,
      );
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
  const role = strip(joined(args));
  if (name === 'default-role' && role && !knownRole(role, facts)) {
    return fail(
      `'.. default-role:: ${role}' names a role docutils does not know (PyPI renders with plain docutils, without Sphinx roles such as py:obj)`,
      'remove the directive and mark code as ``literal`` text instead, or use a docutils role such as literal or code',
    );
  }
  if (BODY_CONTENT.has(name)) return content;
  if (!UNPARSED_CONTENT.has(name)) facts.skipped.push(joined(content));
  return [];
}
