// Fulcio's /api/v2/signingCert as production answers a GitHub Actions token: SAN
// https://github.com/<job_workflow_ref>, the GitHub claims as extensions, 10-minute certificates.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { startJsonServer, type JsonServer } from './http-server.ts';
import { createTestCa, toPem, uriSan, type Extension, type TestCa } from './test-ca.ts';
import { utf8String } from './der.ts';

export interface FulcioOptions {
  /** Verifies the OIDC token (signature, issuer, expiry) and returns its claims; throws when invalid. */
  verifyToken(jwt: string): Record<string, unknown>;
}

export interface TestFulcio extends JsonServer {
  ca: TestCa;
  /** Every certificate issued, DER. */
  issued: Buffer[];
}

const GITHUB = 'https://github.com';
const OID = (n: number): string => `1.3.6.1.4.1.57264.1.${n}`;

/** Fulcio's extensions for a GitHub token (sigstore/fulcio docs/oid-info.md): legacy ones raw, newer ones DER UTF8String. */
export function githubExtensions(claims: Record<string, unknown>): Extension[] {
  const text = (key: string): string | undefined => (typeof claims[key] === 'string' ? claims[key] : undefined);
  const raw = (n: number, value: string | undefined): Extension[] =>
    value === undefined ? [] : [{ oid: OID(n), value: Buffer.from(value, 'utf8') }];
  const der = (n: number, value: string | undefined): Extension[] =>
    value === undefined ? [] : [{ oid: OID(n), value: utf8String(value) }];
  const repository = text('repository');
  const runId = text('run_id');
  return [
    ...raw(1, text('iss')),
    ...raw(2, text('event_name')),
    ...raw(3, text('sha')),
    ...raw(4, text('workflow')),
    ...raw(5, repository),
    ...raw(6, text('ref')),
    ...der(8, text('iss')),
    ...der(9, text('job_workflow_ref') && `${GITHUB}/${text('job_workflow_ref')}`),
    ...der(10, text('job_workflow_sha')),
    ...der(11, text('runner_environment')),
    ...der(12, repository && `${GITHUB}/${repository}`),
    ...der(13, text('sha')),
    ...der(14, text('ref')),
    ...der(15, text('repository_id')),
    ...der(16, text('repository_owner') && `${GITHUB}/${text('repository_owner')}`),
    ...der(17, text('repository_owner_id')),
    ...der(18, text('workflow_ref') && `${GITHUB}/${text('workflow_ref')}`),
    ...der(19, text('workflow_sha')),
    ...der(20, text('event_name')),
    ...der(
      21,
      repository && runId && `${GITHUB}/${repository}/actions/runs/${runId}/attempts/${text('run_attempt') ?? '1'}`,
    ),
    ...der(22, text('repository_visibility')),
  ];
}

export async function startFulcio(options: FulcioOptions): Promise<TestFulcio> {
  const ca = createTestCa();
  const issued: Buffer[] = [];
  const refuse = (status: number, code: number, message: string) => ({ status, body: { code, message, details: [] } });
  const server = await startJsonServer((req, body) => {
    if (req.method !== 'POST' || req.url !== '/api/v2/signingCert') return refuse(404, 5, 'Not Found');
    let request: {
      credentials?: { oidcIdentityToken?: string };
      publicKeyRequest?: { publicKey?: { content?: string }; proofOfPossession?: string };
    };
    try {
      request = JSON.parse(body.toString('utf8')) as typeof request;
    } catch {
      return refuse(400, 3, 'The request body is not JSON');
    }
    let claims: Record<string, unknown>;
    try {
      claims = options.verifyToken(request.credentials?.oidcIdentityToken ?? '');
    } catch (error) {
      return refuse(401, 16, `There was an error processing the identity token: ${(error as Error).message}`);
    }
    const aud = claims.aud;
    if (aud !== 'sigstore' && !(Array.isArray(aud) && aud.includes('sigstore')))
      return refuse(401, 16, 'There was an error processing the identity token: audience is not sigstore');
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey(request.publicKeyRequest?.publicKey?.content ?? '');
    } catch {
      return refuse(400, 3, 'The public key supplied in the request could not be parsed');
    }
    const proof = Buffer.from(request.publicKeyRequest?.proofOfPossession ?? '', 'base64');
    if (typeof claims.sub !== 'string' || !verify('sha256', Buffer.from(claims.sub), publicKey, proof)) {
      return refuse(400, 3, 'The signature supplied in the request could not be verified');
    }
    const jobWorkflowRef = claims.job_workflow_ref;
    if (typeof jobWorkflowRef !== 'string') return refuse(400, 3, 'The token has no job_workflow_ref claim');
    const der = ca.issue(publicKey, new Date(Date.now() - 1000), 10 * 60_000, [
      uriSan(`${GITHUB}/${jobWorkflowRef}`),
      ...githubExtensions(claims),
    ]);
    issued.push(der);
    return {
      status: 201,
      body: { signedCertificateEmbeddedSct: { chain: { certificates: [toPem(der), ca.root.pem] } } },
    };
  });
  return Object.assign(server, { ca, issued });
}
