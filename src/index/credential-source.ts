import type { ActionIO } from '../common/action-io.js';
import { outside } from '../common/log-text.js';
import type { DistFile } from '../dists/dists.js';
import type { Inputs } from '../inputs/inputs.js';
import type { MintedTokens } from './burn.js';
import { fixedCredentials, mintedCredentials, type CredentialSource } from './credentials.js';
import { passwordModeAdvice } from './diagnostics.js';
import { mintUploadToken, type OidcHeadStart, type RunnerOidc } from './oidc.js';
import type { RetryPolicy } from './retry.js';

/** The password, or trusted publishing: a token minted when first asked for and renewed before it runs out. */
export function credentialSource(
  inputs: Inputs,
  runner: RunnerOidc,
  io: ActionIO,
  dists: DistFile[],
  retry: RetryPolicy,
  tokenRenewMarginMs: number,
  minted: MintedTokens,
  headStart?: OidcHeadStart,
): CredentialSource {
  if (inputs.password) {
    const advice = passwordModeAdvice(inputs.repositoryUrl, inputs.user, inputs.password);
    for (const notice of advice.notices) io.notice(notice);
    for (const warning of advice.warnings) io.warning(warning);
    io.info(`Authenticating to ${inputs.repositoryUrl.host} as '${outside(inputs.user)}' with the given password.`);
    return fixedCredentials(inputs.user, inputs.password);
  }
  // Known before the metadata is read: the filenames' names, in the index's normalized spelling.
  const projects = [...new Set(dists.map((dist) => dist.name.toLowerCase().replace(/[-_.]+/g, '-')))];
  const log = (message: string): void => {
    io.info(message);
  };
  const warned = new Set<string>();
  const warnOnce = (message: string): void => {
    if (!warned.has(message)) io.warning(message);
    warned.add(message);
  };
  let next = headStart;
  const mint = async () => {
    const start = next;
    // The audience serves every mint; the head start's ID token only the first.
    next = start && { audience: start.audience };
    // Without the runner's variables the exchange fails at once (with the id-token advice): no "exchanging" line.
    if (runner.requestUrl && runner.requestToken)
      io.info(
        `Exchanging this job's OIDC token for an upload token at ${inputs.repositoryUrl.origin} (trusted publishing).`,
      );
    const token = await mintUploadToken(inputs.repositoryUrl, runner, {
      mask: (secret) => {
        io.setSecret(secret);
      },
      projects,
      retry,
      log,
      warn: warnOnce,
      headStart: start,
    });
    minted.remember(token.token);
    if (inputs.verbose)
      io.info(
        `  exchanged a GitHub token with ${Object.entries(token.claims)
          .map(([k, v]) => `${outside(k)}=${outside(String(v))}`)
          .join(', ')}`,
      );
    return token;
  };
  return mintedCredentials(mint, log, tokenRenewMarginMs);
}
