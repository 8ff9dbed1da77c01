import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { createReadStream } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { keyId, verifyJwt } from './jwt.ts';
import { outputSettled, unmaskedAmong } from './mask-witness.ts';
import { parseMultipart, type MultipartPart } from './multipart-parser.ts';
import { spoolMultipart, type SpooledFile } from './multipart-spool.ts';
import {
  DEFAULT_PUBLISHER,
  checkMintRequest,
  issueGithubIdToken,
  mintToken,
  type ClaimOverrides,
  type MintError,
  type MintedToken,
  type OidcKeys,
  type TrustedPublisher,
} from './warehouse-oidc.ts';
import { burnToken, releaseJson, seedFile, type BurnRecord, type JsonAnswer } from './warehouse-json.ts';
import {
  INTEGRITY_PATH,
  provenanceAnswer,
  provenanceUrl,
  type ProvenancePublisher,
  type ProvenanceSettings,
} from './warehouse-integrity.ts';
import { handleUpload, textFields, type StoredFile, type UploadState } from './warehouse-upload.ts';
import {
  acceptsJson,
  errorAnswer,
  escapeHtml,
  normalizeName,
  statusMessageFor,
  type JsonErrorStyle,
} from './warehouse-rules.ts';

export type { StoredFile } from './warehouse-upload.ts';
export type { BurnRecord } from './warehouse-json.ts';
export type { TrustedPublisher } from './warehouse-oidc.ts';
export type { ProvenancePublisher } from './warehouse-integrity.ts';

export interface LocalIndexOptions {
  /** The OIDC audience the index announces; PyPI's is 'pypi'. */
  audience?: string;
  /** 'disabled': audience 403 and mint not-enabled; 'absent': 404, like an index without trusted publishing. */
  trustedPublishing?: 'enabled' | 'disabled' | 'absent';
  /** Claims of the ID tokens the GitHub endpoint issues; a key set to undefined removes that claim. */
  claims?: ClaimOverrides;
  publisher?: TrustedPublisher;
  /** API tokens accepted for every project (user `__token__`). */
  apiTokens?: string[];
  /** Other projects that exist on the index (a minted token for another publisher's projects gets 403 there). */
  existingProjects?: string[];
  /** POST /_/oidc/burn-token: 'enabled' (202, the default), 'absent' (404, as before PyPI had it), or a status to answer. */
  burnToken?: 'enabled' | 'absent' | number;
  /** Lifetime of minted upload tokens (Warehouse's is 900 s); a list gives the first mints theirs, the last repeats. */
  tokenLifetimeSeconds?: number | number[];
  maxFileSize?: number;
  /** The claim whose workflow file must match the publisher's; Warehouse reads job_workflow_ref. */
  workflowClaim?: 'job_workflow_ref' | 'workflow_ref';
  /** 'message' (default): JSON error `message` is the detail alone; 'pyramid': Pyramid's explanation + detail. */
  jsonErrorStyle?: JsonErrorStyle;
  /** Serve https with this key and certificate (the benchmark's throwaway CA); plain http otherwise. */
  tls?: { key: Buffer; cert: Buffer };
  /**
   * A credential that arrives before the run under way masked it is answered 500 ('refuse', the
   * default: the run fails where it happens) or only recorded ('record': to measure what a run does).
   */
  unmaskedCredentials?: 'refuse' | 'record';
  /**
   * Stream uploaded files to this folder, hashing them on the way, instead of holding them in memory
   * (the benchmark's large files); stored files then have `path` set and empty `bytes`.
   */
  spoolDir?: string;
  /**
   * A stored file stays out of its simple API (page, versions list) for this long after its upload,
   * as a CDN-cached page would leave it out.
   */
  holdBackMs?: number;
  /** The publisher the provenance of uploaded attestations names; the trusted publisher by default. */
  provenancePublisher?: ProvenancePublisher;
  /** false: attestations are accepted, but no provenance is shown for them. Default true. */
  keepProvenance?: boolean;
}

export type OverrideRoute = 'audience' | 'mint-token' | 'github-token' | 'upload' | 'simple' | 'integrity';
/**
 * Network faults no status code can express: the connection cut while the body arrives; the file
 * stored and the connection cut before the answer; no answer at all.
 */
export type Fault = 'drop-mid-body' | 'store-then-drop' | 'stall';
export type OverrideHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => boolean | Promise<boolean>;

