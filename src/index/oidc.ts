import { PublishError } from '../common/errors.js';
import { credentialsAllowed } from '../common/urls.js';
import { parseJson, send, serverMessage, statusLine, type HttpResponse } from './http.js';
import { truncationNote } from './answer-limits.js';
import { describeMintRefusal, PUBLISHER_CLAIMS } from './publisher-mismatch.js';
import { reusableWorkflowWarning } from './diagnostics.js';
import {
  isRetryableStatus,
  RetryableFailure,
  retryOnStatus,
  retryOnTransport,
  withRetries,
  type RetryPolicy,
} from './retry.js';

/** What the runner gives a job that has `permissions: id-token: write`. */
export interface RunnerOidc {
  requestUrl: string | undefined;
  requestToken: string | undefined;
  /** GITHUB_EVENT_NAME, to explain why a pull request has no token. */
  eventName?: string | undefined;
  /**
   * The runner's ID token for an audience: `@actions/core`'s getIDToken in the action (it reads the
   * same two variables); when absent (tests in-process), it is asked for here over HTTP.
   */
  getIdToken?: ((audience: string) => Promise<string>) | undefined;
}

/** Masks a secret in the log (core.setSecret); called before a secret is used for anything else. */
export type Mask = (secret: string) => void;

export interface UploadToken {
  token: string;
  /** Unix seconds, when the index says. */
  expires: number | undefined;
  /** The publisher claims of the GitHub token that was exchanged (never the token itself). */
  claims: Record<string, unknown>;
}

const PERMISSIONS_SNIPPET = ['permissions:', '  id-token: write  # needed for trusted publishing'].join('\n');

export interface ExchangeOptions {
  mask: Mask;
  /** Project names in the dists, for links to their publisher settings. */
  projects: string[];
  retry: RetryPolicy;
  log: (message: string) => void;
  warn: (message: string) => void;
  /** The audience and a first ID token, asked for before the rest of the action was loaded (head-start.ts). */
  headStart?: OidcHeadStart | undefined;
}

/** The exchange's first two requests, under way before the dists are even found (src/index/head-start.ts). */
export interface OidcHeadStart {
  audience: Promise<string>;
  /** An ID token for that audience, for the first exchange only: the index accepts each token's `jti` once. */
  idToken?: Promise<string> | undefined;
}

/**
 * Trusted publishing: the index's audience, an ID token for it from the runner, and the index's
 * short-lived API token in exchange. Each token is masked the moment it arrives. Every step is
 * retried on network errors and 5xx; a retried exchange asks the runner for a new ID token,
 * because the index accepts each token's `jti` only once.
 */
export async function mintUploadToken(
  indexUrl: URL,
  runner: RunnerOidc,
  options: ExchangeOptions,
): Promise<UploadToken> {
  options.mask(checkRunner(runner).requestToken);
  const { retry, log } = options;
  const audience = await (options.headStart?.audience ?? audienceWithRetries(indexUrl, retry, log));
  let prefetched = options.headStart?.idToken;
  return withRetries('Exchanging the OIDC token for an upload token', retry, log, async () => {
    const fresh = prefetched;
    prefetched = undefined;
    const idToken = await (fresh ?? exchangeIdTokenFor(runner, audience, options));
    const reusable = reusableWorkflowWarning(decodeClaims(idToken));
    if (reusable) options.warn(reusable);
    return exchangeIdToken(indexUrl, idToken, options);
  });
}

/** The index's audience, each failure retried as policy allows. */
export function audienceWithRetries(
  indexUrl: URL,
  retry: RetryPolicy,
  log: (message: string) => void,
): Promise<string> {
  return withRetries('Asking the index for its OIDC audience', retry, log, () => fetchAudience(indexUrl));
}

/**
 * An ID token from the runner for an audience (the index's, or Sigstore's), the request token masked
 * first and the ID token on arrival; retried as policy allows.
 */
export async function runnerIdToken(
  runner: RunnerOidc,
  audience: string,
  options: Pick<ExchangeOptions, 'mask' | 'retry' | 'log'>,
  what = `Requesting an OIDC token for '${audience}' from GitHub's runner`,
): Promise<string> {
  const { requestUrl, requestToken } = checkRunner(runner);
  options.mask(requestToken);
  return withRetries(what, options.retry, options.log, () =>
    runner.getIdToken
      ? idTokenFromCore(runner.getIdToken, audience, options.mask)
      : requestIdToken(requestUrl, requestToken, audience, options.mask),
  );
}

