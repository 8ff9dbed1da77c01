import type { DistFile } from './dists.js';
import type { Digests } from './digests.js';
import { PublishError } from './errors.js';
import { send, serverMessage, statusLine, type HttpResponse } from './http.js';
import { metadataFormFields, type CoreMetadata, type FormField } from './metadata.js';
import { multipartBody } from './multipart.js';

/** A dist that passed pre-flight: everything the upload needs, known before the first byte is sent. */
export interface PreparedDist {
  dist: DistFile;
  digests: Digests;
  metadata: CoreMetadata;
}

export interface Credentials {
  user: string;
  password: string;
  /** For hints: a minted trusted-publishing token, or one the user gave. */
  trustedPublishing: boolean;
}

export type UploadResult = 'uploaded' | 'skipped';

export interface UploadOutcome {
  result: UploadResult;
  /** The index's answer, for the verbose log. */
  status: number;
  milliseconds: number;
}

/** The whole form for one file, in the order twine sends it; `content` is added by the encoder. */
export function uploadFormFields(prepared: PreparedDist): FormField[] {
  const { dist, digests } = prepared;
  return [
    ...metadataFormFields(prepared.metadata),
    ['pyversion', dist.pyversion],
    ['filetype', dist.kind === 'wheel' ? 'bdist_wheel' : 'sdist'],
    ['sha256_digest', digests.sha256],
    ['blake2_256_digest', digests.blake2_256],
    [':action', 'file_upload'],
    ['protocol_version', '1'],
  ];
}

export async function uploadDist(url: URL, credentials: Credentials, prepared: PreparedDist, skipExisting: boolean): Promise<UploadOutcome> {
  const { dist } = prepared;
  const started = Date.now();
  const body = multipartBody(uploadFormFields(prepared), { field: 'content', filename: dist.filename, path: dist.path, size: dist.size });
  const authorization = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
  let response: HttpResponse;
  try {
    response = await send(url, {
      method: 'POST',
      headers: { 'content-type': body.contentType, 'content-length': String(body.length), authorization, accept: 'application/json' },
      body: body.open(),
      timeoutMs: 10 * 60_000,
    });
  } catch (error) {
    throw new PublishError(`Uploading ${dist.filename} failed: ${(error as Error).message}.`, {
      file: dist.filename,
      hint: 'The connection to the index broke; re-run the job with skip-existing: true so that files already stored are skipped.',
      cause: error,
    });
  }
  const milliseconds = Date.now() - started;
  if (response.status >= 200 && response.status < 300) return { result: 'uploaded', status: response.status, milliseconds };
  if (skipExisting && isAlreadyExists(response)) return { result: 'skipped', status: response.status, milliseconds };
  throw uploadRefused(url, credentials, prepared, response);
}

/** How indexes say the file is there already: pypiserver 409, Warehouse 400 "File already exists". */
export function isAlreadyExists(response: HttpResponse): boolean {
  const message = serverMessage(response).toLowerCase();
  return response.status === 409 || (response.status === 400 && message.includes('already exist')) || (response.status === 403 && message.includes('overwrite artifact'));
}

function uploadRefused(url: URL, credentials: Credentials, prepared: PreparedDist, response: HttpResponse): PublishError {
  const { dist } = prepared;
  const message = serverMessage(response);
  const lower = message.toLowerCase();
  const status = response.status;
  const name = prepared.metadata.headers.find(([h]) => h.toLowerCase() === 'name')?.[1] ?? dist.name;
  let hint: string;
  if (status === 403 && lower.includes('ssl is required')) {
    hint = "Use an https:// 'repository-url'.";
  } else if (status === 401 || status === 403) {
    hint = credentials.trustedPublishing
      ? `The upload token minted by trusted publishing is valid only for projects that have this repository and workflow as a trusted publisher. Add it on the index for '${name}' (or a pending publisher, for a new project).`
      : `Check the API token in 'password': it must be for this index (TestPyPI and PyPI tokens differ), not expired or revoked, and scoped to the project '${name}' (or the whole account). With an API token, 'user' must be __token__.`;
  } else if (lower.includes('non-user identities cannot create new projects')) {
    hint = `Trusted publishing can create the project '${name}' only through a pending publisher: add one on the index (for PyPI: https://pypi.org/manage/account/publishing/) with exactly this project name, repository, workflow file and environment. If the project exists, check that the name in the metadata is the project's.`;
  } else if (isAlreadyExists(response)) {
    hint = `A file with this name is already on the index with different content, and files are immutable there. Bump the version and rebuild, or set 'skip-existing: true' to leave files already there alone.`;
  } else if (status === 413 || lower.includes('too large')) {
    hint = "PyPI's limit is 100 MiB per file and 10 GiB per project, unless raised for the project; ask for more at https://github.com/pypi/support, or make the file smaller.";
  } else if (status === 301 || status === 302 || status === 307 || status === 308) {
    const location = response.headers.location;
    hint = `The index redirects uploads${location ? ` to ${String(location)}` : ''}; set 'repository-url' to the upload URL itself (with its trailing slash, for PyPI https://upload.pypi.org/legacy/).`;
  } else if (status === 405) {
    hint = "This URL does not take uploads: you may be using the simple-index or project URL instead of the upload URL (PyPI: https://upload.pypi.org/legacy/, TestPyPI: https://test.pypi.org/legacy/).";
  } else if (status === 410) {
    hint = "This upload URL is no longer in service; use https://upload.pypi.org/legacy/ (or https://test.pypi.org/legacy/).";
  } else if (status === 404) {
    hint = `There is no upload endpoint at ${url.href}; check 'repository-url'.`;
  } else if (status === 429) {
    hint = 'The index is rate-limiting uploads; wait a few minutes and re-run with skip-existing: true.';
  } else if (status >= 500) {
    hint = 'The index had an internal problem; re-run the job later with skip-existing: true (files already stored are then skipped).';
  } else {
    hint = 'The index refused the file\'s metadata or name: fix what the message names (in pyproject.toml, usually) and rebuild.';
  }
  return new PublishError(`${url.host} refused ${dist.filename}: ${statusLine(status)}: ${message}`, { file: dist.filename, hint });
}
