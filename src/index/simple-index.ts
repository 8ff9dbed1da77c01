import { PublishError } from '../common/errors.js';
import { ANSWER_BYTES } from './answer-limits.js';
import { parseJson, send, serverMessage, statusLine, type HttpResponse, type RequestCredentials } from './http.js';
import { normalizeName } from '../dists/pep440.js';
import { retryOnStatus, retryOnTransport } from './retry.js';
import { anchors } from './html-text.js';

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
    response = await send(url, {
      headers,
      answer: 'listing',
      idleTimeoutMs: 60_000,
      ...(credentials ? { credentials } : {}),
    });
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
  // Part of a list would read as "not there" for every file past the cut.
  if (response.truncated)
    throw lookupFailed(url, `the list is longer than ${ANSWER_BYTES.listing / (1024 * 1024)} MiB, and was not read`);
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
