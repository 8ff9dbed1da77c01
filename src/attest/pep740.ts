import { PublishError } from '../common/errors.js';

export const PUBLISH_PREDICATE_TYPE = 'https://docs.pypi.org/attestations/publish/v1';
export const SLSA_PROVENANCE_PREDICATE_TYPE = 'https://slsa.dev/provenance/v1';
/** The predicate types PyPI accepts, at most one attestation of each per file. */
export const PYPI_PREDICATE_TYPES = [PUBLISH_PREDICATE_TYPE, SLSA_PROVENANCE_PREDICATE_TYPE];
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** A PEP 740 attestation object, as PyPI takes it in the `attestations` form field. */
export interface Pep740Attestation {
  version: 1;
  verification_material: { certificate: string; transparency_entries: unknown[] };
  envelope: { statement: string; signature: string };
}

/** What an attestation's statement says about the file it covers. */
export interface AttestedSubject {
  name: string;
  sha256: string;
  predicateType: string;
}

/** The in-toto Statement v1 PyPI's publish attestation signs: one subject, a null predicate. */
export function publishStatement(filename: string, sha256: string): Buffer {
  const statement = {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: filename, digest: { sha256 } }],
    predicateType: PUBLISH_PREDICATE_TYPE,
    predicate: null,
  };
  return Buffer.from(JSON.stringify(statement), 'utf8');
}

/** The parts of a Sigstore bundle (its JSON form, v0.3) that a PEP 740 object carries. */
export interface SerializedDsseBundle {
  verificationMaterial?: { certificate?: { rawBytes?: string }; tlogEntries?: unknown[] };
  dsseEnvelope?: { payload?: string; payloadType?: string; signatures?: { sig?: string }[] };
}

/** certificate = the leaf's DER, entry = the first Rekor entry, statement and signature from the DSSE envelope. */
export function bundleToPep740(bundle: SerializedDsseBundle): Pep740Attestation {
  const certificate = bundle.verificationMaterial?.certificate?.rawBytes;
  const entry = bundle.verificationMaterial?.tlogEntries?.[0];
  const statement = bundle.dsseEnvelope?.payload;
  const signature = bundle.dsseEnvelope?.signatures?.[0]?.sig;
  if (!certificate || !entry || !statement || !signature || bundle.dsseEnvelope?.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new Error('the Sigstore bundle lacks a certificate, a transparency log entry or a DSSE in-toto envelope');
  }
  return {
    version: 1,
    verification_material: { certificate, transparency_entries: [entry] },
    envelope: { statement, signature },
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Checks an attestation read from a file (another tool's, or hostile) for PEP 740's shape and
 * returns what its statement covers; `source` names the file in messages.
 */
export function parsePep740(
  text: string,
  source: string,
): { attestation: Pep740Attestation; subject: AttestedSubject } {
  const invalid = (why: string): PublishError =>
    new PublishError(`${source} is not a PEP 740 attestation: ${why}.`, {
      file: source,
      hint: 'Remove the file from packages-dir, or regenerate it with the tool that made it (a PEP 740 attestation is a JSON object with version 1, verification_material and envelope).',
    });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('it is not JSON');
  }
  const object = value as Partial<Pep740Attestation> | null;
  if (!object || typeof object !== 'object' || Array.isArray(object)) throw invalid('it is not a JSON object');
  if (object.version !== 1) throw invalid(`"version" is ${JSON.stringify(object.version)}, not 1`);
  const material = object.verification_material;
  if (
    !material ||
    typeof material.certificate !== 'string' ||
    !material.certificate ||
    !BASE64.test(material.certificate)
  )
    throw invalid('"verification_material.certificate" is not base64 text');
  if (!Array.isArray(material.transparency_entries) || material.transparency_entries.length === 0)
    throw invalid('"verification_material.transparency_entries" is not a non-empty array');
  const envelope = object.envelope;
  if (
    !envelope ||
    typeof envelope.statement !== 'string' ||
    !BASE64.test(envelope.statement) ||
    typeof envelope.signature !== 'string' ||
    !envelope.signature ||
    !BASE64.test(envelope.signature)
  ) {
    throw invalid('"envelope" lacks a base64 "statement" and "signature"');
  }
  let statement: { _type?: unknown; subject?: unknown; predicateType?: unknown };
  try {
    statement = JSON.parse(Buffer.from(envelope.statement, 'base64').toString('utf8')) as typeof statement;
  } catch {
    throw invalid('its statement is not JSON');
  }
  if (statement._type !== IN_TOTO_STATEMENT_TYPE)
    throw invalid(`its statement's _type is ${JSON.stringify(statement._type)}, not ${IN_TOTO_STATEMENT_TYPE}`);
  const subjects = Array.isArray(statement.subject)
    ? (statement.subject as { name?: unknown; digest?: { sha256?: unknown } }[])
    : [];
  if (subjects.length !== 1)
    throw invalid(`its statement has ${subjects.length} subjects; PyPI takes exactly one, the file`);
  const [subject] = subjects as [{ name?: unknown; digest?: { sha256?: unknown } }];
  const sha256 = subject.digest?.sha256;
  if (typeof subject.name !== 'string' || typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(sha256))
    throw invalid('its subject lacks a name or a hex sha256 digest');
  if (typeof statement.predicateType !== 'string') throw invalid('its statement has no predicateType');
  return {
    attestation: object as Pep740Attestation,
    subject: { name: subject.name, sha256: sha256.toLowerCase(), predicateType: statement.predicateType },
  };
}

/** A short label for the job summary and logs. */
export function predicateLabel(predicateType: string): string {
  if (predicateType === PUBLISH_PREDICATE_TYPE) return 'publish';
  if (predicateType === SLSA_PROVENANCE_PREDICATE_TYPE) return 'SLSA provenance';
  return predicateType;
}
