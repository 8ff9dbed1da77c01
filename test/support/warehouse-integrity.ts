// PEP 740 provenance for the local index, as Warehouse serves it: the simple API's `provenance` key
// (warehouse/packaging/utils.py `_simple_detail`: the Integrity API URL, or null) and
// `GET /integrity/<project>/<version>/<filename>/provenance` (warehouse/api/integrity.py), whose
// body is pypi-attestations' Provenance model: {"version": 1, "attestation_bundles": [{"publisher":
// {"kind": "GitHub", "repository", "workflow", "environment"}, "attestations": [...]}]}.
import type { JsonAnswer } from './warehouse-json.ts';
import type { StoredFile, UploadState } from './warehouse-upload.ts';
import { normalizeName, versionsEqual } from './warehouse-rules.ts';

/** The publisher a provenance object names (Warehouse: the trusted publisher that minted the upload token). */
export interface ProvenancePublisher {
  kind: string;
  repository: string;
  workflow: string;
  environment: string | null;
}

export interface ProvenanceSettings {
  publisher: ProvenancePublisher;
  /** false: the index accepts the attestations but shows no provenance (as if it had not kept them). */
  keep: boolean;
}

export const INTEGRITY_PATH = /^\/integrity\/([^/]+)\/([^/]+)\/([^/]+)\/provenance$/;

export function hasProvenance(file: StoredFile, settings: ProvenanceSettings): boolean {
  return settings.keep && file.attestations.length > 0;
}

/** The simple API's `provenance` value for a file: its Integrity API URL, or null. */
export function provenanceUrl(
  origin: string,
  filename: string,
  file: StoredFile,
  settings: ProvenanceSettings,
): string | null {
  if (!hasProvenance(file, settings)) return null;
  const segments = [file.project, file.version, filename].map(encodeURIComponent).join('/');
  return `${origin}/integrity/${segments}/provenance`;
}

/** `GET /integrity/<project>/<version>/<filename>/provenance`: the provenance object, or 404 with Warehouse's message. */
export function provenanceAnswer(
  state: UploadState,
  settings: ProvenanceSettings,
  project: string,
  version: string,
  filename: string,
): JsonAnswer {
  const file = state.files.get(filename);
  // The project and version must be the file's (Warehouse traverses project → release → file).
  if (file?.project !== normalizeName(project) || !versionsEqual(file.version, version))
    return { status: 404, body: { message: 'Not Found' } };
  if (!hasProvenance(file, settings))
    return { status: 404, body: { message: `No provenance available for ${filename}` } };
  return {
    status: 200,
    body: { version: 1, attestation_bundles: [{ publisher: settings.publisher, attestations: file.attestations }] },
  };
}
