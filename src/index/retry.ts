import { PublishError } from '../common/errors.js';
import { outside } from '../common/log-text.js';
import { TransportError, type HttpResponse } from './http.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts after this long since the first attempt. */
  totalMs: number;
}

/** Five attempts over at most ten minutes: enough for a PyPI hiccup, short of hiding an outage. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
  totalMs: 10 * 60_000,
};

/** A failure worth another attempt. `final` is what the user sees if no attempt is left. */
export class RetryableFailure extends Error {
  readonly retryAfterMs: number | undefined;
  readonly final: PublishError;

  constructor(reason: string, final: PublishError, retryAfterMs?: number) {
    super(reason);
    this.name = 'RetryableFailure';
    this.final = final;
    this.retryAfterMs = retryAfterMs;
  }
}

/** 408, 429 and 5xx other than "not implemented" and "version not supported" may pass. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/** Exponential backoff with jitter: a random delay in the upper half of base·2^(attempt-1), capped. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const HTTP_DATE_FORMS = [
  /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  /^[A-Za-z]{6,9}, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
  /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/,
];

/** Retry-After as seconds or as an HTTP date (RFC 9110 §10.2.3, §5.6.7). */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  // Only the three HTTP-date forms (IMF-fixdate, RFC 850, asctime): Date.parse alone would read "1.5" as a date.
  if (!HTTP_DATE_FORMS.some((form) => form.test(value.trim()))) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Throws a RetryableFailure for answers worth another attempt; returns the response otherwise. */
export function retryOnStatus(response: HttpResponse, reason: string, final: PublishError): HttpResponse {
  if (isRetryableStatus(response.status))
    throw new RetryableFailure(reason, final, retryAfterMs(response.headers['retry-after']));
  return response;
}

/** A transport failure as a RetryableFailure; anything else is rethrown. */
export function retryOnTransport(error: unknown, final: (error: TransportError) => PublishError): never {
  if (error instanceof TransportError) throw new RetryableFailure(error.message, final(error));
  throw error;
}

export type Sleep = (ms: number) => Promise<void>;
const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it returns, throws something other than a RetryableFailure, or the policy
 * runs out; each retry is logged with its reason and delay.
 */
export async function withRetries<T>(
  what: string,
  policy: RetryPolicy,
  log: (message: string) => void,
  attempt: (n: number) => Promise<T>,
  wait: Sleep = sleep,
): Promise<T> {
  const started = Date.now();
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof RetryableFailure)) throw error;
      const delay = Math.max(error.retryAfterMs ?? 0, backoffDelayMs(n, policy));
      const elapsed = Date.now() - started;
      if (n >= policy.attempts || elapsed + delay > policy.totalMs) {
        const why =
          n >= policy.attempts
            ? `after ${n} attempt${n === 1 ? '' : 's'}`
            : `after ${n} attempt${n === 1 ? '' : 's'}; the next would start past the ${Math.round(policy.totalMs / 1000)} s limit`;
        throw new PublishError(`${error.final.message} (gave up ${why})`, {
          hint: error.final.hint,
          file: error.final.file,
          cause: error.final,
        });
      }
      log(
        `${outside(what)}: attempt ${n} of ${policy.attempts} failed (${outside(error.message)}); retrying in ${(delay / 1000).toFixed(1)} s.`,
      );
      await wait(delay);
    }
  }
}
