// Explicit targets and substitution definitions: what they define, and how they are malformed.
import { checkDirective, SUBSTITUTION_DIRECTIVES } from './directives.js';
import type { RstFacts, RstLine } from './facts.js';
import { escapeToNull, normalizeName, rstrip, SIMPLENAME, SPACE, SPACES, squash, strip, unescape } from './text.js';

const TARGET = new RegExp(
  `^(?:_|(?!_)(?<q>\`?)(?![ \`])(?<name>.+?)(?<![${SPACE}\\0])\\k<q>)(?<!(?<!\\0):)(?<![${SPACE}\\0]) ?:(?: +|$)`,
  'u',
);
const SUBSTITUTION = new RegExp(`^(?![ ])(?<name>.+?)(?<![${SPACE}\\0])\\|(?: +|$)`, 'u');
const INDIRECT = new RegExp(`^(?:(${SIMPLENAME})_|\`(?! )(.+?)(?<![${SPACE}\\0])\`_)$`, 'u');

/**
 * A hyperlink target; `raw` starts after '.. _' (or '__ ' for an anonymous one), its lines not dedented.
 * Returns whether it points somewhere (a URI or another name), which renders nothing; an internal
 * target renders an anchor.
 */
export function hyperlinkTarget(raw: string[], line: number, facts: RstFacts, anonymous: boolean): boolean {
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
    return true;
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
  return Boolean(uri || refname);
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
