import { basicAuthorization, type CredentialSource, type Credentials } from './credentials.js';
import type { DistFile } from '../dists/dists.js';
import { createDigester, hashFile, type Digests } from '../dists/digests.js';
import { PublishError } from '../common/errors.js';
import { outside } from '../common/log-text.js';
import { send, serverMessage, statusLine, type HttpResponse } from './http.js';
import { getField, type CoreMetadata } from '../dists/metadata.js';
import { metadataFormFields, type FormField } from '../dists/form-fields.js';
import { multipartBody, type TrailingFields } from './multipart.js';
import { isRetryableStatus, RetryableFailure, retryAfterMs, withRetries, type RetryPolicy } from './retry.js';
import { listedDigests, lookupCredentials } from './simple-index.js';

/** A dist that passed pre-flight, with everything its upload needs. */
export interface PreparedDist {
  dist: DistFile;
  /**
   * Known before the upload when the file was hashed first (preparation.ts); otherwise the upload
   * hashes the file as it sends it and puts the digests after it.
   */
  digests?: Digests | undefined;
  metadata: CoreMetadata;
  /** The PEP 740 `attestations` form field (a JSON array), when the file carries any. */
  attestations?: string | undefined;
}

/** The project's name as its metadata spells it (the filename's, should the field be missing). */
export function projectName(prepared: Pick<PreparedDist, 'dist' | 'metadata'>): string {
  return getField(prepared.metadata, 'Name') ?? prepared.dist.name;
}

/** The release's version as its metadata spells it (the filename's, should the field be missing). */
export function releaseVersion(prepared: Pick<PreparedDist, 'dist' | 'metadata'>): string {
  return getField(prepared.metadata, 'Version') ?? prepared.dist.version;
}

export interface UploadContext {
  url: URL;
  credentials: CredentialSource;
  skipExisting: boolean;
  /** The index's simple API, to compare a file it already has with ours; undefined when unknown. */
  simpleIndex: URL | undefined;
  retry: RetryPolicy;
  idleTimeoutMs: number;
  log: (message: string) => void;
  warn: (message: string) => void;
}

export type UploadResult = 'uploaded' | 'skipped';

export interface UploadOutcome {
  result: UploadResult;
  /** Why a file was skipped, or how an upload ended that was not a plain success. */
  note?: string;
  /** The index's last answer (undefined when skipped before uploading), and the time taken. */
  status?: number;
  milliseconds: number;
  attempts: number;
  /** The file's digests, when known: hashed first, or by the attempt that sent all of it. */
  digests?: Digests | undefined;
}

/**
 * The form for one file, in the order twine sends it, `content` added by the encoder. Without
 * digests known, the digest fields are left out: they follow the file (digestsAfterFile).
 */
export function uploadFormFields(prepared: PreparedDist): FormField[] {
  const { dist, digests } = prepared;
  return [
    ...metadataFormFields(prepared.metadata),
    ['pyversion', dist.pyversion],
    ['filetype', dist.kind === 'wheel' ? 'bdist_wheel' : 'sdist'],
    ...(digests ? digestFields(digests) : []),
    ...(prepared.attestations ? [['attestations', prepared.attestations] as FormField] : []),
    [':action', 'file_upload'],
    ['protocol_version', '1'],
  ];
}

function digestFields(digests: Digests): FormField[] {
  return [
    ['sha256_digest', digests.sha256],
    ['blake2_256_digest', digests.blake2_256],
  ];
}

/** Hex digests: their length is known before the file is read, so Content-Length is too. */
const HEX_DIGEST_LENGTH = 64;

/**
 * The digest fields after the file, hashed as it is sent: one pass over a large file. Warehouse
 * parses the whole form before it reads any field (file_upload's first access to request.POST), so
 * the order does not matter to it, nor to pypiserver. `found` gets the digests of every attempt
 * that read the whole file.
 */
function digestsAfterFile(found: (digests: Digests) => void): TrailingFields {
  return {
    shape: [
      ['sha256_digest', HEX_DIGEST_LENGTH],
      ['blake2_256_digest', HEX_DIGEST_LENGTH],
    ],
    async start() {
      const digester = await createDigester();
      return {
        update: (chunk) => {
          digester.update(chunk);
        },
        values: () => {
          const digests = digester.digest();
          found(digests);
          return digestFields(digests).map(([, value]) => value);
        },
      };
    },
  };
}

/**
 * Uploads one file: with skip-existing, first asks the index whether it has the file (same sha256:
 * skip; different: error); then posts it, retrying network errors, 429 and 5xx with a body rebuilt
 * from disk each time. "Already exists" is checked against the index's sha256, so that an upload
 * whose answer was lost counts as done while different content is never mistaken for it.
 */