export interface RequestRecord {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Set when the answer's head is written. */
  status: number | undefined;
}

export interface UploadRecord {
  filename?: string;
  fields: [string, string][];
  contentLength?: string;
  transferEncoding?: string;
  status: number;
  message: string;
}

export interface MintRecord {
  status: number;
  error?: MintError;
  /** Why, in more words than Warehouse gives (which claim differed, what was wrong with the JWT). */
  reason: string;
  claims?: Record<string, unknown>;
}

export interface LocalIndex {
  origin: string;
  uploadUrl: string;
  github: { requestUrl: string; requestToken: string };
  files: Map<string, StoredFile>;
  requests: RequestRecord[];
  uploads: UploadRecord[];
  mints: MintRecord[];
  /** Every POST to /_/oidc/burn-token, in order. */
  burns: BurnRecord[];
  /**
   * Credentials that arrived before the run under way had masked them (test/support/mask-witness.ts):
   * each such request is answered 500, and close() rejects while this is not empty.
   */
  unmasked: string[];
  /** Every secret this index handed out: the runner's request token, each ID token, each minted token. */
  readonly secrets: string[];
  /** How many upload tokens were minted, revoked ones included. */
  readonly mintedTokens: number;
  /** Minted upload tokens not revoked (burned) yet. */
  readonly liveTokens: number;
  /** From now on, every token minted so far is expired: the index's clock, not the test's, runs them out. */
  expireTokens(): void;
  /** Stores a file as if uploaded at `uploadedAt` (default now), without the upload's checks. */
  seed(filename: string, bytes: Buffer, uploadedAt?: Date): StoredFile;
  issueIdToken(overrides?: ClaimOverrides): string;
  /** Checks an ID token this index's GitHub endpoint issued (signature, expiry) and returns its claims, as Fulcio would. */
  verifyIdToken(jwt: string): Record<string, unknown>;
  /** From now on, verify uploaded attestations as Warehouse does: chained to this Fulcio root, Build Config URI = the publisher's workflow. */
  verifyAttestationsAgainst(fulcioRoot: Buffer): void;
  /** Runs `handler` before the normal handling of `route`; returns a function that removes it. */
  override(route: OverrideRoute, handler: OverrideHandler): () => void;
  /** The next `times` requests to `route` meet `fault`. */
  fault(fault: Fault, route: OverrideRoute, times?: number): void;
  /** The next `times` requests to `route` are answered `status` (default 503), as an overloaded index would. */
  failWith(route: OverrideRoute, times: number, status?: number): void;
  /** From now on the simple API lists `filename` with this sha256 instead of the stored file's. */
  misreportSha256(filename: string, sha256: string): void;
  close(): Promise<void>;
}

const SIMPLE_JSON = 'application/vnd.pypi.simple.v1+json';

