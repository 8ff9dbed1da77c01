// The step's log: the one way the main and post steps print, each line guarded at the stdout
// boundary (src/common/log-text.ts) whatever it carries. Secrets and state go through
// @actions/core directly: an `::add-mask::` line must carry its value exactly. A factory over a
// loaded @actions/core, because the main step loads it only after its first request (main-step.ts).
import type * as Core from '@actions/core';
import { annotationSafe, commandSafe } from './common/log-text.js';

export interface StepLog {
  info: (message: string) => void;
  notice: (message: string, title?: string) => void;
  warning: (message: string, title?: string) => void;
  error: (message: string, title?: string) => void;
  debug: (message: string) => void;
  /** An error annotation, and the step's exit code 1. */
  fail: (message: string) => void;
}

export function stepLogFor(core: typeof Core): StepLog {
  const properties = (title: string | undefined): Core.AnnotationProperties =>
    title ? { title: annotationSafe(title) } : {};
  return {
    info: (message) => {
      core.info(commandSafe(message));
    },
    notice: (message, title) => {
      core.notice(annotationSafe(message), properties(title));
    },
    warning: (message, title) => {
      core.warning(annotationSafe(message), properties(title));
    },
    error: (message, title) => {
      core.error(annotationSafe(message), properties(title));
    },
    debug: (message) => {
      core.debug(annotationSafe(message));
    },
    fail: (message) => {
      core.setFailed(annotationSafe(message));
    },
  };
}
