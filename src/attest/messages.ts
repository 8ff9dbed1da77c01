import { PublishError } from '../common/errors.js';
import { describeCause, type SigningFailure, type SigstoreEndpoints } from './endpoints.js';

const WAY_OUT = "or set 'attestations: false' to upload without attestations";

/** What failed while signing, where, and the way out; nothing has been uploaded at that point. */
export function signingError(failure: SigningFailure, endpoints: SigstoreEndpoints, filename: string): PublishError {
  const cause = describeCause(failure.cause);
  switch (failure.step) {
    case 'token':
      return new PublishError(
        `Nothing was uploaded: signing the PEP 740 attestation for ${filename} failed at the first step, getting an OIDC token for Sigstore (audience 'sigstore') from GitHub's runner: ${cause}`,
        {
          file: filename,
          hint: `Give the job 'permissions: id-token: write' (needed for trusted publishing anyway) and re-run; if it has it, GitHub's token service failed: re-run the job later, ${WAY_OUT}.`,
        },
      );
    case 'fulcio':
      return new PublishError(
        `Nothing was uploaded: signing the PEP 740 attestation for ${filename} failed at Sigstore's certificate authority, Fulcio (${endpoints.fulcio.href}), which did not issue a signing certificate: ${cause}`,
        {
          file: filename,
          hint: `A 401 or 403 means Fulcio refused the runner's OIDC token; a 5xx or a network error means Fulcio is failing (see https://status.sigstore.dev). Re-run the job later, ${WAY_OUT}.`,
        },
      );
    case 'rekor':
      return new PublishError(
        `Nothing was uploaded: signing the PEP 740 attestation for ${filename} failed at Sigstore's transparency log, Rekor (${endpoints.rekor.href}), which did not record the signature: ${cause}`,
        {
          file: filename,
          hint: `Rekor is failing or unreachable (see https://status.sigstore.dev); re-run the job later, ${WAY_OUT}.`,
        },
      );
  }
}

/** PyPI's "Invalid attestations supplied during upload: …", with what usually causes it. */
export function explainAttestationRefusal(error: unknown): PublishError | undefined {
  if (!(error instanceof PublishError) || !/invalid attestations supplied during upload/i.test(error.message))
    return undefined;
  return new PublishError(error.message, {
    file: error.file,
    details: error.details,
    hint:
      "PyPI verified the file's attestations against this project's trusted publisher and refused them. Usually the certificate's identity does not match the publisher: " +
      'a reusable workflow (the Build Config URI names the calling workflow), a publisher registered for another workflow file, repository or environment, or a pre-made attestation in packages-dir signed elsewhere. ' +
      `Run with 'verbose: true' to see the certificate's identity, compare it with the publisher on PyPI, ${WAY_OUT}.`,
  });
}
