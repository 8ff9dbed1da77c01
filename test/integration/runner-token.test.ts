// The runner's ID token through @actions/core's getIDToken (as dist/index.js does), against the local
// index's GitHub-like endpoint: it works, a 500 is retried by our loop with a fresh request, a 401 is
// explained.
import * as core from '@actions/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Tuning } from '../../src/main.js';
import { runInProcess } from '../support/action-runner.ts';
import { startLocalIndex, type LocalIndex } from '../support/local-index.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';

const FAST: Partial<Tuning> = { retry: { baseDelayMs: 50, maxDelayMs: 200, totalMs: 30_000 }, idleTimeoutMs: 5_000 };

let index: LocalIndex | undefined;
const saved = { url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN };
afterEach(async () => {
  await index?.close();
  index = undefined;
  if (saved.url === undefined) delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  else process.env.ACTIONS_ID_TOKEN_REQUEST_URL = saved.url;
  if (saved.token === undefined) delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  else process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = saved.token;
});

async function publishWithCore(answer?: { times: number; status: number }) {
  index = await startLocalIndex();
  const idx = index;
  if (answer) {
    let left = answer.times;
    idx.override('github-token', (_req, res) => {
      if (left-- <= 0) return false;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'nope' }));
      return true;
    });
  }
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = idx.github.requestUrl;
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = idx.github.requestToken;
  const result = await runInProcess(
    { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(await fixtureDists('sampleproject')) },
    {
      requestUrl: idx.github.requestUrl,
      requestToken: idx.github.requestToken,
      getIdToken: (audience) => core.getIDToken(audience),
    },
    FAST,
  );
  const tokenRequests = idx.requests.filter((r) => r.path.startsWith('/github/token'));
  return { idx, result, tokenRequests };
}

describe("the runner's ID token through @actions/core", () => {
  it('is fetched by getIDToken with the audience, and the upload goes through', async () => {
    const { idx, result, tokenRequests } = await publishWithCore();
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(2);
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0].path).toContain('&audience=pypi');
    expect(tokenRequests[0].headers['user-agent']).toContain('actions/oidc-client');
  });

  it('a 500 from the endpoint is retried with a new request, then the exchange succeeds', async () => {
    const { idx, result, tokenRequests } = await publishWithCore({ times: 1, status: 500 });
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(2);
    expect(tokenRequests).toHaveLength(2);
    expect(
      result.log.some((l) => l.includes("Requesting an OIDC token from GitHub's runner: attempt 1 of 5 failed")),
    ).toBe(true);
  });

  it('a 401 is not retried and names the permission', async () => {
    const { idx, result, tokenRequests } = await publishWithCore({ times: 9, status: 401 });
    expect(result.error?.message).toContain("GitHub's OIDC token endpoint gave no token");
    expect(result.error?.message).toContain('401');
    expect((result.error as { hint?: string }).hint).toContain('id-token: write');
    expect(tokenRequests).toHaveLength(1);
    expect(idx.files.size).toBe(0);
  });
});
