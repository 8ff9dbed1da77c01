// A pure approximation of the reStructuredText errors that make PyPI refuse a description. PyPI renders
// it with readme_renderer, which runs docutils with halt_level at WARNING: any docutils warning or error
// refuses the upload. The parser follows docutils' block states (parsers/rst/states.py) closely enough
// to know where each construct starts and ends, reports only what docutils certainly reports, and skips
// as a whole what it does not model.
// The parser and its checks live in rst/; this module runs them on one text within a budget.
import { body } from './rst/body.js';
import { RstBudgetExceeded, withRstBudget } from './rst/budget.js';
import { newFacts, type RstFacts, type RstProblem } from './rst/facts.js';
import { looseScan, resolve } from './rst/references.js';
import { rstrip } from './rst/text.js';

export type { RstProblem } from './rst/facts.js';

/** What readme_renderer refuses that checkRst does not look for. */
export const RST_CHECKS_NOT_DONE: string[] = [
  'tables: malformed grid or simple tables, and inline markup inside table cells (csv-table content included)',
  'the shape of list-table content (rows of equal length), and of figure captions',
  'option lists whose marker docutils cannot parse ("Invalid option list marker")',
  'a reference to a name shared by section titles with inline markup ("cannot be used as a unique reference")',
  'option values of directives other than image, figure, the tables and contents, and option values holding inline markup',
  'substitution definitions: the text of a `replace::` and the options of an embedded `image::`',
  'bibliographic fields at the top of the document (:Authors:, :Date:, …) that docutils cannot interpret',
  'roles used before their `.. role::` definition, and text in a `.. default-role::` set to an unimplemented role',
];

/** The problems docutils, as readme_renderer runs it, would certainly report for `text`, by line. */
export function checkRst(text: string): RstProblem[] {
  return checkRstWithin(text, Infinity).problems;
}

export interface RstCheck {
  problems: RstProblem[];
  /** Set when part of the text was not checked, and why. */
  stopped?: string;
}

/** checkRst with a time budget: past it, the problems found so far and a note that it stopped. */
export function checkRstWithin(text: string, budgetMs: number): RstCheck {
  const notes = new Set<string>();
  const facts = newFacts();
  try {
    withRstBudget(budgetMs, () => {
      parse(text, notes, facts);
    });
  } catch (error) {
    if (!(error instanceof RstBudgetExceeded)) throw error;
    notes.add(error.message.startsWith('the check stopped') ? error.message : `the check stopped after ${budgetMs} ms`);
  }
  const problems = facts.problems.sort((a, b) => a.line - b.line);
  return notes.size ? { problems, stopped: [...notes].join('; ') } : { problems };
}

function parse(text: string, notes: Set<string>, facts: RstFacts): void {
  const raw = text.replace(/[\v\f]/g, ' ').split(/\r\n|[\n\r\x1c-\x1e\x85\u2028\u2029]/);
  if (raw.length > 1 && raw.at(-1) === '') raw.pop();
  const lines = raw.map((line, k) => ({
    text: rstrip([...line].reduce((out, c) => out + (c === '\t' ? ' '.repeat(8 - (out.length % 8)) : c), '')),
    n: k + 1,
  }));
  const loose = looseScan(raw, facts);
  body(
    lines,
    {
      facts,
      styles: [],
      level: 0,
      kind: 'other',
      empty: true,
      afterTransition: false,
      looseNames: loose.names,
      depth: 0,
      notes,
    },
    true,
  );
  resolve(facts, loose);
  // readme_renderer refuses a description that renders to nothing (PyPI renders only a non-empty one);
  // it says so only when docutils reported nothing else.
  if (text !== '' && !facts.rendered && !notes.size && facts.problems.length === 0) {
    facts.problems.push({
      line: 1,
      message:
        'the description renders to nothing: it holds only comments, link targets or substitution definitions, so PyPI refuses it ("No content rendered from RST source")',
      fix: 'write the project description (at least a paragraph), or leave the description out',
    });
  }
}
