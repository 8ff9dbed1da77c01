// What the rst checker records while it reads a description, shared by the block parser and the
// inline, directive and reference modules. No I/O and no global state: checkRst makes one per call.

export interface RstProblem {
  line: number;
  message: string;
  fix: string;
}

/** A source line as docutils sees it in its block (tabs expanded, dedented), with its 1-based number. */
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
  /** Names of section titles (implicit targets) without inline markup, normalized, in order. */
  sectionNames: string[];
  /** Something renders: not only comments, link targets, substitution definitions and silent directives. */
  rendered: boolean;
}

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
    sectionNames: [],
    rendered: false,
  };
}
