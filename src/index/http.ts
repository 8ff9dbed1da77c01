import type { Dispatcher, EnvHttpProxyAgent } from 'undici';
import Agent from 'undici/lib/dispatcher/agent.js';
import dispatchRequest from 'undici/lib/api/api-request.js';
import type { IncomingHttpHeaders } from 'node:http';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { STATUS_CODES } from 'node:http';
import { Readable } from 'node:stream';
import { USER_AGENT } from '../common/version.js';
import { credentialsAllowed, isLoopbackHost } from '../common/urls.js';
import { textWithoutMarkup } from './html-text.js';
import { ANSWER_BYTES, DeadlineExceeded, readLimited, RequestClock, type AnswerKind } from './answer-limits.js';

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** At most the answer kind's size cap (see ANSWER_BYTES); the first MiB of a truncated answer. */
  body: string;
  /** Where the answer came from, after any same-origin redirects. */
  url: URL;
  /** The answer was longer than its cap: `body` is its beginning, and the rest was never read. */
  truncated?: boolean;
}

export interface HttpRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A string, or a factory of a streamed body (called again for a redirect); a stream needs content-length. */
  body?: string | (() => AsyncIterable<Uint8Array>);
  /** No bytes moving for this long (sending the body, or waiting for an answer) ends the request. */
  idleTimeoutMs?: number;
  /** Picks the answer's size cap and deadline (default 'api'). */
  answer?: AnswerKind;
  /** A shorter deadline than the kind's, for the whole request. */
  deadlineMs?: number;
  /** The length of a streamed body, for the time its sending may take. */
  bodyBytes?: number;
  /** The Authorization header, sent only to `origin` (see withCredentials). */
  credentials?: RequestCredentials;
  /** Ends the request, wherever it is (connecting, sending, reading), as a TransportError. */
  signal?: AbortSignal;
}

/** An Authorization value and the one origin it belongs to. */
export interface RequestCredentials {
  authorization: string;
  origin: string;
}

/** The request never got an HTTP answer: DNS, refused or reset connection, TLS, timeout. */
export class TransportError extends Error {
  readonly url: string;

  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error ? describeNetworkError(cause) : String(cause);
    super(cause instanceof DeadlineExceeded ? `${url}: ${cause.message}` : `could not reach ${url}: ${reason}`, {
      cause,
    });
    this.name = 'TransportError';
    this.url = url;
  }
}

export const DEFAULT_IDLE_TIMEOUT_MS = 180_000;
export const CONNECT_TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const dispatchers = new Map<string, Dispatcher>();

/**
 * Loaded only when a proxy variable is set, from undici's index: the proxy agent needs the CONNECT
 * method that the index attaches to every dispatcher.
 */
async function loadProxyAgent(): Promise<typeof EnvHttpProxyAgent> {
  return (await import('undici')).EnvHttpProxyAgent;
}

/** Connections kept per origin: enough for the largest 'parallel', reused across requests. */
const CONNECTIONS_PER_ORIGIN = 16;
const KEEP_ALIVE_MS = 60_000;

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/**
 * Self-hosted runners often reach the internet only through HTTPS_PROXY/HTTP_PROXY (NO_PROXY
 * honoured); this machine (loopback) is always reached directly, and so is every host when no
 * proxy variable is set (then the proxy agent is never built).
 */
async function dispatcherFor(url: URL, idleTimeoutMs: number): Promise<Dispatcher> {
  const direct = isLoopbackHost(url.hostname) || !PROXY_VARIABLES.some((name) => process.env[name]);
  const key = `${direct ? 'direct' : 'env'}:${idleTimeoutMs}`;
  let dispatcher = dispatchers.get(key);
  if (!dispatcher) {
    // undici refreshes headersTimeout while the body is being written, so it is an idle timeout on
    // the upload, not a total one: a large file on a slow link is not cut off.
    const options = {
      connect: { timeout: CONNECT_TIMEOUT_MS },
      headersTimeout: idleTimeoutMs,
      bodyTimeout: idleTimeoutMs,
      connections: CONNECTIONS_PER_ORIGIN,
      keepAliveTimeout: KEEP_ALIVE_MS,
      keepAliveMaxTimeout: KEEP_ALIVE_MS,
    };
    dispatcher = direct ? new Agent(options) : new (await loadProxyAgent())(options);
    dispatchers.set(key, dispatcher);
  }
  return dispatcher;
}

/**
 * The single door for HTTP. Redirects are followed only within the same origin (scheme, host and
 * port), so the Authorization header never reaches another host and https is never downgraded;
 * any other redirect is returned to the caller as it is.
 */