export async function startLocalIndex(options: LocalIndexOptions = {}): Promise<LocalIndex> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keys: OidcKeys = { privateKey, publicKey, kid: keyId(publicKey) };
  const audience = options.audience ?? 'pypi';
  const trustedPublishing = options.trustedPublishing ?? 'enabled';
  const publisher = options.publisher ?? DEFAULT_PUBLISHER;
  const jsonStyle = options.jsonErrorStyle ?? 'message';
  const requestToken = randomBytes(24).toString('base64url');
  const usedJtis = new Set<string>();
  const overrides = new Map<OverrideRoute, OverrideHandler[]>();
  const faults: { fault: Fault; route: OverrideRoute }[] = [];
  const takeFault = (route: OverrideRoute | undefined, kinds: Fault[]): Fault | undefined => {
    const index = faults.findIndex((f) => f.route === route && kinds.includes(f.fault));
    return index < 0 ? undefined : faults.splice(index, 1)[0].fault;
  };
  const mintedTokens = new Map<string, MintedToken>();
  let mintedCount = 0;
  const state: UploadState = {
    origin: '',
    maxFileSize: options.maxFileSize ?? 100 * 1024 * 1024,
    apiTokens: new Set(options.apiTokens ?? []),
    mintedTokens,
    projects: new Map(
      [...publisher.projects, ...(options.existingProjects ?? [])].map((name) => [normalizeName(name), name]),
    ),
    files: new Map(),
  };
  const requests: RequestRecord[] = [];
  const uploads: UploadRecord[] = [];
  const mints: MintRecord[] = [];
  const burns: BurnRecord[] = [];
  const misreported = new Map<string, string>();
  const provenance: ProvenanceSettings = {
    publisher: options.provenancePublisher ?? {
      kind: 'GitHub',
      repository: publisher.repository,
      workflow: publisher.workflow,
      environment: publisher.environment || null,
    },
    keep: options.keepProvenance ?? true,
  };
  const unmasked: string[] = [];
  const issuedIdTokens = new Set<string>();
  const issuedSecrets = [requestToken];
  const headListeners = new WeakMap<ServerResponse, (status: number, message: string) => void>();
  const issueIdToken = (extra: ClaimOverrides = {}, aud = audience): string => {
    const token = issueGithubIdToken(keys, aud, options.claims ?? {}, extra);
    issuedIdTokens.add(token);
    issuedSecrets.push(token);
    return token;
  };

  /** What a credential is, for the message about it. */
  function describeCredential(value: string): string {
    if (value === requestToken) return "the runner's request token (ACTIONS_ID_TOKEN_REQUEST_TOKEN)";
    if (issuedIdTokens.has(value)) return 'a GitHub ID token';
    if (mintedTokens.has(value)) return 'a minted upload token';
    return 'a credential';
  }

  /**
   * Every credential a request carries (Authorization, the `token` of mint-token and burn-token) must
   * have been masked by the run that sent it, before it sent it: its `::add-mask::` line came first.
   */
  async function unmaskedCredentials(req: IncomingMessage, path: string, body: Buffer): Promise<string[]> {
    const values = credentialsIn(req.headers.authorization, path, body);
    if (!unmaskedAmong(values)?.length) return [];
    await outputSettled();
    return (unmaskedAmong(values) ?? []).map(
      (value) => `${describeCredential(value)} reached ${req.method ?? ''} ${path} before its ::add-mask:: line`,
    );
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    message: string,
    headers: Record<string, string> = {},
  ): void {
    const answer = errorAnswer(status, message, acceptsJson(req.headers.accept), jsonStyle);
    res.writeHead(status, statusMessageFor(message), { 'content-type': answer.contentType, ...headers });
    res.end(answer.body);
  }

  function json(res: ServerResponse, status: number, value: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  }

  async function overridden(
    route: OverrideRoute,
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
  ): Promise<boolean> {
    for (const handler of overrides.get(route) ?? []) if (await handler(req, res, body)) return true;
    return false;
  }

  function githubToken(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || token !== requestToken) {
      json(res, 401, { message: 'Bad credentials' });
      return;
    }
    // Without an audience GitHub uses the repository owner's URL.
    const owner = typeof options.claims?.repository_owner === 'string' ? options.claims.repository_owner : 'octo-org';
    json(res, 200, { value: issueIdToken({}, url.searchParams.get('audience') ?? `https://github.com/${owner}`) });
  }

  function mint(res: ServerResponse, body: Buffer): void {
    const outcome = checkMintRequest(body, {
      keys,
      audience,
      enabled: trustedPublishing === 'enabled',
      publisher,
      usedJtis,
      workflowClaim: options.workflowClaim ?? 'job_workflow_ref',
    });
    if (!outcome.ok) {
      mints.push({
        status: 422,
        error: outcome.error,
        reason: outcome.reason,
        ...(outcome.claims ? { claims: outcome.claims } : {}),
      });
      json(res, 422, { message: 'Token request failed', errors: [outcome.error] });
      return;
    }
    const lifetimes = [options.tokenLifetimeSeconds ?? 900].flat();
    const lifetime = lifetimes[Math.min(mintedCount, lifetimes.length - 1)];
    const { token, minted } = mintToken(publisher, lifetime);
    mintedTokens.set(token, minted);
    issuedSecrets.push(token);
    mintedCount++;
    mints.push({ status: 200, reason: 'minted', claims: outcome.claims });
    if (takeFault('mint-token', ['store-then-drop'])) return void res.socket?.destroy();
    json(res, 200, { success: true, token, expires: minted.expires });
  }

  async function legacyUpload(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: Buffer,
    spooled?: SpooledFile,
  ): Promise<void> {
    let parts: MultipartPart[] | undefined;
    let parseError: string | undefined;
    try {
      parts = parseMultipart(body, req.headers['content-type'] ?? '');
    } catch (error) {
      parseError = (error as Error).message;
    }
    const record: UploadRecord = { fields: parts ? textFields(parts) : [], status: 0, message: '' };
    const filename = parts?.find((part) => part.name === 'content')?.filename;
    if (filename !== undefined) record.filename = filename;
    if (req.headers['content-length'] !== undefined) record.contentLength = req.headers['content-length'];
    if (req.headers['transfer-encoding'] !== undefined) record.transferEncoding = req.headers['transfer-encoding'];
    uploads.push(record);
    headListeners.set(res, (status, message) => {
      record.status = status;
      record.message = message;
    });
    if (await overridden('upload', req, res, body)) return;
    if (!parts) {
      send(req, res, 400, `Malformed multipart/form-data body: ${parseError}`);
      return;
    }
    const action = url.searchParams.get(':action') ?? record.fields.find(([name]) => name === ':action')?.[1];
    if (action !== 'file_upload') {
      // Warehouse routes /legacy/ by :action; anything else falls through to its upload landing page, with 200.
      res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
      record.message = 'no :action=file_upload: Warehouse shows its landing page, nothing stored';
      return void res.end(
        '<!DOCTYPE html><html><head><title>Warehouse · The Python Package Index</title></head><body><h1>Upload endpoint</h1></body></html>',
      );
    }
    const result = handleUpload(req.headers, parts, state, spooled);
    if (result.status === 200 && takeFault('upload', ['store-then-drop'])) {
      record.message = 'stored, then the connection was dropped before the answer (fault)';
      return void req.socket.destroy();
    }
    send(req, res, result.status, result.message);
  }

  function simple(req: IncomingMessage, res: ServerResponse, name: string): void {
    const project = normalizeName(name);
    if (name !== project) {
      res.writeHead(301, { location: `/simple/${project}/` });
      return void res.end();
    }
    const heldBackUntil = Date.now() - (options.holdBackMs ?? 0);
    const files = [...state.files.entries()]
      .filter(([, file]) => file.project === project && file.uploadedAt.getTime() <= heldBackUntil)
      .sort(([a], [b]) => a.localeCompare(b));
    const sha256Of = (filename: string, file: StoredFile): string => misreported.get(filename) ?? file.sha256;
    if (!files.length && !state.projects.has(project)) {
      send(req, res, 404, 'Not Found');
      return;
    }
    if ((req.headers.accept ?? '').includes(SIMPLE_JSON)) {
      res.writeHead(200, { 'content-type': SIMPLE_JSON });
      return void res.end(
        JSON.stringify({
          meta: { 'api-version': '1.1' },
          name: project,
          versions: [...new Set(files.map(([, file]) => file.version))],
          files: files.map(([filename, file]) => ({
            filename,
            url: `/files/${encodeURIComponent(filename)}`,
            hashes: { sha256: sha256Of(filename, file) },
            size: file.size,
            yanked: false,
            'upload-time': file.uploadedAt.toISOString(),
            provenance: provenanceUrl(state.origin, filename, file, provenance),
          })),
        }),
      );
    }
    const links = files.map(([filename, file]) => {
      const url = provenanceUrl(state.origin, filename, file, provenance);
      const attribute = url ? ` data-provenance="${escapeHtml(url)}"` : '';
      return `    <a href="/files/${encodeURIComponent(filename)}#sha256=${sha256Of(filename, file)}"${attribute}>${escapeHtml(filename)}</a><br />`;
    });
    res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
    res.end(
      [
        '<!DOCTYPE html>',
        '<html>',
        '  <head>',
        '    <meta name="pypi:repository-version" content="1.1">',
        `    <title>Links for ${project}</title>`,
        '  </head>',
        '  <body>',
        `    <h1>Links for ${project}</h1>`,
        ...links,
        '  </body>',
        '</html>',
        '',
      ].join('\n'),
    );
  }

  function extraEndpoint(path: string, method: string, body: Buffer): JsonAnswer {
    if (path !== '/_/oidc/burn-token') {
      const [, , name = '', version = ''] = path.split('/').map(decodeURIComponent);
      return method === 'GET'
        ? releaseJson(state, name, version)
        : { status: 405, body: { message: 'Method Not Allowed' } };
    }
    const burnMode = options.burnToken ?? 'enabled';
    if (burnMode === 'absent') return { status: 404, body: { message: 'Not Found' } };
    if (method !== 'POST') return { status: 405, body: { message: 'Method Not Allowed' } };
    if (typeof burnMode === 'number') {
      burns.push({ status: burnMode, known: false });
      return { status: burnMode, body: { message: `burn-token answers ${burnMode} (test setting)` } };
    }
    return burnToken(body, mintedTokens, burns);
  }

  async function route(req: IncomingMessage, res: ServerResponse, body: Buffer, spooled?: SpooledFile): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const exposed = await unmaskedCredentials(req, path, body);
    unmasked.push(...exposed);
    if (exposed.length && options.unmaskedCredentials !== 'record') {
      json(res, 500, { message: `local index (test): ${exposed.join('; ')}` });
      return;
    }
    if (path === '/github/token') {
      if (await overridden('github-token', req, res, body)) return;
      if (method === 'GET') githubToken(req, res, url);
      else json(res, 405, { message: 'Method Not Allowed' });
      return;
    }
    if (path === '/_/oidc/burn-token' || /^\/pypi\/[^/]+\/[^/]+\/json$/.test(path)) {
      const answer = extraEndpoint(path, method, body);
      json(res, answer.status, answer.body);
      return;
    }
    if (path === '/_/oidc/audience' || path === '/_/oidc/mint-token') {
      const isAudience = path === '/_/oidc/audience';
      if (await overridden(isAudience ? 'audience' : 'mint-token', req, res, body)) return;
      if (trustedPublishing === 'absent') {
        res.writeHead(404, { 'content-type': 'text/html; charset=UTF-8' });
        return void res.end(
          '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>The resource could not be found.</body></html>\n',
        );
      }
      if (method !== (isAudience ? 'GET' : 'POST')) {
        send(req, res, 405, 'Method Not Allowed');
        return;
      }
      if (!isAudience) {
        mint(res, body);
        return;
      }
      if (trustedPublishing === 'disabled') {
        json(res, 403, { message: 'Trusted publishing functionality not enabled' });
        return;
      }
      json(res, 200, { audience });
      return;
    }
    if (path === '/legacy') {
      if (method !== 'POST') {
        send(req, res, 404, 'Not Found');
        return;
      }
      send(
        req,
        res,
        308,
        'An upload was attempted to /legacy but the expected upload URL is /legacy/ (with a trailing slash)',
        { location: '/legacy/' },
      );
      return;
    }
    if (path === '/legacy/') {
      if (method === 'POST') await legacyUpload(req, res, url, body, spooled);
      else send(req, res, 405, 'Method Not Allowed', { allow: 'POST' });
      return;
    }
    const integrityMatch = INTEGRITY_PATH.exec(path);
    if (integrityMatch && method === 'GET') {
      if (await overridden('integrity', req, res, body)) return;
      const [project, version, filename] = integrityMatch.slice(1).map(decodeURIComponent);
      const answer = provenanceAnswer(state, provenance, project, version, filename);
      res.writeHead(answer.status, {
        'content-type': answer.status === 200 ? 'application/vnd.pypi.integrity.v1+json' : 'application/json',
      });
      return void res.end(JSON.stringify(answer.body));
    }
    const simpleMatch = /^\/simple\/([^/]+)(\/?)$/.exec(path);
    if (simpleMatch && method === 'GET') {
      if (await overridden('simple', req, res, body)) return;
      if (!simpleMatch[2]) {
        res.writeHead(301, { location: `${path}/` });
        return void res.end();
      }
      simple(req, res, decodeURIComponent(simpleMatch[1]));
      return;
    }
    const fileMatch = /^\/files\/([^/]+)$/.exec(path);
    const stored = fileMatch && method === 'GET' ? state.files.get(decodeURIComponent(fileMatch[1])) : undefined;
    if (stored) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(stored.size) });
      if (stored.path) createReadStream(stored.path).pipe(res);
      else res.end(stored.bytes);
      return;
    }
    send(req, res, 404, 'Not Found');
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const record: RequestRecord = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      status: undefined,
    };
    requests.push(record);
    // Every answer goes through writeHead (Node's implicit headers too), so the status is known before the client sees it.
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    res.writeHead = (...args: unknown[]) => {
      const result = writeHead(...args);
      record.status = res.statusCode;
      headListeners.get(res)?.(res.statusCode, res.statusMessage);
      return result;
    };
    const early = takeFault(routeOf(req.url ?? '/'), ['drop-mid-body', 'stall']);
    if (early === 'stall') return void req.resume();
    if (early === 'drop-mid-body') return void req.once('data', () => req.socket.destroy());
    const fail = (error: unknown): void => {
      if (!res.headersSent) send(req, res, 500, `local index failure: ${(error as Error).message}`);
      else res.destroy(error as Error);
    };
    if (options.spoolDir && routeOf(req.url ?? '/') === 'upload' && req.method === 'POST') {
      spoolMultipart(req, options.spoolDir)
        .then(({ skeleton, file }) => route(req, res, skeleton, file))
        .catch(fail);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      route(req, res, Buffer.concat(chunks)).catch(fail);
    });
  };
  const server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.origin = origin;

  return {
    origin,
    uploadUrl: `${origin}/legacy/`,
    github: { requestUrl: `${origin}/github/token?api-version=2.0`, requestToken },
    files: state.files,
    requests,
    uploads,
    mints,
    burns,
    unmasked,
    secrets: issuedSecrets,
    seed: (filename, bytes, uploadedAt = new Date()) => seedFile(state, filename, bytes, uploadedAt),
    get mintedTokens() {
      return mintedCount;
    },
    get liveTokens() {
      return mintedTokens.size;
    },
    expireTokens() {
      for (const minted of mintedTokens.values()) minted.expires = 0;
    },
    issueIdToken: (extra?: ClaimOverrides) => issueIdToken(extra),
    verifyAttestationsAgainst(fulcioRoot) {
      state.attestationTrust = { root: fulcioRoot, repository: publisher.repository, workflow: publisher.workflow };
    },
    verifyIdToken(jwt) {
      const { payload } = verifyJwt(jwt, publicKey);
      if (typeof payload.exp !== 'number' || payload.exp < Date.now() / 1000) throw new Error('the token has expired');
      return payload;
    },
    fault(fault, routeName, times = 1) {
      for (let i = 0; i < times; i++) faults.push({ fault, route: routeName });
    },
    failWith(routeName, times, status = 503) {
      let left = times;
      const list = overrides.get(routeName) ?? [];
      const handler: OverrideHandler = (req, res) => {
        if (left <= 0) return false;
        left--;
        send(req, res, status, `the index is unavailable (test setting, ${left} more)`);
        return true;
      };
      list.unshift(handler);
      overrides.set(routeName, list);
    },
    misreportSha256(filename, sha256) {
      misreported.set(filename, sha256);
    },
    override(routeName, handler) {
      const list = overrides.get(routeName) ?? [];
      list.push(handler);
      overrides.set(routeName, list);
      return () => {
        const index = list.indexOf(handler);
        if (index >= 0) list.splice(index, 1);
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else if (unmasked.length)
            reject(new Error(`Credentials were sent before they were masked:\n${unmasked.join('\n')}`));
          else resolve();
        });
      }),
  };
}

