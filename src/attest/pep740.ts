import { PublishError } from '../common/errors.js';
import { jsonDepth } from '../common/json-depth.js';
import { clipped } from '../common/log-text.js';

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

/** Real attestations nest about six deep (entry, inclusion proof, checkpoint); the bound leaves room. */
export const MAX_ATTESTATION_DEPTH = 32;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isBase64 = (value: unknown): value is string => typeof value === 'string' && value !== '' && BASE64.test(value);

/**
 * Checks an attestation read from a file (another tool's, or hostile) for PEP 740's shape and
 * returns what its statement covers; `source` names the file in messages. Every value's type is
 * checked before it is used, and nesting is bounded before anything is parsed.
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
  const parse = (json: string, what: string): unknown => {
    if (jsonDepth(json, MAX_ATTESTATION_DEPTH) > MAX_ATTESTATION_DEPTH)
      throw invalid(`${what} nests arrays or objects more than ${MAX_ATTESTATION_DEPTH} deep`);
    try {
      return JSON.parse(json);
    } catch {
      throw invalid(`${what} is not JSON`);
    }
  };
  const object = parse(text, 'it');
  if (!isObject(object)) throw invalid('it is not a JSON object');
  if (object.version !== 1) throw invalid(`"version" is ${describeValue(object.version)}, not 1`);
  const material = object.verification_material;
  if (!isObject(material) || !isBase64(material.certificate))
    throw invalid('"verification_material.certificate" is not base64 text');
  const entries = material.transparency_entries;
  if (!Array.isArray(entries) || entries.length === 0 || !entries.every(isObject))
    throw invalid('"verification_material.transparency_entries" is not a non-empty array of objects');
  const envelope = object.envelope;
  if (
    !isObject(envelope) ||
    typeof envelope.statement !== 'string' ||
    !BASE64.test(envelope.statement) ||
    !isBase64(envelope.signature)
  ) {
    throw invalid('"envelope" lacks a base64 "statement" and "signature"');
  }
  const statement = parse(Buffer.from(envelope.statement, 'base64').toString('utf8'), 'its statement');
  if (!isObject(statement)) throw invalid('its statement is not a JSON object');
  if (statement._type !== IN_TOTO_STATEMENT_TYPE)
    throw invalid(`its statement's _type is ${describeValue(statement._type)}, not ${IN_TOTO_STATEMENT_TYPE}`);
  const subjects = Array.isArray(statement.subject) ? statement.subject : [];
  if (subjects.length !== 1)
    throw invalid(`its statement has ${subjects.length} subjects; PyPI takes exactly one, the file`);
  const subject: unknown = subjects[0];
  const digest = isObject(subject) ? subject.digest : undefined;
  const sha256 = isObject(digest) ? digest.sha256 : undefined;
  if (
    !isObject(subject) ||
    typeof subject.name !== 'string' ||
    typeof sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/i.test(sha256)
  )
    throw invalid('its subject lacks a name or a hex sha256 digest');
  if (typeof statement.predicateType !== 'string') throw invalid('its statement has no predicateType');
  return {
    attestation: object as unknown as Pep740Attestation,
    subject: { name: subject.name, sha256: sha256.toLowerCase(), predicateType: statement.predicateType },
  };
}

/** A value from a file, for a message: short, on one line. */
function describeValue(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return clipped(text, 60);
}

/** A short label for the job summary and logs. */
export function predicateLabel(predicateType: string): string {
  if (predicateType === PUBLISH_PREDICATE_TYPE) return 'publish';
  if (predicateType === SLSA_PROVENANCE_PREDICATE_TYPE) return 'SLSA provenance';
  return predicateType;
}
