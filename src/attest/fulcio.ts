// Fulcio's POST /api/v2/signingCert (sigstore/fulcio's API v2): the runner's OIDC token and an
// ephemeral public key in, a short-lived certificate for that key and the token's identity out.
import { PublishError } from '../common/errors.js';
import { postJson, serviceUrl, type ServiceCall } from './sigstore-http.js';

export interface CertificateRequest {
  identityToken: string;
  /** The ephemeral key, SPKI PEM. */
  publicKeyPem: string;
  /** The key's signature over the token's `sub` claim, proving that the caller holds the private key. */
  proofOfPossession: Buffer;
}

/** The signing certificate Fulcio issued (PEM), the leaf of the chain it answers with. */
export async function requestSigningCertificate(
  fulcio: URL,
  request: CertificateRequest,
  call: ServiceCall,
): Promise<string> {
  const answer = await postJson(
    'Fulcio',
    serviceUrl(fulcio, '/api/v2/signingCert'),
    {
      credentials: { oidcIdentityToken: request.identityToken },
      publicKeyRequest: {
        publicKey: { algorithm: 'ECDSA', content: request.publicKeyPem },
        proofOfPossession: request.proofOfPossession.toString('base64'),
      },
    },
    call,
  );
  // Production Fulcio embeds the SCT in the certificate; a private deployment may detach it.
  const signed = (answer.signedCertificateEmbeddedSct ?? answer.signedCertificateDetachedSct) as
    { chain?: { certificates?: unknown } } | undefined;
  const chain = signed?.chain?.certificates;
  const leaf = Array.isArray(chain) ? (chain[0] as unknown) : undefined;
  if (typeof leaf !== 'string' || !leaf.includes('-----BEGIN CERTIFICATE-----'))
    throw new PublishError('Fulcio answered without a certificate chain.');
  return leaf;
}
