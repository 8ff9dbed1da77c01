import { PublishError } from '../common/errors.js';
import { knownSimpleIndex, warehouseSite } from '../common/index-urls.js';
import { credentialsAllowed } from '../common/urls.js';
import { basicAuthorization, type Credentials } from './credentials.js';
import { ANSWER_BYTES } from './answer-limits.js';
import { parseJson, send, serverMessage, statusLine, type HttpResponse, type RequestCredentials } from './http.js';
import { normalizeName } from '../dists/pep440.js';
import { retryOnStatus, retryOnTransport } from './retry.js';
import { anchors } from './html-text.js';

const SIMPLE_JSON = 'application/vnd.pypi.simple.v1+json';
/** PEP 691 JSON preferred; PEP 503 HTML from indexes without it (pypiserver). */
const ACCEPT_SIMPLE = `${SIMPLE_JSON}, text/html;q=0.1`;

/**
 * The simple index (PEP 503/691) that holds what the upload URL publishes: known for PyPI and
 * TestPyPI, given by 'check-url' for other indexes, else unknown.
 */
export function simpleIndexFor(uploadUrl: URL, checkUrl: URL | undefined): URL | undefined {
  return checkUrl ?? knownSimpleIndex(uploadUrl);
}

/**
 * What a look-up in the simple API sends as Authorization: nothing, unless the credentials are a
 * password the user gave for a private index whose simple API shares the upload URL's origin (it may
 * need them to list files). PyPI's and TestPyPI's simple APIs are public, and a token minted by
 * trusted publishing is for uploads only: sending either on a GET only widens where it travels.
 */
export function lookupCredentials(
  uploadUrl: URL,
  simpleIndex: URL,
  credentials: Pick<Credentials, 'user' | 'password' | 'trustedPublishing'>,
): RequestCredentials | undefined {
  if (credentials.trustedPublishing || !credentials.password || warehouseSite(uploadUrl) !== undefined)
    return undefined;
  if (simpleIndex.origin !== uploadUrl.origin || !credentialsAllowed(uploadUrl)) return undefined;
  return { authorization: basicAuthorization(credentials), origin: uploadUrl.origin };
}

/** The sha256 of every file the index lists for a project, by filename; empty if it has no such project. */
export async function listedDigests(
  simpleUrl: URL,
  project: string,
  credentials: RequestCredentials | undefined,
): Promise<Map<string, string | undefined>> {
  const url = projectPageUrl(simpleUrl, project);
  const headers: Record<string, string> = { accept: ACCEPT_SIMPLE };
  let response: HttpResponse;
  try {
    response = await send(url, {
      headers,
      answer: 'listing',
      idleTimeoutMs: 60_000,
      ...(credentials ? { credentials } : {}),
    });
  } catch (error) {
    retryOnTransport(error, (transport) => lookupFailed(url, transport.message, transport));
  }
  retryOnStatus(
    response,
    `${statusLine(response.status)}: ${serverMessage(response)}`,
    lookupFailed(url, `${statusLine(response.status)}: ${serverMessage(response)}`),
  );
  if (response.status === 404) return new Map();
  if (response.status !== 200) throw lookupFailed(url, `${statusLine(response.status)}: ${serverMessage(response)}`);
  // Part of a list would read as "not there" for every file past the cut.
  if (response.truncated)
    throw lookupFailed(url, `the list is longer than ${ANSWER_BYTES.listing / (1024 * 1024)} MiB, and was not read`);
  const contentType = response.headers['content-type'] ?? '';
  return contentType.includes('json') ? parseSimpleJson(response.body) : parseSimpleHtml(response.body);
}

/** A project's page on a simple API. */
export function projectPageUrl(simpleUrl: URL, project: string): URL {
  // Percent-encoded, so that no name (`\\host:port`, `?`, `#`) can make this URL leave the simple API.
  return new URL(
    `${encodeURIComponent(normalizeName(project))}/`,
    simpleUrl.href.endsWith('/') ? simpleUrl : new URL(`${simpleUrl.href}/`),
  );
}

/**
 * A project's page as it is served now, for a caller that reads every answer itself (waiting for a
 * release): never with credentials (the simple API is public), past any cache.
 */
