// What a hostile case is (test/hostile/cases.ts, cases-13.ts), and the values planted in them.
import type { LocalIndex, LocalIndexOptions } from '../support/local-index.ts';
import type { Answer } from './harness.ts';

export const PASSWORD = 'pypi-HOSTILE-SECRET-0123456789';
export const MARKER = 'INJECTED7f3a';

export interface CaseContext {
  /** The index under test (uploads 200, lookups 404), on 127.0.0.1. */
  index: string;
  /** A second server, on `localhost` and another port: another origin. */
  elsewhere: { host: string; port: number };
}

export interface HostileCase {
  id: string;
  finding: string;
  title: string;
  files: (context: CaseContext) => Record<string, Buffer>;
  inputs?: (context: CaseContext) => Record<string, string>;
  /** Runs with a job-summary path that cannot be written. */
  unwritableSummary?: boolean;
  /** Runs without GITHUB_STEP_SUMMARY: the summary is printed to stdout. */
  noSummaryFile?: boolean;
  /** The index answers every request with this (status, JSON message). */
  indexAnswer?: { status: number; message: string };
  /** The index answers every request so (instead of 200 to uploads, 404 to look-ups). */
  serve?: Answer;
  /** The index answers simple-API lookups with a redirect to the other origin. */
  redirectLookupsElsewhere?: boolean;
  /**
   * Trusted publishing against the local Warehouse (no password), hostile where `arrange` overrides
   * it; the post step runs after the main step, and no upload token may be left live.
   */
  warehouse?: { options?: LocalIndexOptions; arrange?: (index: LocalIndex) => void };
  /** Shorter deadlines for this run (PYPI_OIDC_PUBLISH_TEST_TIMING), so that it ends within the suite's bound. */
  timing?: { idleTimeoutMs?: number; deadlines?: Record<string, number> };
  /** More values that must never be shown in clear. */
  secrets?: string[];
  /** The run stops while reading its inputs, before outputs exist. */
  inputError?: boolean;
  /**
   * What the action must do now: its exit code, words that must appear in its log, and how many
   * uploads the index saw (when not given: none after a failure of a case without indexAnswer).
   */
  expected: { code: 0 | 1; log: string[]; uploads?: number };
}
