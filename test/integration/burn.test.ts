// Token burning. With a state file (GITHUB_STATE, as on every runner) the main step leaves its tokens
// in the state and ends with its last upload; the post step revokes them, whether the main step
// succeeded, failed or was cancelled. Without one, the main step revokes them after its uploads.
// Never in API-token mode; never a failed job. Against the local index over HTTP.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/action-runner.ts';
import { parseOutputFile, runBundle, stepEntry } from '../support/bundle-runner.ts';
import { startLocalIndex, type LocalIndex } from '../support/local-index.ts';
import { node24Binary } from '../support/node-runtimes.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';
import { closedPort } from '../support/ports.ts';

let dists: string[] = [];
let index: LocalIndex | undefined;

beforeAll(async () => {
  dists = await fixtureDists('sampleproject');
});

afterEach(async () => {
  await index?.close();
  index = undefined;
});

async function startIndex(options: Parameters<typeof startLocalIndex>[0] = {}): Promise<LocalIndex> {
  index = await startLocalIndex({ apiTokens: ['pypi-local-api-token'], ...options });
  return index;
}

const oidc = (idx: LocalIndex) => ({ ...idx.github, eventName: 'push' });
const burnRequests = (idx: LocalIndex) => idx.requests.filter((r) => r.path === '/_/oidc/burn-token');

/** A refusal for every upload, after the token was minted. */
function refuseUploads(idx: LocalIndex): void {
  idx.override('upload', (_req, res) => {
    res.writeHead(400, 'Invalid distribution file.', { 'content-type': 'text/plain' });
    res.end('400 Invalid distribution file.');
    return true;
  });
}

describe('the main step with a state file: the post step revokes', () => {
  it('ends with its last upload, and leaves the token, masked, in the state', async () => {
    const idx = await startIndex();
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists) },
      oidc(idx),
      undefined,
      undefined,
      true,
    );
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(2);
    expect(burnRequests(idx)).toHaveLength(0);
    expect(idx.liveTokens).toBe(1);
    expect(idx.requests.at(-1)?.path).toBe('/legacy/');
    const saved = JSON.parse(result.state['upload-tokens']) as string[];
    expect(saved).toHaveLength(1);
    expect(result.secrets).toContain(saved[0]);
    expect(result.state['upload-index-url']).toBe(idx.uploadUrl);
    expect(result.log).toContain(
      "info: The upload token is revoked by this action's post step, at the end of the job.",
    );
  });

  it('says nothing about revoking with an API token, and leaves no state', async () => {
    const idx = await startIndex();
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists), password: 'pypi-local-api-token' },
      { requestUrl: undefined, requestToken: undefined },
      undefined,
      undefined,
      true,
    );
    expect(result.error).toBeUndefined();
    expect(result.state['upload-tokens'] ?? '').toBe('');
    expect(result.log.filter((l) => l.includes('revoked'))).toEqual([]);
  });
});

describe('the main step without a state file: it revokes its token itself', () => {
  it('revokes it after a successful upload and leaves nothing for the post step', async () => {
    const idx = await startIndex();
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists) },
      oidc(idx),
    );
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(2);
    expect(idx.burns).toEqual([{ status: 202, known: true }]);
    expect(idx.liveTokens).toBe(0);
    // Burned after the last upload, not before.
    const paths = idx.requests.map((r) => r.path);
    expect(paths.lastIndexOf('/legacy/')).toBeLessThan(paths.indexOf('/_/oidc/burn-token'));
    expect(result.log.some((l) => l.startsWith('info: Revoked the upload token at '))).toBe(true);
    expect(result.state['upload-tokens']).toBe('');
  });

  it('is not attempted with an API token', async () => {
    const idx = await startIndex();
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists), password: 'pypi-local-api-token' },
      { requestUrl: undefined, requestToken: undefined },
    );
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(2);
    expect(burnRequests(idx)).toHaveLength(0);
    expect(result.state['upload-tokens'] ?? '').toBe('');
  });

  it('logs only a debug line when the index has no burn endpoint (404)', async () => {
    const idx = await startIndex({ burnToken: 'absent' });
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists) },
      oidc(idx),
    );
    expect(result.error).toBeUndefined();
    expect(burnRequests(idx)).toHaveLength(1);
    expect(result.log.find((l) => l.includes('burn-token'))).toMatch(
      /^debug: .*burn-token answered 404 Not Found: this index cannot revoke upload tokens early/,
    );
    expect(result.log.filter((l) => l.startsWith('warning:'))).toEqual([]);
  });

  it('warns, without failing the job, when the burn is refused otherwise', async () => {
    const idx = await startIndex({ burnToken: 500 });
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists) },
      oidc(idx),
    );
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(2);
    expect(result.log.find((l) => l.startsWith('warning:'))).toMatch(
      /^warning: Could not revoke the upload token: .*burn-token answered 500 Internal Server Error: .*It expires by itself within 15 minutes/,
    );
  });

  it('leaves the token in the state after a failed upload, for the post step', async () => {
    const idx = await startIndex();
    refuseUploads(idx);
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists) },
      oidc(idx),
    );
    expect(result.error?.message).toContain('refused');
    expect(burnRequests(idx)).toHaveLength(0);
    const saved = JSON.parse(result.state['upload-tokens']) as string[];
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/^pypi-/);
    expect(result.secrets).toContain(saved[0]);
    expect(result.state['upload-index-url']).toBe(idx.uploadUrl);
  });
});