/** The ID token the exchange sends to the index. */
export function exchangeIdTokenFor(
  runner: RunnerOidc,
  audience: string,
  options: Pick<ExchangeOptions, 'mask' | 'retry' | 'log'>,
): Promise<string> {
  return runnerIdToken(runner, audience, options, "Requesting an OIDC token from GitHub's runner");
}

function checkRunner(runner: RunnerOidc): { requestUrl: URL; requestToken: string } {
  if (!runner.requestUrl || !runner.requestToken) {
    const fromPullRequest = runner.eventName === 'pull_request' || runner.eventName === 'pull_request_target';
    throw new PublishError(
      'This job cannot get an OIDC token from GitHub: ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set.' +
        (fromPullRequest
          ? ` The run was triggered by '${runner.eventName}': GitHub gives pull requests from forks no OIDC token, whatever the permissions say, so publish from a push, tag or release event instead.`
          : ''),
      {
        hint: `Trusted publishing needs the job (or the workflow) to have:\n${PERMISSIONS_SNIPPET}\nWithout trusted publishing, pass an API token as 'password' instead.`,
      },
    );
  }
  let requestUrl: URL;
  try {
    requestUrl = new URL(runner.requestUrl);
  } catch {
    throw new PublishError(`ACTIONS_ID_TOKEN_REQUEST_URL is not a URL.`, {
      hint: 'This variable is set by the runner; do not set it yourself.',
    });
  }
  if (!credentialsAllowed(requestUrl)) {
    throw new PublishError(
      `ACTIONS_ID_TOKEN_REQUEST_URL is plain http:// to another machine; the runner's token will not be sent over it.`,
      {
        hint: 'This variable is set by the runner; do not override it.',
      },
    );
  }
  return { requestUrl, requestToken: runner.requestToken };
}

export function oidcEndpoint(indexUrl: URL, path: 'audience' | 'mint-token'): URL {
  return new URL(`/_/oidc/${path}`, indexUrl.origin);
}

export async function fetchAudience(indexUrl: URL): Promise<string> {
  const url = oidcEndpoint(indexUrl, 'audience');
  const response = await sendRetryable(
    url,
    { headers: { accept: 'application/json' } },
    'asking for the OIDC audience',
  );
  if (response.status === 200) {
    const audience = (parseJson(response.body) as { audience?: unknown } | undefined)?.audience;
    if (typeof audience === 'string' && audience) return audience;
    throw new PublishError(`${url.href} answered 200 without an "audience" in JSON${truncationNote(response)}.`, {
      hint: "This index does not speak PyPI's trusted-publishing protocol; pass an API token as 'password' instead.",
    });
  }
  if (response.status === 403) {
    throw new PublishError(
      `${indexUrl.host} has trusted publishing turned off (${url.href} answered ${statusLine(403)}: ${serverMessage(response)}).`,
      {
        hint: "The index's administrators have disabled it, perhaps for a while; try again later, or pass an API token as 'password'.",
      },
    );
  }
  if (response.status === 404) {
    throw new PublishError(
      `${indexUrl.host} does not support trusted publishing (${url.href} answered ${statusLine(404)}).`,
      {
        hint: "Check 'repository-url' (PyPI: https://upload.pypi.org/legacy/, TestPyPI: https://test.pypi.org/legacy/). For another index, create an API token there and pass it as 'password' from a secret.",
      },
    );
  }
  throw unexpected('asking for the OIDC audience', url, response);
}

async function requestIdToken(requestUrl: URL, requestToken: string, audience: string, mask: Mask): Promise<string> {
  const url = new URL(requestUrl.href);
  url.searchParams.set('audience', audience);
  const response = await sendRetryable(
    url,
    {
      headers: { accept: 'application/json' },
      credentials: { authorization: `bearer ${requestToken}`, origin: url.origin },
    },
    "requesting an OIDC token from GitHub's runner",
    "A fault on GitHub's side: re-run the job; see https://www.githubstatus.com.",
  );
  const value = (parseJson(response.body) as { value?: unknown } | undefined)?.value;
  if (typeof value === 'string' && value) mask(value);
  if (response.status !== 200 || typeof value !== 'string' || !value) {
    throw new PublishError(
      `GitHub's OIDC token endpoint answered ${statusLine(response.status)} without a token: ${serverMessage(response)}.`,
      {
        hint: `Check that the job has:\n${PERMISSIONS_SNIPPET}\nIf it does, this is a fault on GitHub's side; re-run the job.`,
      },
    );
  }
  return value;
}

