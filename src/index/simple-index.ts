import { PublishError } from '../common/errors.js';
import { warehouseSite } from '../common/index-urls.js';
import { credentialsAllowed } from '../common/urls.js';
import { basicAuthorization, type Credentials } from './credentials.js';
import { parseJson, send, serverMessage, statusLine, type HttpResponse, type RequestCredentials } from './http.js';
import { normalizeName } from '../dists/pep440.js';
import { retryOnStatus, retryOnTransport } from './retry.js';

const SIMPLE_JSON = 'application/vnd.pypi.simple.v1+json';

/**
 * The simple index (PEP 503/691) that holds what the upload URL publishes: known for PyPI and
 * TestPyPI, given by 'check-url' for other indexes, else unknown.
 */
export function simpleIndexFor(uploadUrl: URL, checkUrl: URL | undefined): URL | undefined {
  if (checkUrl) return checkUrl;
  if (uploadUrl.host === 'upload.pypi.org') return new URL('https://pypi.org/simple/');
  if (uploadUrl.host === 'test.pypi.org') return new URL('https://test.pypi.org/simple/');
  return undefined;
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
  // Percent-encoded, so that no name (`\\host:port`, `?`, `#`) can make this URL leave the simple API.
  const url = new URL(
    `${encodeURIComponent(normalizeName(project))}/`,
    simpleUrl.href.endsWith('/') ? simpleUrl : new URL(`${simpleUrl.href}/`),
  );
  const headers: Record<string, string> = { accept: `${SIMPLE_JSON}, text/html;q=0.1` };
  let response: HttpResponse;
  try {
    response = await send(url, { headers, idleTimeoutMs: 60_000, ...(credentials ? { credentials } : {}) });
  } catch (error) {
    retryOnTransport(error, (transport) => lookupFailed(url, transport.message));
  }
  retryOnStatus(
    response,
    `${statusLine(response.status)}: ${serverMessage(response)}`,
    lookupFailed(url, `${statusLine(response.status)}: ${serverMessage(response)}`),
  );
  if (response.status === 404) return new Map();
  if (response.status !== 200) throw lookupFailed(url, `${statusLine(response.status)}: ${serverMessage(response)}`);
  const contentType = response.headers['content-type'] ?? '';
  return contentType.includes('json') ? parseSimpleJson(response.body) : parseSimpleHtml(response.body);
}

function lookupFailed(url: URL, reason: string): PublishError {
  return new PublishError(`Could not read the index's file list at ${url.href}: ${reason}.`, {
    hint: "Set 'check-url' to the index's simple API (for example https://my-index.example/simple/), or leave skip-existing off.",
  });
}

export function parseSimpleJson(body: string): Map<string, string | undefined> {
  const files = new Map<string, string | undefined>();
  const parsed = parseJson(body) as { files?: unknown } | null | undefined;
  if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.files)) return files;
  for (const file of parsed.files as ({ filename?: unknown; hashes?: { sha256?: unknown } } | null)[]) {
    if (!file || typeof file !== 'object' || typeof file.filename !== 'string') continue;
    const sha256 = file.hashes && typeof file.hashes === 'object' ? file.hashes.sha256 : undefined;
    files.set(file.filename, typeof sha256 === 'string' ? sha256.toLowerCase() : undefined);
  }
  return files;
}

/** PEP 503: anchors whose text is the filename and whose URL may end in `#sha256=<hex>`. */
export function parseSimpleHtml(body: string): Map<string, string | undefined> {
  const files = new Map<string, string | undefined>();
  for (const match of body.matchAll(/<a\s[^>]*href\s*=\s*["']([^"']*)["'][^>]*>([^<]*)<\/a>/gi)) {
    const href = decodeEntities(match[1]!);
    const name = decodeEntities(match[2]!).trim() || safeDecode(href.split('#')[0]!.split('/').pop() ?? '');
    const sha256 = /#(?:.*&)?sha256=([0-9a-fA-F]{64})/.exec(href)?.[1];
    files.set(name, sha256?.toLowerCase());
  }
  return files;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** One pass, so that `&amp;lt;` stays `&lt;`. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#'))
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10),
      );
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
