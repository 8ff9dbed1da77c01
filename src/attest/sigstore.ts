import { generateKeyPairSync, sign as signBytes } from 'node:crypto';
import { bundleToJSON } from '@sigstore/bundle';
import {
  DSSEBundleBuilder,
  FulcioSigner,
  RekorWitness,
  type Signature,
  type Signer,
  type Witness,
} from '@sigstore/sign';
import { credentialsAllowed } from '../common/urls.js';
import { PublishError } from '../common/errors.js';
import { bundleToPep740, IN_TOTO_PAYLOAD_TYPE, type Pep740Attestation } from './pep740.js';

export interface SigstoreEndpoints {
  fulcio: URL;
  rekor: URL;
}

/** Sigstore's public instance: the only one PyPI verifies attestations against. */
export const PUBLIC_SIGSTORE = { fulcio: 'https://fulcio.sigstore.dev', rekor: 'https://rekor.sigstore.dev' } as const;
export const FULCIO_URL_VARIABLE = 'PYPI_OIDC_PUBLISH_FULCIO_URL';
export const REKOR_URL_VARIABLE = 'PYPI_OIDC_PUBLISH_REKOR_URL';

/** The Fulcio and Rekor to use: the public instance unless both variables name another (https, or http to this machine). */
export function sigstoreEndpoints(env: Record<string, string | undefined>): {
  endpoints: SigstoreEndpoints;
  custom: boolean;
} {
  const fulcio = env[FULCIO_URL_VARIABLE]?.trim();
  const rekor = env[REKOR_URL_VARIABLE]?.trim();
  if (!fulcio && !rekor)
    return {
      endpoints: { fulcio: new URL(PUBLIC_SIGSTORE.fulcio), rekor: new URL(PUBLIC_SIGSTORE.rekor) },
      custom: false,
    };
  if (!fulcio || !rekor) {
    throw new PublishError(
      `Only one of ${FULCIO_URL_VARIABLE} and ${REKOR_URL_VARIABLE} is set; a private Sigstore deployment needs both.`,
      {
        hint: "Set both (or neither, for Sigstore's public instance, the only one PyPI accepts).",
      },
    );
  }
  return {
    endpoints: { fulcio: endpointUrl(FULCIO_URL_VARIABLE, fulcio), rekor: endpointUrl(REKOR_URL_VARIABLE, rekor) },
    custom: true,
  };
}

function endpointUrl(variable: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PublishError(`${variable} is '${raw}', which is not a URL.`, {
      hint: 'Give the base URL of the service, for example https://fulcio.example.',
    });
  }
  // The OIDC token goes to Fulcio: the same rule as for index credentials.
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    !credentialsAllowed(url) ||
    url.username ||
    url.password
  ) {
    throw new PublishError(
      `${variable} is ${url.href}: only https:// URLs (or http:// to this machine) without a user name or password are used.`,
      { hint: `Use https://${url.host}${url.pathname}.` },
    );
  }
  return url;
}

export type SigningStep = 'token' | 'fulcio' | 'rekor';

/** A signing failure and the step it happened in: the runner's OIDC token, Fulcio or Rekor. */
export class SigningFailure extends Error {
  constructor(
    readonly step: SigningStep,
    cause: unknown,
  ) {
    super(`${step}: ${describeCause(cause)}`, { cause });
    this.name = 'SigningFailure';
  }
}

/** The innermost useful message of sigstore-js's errors (InternalError wrapping an HTTPError). */
export function describeCause(error: unknown): string {
  const messages: string[] = [];
  for (let current: unknown = error; current instanceof Error && messages.length < 4; current = current.cause) {
    if (current instanceof PublishError) return current.message;
    messages.push(current.message);
  }
  return messages.at(-1) ?? String(error);
}

export interface SigningOptions {
  endpoints: SigstoreEndpoints;
  /** The runner's OIDC token with audience `sigstore`; asked for once. */
  identityToken: () => Promise<string>;
  retries: number;
  retryDelayMs: number;
  timeoutMs: number;
}

export interface PublishSigner {
  /** Signs the statement: a DSSE envelope, one Fulcio certificate for the whole run, a Rekor entry per file. */
  sign(statement: Buffer): Promise<Pep740Attestation>;
}

export function createPublishSigner(options: SigningOptions): PublishSigner {
  const retry = {
    retries: options.retries,
    factor: 2,
    minTimeout: options.retryDelayMs,
    maxTimeout: options.retryDelayMs * 8,
  };
  const signer = new CertifiedKey(options, retry);
  const rekor = new RekorWitness({
    rekorBaseURL: trimSlash(options.endpoints.rekor),
    entryType: 'dsse',
    retry,
    timeout: options.timeoutMs,
  });
  const witness: Witness = {
    testify: async (content, publicKey) => {
      try {
        return await rekor.testify(content, publicKey);
      } catch (error) {
        throw new SigningFailure('rekor', error);
      }
    },
  };
  const builder = new DSSEBundleBuilder({ signer, witnesses: [witness] });
  return {
    async sign(statement) {
      const bundle = await builder.create({ data: statement, type: IN_TOTO_PAYLOAD_TYPE });
      return bundleToPep740(bundleToJSON(bundle));
    },
  };
}

/**
 * An ephemeral P-256 key certified by Fulcio on first use; later signatures reuse the certificate,
 * so one run makes one certificate (and asks the runner for one token) however many files it signs.
 */
class CertifiedKey implements Signer {
  private readonly keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  private certificate: Promise<string> | undefined;
  private tokenFailure: unknown;
  private readonly fulcio: FulcioSigner;

  constructor(options: SigningOptions, retry: object) {
    const publicKey = this.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const keyHolder: Signer = {
      sign: (data) => Promise.resolve({ signature: this.raw(data), key: { $case: 'publicKey', publicKey } }),
    };
    const identityProvider = {
      getToken: async () => {
        try {
          return await options.identityToken();
        } catch (error) {
          this.tokenFailure = error;
          throw error;
        }
      },
    };
    this.fulcio = new FulcioSigner({
      fulcioBaseURL: trimSlash(options.endpoints.fulcio),
      identityProvider,
      keyHolder,
      retry,
      timeout: options.timeoutMs,
    });
  }

  async sign(data: Buffer): Promise<Signature> {
    this.certificate ??= this.certify(data);
    const certificate = await this.certificate;
    return { signature: this.raw(data), key: { $case: 'x509Certificate', certificate } };
  }

  private async certify(data: Buffer): Promise<string> {
    try {
      const signature = await this.fulcio.sign(data);
      if (signature.key.$case !== 'x509Certificate') throw new Error('Fulcio returned no certificate');
      return signature.key.certificate;
    } catch (error) {
      throw this.tokenFailure === undefined
        ? new SigningFailure('fulcio', error)
        : new SigningFailure('token', this.tokenFailure);
    }
  }

  private raw(data: Buffer): Buffer {
    return signBytes('sha256', data, this.keys.privateKey);
  }
}

function trimSlash(url: URL): string {
  return url.href.replace(/\/+$/, '');
}
