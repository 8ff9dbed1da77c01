// The document-wide checks: what references, anonymous links, footnotes and substitutions point at,
// and names defined twice. They run once the whole text is read.
import type { RstFacts } from './facts.js';
import { normalizeName, SPACES, squash, unescape } from './text.js';

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
  // Two sections of one title both lose the name; only an explicit target can make it unique again.
  const explicit = new Set(facts.explicitTargets.map((target) => target.name));
  for (const ref of facts.references) {
    const sections = facts.sectionNames.filter((name) => name === ref.name).length;
    if (sections < 2 || explicit.has(ref.name) || loose.names.has(squash(ref.name))) continue;
    problem(
      ref.line,
      `the link '${ref.source}' refers to '${ref.name}', a title ${sections} sections share, so docutils cannot tell which one ("Duplicate target name, cannot be used as a unique reference")`,
      `put a target of its own before the section meant, e.g. '.. _${ref.name.replace(/ /g, '-')}-2:', and link to that name`,
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
