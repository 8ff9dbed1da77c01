// PyPI's Integrity API (warehouse/api/integrity.py, docs/user/api/integrity.md): a file's PEP 740
// provenance object, {"version": 1, "attestation_bundles": [{"publisher": {...}, "attestations": [...]}]},
// as pypi-attestations' Provenance model serializes it.
import { normalizeName } from '../dists/pep440.js';
import { parseJson, send, type HttpResponse } from './http.js';

const INTEGRITY_JSON = 'application/vnd.pypi.integrity.v1+json';

/** Enough for PyPI's provenance (one bundle, at most two attestations per file); the rest is not read. */
const MAX_BUNDLES = 8;
const MAX_ATTESTATIONS = 8;
const MAX_SUBJECTS = 8;
/** A statement names a few files; a longer one is not a publish statement and is not decoded. */
const MAX_STATEMENT_CHARS = 64 * 1024;

/** `GET /integrity/<project>/<version>/<filename>/provenance` on the index's web origin. */
export function integrityUrl(origin: URL, project: string, version: string, filename: string): URL {
  const segments = [normalizeName(project), version, filename].map(encodeURIComponent);
  return new URL(`/integrity/${segments.join('/')}/provenance`, origin);
}

/** The provenance as served now: never with credentials (it is public), past any cache. */
export async function fetchProvenance(
  url: URL,
  request: { idleTimeoutMs: number; signal?: AbortSignal },
): Promise<HttpResponse> {
  return send(url, {
    headers: { accept: `${INTEGRITY_JSON}, application/json;q=0.9`, 'cache-control': 'no-cache' },
    idleTimeoutMs: request.idleTimeoutMs,
    ...(request.signal ? { signal: request.signal } : {}),
  });
}

/** Who the index says published the attestations of a bundle (pypi-attestations' Publisher). */
export interface ProvenancePublisher {
  kind: string;
  /** GitHub: owner/name. */
  repository?: string;
  /** GitHub: the workflow's file name. */
  workflow?: string;
  environment?: string;
}

/** The part of an attestation's in-toto statement that names what it is about. */
export interface AttestedSubject {
  name: string;
  sha256: string | undefined;
}

export interface ProvenanceBundle {
  publisher: ProvenancePublisher | undefined;
  /** One entry per attestation: its statement's predicate type and subjects (empty if unreadable). */
  attestations: { predicateType: string | undefined; subjects: AttestedSubject[] }[];
}

/** The bundles of a provenance object, or why it is not one. Reads a bounded part of what it is given. */
export function parseProvenance(body: string): { bundles: ProvenanceBundle[] } | { problem: string } {
  const parsed = parseJson(body) as { version?: unknown; attestation_bundles?: unknown } | null | undefined;
  if (!parsed || typeof parsed !== 'object') return { problem: 'the answer is not JSON' };
  if (parsed.version !== 1) return { problem: 'the answer is not a version 1 provenance object' };
  if (!Array.isArray(parsed.attestation_bundles)) return { problem: 'the answer has no attestation_bundles' };
  const bundles = parsed.attestation_bundles.slice(0, MAX_BUNDLES).map((raw: unknown): ProvenanceBundle => {
    const bundle = (raw && typeof raw === 'object' ? raw : {}) as { publisher?: unknown; attestations?: unknown };
    const attestations = Array.isArray(bundle.attestations) ? bundle.attestations.slice(0, MAX_ATTESTATIONS) : [];
    return { publisher: publisherOf(bundle.publisher), attestations: attestations.map(statementOf) };
  });
  return { bundles };
}

function publisherOf(raw: unknown): ProvenancePublisher | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const record = raw as Record<string, unknown>;
  if (typeof record.kind !== 'string') return undefined;
  const text = (key: string): Record<string, string> => (typeof record[key] === 'string' ? { [key]: record[key] } : {});
  return { kind: record.kind, ...text('repository'), ...text('workflow'), ...text('environment') };
}

function statementOf(raw: unknown): ProvenanceBundle['attestations'][number] {
  const envelope =
    raw && typeof raw === 'object' ? (raw as { envelope?: { statement?: unknown } }).envelope : undefined;
  const encoded = envelope && typeof envelope === 'object' ? envelope.statement : undefined;
  if (typeof encoded !== 'string' || encoded.length > MAX_STATEMENT_CHARS)
    return { predicateType: undefined, subjects: [] };
  const statement = parseJson(Buffer.from(encoded, 'base64').toString('utf8')) as
    { subject?: unknown; predicateType?: unknown } | null | undefined;
  if (!statement || typeof statement !== 'object') return { predicateType: undefined, subjects: [] };
  const subjects = (Array.isArray(statement.subject) ? statement.subject.slice(0, MAX_SUBJECTS) : []).flatMap(
    (subject: unknown): AttestedSubject[] => {
      if (!subject || typeof subject !== 'object') return [];
      const { name, digest } = subject as { name?: unknown; digest?: { sha256?: unknown } };
      if (typeof name !== 'string') return [];
      const sha256 = digest && typeof digest === 'object' ? digest.sha256 : undefined;
      return [{ name, sha256: typeof sha256 === 'string' ? sha256.toLowerCase() : undefined }];
    },
  );
  return { predicateType: typeof statement.predicateType === 'string' ? statement.predicateType : undefined, subjects };
}