export async function send(url: URL, init: HttpRequest = {}): Promise<HttpResponse> {
  let current = url;
  let method = init.method ?? 'GET';
  let body = init.body;
  for (let redirects = 0; ; redirects++) {
    const response = await sendOnce(current, { ...init, method, body });
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || typeof location !== 'string' || redirects >= MAX_REDIRECTS) return response;
    const target = new URL(location, current);
    if (target.origin !== current.origin) return response;
    // 301/302/303 turn a POST into a GET without its body; an upload must not be silently dropped.
    if (method === 'POST' && response.status !== 307 && response.status !== 308) return response;
    if (response.status === 303) {
      method = 'GET';
      body = undefined;
    }
    current = target;
  }
}

async function sendOnce(url: URL, init: HttpRequest): Promise<HttpResponse> {
  const idle = init.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const kind = init.answer ?? 'api';
  const clock = new RequestClock(kind, init.deadlineMs);
  try {
    const streamed = typeof init.body === 'function';
    if (streamed) clock.sending(init.bodyBytes ?? 0);
    else clock.answering();
    const body =
      typeof init.body === 'function' ? Readable.from(clock.whenSent(init.body()), { objectMode: false }) : init.body;
    const response = await dispatchRequest.call(await dispatcherFor(url, idle), {
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: init.method ?? 'GET',
      headers: withCredentials(url, { 'user-agent': USER_AGENT, ...init.headers }, init.credentials),
      body,
      // The request's own clock, and the caller's (a wait that ends), whichever comes first.
      signal: init.signal ? AbortSignal.any([clock.signal, init.signal]) : clock.signal,
    });
    // The index may answer before it has read the whole body (a 413, a 401): its answer is due now.
    clock.answering();
    const { text, truncated } = await readLimited(response.body, ANSWER_BYTES[kind]);
    // undici frees the connection for the next request a turn of the event loop after the answer's
    // last byte; a request sent before that would open a new connection (and pay a new TLS handshake).
    await new Promise((resolve) => setImmediate(resolve));
    return {
      status: response.statusCode,
      headers: response.headers,
      body: text,
      url,
      ...(truncated ? { truncated } : {}),
    };
  } catch (error) {
    throw new TransportError(url.href, clock.signal.aborted ? clock.signal.reason : error);
  } finally {
    clock.stop();
  }
}

/**
 * The one place an Authorization header is added: only when the URL actually requested (after any
 * redirect, and however it was built) has the credentials' own origin, and only over HTTPS or to
 * loopback. A header passed in `headers` is dropped, so that no caller can bypass this.
 */
export function withCredentials(
  url: URL,
  headers: Record<string, string>,
  credentials: RequestCredentials | undefined,
): Record<string, string> {
  const result = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
  if (credentials?.origin === url.origin && credentialsAllowed(url)) result.authorization = credentials.authorization;
  return result;
}

export function statusLine(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? ''}`.trim();
}

/** The server's own words for a failed request: Warehouse's JSON `message`, else the text without markup. */
export function serverMessage(response: Pick<HttpResponse, 'status' | 'body'>): string {
  const json = parseJson(response.body);
  if (json && typeof json === 'object') {
    const record = json as Record<string, unknown>;
    // Warehouse's JSON errors (Pyramid's) open `message` with a generic explanation; the specific
    // text is in `code`, as "<status> <message>", the same words as its status line.
    const code = typeof record.code === 'string' ? /^\d{3} (.+)$/s.exec(record.code)?.[1] : undefined;
    if (code && code !== STATUS_CODES[response.status]) return code;
    for (const key of ['message', 'detail', 'error']) {
      if (typeof record[key] === 'string' && record[key]) return record[key];
    }
  }
  const text = textWithoutMarkup(response.body, 500);
  return text || statusLine(response.status);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describeNetworkError(error: Error): string {
  const code = (error as { code?: string }).code;
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const causeCode = cause ? (cause as { code?: string }).code : undefined;
  const detail = cause && cause.message !== error.message ? `${error.message} (${cause.message})` : error.message;
  const tag = code ?? causeCode;
  return tag && !detail.includes(tag) ? `${detail} [${tag}]` : detail;
}

/** undici publishes this right before a request's first byte is written to its socket. */
const REQUEST_WRITTEN = 'undici:client:sendHeaders';

/**
 * Settles when the next request sent here is written to its socket (its connection and TLS
 * handshake done, which take turns of the event loop), or after `capMs` at most.
 */
export function nextRequestWritten(capMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      unsubscribe(REQUEST_WRITTEN, done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, capMs).unref();
    subscribe(REQUEST_WRITTEN, done);
  });
}