/**
 * Through `@actions/core`'s getIDToken (which retries 502-504 itself): its errors carry the status
 * as "Error Code : N" in the text; none (a network error), 408, 429 and 5xx are worth another attempt.
 */
async function idTokenFromCore(
  getIdToken: (audience: string) => Promise<string>,
  audience: string,
  mask: Mask,
): Promise<string> {
  let value: string;
  try {
    value = await getIdToken(audience);
  } catch (error) {
    const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
    const status = Number(/Error Code : (\d{3})/.exec(text)?.[1] ?? 0);
    const refusal = new PublishError(`GitHub's OIDC token endpoint gave no token: ${text}.`, {
      hint: `Check that the job has:\n${PERMISSIONS_SNIPPET}\nIf it does, this is a fault on GitHub's side; re-run the job.`,
    });
    if (status === 0 || isRetryableStatus(status)) throw new RetryableFailure(text, refusal);
    throw refusal;
  }
  mask(value);
  return value;
}

async function exchangeIdToken(
  indexUrl: URL,
  idToken: string,
  { mask, projects }: ExchangeOptions,
): Promise<UploadToken> {
  const url = oidcEndpoint(indexUrl, 'mint-token');
  const request = {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ token: idToken }),
  } as const;
  const response = await sendRetryable(url, request, 'exchanging the OIDC token for an upload token');
  const json = parseJson(response.body) as
    { token?: unknown; expires?: unknown; message?: unknown; errors?: unknown } | undefined;
  if (typeof json?.token === 'string' && json.token) mask(json.token);
  if (response.status === 200 && typeof json?.token === 'string' && json.token) {
    return {
      token: json.token,
      expires: typeof json.expires === 'number' ? json.expires : undefined,
      claims: publisherClaims(decodeClaims(idToken)),
    };
  }
  if (response.status === 422 || (json && Array.isArray(json.errors))) {
    const refusal = describeMintRefusal({
      url,
      status: response.status,
      answer: json,
      claims: decodeClaims(idToken),
      indexUrl,
      projects,
    });
    throw new PublishError(refusal.text, {
      hint: 'Make the trusted publisher registered on the index match the values above exactly (owner, repository, workflow file name, environment), or register a pending publisher for a new project.',
      details: refusal.markdown,
    });
  }
  throw unexpected('exchanging the OIDC token for an upload token', url, response);
}

function publisherClaims(claims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    PUBLISHER_CLAIMS.filter((claim) => claims[claim] !== undefined).map((claim) => [claim, claims[claim]]),
  );
}

/** The JWT's payload, decoded without verification: only for showing the claims, never the token. */
export function decodeClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1];
  if (!payload) return {};
  const claims = parseJson(Buffer.from(payload, 'base64url').toString('utf8'));
  return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : {};
}

/** One request; network errors and retryable statuses become RetryableFailures for withRetries. */
async function sendRetryable(
  url: URL,
  init: Parameters<typeof send>[1],
  doing: string,
  hint?: string,
): Promise<HttpResponse> {
  let response: HttpResponse;
  try {
    response = await send(url, init);
  } catch (error) {
    retryOnTransport(
      error,
      (transport) =>
        new PublishError(`Could not complete ${doing}: ${transport.message}.`, {
          hint: 'Check the network (and HTTPS_PROXY on a self-hosted runner); if it is fine, the service may be down: re-run the job later.',
        }),
    );
  }
  return retryOnStatus(
    response,
    `${statusLine(response.status)}: ${serverMessage(response)}`,
    unexpected(doing, url, response, hint),
  );
}

function unexpected(
  doing: string,
  url: URL,
  response: HttpResponse,
  hint = "Check 'repository-url'; if it is right, see the index's status page.",
): PublishError {
  const json = parseJson(response.body) !== undefined;
  const retry = response.status >= 500 ? " This is a fault on the index's side; re-run the job in a few minutes." : '';
  return new PublishError(
    `Unexpected answer while ${doing}: ${url.href} answered ${statusLine(response.status)}${json ? '' : ' (not JSON)'}${truncationNote(response)}: ${serverMessage(response)}.${retry}`,
    { hint },
  );
}