export async function publishDist(context: UploadContext, prepared: PreparedDist): Promise<UploadOutcome> {
  const started = Date.now();
  const { dist } = prepared;
  let digests = prepared.digests;
  // Our sha256 for a comparison with the index's copy: a file not hashed yet is read for it now.
  const sha256 = async (): Promise<string> => (digests ??= await hashFile(dist.path, dist.size)).sha256;
  if (context.skipExisting) {
    const stored = await storedCopy(context, prepared, sha256);
    if (stored.kind === 'same')
      return {
        result: 'skipped',
        note: 'the index has this file with the same sha256',
        milliseconds: Date.now() - started,
        attempts: 0,
        digests,
      };
    if (stored.kind === 'different') throw differentContent(context.url, dist, await sha256(), stored.sha256);
  }

  // Hashed first: the digests where twine puts them. Otherwise each attempt hashes what it sends.
  const trailing = prepared.digests
    ? undefined
    : digestsAfterFile((found) => {
        digests = found;
      });
  const form = uploadFormFields(prepared);
  let renewed = false;
  return withRetries(`Uploading ${dist.filename}`, context.retry, context.log, async (attempt) => {
    const credentials = await context.credentials.current();
    if (trailing) digests = undefined;
    const response = await post(context, prepared, form, trailing, credentials);
    const done = (result: UploadResult, note?: string): UploadOutcome => ({
      result,
      status: response.status,
      milliseconds: Date.now() - started,
      attempts: attempt,
      digests,
      ...(note ? { note } : {}),
    });
    const refused = uploadRefused(context.url, credentials, prepared, response);
    if (response.status >= 200 && response.status < 300) return done('uploaded');
    if (isRetryableStatus(response.status)) {
      throw new RetryableFailure(
        `${statusLine(response.status)}: ${serverMessage(response)}`,
        refused,
        retryAfterMs(response.headers['retry-after']),
      );
    }
    if (
      response.status === 403 &&
      /expired/i.test(serverMessage(response)) &&
      context.credentials.trustedPublishing &&
      !renewed
    ) {
      renewed = true;
      await context.credentials.renew(credentials.password);
      throw new RetryableFailure('the index said the upload token had expired; minted a new one', refused, 0);
    }
    if (!isAlreadyExists(response)) throw refused;

    const copy = await storedCopy(context, prepared, sha256);
    // A CDN-cached listing may not show a file stored seconds ago.
    const stored =
      copy.kind === 'absent' ? { kind: 'unknown' as const, reason: 'the simple API does not list it yet' } : copy;
    if (stored.kind === 'same') {
      return attempt > 1
        ? done('uploaded', 'an earlier attempt stored it (its answer was lost); the index has the same sha256')
        : done('skipped', 'the index has this file with the same sha256');
    }
    if (stored.kind === 'different') throw differentContent(context.url, dist, await sha256(), stored.sha256);
    if (context.skipExisting) {
      context.warn(
        `${dist.filename}: the index says it has this file, but its content could not be compared (${stored.reason}); skipping it without knowing that it is identical.`,
      );
      return done('skipped', 'the index says it has this file (content not compared)');
    }
    if (attempt > 1) {
      throw new PublishError(
        `${context.url.host} says it already has ${dist.filename}, after an earlier attempt was cut off: that attempt probably stored it, but the content could not be compared (${stored.reason}).`,
        {
          file: dist.filename,
          hint: "Check the file on the index against this run's sha256 (print-hash: true); set 'check-url' to the index's simple API so that this is checked automatically.",
        },
      );
    }
    throw refused;
  });
}

async function post(
  context: UploadContext,
  prepared: PreparedDist,
  form: FormField[],
  trailing: TrailingFields | undefined,
  credentials: Credentials,
): Promise<HttpResponse> {
  const { dist } = prepared;
  const body = multipartBody(
    form,
    { field: 'content', filename: dist.filename, path: dist.path, size: dist.size },
    { trailing },
  );
  try {
    return await send(context.url, {
      method: 'POST',
      headers: {
        'content-type': body.contentType,
        'content-length': String(body.length),
        accept: 'application/json',
      },
      credentials: { authorization: basicAuthorization(credentials), origin: context.url.origin },
      body: () => body.open(),
      bodyBytes: body.length,
      answer: 'upload',
      idleTimeoutMs: context.idleTimeoutMs,
    });
  } catch (error) {
    const reason = (error as Error).message;
    throw new RetryableFailure(
      reason,
      new PublishError(`Uploading ${dist.filename} failed: ${reason}.`, {
        file: dist.filename,
        hint: 'The connection to the index kept failing; re-run the job with skip-existing: true, which skips files already stored (after comparing their sha256).',
      }),
    );
  }
}

type StoredCopy =
  { kind: 'absent' } | { kind: 'same' } | { kind: 'different'; sha256: string } | { kind: 'unknown'; reason: string };

