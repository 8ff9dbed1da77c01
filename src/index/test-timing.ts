// Shorter timings for the hostile tests, which run dist/index.js against servers that trickle or
// never end their answers. Read by the entry (src/main-step.ts) before its first request.
import { DEFAULT_DEADLINES, type Deadlines } from './answer-limits.js';
import { DEFAULT_IDLE_TIMEOUT_MS } from './http.js';

export interface TimingOverrides {
  idleTimeoutMs?: number;
  deadlines?: Deadlines;
}

/** Set by the hostile tests, which run dist/index.js: shorter timings, never longer ones. */
export const TEST_TIMING_VARIABLE = 'PYPI_OIDC_PUBLISH_TEST_TIMING';

/**
 * `{"idleTimeoutMs": …, "deadlines": {"apiMs": …}}` from TEST_TIMING_VARIABLE: each value a
 * positive number of milliseconds, capped at the default, so that the variable can only make a
 * run give up sooner. Anything else is ignored.
 */
export function testTiming(raw: string | undefined): TimingOverrides {
  let parsed: unknown;
  try {
    parsed = raw ? JSON.parse(raw) : undefined;
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object') return {};
  const given = parsed as { idleTimeoutMs?: unknown; deadlines?: Partial<Record<keyof Deadlines, unknown>> };
  const shorter = (value: unknown, fallback: number): number =>
    typeof value === 'number' && value > 0 ? Math.min(value, fallback) : fallback;
  const wanted = given.deadlines ?? {};
  const rate = wanted.minUploadBytesPerSecond;
  const deadlines: Deadlines = {
    apiMs: shorter(wanted.apiMs, DEFAULT_DEADLINES.apiMs),
    listingMs: shorter(wanted.listingMs, DEFAULT_DEADLINES.listingMs),
    uploadAnswerMs: shorter(wanted.uploadAnswerMs, DEFAULT_DEADLINES.uploadAnswerMs),
    // A higher rate means less time for sending.
    minUploadBytesPerSecond: Math.max(DEFAULT_DEADLINES.minUploadBytesPerSecond, typeof rate === 'number' ? rate : 0),
  };
  return { idleTimeoutMs: shorter(given.idleTimeoutMs, DEFAULT_IDLE_TIMEOUT_MS), deadlines };
}
