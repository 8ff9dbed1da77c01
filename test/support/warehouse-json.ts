// Two more of Warehouse's endpoints for the local index: the JSON API of a release (which dry runs
// read for the release's age and its sdist) and token burning (POST /_/oidc/burn-token).
import { createHash } from 'node:crypto';
import { blake2b256Hex } from './blake2b.ts';
import type { MintedToken } from './warehouse-oidc.ts';
import type { StoredFile, UploadState } from './warehouse-upload.ts';
import { normalizeName, versionsEqual } from './warehouse-rules.ts';

export interface BurnRecord {
  status: number;
  /** Whether the token was one this index minted and had not revoked yet. */
  known: boolean;
}

export interface JsonAnswer {
  status: number;
  body: unknown;
}

/** `GET /pypi/<name>/<version>/json`: the release's files with their upload times, or 404. */
export function releaseJson(state: UploadState, name: string, version: string): JsonAnswer {
  const project = normalizeName(name);
  const files = [...state.files.entries()]
    .filter(([, file]) => file.project === project && versionsEqual(file.version, version))
    .sort(([a], [b]) => a.localeCompare(b));
  if (!files.length) return { status: 404, body: { message: 'Not Found' } };
  return {
    status: 200,
    body: {
      info: { name: state.projects.get(project) ?? project, version: files[0][1].version },
      urls: files.map(([filename, file]) => ({
        filename,
        packagetype: file.filetype,
        size: file.size,
        digests: { sha256: file.sha256, blake2b_256: file.blake2_256 },
        upload_time_iso_8601: file.uploadedAt.toISOString(),
        url: `${state.origin}/files/${encodeURIComponent(filename)}`,
        yanked: false,
      })),
      vulnerabilities: [],
    },
  };
}

/** `POST /_/oidc/burn-token` with `{"token": …}`: revokes a minted token (202), as pypi/warehouse#20197 does. */
export function burnToken(body: Buffer, minted: Map<string, MintedToken>, burns: BurnRecord[]): JsonAnswer {
  let token: unknown;
  try {
    token = (JSON.parse(body.toString('utf8')) as { token?: unknown }).token;
  } catch {
    token = undefined;
  }
  if (typeof token !== 'string' || !token) {
    burns.push({ status: 422, known: false });
    return {
      status: 422,
      body: { message: 'Token request failed', errors: [{ code: 'invalid-payload', description: 'token is missing' }] },
    };
  }
  const known = minted.delete(token);
  burns.push({ status: 202, known });
  return { status: 202, body: {} };
}

/**
 * A file put straight into the index, as if uploaded at `uploadedAt` (an old release, or different
 * content under a name), without the upload's checks. Project and version come from the filename.
 */
export function seedFile(state: UploadState, filename: string, bytes: Buffer, uploadedAt: Date): StoredFile {
  const sdist = /^(.+)-([^-]+)\.tar\.gz$/.exec(filename);
  const wheel = /^([^-]+)-([^-]+)-.+\.whl$/.exec(filename);
  const match = sdist ?? wheel;
  if (!match) throw new Error(`seedFile: ${filename} is not a wheel or sdist filename`);
  const project = normalizeName(match[1]);
  const file: StoredFile = {
    bytes,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    blake2_256: blake2b256Hex(bytes),
    fields: [],
    fieldsAfterFile: [],
    attestations: [],
    project,
    version: match[2],
    filetype: sdist ? 'sdist' : 'bdist_wheel',
    uploadedAt,
  };
  if (!state.projects.has(project)) state.projects.set(project, match[1]);
  state.files.set(filename, file);
  return file;
}