/** What the index's simple API says about this filename, compared with our sha256 (asked for only then). */
async function storedCopy(
  context: UploadContext,
  prepared: PreparedDist,
  ourSha256: () => Promise<string>,
): Promise<StoredCopy> {
  if (!context.simpleIndex) return { kind: 'unknown', reason: "the index's simple API is not known; set 'check-url'" };
  const project = projectName(prepared);
  try {
    // A minted token is never sent on a look-up, so none is minted for one either.
    const credentials = context.credentials.trustedPublishing
      ? undefined
      : lookupCredentials(context.url, context.simpleIndex, await context.credentials.current());
    const listing = await withRetries(
      `Looking up ${prepared.dist.filename} on the index`,
      context.retry,
      context.log,
      () => listedDigests(context.simpleIndex!, project, credentials),
    );
    if (!listing.has(prepared.dist.filename)) return { kind: 'absent' };
    const sha256 = listing.get(prepared.dist.filename);
    if (!sha256) return { kind: 'unknown', reason: 'the index lists the file without a sha256' };
    return sha256 === (await ourSha256()) ? { kind: 'same' } : { kind: 'different', sha256 };
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    context.warn(error.message);
    return { kind: 'unknown', reason: error.message };
  }
}

function differentContent(url: URL, dist: DistFile, ours: string, theirs: string): PublishError {
  return new PublishError(
    `${url.host} already has ${dist.filename} with different content: the index's sha256 is ${theirs}, this file's is ${ours}.`,
    {
      file: dist.filename,
      hint: 'A file on an index can never be replaced. Bump the version (for example to a .post1 release), rebuild and publish again; if this version was rebuilt by accident, publish the original files instead.',
    },
  );
}

/** How indexes say the file is there already: pypiserver 409, Warehouse 400 "File already exists". */
export function isAlreadyExists(response: Pick<HttpResponse, 'status' | 'body'>): boolean {
  const message = serverMessage(response).toLowerCase();
  return (
    response.status === 409 ||
    (response.status === 400 && message.includes('already exist')) ||
    (response.status === 403 && message.includes('overwrite artifact'))
  );
}

function uploadRefused(
  url: URL,
  credentials: Credentials,
  prepared: PreparedDist,
  response: HttpResponse,
): PublishError {
  const { dist } = prepared;
  const message = serverMessage(response);
  const lower = message.toLowerCase();
  const status = response.status;
  const name = projectName(prepared);
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
    hint = `A file with this name is already on the index, and files are immutable there. Bump the version and rebuild, or set 'skip-existing: true' to leave files already there alone (set 'check-url' too, for an index other than PyPI, so that their content is compared).`;
  } else if (lower.includes('older than 14 days')) {
    hint = `PyPI closes a release to new files 14 days after it was created. Publish these files as a new version of '${name}' (for example a .post1 release); a dry run (dry-run: true) shows this before uploading.`;
  } else if (status === 413 || lower.includes('too large')) {
    hint =
      "PyPI's limit is 100 MiB per file and 10 GiB per project, unless raised for the project; ask for more at https://github.com/pypi/support, or make the file smaller.";
  } else if (status === 301 || status === 302 || status === 303 || status === 307 || status === 308) {
    const location = response.headers.location;
    hint = `The index redirects uploads${location ? ` to ${location}` : ''}, on another host or as a GET, which is not followed (credentials would go with it); set 'repository-url' to the upload URL itself (for PyPI https://upload.pypi.org/legacy/).`;
  } else if (status === 405) {
    hint =
      'This URL does not take uploads: you may be using the simple-index or project URL instead of the upload URL (PyPI: https://upload.pypi.org/legacy/, TestPyPI: https://test.pypi.org/legacy/).';
  } else if (status === 410) {
    hint =
      'This upload URL is no longer in service; use https://upload.pypi.org/legacy/ (or https://test.pypi.org/legacy/).';
  } else if (status === 404) {
    hint = `There is no upload endpoint at ${url.href}; check 'repository-url'.`;
  } else if (status === 429) {
    hint = 'The index kept rate-limiting uploads; wait a few minutes and re-run with skip-existing: true.';
  } else if (status >= 500) {
    hint =
      'The index kept failing; re-run the job later with skip-existing: true (files already stored are then skipped after comparing their sha256).';
  } else {
    hint =
      "The index refused the file's metadata or name: fix what the message names (in pyproject.toml, usually) and rebuild.";
  }
  return new PublishError(`${url.host} refused ${dist.filename}: ${statusLine(status)}: ${message}`, {
    file: dist.filename,
    hint,
  });
}

/** Field names with short values; long ones (the description) only by length. */
export function describeFields(fields: FormField[]): string {
  return fields
    .map(([name, value]) =>
      value.length > 80 || /[\r\n]/.test(value) ? `${name}=<${value.length} characters>` : `${name}=${outside(value)}`,
    )
    .join(', ');
}
