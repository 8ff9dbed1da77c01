// The step's log: the one way the main and post steps print, each line guarded at the stdout
// boundary (src/common/log-text.ts) whatever it carries. Secrets and state go through
// @actions/core directly: an `::add-mask::` line must carry its value exactly.
import * as core from '@actions/core';
import { annotationSafe, commandSafe } from './common/log-text.js';

const properties = (title: string | undefined): core.AnnotationProperties =>
  title ? { title: annotationSafe(title) } : {};

export const stepLog = {
  info: (message: string): void => {
    core.info(commandSafe(message));
  },
  notice: (message: string, title?: string): void => {
    core.notice(annotationSafe(message), properties(title));
  },
  warning: (message: string, title?: string): void => {
    core.warning(annotationSafe(message), properties(title));
  },
  error: (message: string, title?: string): void => {
    core.error(annotationSafe(message), properties(title));
  },
  debug: (message: string): void => {
    core.debug(annotationSafe(message));
  },
  /** An error annotation, and the step's exit code 1. */
  fail: (message: string): void => {
    core.setFailed(annotationSafe(message));
  },
};
