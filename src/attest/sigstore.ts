// Loaded only when a run signs (import() in attest.ts): sigstore-js is most of the bundle's size.
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
import { bundleToPep740, IN_TOTO_PAYLOAD_TYPE, type Pep740Attestation } from './pep740.js';
import { SigningFailure, type SigstoreEndpoints } from './endpoints.js';

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
