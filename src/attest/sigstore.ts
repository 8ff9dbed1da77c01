// Loaded only when a run signs (import() in attest.ts). sigstore-js assembles the DSSE bundle; the
// calls to Fulcio and Rekor are the action's own (fulcio.ts, rekor.ts), through its HTTP door.
import { generateKeyPairSync, sign as signBytes } from 'node:crypto';
import { bundleToJSON } from '@sigstore/bundle';
import type { Signature, Signer, Witness } from '@sigstore/sign';
// Not the package's index, which loads its own HTTP clients (make-fetch-happen) into the bundle.
import { DSSEBundleBuilder } from '@sigstore/sign/dist/bundler/dsse.js';
import { decodeClaims } from '../index/oidc.js';
import { bundleToPep740, IN_TOTO_PAYLOAD_TYPE, type Pep740Attestation } from './pep740.js';
import { SigningFailure, type SigstoreEndpoints } from './endpoints.js';
import { requestSigningCertificate } from './fulcio.js';
import { recordDsseEntry } from './rekor.js';
import type { ServiceCall } from './sigstore-http.js';

export interface SigningOptions {
  endpoints: SigstoreEndpoints;
  /** The runner's OIDC token with audience `sigstore`; asked for once. */
  identityToken: () => Promise<string>;
  /** Retries and timeout of each call to Fulcio and Rekor, and where retries are logged. */
  call: ServiceCall;
}

export interface PublishSigner {
  /** Signs the statement: a DSSE envelope, one Fulcio certificate for the whole run, a Rekor entry per file. */
  sign(statement: Buffer): Promise<Pep740Attestation>;
}

export function createPublishSigner(options: SigningOptions): PublishSigner {
  const signer = new CertifiedKey(options);
  const witness: Witness = {
    testify: async (content, certificatePem) => {
      try {
        if (content.$case !== 'dsseEnvelope') throw new Error('only DSSE envelopes are recorded');
        return {
          tlogEntries: [
            await recordDsseEntry(options.endpoints.rekor, content.dsseEnvelope, certificatePem, options.call),
          ],
        };
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

  constructor(private readonly options: SigningOptions) {}

  async sign(data: Buffer): Promise<Signature> {
    this.certificate ??= this.certify();
    const certificate = await this.certificate;
    return { signature: this.raw(data), key: { $case: 'x509Certificate', certificate } };
  }

  private async certify(): Promise<string> {
    let token: string;
    try {
      token = await this.options.identityToken();
    } catch (error) {
      throw new SigningFailure('token', error);
    }
    try {
      // Fulcio's proof of possession for a GitHub token: the key's signature over its `sub` claim.
      const subject = decodeClaims(token).sub;
      if (typeof subject !== 'string') throw new Error("the runner's OIDC token has no 'sub' claim");
      return await requestSigningCertificate(
        this.options.endpoints.fulcio,
        {
          identityToken: token,
          publicKeyPem: this.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
          proofOfPossession: this.raw(Buffer.from(subject, 'utf8')),
        },
        this.options.call,
      );
    } catch (error) {
      throw new SigningFailure('fulcio', error);
    }
  }

  private raw(data: Buffer): Buffer {
    return signBytes('sha256', data, this.keys.privateKey);
  }
}
