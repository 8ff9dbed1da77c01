import { PublishError } from '../common/errors.js';
import { normalizeName, releaseKey } from '../dists/pep440.js';
import { ANSWER_BYTES } from '../index/answer-limits.js';
import {
  parseJson,
  send,
  TransportError,
  serverMessage,
  statusLine,
  type HttpResponse,
  type RequestCredentials,
} from '../index/http.js';
import { retryOnStatus, retryOnTransport, withRetries, type RetryPolicy } from '../index/retry.js';
import { listedDigests } from '../index/simple-index.js';
import type { Listing, ReleaseInfo } from './plan.js';

export interface LookupOptions {
  /** The index's simple API; undefined when it is not known (another index without 'check-url'). */
  simpleIndex: URL | undefined;
  /** Sent only to the upload URL's own origin (a private index); undefined with trusted publishing. */
  credentials: RequestCredentials | undefined;
  uploadUrl: URL;
  retry: RetryPolicy;
  log: (message: string) => void;
}

export interface IndexState {
  listings: Map<string, Listing>;
  releases: Map<string, ReleaseInfo>;
  /** Why the index could not be reached at all (no answer, not even an error status), when it could not. */
  unreached?: string | undefined;
}

const NO_SIMPLE_INDEX =
  "the index's simple API is not known for this repository-url: set 'check-url' to it (for example https://my-index.example/simple/)";

/**
 * Reads, without changing anything, what the index has for each project (simple API) and each
 * release (JSON API, for its age and its sdist). A look-up that fails is recorded as unknown, with
 * the reason: a dry run reports what it could not check rather than stopping.
 */
export async function readIndexState(
  releases: { project: string; version: string }[],
  options: LookupOptions,
): Promise<IndexState> {
  const state: IndexState = { listings: new Map(), releases: new Map() };
  const { simpleIndex } = options;
  const jsonApi = simpleIndex ? jsonApiFor(simpleIndex) : undefined;
  // Once the index cannot be reached, asking again for each project and release only adds retries.
  const unknownAfterUnreached = (): { kind: 'unknown'; reason: string } | undefined =>
    state.unreached ? { kind: 'unknown', reason: state.unreached } : undefined;
  for (const { project, version } of releases) {
    const name = normalizeName(project);
    if (!state.listings.has(name))
      state.listings.set(
        name,
        unknownAfterUnreached() ??
          (simpleIndex
            ? await readListing(simpleIndex, project, options, state)
            : { kind: 'unknown', reason: NO_SIMPLE_INDEX }),
      );
    const key = releaseKey(project, version);
    if (state.releases.has(key)) continue;
    state.releases.set(
      key,
      unknownAfterUnreached() ??
        (jsonApi
          ? await readRelease(jsonApi, project, version, options, state)
          : {
              kind: 'unknown',
              reason: simpleIndex ? 'this index has no JSON API next to its simple API' : NO_SIMPLE_INDEX,
            }),
    );
  }
  return state;
}

async function readListing(
  simpleIndex: URL,
  project: string,
  options: LookupOptions,
  state: IndexState,
): Promise<Listing> {
  try {
    const files = await withRetries(`Looking up ${project} on the index`, options.retry, options.log, () =>
      listedDigests(simpleIndex, project, options.credentials),
    );
    return { kind: 'known', files };
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    if (causedByTransport(error)) state.unreached ??= error.message;
    return { kind: 'unknown', reason: error.message };
  }
}

/** No answer at all (refused, reset, timed out, DNS), as opposed to an answer that said no. */
function causedByTransport(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 8; cause = cause.cause, depth++)
    if (cause instanceof TransportError) return true;
  return false;
}

/** Warehouse's JSON API sits next to its simple API: https://pypi.org/simple/ → https://pypi.org/pypi/. */
export function jsonApiFor(simpleIndex: URL): URL | undefined {
  const path = simpleIndex.pathname.endsWith('/') ? simpleIndex.pathname : `${simpleIndex.pathname}/`;
  if (!path.endsWith('/simple/')) return undefined;
  return new URL(`${path.slice(0, -'simple/'.length)}pypi/`, simpleIndex.origin);
}

async function readRelease(
  jsonApi: URL,
  project: string,
  version: string,
  options: LookupOptions,
  state: IndexState,
): Promise<ReleaseInfo> {
  const url = new URL(`${encodeURIComponent(normalizeName(project))}/${encodeURIComponent(version)}/json`, jsonApi);
  const failed = (reason: string, cause?: unknown): PublishError =>
    new PublishError(`Could not read ${url.href}: ${reason}.`, { cause });
  try {
    const response = await withRetries(
      `Looking up ${project} ${version} on the index`,
      options.retry,
      options.log,
      async () => {
        let answer: HttpResponse;
        try {
          answer = await send(url, { headers: { accept: 'application/json' }, idleTimeoutMs: 60_000 });
        } catch (error) {
          retryOnTransport(error, (transport) => failed(transport.message, transport));
        }
        return retryOnStatus(
          answer,
          `${statusLine(answer.status)}: ${serverMessage(answer)}`,
          failed(statusLine(answer.status)),
        );
      },
    );
    if (response.status === 404) return { kind: 'absent' };
    if (response.status !== 200)
      return { kind: 'unknown', reason: `${url.href} answered ${statusLine(response.status)}` };
    if (response.truncated)
      return { kind: 'unknown', reason: `${url.href} answered with more than ${ANSWER_BYTES.api / (1024 * 1024)} MiB` };
    const release = parseReleaseJson(response.body);
    return release ?? { kind: 'unknown', reason: `${url.href} did not answer with a release in JSON` };
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    if (causedByTransport(error)) state.unreached ??= error.message;
    return { kind: 'unknown', reason: error.message };
  }
}

/**
 * `GET /pypi/<name>/<version>/json`: its `urls` are the release's files. The release was created
 * when its first file was uploaded (the API has no field for the release's own date).
 */
export function parseReleaseJson(body: string): ReleaseInfo | undefined {
  const parsed = parseJson(body) as { urls?: unknown } | null | undefined;
  if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.urls)) return undefined;
  let createdAt: Date | undefined;
  const sdists: string[] = [];
  for (const file of parsed.urls as unknown[]) {
    if (!file || typeof file !== 'object') continue;
    const { filename, packagetype, upload_time_iso_8601: uploaded } = file as Record<string, unknown>;
    if (packagetype === 'sdist' && typeof filename === 'string') sdists.push(filename);
    const time = typeof uploaded === 'string' ? new Date(uploaded) : undefined;
    if (time && !Number.isNaN(time.getTime()) && (!createdAt || time < createdAt)) createdAt = time;
  }
  return { kind: 'known', createdAt, sdists };
}
