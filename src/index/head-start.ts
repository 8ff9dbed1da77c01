import type { Inputs } from '../inputs/inputs.js';
import { eventRefusal, type JobContext } from './diagnostics.js';
import { audienceWithRetries, exchangeIdTokenFor, type Mask, type OidcHeadStart, type RunnerOidc } from './oidc.js';
import type { RetryPolicy } from './retry.js';

export interface HeadStartOptions {
  mask: Mask;
  retry: RetryPolicy;
  log: (message: string) => void;
}

/**
 * Network first: trusted publishing's first two requests (the index's audience, then the runner's
 * ID token for it) leave before the dists are found, checked or hashed and, in the action, before
 * most of its code is loaded (src/main-step.ts); the exchange itself (credential-source.ts) then
 * starts from them. Only for a run that will exchange a token: no password, the runner's OIDC
 * variables set, and an event the index accepts tokens from. The audience request carries no
 * secret; the ID token request masks the runner's token before it is used.
 */
export function startOidcExchange(
  inputs: Pick<Inputs, 'password' | 'repositoryUrl'>,
  runner: RunnerOidc,
  job: JobContext,
  options: HeadStartOptions,
): OidcHeadStart | undefined {
  if (inputs.password || !runner.requestUrl || !runner.requestToken || eventRefusal(job, true)) return undefined;
  const audience = audienceWithRetries(inputs.repositoryUrl, options.retry, options.log);
  const idToken = audience.then((value) => exchangeIdTokenFor(runner, value, options));
  // Their failures reach the exchange that awaits them; a run that ends before it must not leave an
  // unhandled rejection behind.
  audience.catch(() => undefined);
  idToken.catch(() => undefined);
  return { audience, idToken };
}