export async function fetchProjectPage(
  simpleUrl: URL,
  project: string,
  request: { idleTimeoutMs: number; signal?: AbortSignal },
): Promise<HttpResponse> {
  return send(projectPageUrl(simpleUrl, project), {
    headers: { accept: ACCEPT_SIMPLE, 'cache-control': 'no-cache' },
    answer: 'listing',
    idleTimeoutMs: request.idleTimeoutMs,
    ...(request.signal ? { signal: request.signal } : {}),
  });
}

/** What a project's page says: each file's sha256 and provenance URL, and (PEP 700, JSON only) the versions. */
export interface SimplePage {
  format: 'json' | 'html';
  files: Map<string, SimpleFile>;
  /** Undefined when the page does not list them (HTML, or JSON before api-version 1.1). */
  versions: string[] | undefined;
}

export interface SimpleFile {
  sha256: string | undefined;
  /** PEP 740: the provenance object's URL, null when the index has none, undefined when the page does not say. */
  provenance: string | null | undefined;
}

export function parseSimplePage(response: Pick<HttpResponse, 'headers' | 'body'>): SimplePage {
  if ((response.headers['content-type'] ?? '').includes('json')) return parseSimpleJsonPage(response.body);
  const files = new Map<string, SimpleFile>();
  for (const [name, sha256] of parseSimpleHtml(response.body)) files.set(name, { sha256, provenance: undefined });
  return { format: 'html', files, versions: undefined };
}

function lookupFailed(url: URL, reason: string, cause?: unknown): PublishError {
  return new PublishError(`Could not read the index's file list at ${url.href}: ${reason}.`, {
    cause,
    hint: "Set 'check-url' to the index's simple API (for example https://my-index.example/simple/), or leave skip-existing off.",
  });
}

export function parseSimpleJson(body: string): Map<string, string | undefined> {
  return new Map([...parseSimpleJsonPage(body).files].map(([name, file]) => [name, file.sha256]));
}

export function parseSimpleJsonPage(body: string): SimplePage {
  const files = new Map<string, SimpleFile>();
  const parsed = parseJson(body) as { files?: unknown; versions?: unknown } | null | undefined;
  if (!parsed || typeof parsed !== 'object') return { format: 'json', files, versions: undefined };
  const versions = Array.isArray(parsed.versions)
    ? parsed.versions.filter((v): v is string => typeof v === 'string')
    : undefined;
  if (!Array.isArray(parsed.files)) return { format: 'json', files, versions };
  type Entry = { filename?: unknown; hashes?: { sha256?: unknown }; provenance?: unknown } | null;
  for (const file of parsed.files as Entry[]) {
    if (!file || typeof file !== 'object' || typeof file.filename !== 'string') continue;
    const sha256 = file.hashes && typeof file.hashes === 'object' ? file.hashes.sha256 : undefined;
    const provenance = typeof file.provenance === 'string' || file.provenance === null ? file.provenance : undefined;
    files.set(file.filename, { sha256: typeof sha256 === 'string' ? sha256.toLowerCase() : undefined, provenance });
  }
  return { format: 'json', files, versions };
}

/** PEP 503: anchors whose text is the filename and whose URL may end in `#sha256=<hex>`. */
export function parseSimpleHtml(body: string): Map<string, string | undefined> {
  const files = new Map<string, string | undefined>();
  for (const { href, text } of anchors(body)) {
    if (href === undefined || text === undefined) continue;
    const hash = href.indexOf('#');
    const path = hash < 0 ? href : href.slice(0, hash);
    const name = text.trim() || safeDecode(path.slice(path.lastIndexOf('/') + 1));
    files.set(name, hash < 0 ? undefined : sha256InFragment(href.slice(hash + 1)));
  }
  return files;
}

/** `sha256=<64 hex digits>` among the `&`-separated parts of a URL's fragment, lower-cased. */
function sha256InFragment(fragment: string): string | undefined {
  for (const part of fragment.split('&')) {
    if (!part.startsWith('sha256=')) continue;
    const hex = part.slice(7, 7 + 64);
    if (/^[0-9a-f]{64}$/i.test(hex)) return hex.toLowerCase();
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
