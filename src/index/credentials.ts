import type { UploadToken } from './oidc.js';

export interface Credentials {
  user: string;
  password: string;
  /** A token minted by trusted publishing (for hints), rather than one the user gave. */
  trustedPublishing: boolean;
}

/** Where uploads get their credentials; a trusted-publishing source renews its short-lived token. */
export interface CredentialSource {
  readonly trustedPublishing: boolean;
  /** Valid credentials, minting a new token first when the current one is about to expire. */
  current(): Promise<Credentials>;
  /** Mints a new token now (the index said the old one expired); false when there is nothing to renew. */
  renew(): Promise<boolean>;
}

export function fixedCredentials(user: string, password: string): CredentialSource {
  const credentials: Credentials = { user, password, trustedPublishing: false };
  return { trustedPublishing: false, current: () => Promise.resolve(credentials), renew: () => Promise.resolve(false) };
}

/**
 * PyPI's minted tokens last 15 minutes. A new one is minted before a file's upload starts when
 * less than `marginMs` is left, so that a long multi-file run never sends an expired token.
 */
export function mintedCredentials(
  mint: () => Promise<UploadToken>,
  log: (message: string) => void,
  marginMs: number,
  now: () => number = Date.now,
): CredentialSource {
  let token: UploadToken | undefined;
  const fresh = async (): Promise<void> => {
    token = await mint();
    log(`Got an upload token${token.expires ? `, valid until ${new Date(token.expires * 1000).toISOString()}` : ''}.`);
  };
  return {
    trustedPublishing: true,
    async current() {
      if (!token) {
        await fresh();
      } else if (token.expires !== undefined && token.expires * 1000 - now() < marginMs) {
        log(`The upload token expires at ${new Date(token.expires * 1000).toISOString()}; minting a new one.`);
        await fresh();
      }
      return { user: '__token__', password: token!.token, trustedPublishing: true };
    },
    async renew() {
      await fresh();
      return true;
    },
  };
}
