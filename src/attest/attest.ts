import { mkdtemp, writeFile } from 'node:fs/promises';
import type { Inputs } from '../inputs/inputs.js';
import type { RetryPolicy } from '../index/retry.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explainAttestationRefusal, signingError } from './messages.js';
import { predicateLabel, publishStatement, PUBLISH_PREDICATE_TYPE, type Pep740Attestation } from './pep740.js';
import { reusableWorkflowSkip } from './policy.js';
import { isAttestationFilename, type DistDigest } from './premade.js';
import { SigningFailure, type SigstoreEndpoints } from './endpoints.js';
import { prepareAttestations } from './prepare.js';

export { explainAttestationRefusal, isAttestationFilename };

export interface AttestationIO {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string, title?: string): void;
}

/** The inputs that matter here; trusted publishing is an empty `password`. */
export type AttestationInputs = Pick<Inputs, 'repositoryUrl' | 'packagesDir' | 'attestations' | 'password' | 'verbose'>;

/** The run's edges: the runner, the log, the environment. */
export interface AttestationEdges {
  /** The runner's OIDC token for an audience, masked by the caller before it is returned. */
  identityToken: (audience: string) => Promise<string>;
  /** Decodes a JWT's claims without verifying it, for the reusable-workflow check. */
  claimsOf: (jwt: string) => Record<string, unknown>;
  /** For each call to Fulcio and Rekor, as for the index's. */
  retry: RetryPolicy;
  env: Record<string, string | undefined>;
  io: AttestationIO;
}

/** Per file: the `attestations` form field and labels for the summary. */
export interface FileAttestations {
  field: string;
  labels: string[];
}

export interface AttestationOutcome {
  byFile: Map<string, FileAttestations>;
  /** Attestations this run signed, written outside the workspace (the `attestations` output). */
  written: string[];
}

const NONE: AttestationOutcome = { byFile: new Map(), written: [] };
const TIMEOUT_MS = 30_000;

/**
 * Decides whether this run attests, collects pre-made attestations from packages-dir, and signs a
 * publish attestation for every dist without one. Nothing is written into packages-dir: the signed
 * objects go to a new directory under RUNNER_TEMP.
 */
export async function attestDists(
  dists: DistDigest[],
  inputs: AttestationInputs,
  request: AttestationEdges,
): Promise<AttestationOutcome> {
  const { io } = request;
  const work = await prepareAttestations(dists, inputs, request.env);
  if (!work.attest) {
    const { notice, unused } = work;
    if (notice)
      io.notice(
        notice +
          (unused.length
            ? ` The attestation files in packages-dir (${unused.join(', ')}) are not uploaded either.`
            : ''),
      );
    else if (unused.length)
      io.info(`'attestations: false': the attestation files in packages-dir (${unused.join(', ')}) are not uploaded.`);
    return NONE;
  }
  if (work.orphans.length)
    io.warning(
      `Not uploaded, as no distribution in packages-dir has their names' first part: ${work.orphans.join(', ')}. An attestation file is named <distribution file>.<kind>.attestation.`,
      'Attestations',
    );
  for (const [filename, list] of work.premade) {
    io.info(`Using what was made beforehand for ${filename}: ${list.map((p) => p.file).join(', ')}`);
  }

  const signed = work.toSign.length ? await signPublishAttestations(work.toSign, inputs, request, work) : undefined;
  if (signed === 'skipped') return NONE;
  const made = signed?.made ?? new Map<string, Pep740Attestation>();

  const byFile = new Map<string, FileAttestations>();
  for (const dist of dists) {
    const own = made.get(dist.filename);
    const list = [
      ...(own ? [{ predicateType: PUBLISH_PREDICATE_TYPE, json: JSON.stringify(own), premade: false }] : []),
      ...(work.premade.get(dist.filename) ?? []).map((p) => ({ ...p, premade: true })),
    ];
    if (!list.length) continue;
    byFile.set(dist.filename, {
      field: `[${list.map((entry) => entry.json).join(',')}]`,
      labels: list.map((entry) => `${predicateLabel(entry.predicateType)}${entry.premade ? ' (pre-made)' : ''}`),
    });
  }
  return { byFile, written: signed?.written ?? [] };
}

/** Signs a publish attestation for each dist; 'skipped' in a reusable workflow (after warning why). */
async function signPublishAttestations(
  toSign: DistDigest[],
  inputs: AttestationInputs,
  request: AttestationEdges,
  { index, endpoints, customSigstore }: { index: string; endpoints: SigstoreEndpoints; customSigstore: boolean },
): Promise<{ made: Map<string, Pep740Attestation>; written: string[] } | 'skipped'> {
  const { io } = request;
  const made = new Map<string, Pep740Attestation>();
  const written: string[] = [];
  if (customSigstore)
    io.warning(
      `Signing with the test Sigstore at ${endpoints.fulcio.href} and ${endpoints.rekor.href}, not Sigstore's public instance, for the local test index; PyPI accepts only attestations from the public one.`,
      'Attestations',
    );
  let token: string;
  try {
    token = await request.identityToken('sigstore');
  } catch (error) {
    throw signingError(new SigningFailure('token', error), endpoints, toSign[0]!.filename);
  }
  const reusable = reusableWorkflowSkip(request.claimsOf(token));
  if (reusable) {
    io.warning(reusable, 'Attestations');
    return 'skipped';
  }
  io.info(
    `Signing PEP 740 publish attestations for ${toSign.length} file${toSign.length === 1 ? '' : 's'} with Sigstore (${endpoints.fulcio.host}, ${endpoints.rekor.host}), for ${index}.`,
  );
  const { createPublishSigner } = await import('./sigstore.js');
  const signer = createPublishSigner({
    endpoints,
    identityToken: () => Promise.resolve(token),
    call: {
      retry: request.retry,
      timeoutMs: TIMEOUT_MS,
      log: (message) => {
        io.info(message);
      },
    },
  });
  const directory = await mkdtemp(join(request.env.RUNNER_TEMP || tmpdir(), 'pypi-oidc-publish-attestations-'));
  const started = Date.now();
  for (const dist of toSign) {
    let attestation: Pep740Attestation;
    try {
      attestation = await signer.sign(publishStatement(dist.filename, dist.sha256));
    } catch (error) {
      if (error instanceof SigningFailure) throw signingError(error, endpoints, dist.filename);
      throw error;
    }
    if (made.size === 0 && inputs.verbose) {
      const { certificateIdentity, describeIdentity } = await import('./certificate.js');
      io.info(
        `  signing certificate: ${describeIdentity(certificateIdentity(Buffer.from(attestation.verification_material.certificate, 'base64')))}`,
      );
    }
    made.set(dist.filename, attestation);
    const path = join(directory, `${dist.filename}.publish.attestation`);
    await writeFile(path, JSON.stringify(attestation));
    written.push(path);
  }
  io.info(
    `Signed ${made.size} attestation${made.size === 1 ? '' : 's'} in ${Date.now() - started} ms; written to ${directory}`,
  );
  return { made, written };
}

/** Thrown by the uploader; rewritten with attestation advice when PyPI refused the attestations. */
export function withAttestationAdvice(error: unknown): unknown {
  return explainAttestationRefusal(error) ?? error;
}
