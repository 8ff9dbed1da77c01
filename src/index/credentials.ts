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
  /**
   * Mints a new token now (the index said the old one expired); false when there is nothing to renew.
   * With `stale`, the password the index refused, nothing is minted when another upload has renewed it already.
   */
  renew(stale?: string): Promise<boolean>;
}

export function basicAuthorization({ user, password }: Pick<Credentials, 'user' | 'password'>): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export function fixedCredentials(user: string, password: string): CredentialSource {
  const credentials: Credentials = { user, password, trustedPublishing: false };
  return { trustedPublishing: false, current: () => Promise.resolve(credentials), renew: () => Promise.resolve(false) };
}

/**
 * PyPI's minted tokens last 15 minutes. A new one is minted before a file's upload starts when
 * less than `marginMs` is left, so that a long multi-file run never sends an expired token.
 * Concurrent uploads share one mint: whoever asks while a mint is under way waits for it.
 */
export function mintedCredentials(
  mint: () => Promise<UploadToken>,
  log: (message: string) => void,
  marginMs: number,
  now: () => number = Date.now,
): CredentialSource {
  let token: UploadToken | undefined;
  let minting: Promise<UploadToken> | undefined;
  const fresh = (): Promise<UploadToken> => {
    minting ??= mint()
      .then((minted) => {
        token = minted;
        log(
          `Got an upload token${minted.expires ? `, valid until ${new Date(minted.expires * 1000).toISOString()}` : ''}.`,
        );
        return minted;
      })
      .finally(() => {
        minting = undefined;
      });
    return minting;
  };
  const credentials = (current: UploadToken): Credentials => ({
    user: '__token__',
    password: current.token,
    trustedPublishing: true,
  });
  return {
    trustedPublishing: true,
    async current() {
      if (minting) return credentials(await minting);
      if (!token) return credentials(await fresh());
      if (token.expires !== undefined && token.expires * 1000 - now() < marginMs) {
        log(`The upload token expires at ${new Date(token.expires * 1000).toISOString()}; minting a new one.`);
        return credentials(await fresh());
      }
      return credentials(token);
    },
    async renew(stale?: string) {
      if (minting) await minting;
      else if (stale === undefined || token?.token === stale) await fresh();
      return true;
    },
  };
}