/** Runs the bundle's post step with the state a main step saved (GITHUB_STATE's file format). */
async function runPostStep(idx: LocalIndex, stateFile: string) {
  const state = parseOutputFile(await readFile(stateFile, 'utf8'));
  const env = Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]));
  return runBundle(node24Binary(), { 'repository-url': idx.uploadUrl }, env, 'post');
}

async function stateFile(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'state-')), 'state');
  await writeFile(path, '');
  return path;
}

/** Runs the bundle's main step with the runner's OIDC variables, and a state file when given. */
async function runMainStep(idx: LocalIndex, state?: string) {
  return runBundle(
    node24Binary(),
    { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists) },
    {
      ACTIONS_ID_TOKEN_REQUEST_URL: idx.github.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: idx.github.requestToken,
      ...(state ? { GITHUB_STATE: state } : {}),
    },
  );
}

describe("the post step (action.yml's runs.post)", () => {
  it('revokes the token a successful main step left, which ended with its last upload', async () => {
    const idx = await startIndex();
    const state = await stateFile();
    const main = await runMainStep(idx, state);
    expect(main.code).toBe(0);
    expect(idx.files.size).toBe(2);
    expect(burnRequests(idx)).toHaveLength(0);
    expect(idx.requests.at(-1)?.path).toBe('/legacy/');
    expect(main.stdout).toContain("The upload token is revoked by this action's post step, at the end of the job.");

    const post = await runPostStep(idx, state);
    expect(post.code).toBe(0);
    expect(idx.burns).toEqual([{ status: 202, known: true }]);
    expect(idx.liveTokens).toBe(0);
    expect(post.stdout).toContain('Revoking the upload token the main step minted.');
    expect(post.stdout).toContain('Revoked the upload token at ');
  });

  it('revokes the token after the main step failed an upload', async () => {
    const idx = await startIndex();
    refuseUploads(idx);
    const state = await stateFile();
    const main = await runMainStep(idx, state);
    expect(main.code).toBe(1);
    expect(burnRequests(idx)).toHaveLength(0);

    const post = await runPostStep(idx, state);
    expect(post.code).toBe(0);
    expect(idx.burns).toEqual([{ status: 202, known: true }]);
    expect(post.stdout).toContain('Revoking the upload token the main step minted.');
    expect(post.stdout).toContain('Revoked the upload token at ');
    // The post step masks the token before anything else, and never prints it.
    const masks = [...post.stdout.matchAll(/^::add-mask::(.+)$/gm)].map((m) => m[1]);
    expect(masks.some((m) => m.startsWith('pypi-'))).toBe(true);
    expect(post.stdout.indexOf('::add-mask::')).toBe(0);
    const rest = post.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const mask of masks) expect(rest).not.toContain(mask);
  });

  it('revokes the token after the main step was cancelled mid-upload', async () => {
    const idx = await startIndex();
    idx.fault('stall', 'upload');
    const state = await stateFile();
    const child = spawn(node24Binary(), [stepEntry('main')], {
      env: {
        PATH: process.env.PATH,
        'INPUT_REPOSITORY-URL': idx.uploadUrl,
        'INPUT_PACKAGES-DIR': await packagesDir(dists),
        ACTIONS_ID_TOKEN_REQUEST_URL: idx.github.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: idx.github.requestToken,
        GITHUB_STATE: state,
      },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    for (let waited = 0; !idx.requests.some((r) => r.path === '/legacy/'); waited += 20) {
      if (waited > 20_000) throw new Error('the main step never started an upload');
      await new Promise((r) => setTimeout(r, 20));
    }
    // The runner cancels a step with SIGINT, then SIGTERM.
    child.kill('SIGTERM');
    await exited;
    expect(burnRequests(idx)).toHaveLength(0);

    const post = await runPostStep(idx, state);
    expect(post.code).toBe(0);
    expect(idx.burns).toEqual([{ status: 202, known: true }]);
  });

  it('without a state file, the main step revokes its token itself after the last upload', async () => {
    const idx = await startIndex();
    const main = await runMainStep(idx);
    expect(main.code).toBe(0);
    expect(idx.burns).toEqual([{ status: 202, known: true }]);
    expect(idx.liveTokens).toBe(0);
    expect(idx.requests.at(-1)?.path).toBe('/_/oidc/burn-token');
    expect(main.stdout).toContain('Revoked the upload token at ');
  });

  it('does nothing after a main step that revoked its own token (a dry run does)', async () => {
    const idx = await startIndex();
    const post = await runBundle(
      node24Binary(),
      {},
      { 'STATE_upload-tokens': '', 'STATE_upload-index-url': '' },
      'post',
    );
    expect(post.code).toBe(0);
    expect(idx.requests).toHaveLength(0);
    expect(post.stdout).not.toContain('Revok');
  });

  it('revokes every token left, when a renewal had minted a second one', async () => {
    // Tokens that live 60 s are renewed before each upload (the margin is 4 minutes): the run mints
    // one at the start and another before the first upload, which is refused.
    const idx = await startIndex({ tokenLifetimeSeconds: 60 });
    refuseUploads(idx);
    const state = await stateFile();
    const main = await runMainStep(idx, state);
    expect(main.code).toBe(1);
    expect(main.stdout).toContain('; minting a new one.');
    expect(idx.mintedTokens).toBe(2);
    expect(idx.liveTokens).toBe(2);

    const post = await runPostStep(idx, state);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('Revoking the 2 upload tokens the main step minted.');
    expect(idx.burns).toEqual([
      { status: 202, known: true },
      { status: 202, known: true },
    ]);
    expect(idx.liveTokens).toBe(0);
  });

  it('never sends a token over plain http to another machine (here: through a proxy, which sees nothing)', async () => {
    const seen: string[] = [];
    const proxy = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(502).end();
    });
    proxy.on('connect', (req, socket) => {
      seen.push(`CONNECT ${req.url}`);
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const post = await runBundle(
        node24Binary(),
        {},
        {
          'STATE_upload-tokens': JSON.stringify(['pypi-plain-http-token']),
          'STATE_upload-index-url': 'http://index.example/legacy/',
          HTTP_PROXY: proxyUrl,
          HTTPS_PROXY: proxyUrl,
        },
        'post',
      );
      expect(post.code).toBe(0);
      expect(post.stdout).toContain(
        '::warning::The upload token was not revoked: http://index.example is plain http:// to another machine.',
      );
      expect(seen).toEqual([]);
    } finally {
      proxy.close();
    }
  });

  it('never fails the job, even when the index cannot be reached', async () => {
    const idx = await startIndex();
    const port = await closedPort();
    const post = await runBundle(
      node24Binary(),
      {},
      {
        'STATE_upload-tokens': JSON.stringify(['pypi-some-token']),
        'STATE_upload-index-url': `http://127.0.0.1:${port}/legacy/`,
      },
      'post',
    );
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(
      `::warning::Could not revoke the upload token: could not reach http://127.0.0.1:${port}/_/oidc/burn-token`,
    );
    expect(post.stdout).toContain('::add-mask::pypi-some-token');
    expect(idx.burns).toHaveLength(0);
  });
});
