import type { ActionIO } from '../common/action-io.js';
import { formatError, PublishError } from '../common/errors.js';
import { outside } from '../common/log-text.js';
import { outputs, summaryMarkdown, type FileReport } from './report.js';

/** What the run found besides the files' results, for the summary and the outputs. */
export interface RunSummary {
  /** A dry run's plan replaces the summary. */
  dryRunPlan?: string;
  /** With `wait`: whether the index served every file (false until it did); undefined when not asked. */
  installable?: boolean;
  /** With `wait`: "installable after 7 s; provenance confirmed for 2 files". */
  waitLine?: string;
}

/** Outputs and the job summary. Failing to write them is a warning: it never changes the run's result or hides its error. */
export async function writeResults(
  io: ActionIO,
  repositoryUrl: URL,
  reports: FileReport[],
  attestationPaths: string[],
  error: unknown,
  summary: RunSummary,
): Promise<void> {
  const unwritten = (what: string, cause: unknown): void => {
    io.warning(
      `Could not write ${what}: ${outside(cause instanceof Error ? cause.message : String(cause))}. The run's result is not affected.`,
    );
  };
  try {
    const { uploaded, skipped } = outputs(reports);
    io.setOutput('uploaded', uploaded);
    io.setOutput('skipped', skipped);
    io.setOutput('attestations', JSON.stringify(attestationPaths));
    io.setOutput('installable', summary.installable === undefined ? '' : String(summary.installable));
  } catch (cause) {
    unwritten("the step's outputs (GITHUB_OUTPUT)", cause);
  }
  try {
    const failure =
      error === undefined
        ? undefined
        : error instanceof PublishError
          ? { message: formatError(error), details: error.details }
          : { message: error instanceof Error ? String(error) : JSON.stringify(error) };
    await io.writeSummary(summary.dryRunPlan ?? summaryMarkdown(repositoryUrl, reports, failure, summary.waitLine));
  } catch (cause) {
    unwritten('the job summary (GITHUB_STEP_SUMMARY)', cause);
  }
}
