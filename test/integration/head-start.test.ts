// Network first: trusted publishing's first two requests (the index's audience, the runner's ID
// token) leave before the dists are found, and only in a run that will exchange a token; the token
// itself is minted only once the dists are found. In-process and through dist/index.js, against the
// local index over HTTP.
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/action-runner.ts';
import { runBundle } from '../support/bundle-runner.ts';
import { startLocalIndex, type LocalIndex } from '../support/local-index.ts';
import { node24Binary } from '../support/node-runtimes.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';

let dists: string[] = [];
let index: LocalIndex | undefined;

beforeAll(async () => {
  dists = await fixtureDists('sampleproject');
});

afterEach(async () => {
  await index?.close();
  index = undefined;
});

async function startIndex(): Promise<LocalIndex> {
  index = await startLocalIndex({ apiTokens: ['pypi-local-api-token'] });
  return index;
}

const paths = (idx: LocalIndex): string[] => idx.requests.map((r) => r.path.replace(/\?.*$/, ''));

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the head start of the token exchange', () => {
  it('asks for the audience and an ID token before reading packages-dir, and mints nothing when that fails', async () => {
    const idx = await startIndex();
    const missing = join(tmpdir(), 'head-start-surely-missing');
    const result = await runInProcess({ 'repository-url': idx.uploadUrl, 'packages-dir': missing }, idx.github);
    expect(result.error?.message).toContain(`The packages directory '${missing}' does not exist.`);
    await until(() => paths(idx).includes('/github/token'), "the runner's ID token request");
    expect(paths(idx)).toEqual(['/_/oidc/audience', '/github/token']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(paths(idx)).not.toContain('/_/oidc/mint-token');
    expect(idx.mints).toEqual([]);
  });

  it('gives its ID token to the first exchange, so that a run asks the runner once', async () => {
    const idx = await startIndex();
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists) },
      idx.github,
    );
    expect(result.error).toBeUndefined();
    expect(paths(idx).slice(0, 3)).toEqual(['/_/oidc/audience', '/github/token', '/_/oidc/mint-token']);
    expect(paths(idx).filter((p) => p === '/_/oidc/audience' || p === '/github/token')).toHaveLength(2);
    expect(idx.mints.map((m) => m.status)).toEqual([200]);
  });

  it.each([
    ['a password is given', { password: 'pypi-local-api-token' }, 'push'],
    ['the event is pull_request_target', {}, 'pull_request_target'],
  ])('is not taken when %s', async (_case, inputs, eventName) => {
    const idx = await startIndex();
    await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists), ...inputs },
      { ...idx.github, eventName },
    );
    expect(paths(idx).filter((p) => p.startsWith('/_/oidc/') || p === '/github/token')).toEqual([]);
  });
});

describe('dist/index.js: nothing is printed before the secrets are masked', () => {
  it("masks the runner's request token first, then the ID token and the upload token as they arrive", async () => {
    const idx = await startIndex();
    const run = await runBundle(
      node24Binary(),
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists), packages_dir: 'ignored' },
      { ACTIONS_ID_TOKEN_REQUEST_URL: idx.github.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: idx.github.requestToken },
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    // The deprecated spelling's warning is written while @actions/core loads: it waits for the mask.
    expect(lines[0]).toBe(`::add-mask::${idx.github.requestToken}`);
    expect(lines[1]).toMatch(/^::warning::Both 'packages-dir' and its deprecated spelling 'packages_dir' are set/);
    const masks = lines.filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length));
    expect(masks.some((m) => m.startsWith('pypi-'))).toBe(true);
    expect(masks.length).toBeGreaterThanOrEqual(3);
    const others = lines.filter((l) => !l.startsWith('::add-mask::')).join('\n');
    for (const mask of masks) expect(others).not.toContain(mask);
  });

  it('masks the password before the error about a bad input', async () => {
    const run = await runBundle(node24Binary(), { password: 'pypi-secret-value', retries: 'many' }, {});
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('::add-mask::pypi-secret-value');
    expect(lines[1]).toBe(
      "::error::The input 'retries' is 'many', which is not a whole number from 0 to 20.%0A  How to fix: Set 'retries' to how many times a failed request may be tried again (default 4; 0 turns retries off).",
    );
  });
});
