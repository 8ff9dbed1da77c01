// Warehouse's handling of the `attestations` upload field (warehouse/attestations/services.py,
// forklift/legacy.py): trusted publishing only, a non-empty JSON array of at most 2 PEP 740 objects,
// each verified against the file (subject name and sha256), one per supported predicate type.
// Warehouse also verifies each one against Sigstore's public instance and the trusted publisher;
// here that is opt-in (`trust`): the certificate must chain to a test root and its Build Config URI
// name the publisher's workflow. Without it (the fixtures' real attestations are signed by other
// publishers, on the public instance) no signature is checked.

import { X509Certificate as NodeCertificate } from 'node:crypto';
import { ASN1Obj, X509Certificate } from '@sigstore/core';

const BUILD_CONFIG_URI = '1.3.6.1.4.1.57264.1.18';

/** What attestations are verified against: the test Fulcio's root and the publisher's repository and workflow. */
export interface AttestationTrust {
  root: Buffer;
  repository: string;
  workflow: string;
}

const SUPPORTED_PREDICATE_TYPES = ['https://docs.pypi.org/attestations/publish/v1', 'https://slsa.dev/provenance/v1'];
const PREFIX = 'Invalid attestations supplied during upload: ';

export type AttestationCheck = { ok: true; attestations: unknown[] } | { ok: false; message: string };

interface Statement {
  subject?: { name?: unknown; digest?: { sha256?: unknown } }[];
  predicateType?: unknown;
}

export function checkAttestations(
  field: string,
  trustedPublishing: boolean,
  filename: string,
  sha256: string,
  trust?: AttestationTrust,
): AttestationCheck {
  const fail = (message: string): AttestationCheck => ({ ok: false, message: PREFIX + message });
  if (!trustedPublishing) return fail('Attestations are only supported when using Trusted Publishing');
  let parsed: unknown;
  try {
    parsed = JSON.parse(field);
  } catch (error) {
    return fail(`Malformed attestations: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) return fail('Malformed attestations: Input should be a valid list');
  const shapeProblem = parsed.map(shapeOf).find((problem) => problem !== undefined);
  if (shapeProblem) return fail(`Malformed attestations: ${shapeProblem}`);
  if (parsed.length === 0) return fail('Malformed attestations: an empty attestation set is not permitted');
  if (parsed.length > SUPPORTED_PREDICATE_TYPES.length)
    return fail(`A maximum of ${SUPPORTED_PREDICATE_TYPES.length} attestations per file are supported`);
  const seen = new Set<string>();
  for (const attestation of parsed as { envelope: { statement: string } }[]) {
    const statement = JSON.parse(Buffer.from(attestation.envelope.statement, 'base64').toString('utf8')) as Statement;
    const subject = statement.subject?.[0];
    if (statement.subject?.length !== 1 || subject?.name !== filename || subject.digest?.sha256 !== sha256) {
      return fail(
        'Could not verify the uploaded artifact using the included attestation: Verification failed: subject does not match distribution name or digest',
      );
    }
    const identityProblem =
      trust && identityOf(attestation as unknown as { verification_material: { certificate: string } }, trust);
    if (identityProblem)
      return fail(
        `Could not verify the uploaded artifact using the included attestation: Verification failed: ${identityProblem}`,
      );
    const predicateType = String(statement.predicateType);
    if (!SUPPORTED_PREDICATE_TYPES.includes(predicateType))
      return fail(`Attestation with unsupported predicate type: ${predicateType}`);
    if (seen.has(predicateType))
      return fail(
        `Multiple attestations for the same file with the same predicate type (${predicateType}) are not supported`,
      );
    seen.add(predicateType);
  }
  return { ok: true, attestations: parsed };
}

/** What pydantic would refuse in pypi-attestations' Attestation model. */
function shapeOf(value: unknown): string | undefined {
  const object = value as {
    version?: unknown;
    verification_material?: { certificate?: unknown; transparency_entries?: unknown };
    envelope?: { statement?: unknown; signature?: unknown };
  } | null;
  if (!object || typeof object !== 'object') return 'Input should be an object';
  if (object.version !== 1) return 'version: Input should be 1';
  if (typeof object.verification_material?.certificate !== 'string')
    return 'verification_material.certificate: Field required';
  if (
    !Array.isArray(object.verification_material.transparency_entries) ||
    object.verification_material.transparency_entries.length === 0
  ) {
    return 'verification_material.transparency_entries: List should have at least 1 item';
  }
  if (typeof object.envelope?.statement !== 'string' || typeof object.envelope.signature !== 'string')
    return 'envelope: Field required';
  try {
    JSON.parse(Buffer.from(object.envelope.statement, 'base64').toString('utf8'));
  } catch {
    return 'envelope.statement: not a JSON in-toto statement';
  }
  return undefined;
}

/** Warehouse's publisher check, reduced to the chain and the Build Config URI. */
function identityOf(
  attestation: { verification_material: { certificate: string } },
  trust: AttestationTrust,
): string | undefined {
  const der = Buffer.from(attestation.verification_material.certificate, 'base64');
  let chained: boolean;
  try {
    chained = new NodeCertificate(der).verify(new NodeCertificate(trust.root).publicKey);
  } catch {
    return 'the certificate cannot be parsed';
  }
  if (!chained) return 'the certificate does not chain to the Fulcio root';
  const extension = X509Certificate.parse(der).extension(BUILD_CONFIG_URI);
  const uri = extension ? ASN1Obj.parseBuffer(Buffer.from(extension.value)).value.toString('utf8') : '(none)';
  if (!uri.startsWith(`https://github.com/${trust.repository}/.github/workflows/${trust.workflow}@`)) {
    return `Certificate's Build Config URI (${uri}) does not match expected Trusted Publisher (${trust.workflow} @ ${trust.repository})`;
  }
  return undefined;
}
