import { isLoopbackHost } from '../common/urls.js';
import { sigstoreEndpoints, TEST_INDEX_VARIABLE, type SigstoreEndpoints } from './endpoints.js';

export { TEST_INDEX_VARIABLE };

export type AttestationPolicy =
  | { attest: true; index: string; endpoints: SigstoreEndpoints; customSigstore: boolean }
  | { attest: false; notice: string | undefined };

const SILENCE = "Set 'attestations: false' to upload without them and without this notice.";

/**
 * Whether this run makes attestations (trusted publishing to PyPI or TestPyPI only, exact hosts),
 * and with which Sigstore; throws when the environment names a Sigstore that may not be used.
 */
export function attestationPolicy(
  repositoryUrl: URL,
  trustedPublishing: boolean,
  wanted: boolean,
  env: Record<string, string | undefined>,
): AttestationPolicy {
  if (!wanted) return { attest: false, notice: undefined };
  if (!trustedPublishing) {
    return {
      attest: false,
      notice: `No PEP 740 attestations were made: they need trusted publishing, and this run uploads with an API token ('password'), with which PyPI refuses them. Switch to trusted publishing (leave 'password' empty, give the job 'permissions: id-token: write') to get them. ${SILENCE}`,
    };
  }
  const pypi = pypiIndex(repositoryUrl);
  const index = pypi ?? testIndex(repositoryUrl, env[TEST_INDEX_VARIABLE]);
  if (index) {
    const { endpoints, custom } = sigstoreEndpoints(env, !pypi);
    return { attest: true, index, endpoints, customSigstore: custom };
  }
  return {
    attest: false,
    notice: `No PEP 740 attestations were made: ${repositoryUrl.host} is not PyPI (upload.pypi.org) or TestPyPI (test.pypi.org), the only indexes that verify and show them. ${SILENCE}`,
  };
}

function pypiIndex(url: URL): string | undefined {
  if (url.protocol !== 'https:') return undefined;
  if (url.host === 'upload.pypi.org') return 'PyPI';
  if (url.host === 'test.pypi.org') return 'TestPyPI';
  return undefined;
}

function testIndex(url: URL, variable: string | undefined): string | undefined {
  if (!variable || !isLoopbackHost(url.hostname)) return undefined;
  try {
    return new URL(variable).origin === url.origin
      ? `the local test index ${url.origin} (${TEST_INDEX_VARIABLE})`
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * In a reusable workflow, job_workflow_ref (the called file, which PyPI matches when minting the
 * token) differs from workflow_ref (the caller, which Fulcio writes as the Build Config URI and
 * PyPI compares with the publisher when verifying): one publisher cannot match both.
 */
export function reusableWorkflowSkip(claims: Record<string, unknown>): string | undefined {
  const caller = claims.workflow_ref;
  const called = claims.job_workflow_ref;
  if (typeof caller !== 'string' || typeof called !== 'string' || caller === called) return undefined;
  return (
    `Uploading without PEP 740 attestations: this job runs in the reusable workflow ${called}, called from ${caller}. ` +
    `PyPI verifies an attestation's Build Config URI (https://github.com/${caller}, the calling workflow) against the trusted publisher, ` +
    `whose workflow must be the reusable one (${called.split('@')[0]!.split('/').pop()}) for the token exchange; no publisher can match both, so PyPI would refuse the upload with "Invalid attestations supplied during upload". ` +
    "To get attestations, publish from a job in the workflow that is triggered, not from a reusable workflow; set 'attestations: false' to silence this warning."
  );
}
