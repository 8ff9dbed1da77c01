import { credentialsAllowed } from '../common/urls.js';
import { send, serverMessage, statusLine } from './http.js';

/** Where burning logs: a success is info, "not supported here" only debug, anything else a warning. */
export interface BurnLog {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string): void;
}

export type BurnOutcome = 'burned' | 'unsupported' | 'failed';

/** Short: burning is a courtesy at the end of a job, never worth holding it up. */
const BURN_TIMEOUT_MS = 10_000;
/** In all, however the answer trickles in. */
const BURN_DEADLINE_MS = 15_000;

export function burnEndpoint(indexUrl: URL): URL {
  return new URL('/_/oidc/burn-token', indexUrl.origin);
}

/**
 * Revokes an upload token minted by trusted publishing before it would expire by itself
 * (`POST /_/oidc/burn-token`, answered 202). Best effort: never throws. PyPI's endpoint is new,
 * so an index without it (404, 405) is worth only a debug line.
 */
export async function burnToken(indexUrl: URL, token: string, log: BurnLog): Promise<BurnOutcome> {
  const url = burnEndpoint(indexUrl);
  if (!credentialsAllowed(url)) {
    log.warning(
      `The upload token was not revoked: ${url.origin} is plain http:// to another machine. It expires by itself within 15 minutes.`,
    );
    return 'failed';
  }
  try {
    const response = await send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token }),
      idleTimeoutMs: BURN_TIMEOUT_MS,
      deadlineMs: BURN_DEADLINE_MS,
    });
    if (response.status === 202) {
      log.info(
        `Revoked the upload token at ${url.origin} (burn-token answered ${statusLine(response.status)}); it can no longer be used.`,
      );
      return 'burned';
    }
    if (response.status === 404 || response.status === 405) {
      log.debug(
        `${url.href} answered ${statusLine(response.status)}: this index cannot revoke upload tokens early; the token expires by itself within 15 minutes.`,
      );
      return 'unsupported';
    }
    log.warning(
      `Could not revoke the upload token: ${url.href} answered ${statusLine(response.status)}: ${serverMessage(response)}. It expires by itself within 15 minutes; nothing else to do.`,
    );
    return 'failed';
  } catch (error) {
    log.warning(
      `Could not revoke the upload token: ${(error as Error).message}. It expires by itself within 15 minutes; nothing else to do.`,
    );
    return 'failed';
  }
}

/** The state the post step reads; the token itself is masked in both steps before any use. */
export const BURN_STATE = { tokens: 'upload-tokens', indexUrl: 'upload-index-url' } as const;

/**
 * Every upload token minted in this run, until burned. Each change is saved to the step's state
 * at once, so that the post step can burn what a failed or cancelled main step left behind.
 */
export class MintedTokens {
  private readonly tokens: string[] = [];

  constructor(
    private readonly indexUrl: URL,
    private readonly saveState: (name: string, value: string) => void,
  ) {}

  remember(token: string): void {
    this.tokens.push(token);
    this.persist();
  }

  get count(): number {
    return this.tokens.length;
  }

  /** Burns every token; the state is cleared either way, since a second try would meet the same answer. */
  async burnAll(log: BurnLog): Promise<BurnOutcome[]> {
    const outcomes: BurnOutcome[] = [];
    while (this.tokens.length) outcomes.push(await burnToken(this.indexUrl, this.tokens.shift()!, log));
    this.persist();
    return outcomes;
  }

  private persist(): void {
    this.saveState(BURN_STATE.indexUrl, this.tokens.length ? this.indexUrl.href : '');
    this.saveState(BURN_STATE.tokens, this.tokens.length ? JSON.stringify(this.tokens) : '');
  }
}
