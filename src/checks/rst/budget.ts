// The limits a crafted description runs into: a time budget and a cap on the problems collected.
import type { RstFacts } from './facts.js';

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