/** The credential values a request carries: the Authorization header's, and mint-token's or burn-token's `token`. */
function credentialsIn(authorization: string | undefined, path: string, body: Buffer): string[] {
  const values: string[] = [];
  const [scheme = '', value = ''] = (authorization ?? '').split(' ');
  if (scheme.toLowerCase() === 'bearer') values.push(value);
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    values.push(decoded.slice(decoded.indexOf(':') + 1));
  }
  if (path === '/_/oidc/mint-token' || path === '/_/oidc/burn-token') {
    try {
      const token = (JSON.parse(body.toString('utf8')) as { token?: unknown } | null)?.token;
      if (typeof token === 'string') values.push(token);
    } catch {
      // Not JSON: the endpoint answers that itself.
    }
  }
  return values.filter(Boolean);
}

function routeOf(requestUrl: string): OverrideRoute | undefined {
  const path = new URL(requestUrl, 'http://127.0.0.1').pathname;
  if (path === '/legacy/' || path === '/legacy') return 'upload';
  if (path === '/_/oidc/audience') return 'audience';
  if (path === '/_/oidc/mint-token') return 'mint-token';
  if (path === '/github/token') return 'github-token';
  if (path.startsWith('/simple/')) return 'simple';
  if (path.startsWith('/integrity/')) return 'integrity';
  return undefined;
}
