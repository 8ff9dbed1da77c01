// Fulcio and Rekor are called through the action's one HTTP door (index/http.ts), not sigstore-js's
// make-fetch-happen: that follows any redirect, a 307 over plain http included, and re-sends the
// body, which for Fulcio holds the runner's OIDC token. send() follows redirects within one origin
// only, and the same size and time limits apply as to the index.
import { PublishError } from '../common/errors.js';
import { outside } from '../common/log-text.js';
import { parseJson, send, serverMessage, statusLine } from '../index/http.js';
import { isRetryableStatus, RetryableFailure, retryAfterMs, retryOnTransport, withRetries } from '../index/retry.js';
import type { RetryPolicy } from '../index/retry.js';

export type SigstoreService = 'Fulcio' | 'Rekor';

export interface ServiceCall {
  retry: RetryPolicy;
  timeoutMs: number;
  /** Where retries are told. */
  log: (message: string) => void;
}

/** `base` + `path`, keeping a path the base URL has (`https://host/prefix` + `/api/...`). */
export function serviceUrl(base: URL, path: string): URL {
  return new URL(`${base.href.replace(/\/+$/, '')}${path}`);
}

/**
 * POSTs JSON to a Sigstore service and returns its JSON answer; network errors, 408, 429 and 5xx
 * are tried again. Any other answer is an error with the service's own words; a redirect to
 * another origin is not followed.
 */
export async function postJson(
  service: SigstoreService,
  url: URL,
  body: unknown,
  call: ServiceCall,
): Promise<Record<string, unknown>> {
  return withRetries(`Calling ${service} (${url.origin})`, call.retry, call.log, async () => {
    let response;
    try {
      response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        idleTimeoutMs: call.timeoutMs,
      });
    } catch (error) {
      retryOnTransport(error, (transport) => new PublishError(`${service} could not be reached: ${transport.message}`));
    }
    const { status } = response;
    if (status >= 200 && status < 300) {
      const answer = parseJson(response.body);
      if (!answer || typeof answer !== 'object' || Array.isArray(answer))
        throw new PublishError(`${service} answered ${statusLine(status)} without a JSON object.`);
      return answer as Record<string, unknown>;
    }
    const location = response.headers.location;
    if (status >= 300 && status < 400 && typeof location === 'string') {
      throw new PublishError(
        `${service} at ${url.origin} answered ${statusLine(status)}, a redirect to ${outside(location)}, which is not followed: only ${url.origin} is sent the request (for Fulcio, the runner's OIDC token).`,
      );
    }
    const why = `${service} answered ${statusLine(status)}: ${serverMessage(response)}`;
    if (isRetryableStatus(status))
      throw new RetryableFailure(why, new PublishError(why), retryAfterMs(response.headers['retry-after']));
    throw new PublishError(why);
  });
}
