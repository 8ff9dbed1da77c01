// Faults injected into the project's local index, over real HTTP on 127.0.0.1: after each, every
// file is stored exactly once and byte-identical, and the result and log say what happened.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Tuning } from '../../src/main.js';
import { runInProcess, type RecordedRun } from '../support/action-runner.ts';
import { makeWheel, makeZip, metadataText } from '../support/archives.ts';
import { startLocalIndex, type LocalIndex, type LocalIndexOptions } from '../support/local-index.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';

const FAST: Partial<Tuning> = { retry: { baseDelayMs: 50, maxDelayMs: 400, totalMs: 30_000 }, idleTimeoutMs: 1_000 };
const PROJECTS = ['sampleproject', 'meta23'];

let dists: string[] = [];
let index: LocalIndex | undefined;

beforeAll(async () => {
  dists = (await Promise.all(PROJECTS.map(fixtureDists))).flat();
});

afterEach(async () => {
  await index?.close();
  index = undefined;
});

async function startIndex(options: LocalIndexOptions = {}): Promise<LocalIndex> {
  index = await startLocalIndex({
    publisher: {
      repository: 'octo-org/sampleproject',
      repositoryOwnerId: '1234567',
      workflow: 'release.yml',
      projects: ['sampleproject', 'meta23', 'big'],
    },
    ...options,
  });
  return index;
}

async function publish(
  idx: LocalIndex,
  files: string[],
  inputs: Record<string, string> = {},
  tuning: Partial<Tuning> = FAST,
): Promise<RecordedRun> {
  return runInProcess(
    { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(files), ...inputs },
    { requestUrl: idx.github.requestUrl, requestToken: idx.github.requestToken },
    tuning,
  );
}

/** Each file is on the index once (one successful store), with the bytes of the file on disk. */
async function expectStoredOnce(idx: LocalIndex, files: string[]): Promise<void> {
  expect([...idx.files.keys()].sort()).toEqual(files.map((f) => basename(f)).sort());
  for (const file of files) {
    expect(idx.files.get(basename(file))!.bytes.equals(await readFile(file))).toBe(true);
    expect(
      idx.uploads.filter((u) => u.filename === basename(file) && u.status === 200 && !u.message.includes('fault'))
        .length,
    ).toBeLessThanOrEqual(1);
  }
}

function answerOnce(
  idx: LocalIndex,
  route: Parameters<LocalIndex['override']>[0],
  times: number,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  let left = times;
  idx.override(route, (_req, res) => {
    if (left <= 0) return false;
    left--;
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(body);
    return true;
  });
}

/** Like pypiserver: any upload of a file it has is answered 409, whatever its content. */
function refuseFilesItHas(idx: LocalIndex): void {
  idx.override('upload', (_req, res) => {
    if (!idx.files.size) return false;
    res.writeHead(409, { 'content-type': 'text/plain' });
    res.end('File already exists');
    return true;
  });
}

const retries = (result: RecordedRun): string[] => result.log.filter((l) => l.includes('retrying in'));

describe('retries', () => {
  it('two 503s: the third attempt lands', async () => {
    const idx = await startIndex();
    answerOnce(idx, 'upload', 2, 503, 'Service Unavailable: backend busy');
    const result = await publish(idx, dists);
    expect(result.error).toBeUndefined();
    await expectStoredOnce(idx, dists);
    expect(retries(result)).toHaveLength(2);
    expect(retries(result)[0]).toMatch(
      /^info: Uploading meta23-0\.3\.0\.post1-py3-none-any\.whl: attempt 1 of 5 failed \(503 Service Unavailable: Service Unavailable: backend busy\); retrying in \d\.\d s\.$/,
    );
  });

  it('two 429s with Retry-After: 1 are honoured', async () => {
    const idx = await startIndex();
    answerOnce(idx, 'upload', 2, 429, 'Too many uploads', { 'retry-after': '1' });
    const started = Date.now();
    const result = await publish(idx, dists);
    expect(result.error).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    await expectStoredOnce(idx, dists);
    expect(retries(result).every((l) => l.includes('429 Too Many Requests') && l.endsWith('retrying in 1.0 s.'))).toBe(
      true,
    );
    expect(retries(result)).toHaveLength(2);
  });

  it('the connection dropped mid-body: the body is rebuilt from disk and sent again', async () => {
    const idx = await startIndex();
    // 6 MiB, so that the server cuts the connection while the body is still arriving.
    const big = makeZip([
      { name: 'big/data.bin', data: Buffer.alloc(6 * 1024 * 1024, 0x5a) },
      {
        name: 'big-1.0.dist-info/METADATA',
        data: metadataText({ 'Metadata-Version': '2.1', Name: 'big', Version: '1.0' }),
      },
      { name: 'big-1.0.dist-info/WHEEL', data: 'Wheel-Version: 1.0\n' },
      { name: 'big-1.0.dist-info/RECORD', data: '' },
    ]);
    const dir = await packagesDir([], { 'big-1.0-py3-none-any.whl': big });
    idx.fault('drop-mid-body', 'upload');
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': dir },
      { requestUrl: idx.github.requestUrl, requestToken: idx.github.requestToken },
      FAST,
    );
    expect(result.error).toBeUndefined();
    expect(idx.files.get('big-1.0-py3-none-any.whl')!.bytes.equals(big)).toBe(true);
    expect(retries(result)).toHaveLength(1);
    expect(retries(result)[0]).toContain('could not reach');
    // Read once per attempt: the second attempt hashed what it sent, and the index checked it.
    expect(idx.files.get('big-1.0-py3-none-any.whl')!.fieldsAfterFile).toEqual(['sha256_digest', 'blake2_256_digest']);
    expect(JSON.parse(result.outputs.uploaded)[0].sha256).toBe(createHash('sha256').update(big).digest('hex'));
  });

  it('the file stored, then the connection dropped before the answer: the retry finds it there (Warehouse answers 200)', async () => {
    const idx = await startIndex();
    idx.fault('store-then-drop', 'upload');
    const result = await publish(idx, dists);
    expect(result.error).toBeUndefined();
    await expectStoredOnce(idx, dists);
    expect(retries(result)).toHaveLength(1);
  });

  it('the answer lost, then "already exists" (409): the same sha256 on the simple API means it landed', async () => {
    const idx = await startIndex();
    idx.fault('store-then-drop', 'upload');
    refuseFilesItHas(idx);
    const wheel = dists.filter((d) => d.endsWith('.whl')).slice(0, 1);
    const result = await publish(idx, wheel, { 'check-url': `${idx.origin}/simple/` });
    expect(result.error).toBeUndefined();
    await expectStoredOnce(idx, wheel);
    expect(result.log).toContain(
      `info: Uploaded ${basename(wheel[0])} (an earlier attempt stored it (its answer was lost); the index has the same sha256)`,
    );
    expect(JSON.parse(result.outputs.uploaded)).toHaveLength(1);
  });

  it('the answer lost, then "already exists", and no simple API to compare with: an error that says so', async () => {
    const idx = await startIndex();
    idx.fault('store-then-drop', 'upload');
    refuseFilesItHas(idx);
    const wheel = dists.filter((d) => d.endsWith('.whl')).slice(0, 1);
    const result = await publish(idx, wheel);
    expect(result.error?.message).toContain(
      `says it already has ${basename(wheel[0])}, after an earlier attempt was cut off`,
    );
    expect((result.error as { hint?: string }).hint).toContain("set 'check-url'");
  });

  it('mint-token 500 once: retried, and a fresh GitHub token is used', async () => {
    const idx = await startIndex();
    answerOnce(idx, 'mint-token', 1, 500, 'Internal Server Error');
    const result = await publish(idx, dists);
    expect(result.error).toBeUndefined();
    await expectStoredOnce(idx, dists);
    expect(idx.requests.filter((r) => r.path.startsWith('/github/token'))).toHaveLength(2);
    expect(retries(result).some((l) => l.includes('Exchanging the OIDC token') && l.includes('500'))).toBe(true);
  });

  it('mint-token consumed the JWT but its answer was lost: the retry asks GitHub for a new JWT (a reused jti is refused)', async () => {
    const idx = await startIndex();
    idx.fault('store-then-drop', 'mint-token');
    const result = await publish(idx, dists);
    expect(result.error).toBeUndefined();
    await expectStoredOnce(idx, dists);
    expect(idx.mints.map((m) => m.status)).toEqual([200, 200]);
    const jtis = idx.mints.map((m) => m.claims?.jti);
    expect(new Set(jtis).size).toBe(2);
  });

  it("the runner's token endpoint 500 once: retried", async () => {
    const idx = await startIndex();
    answerOnce(idx, 'github-token', 1, 500, '{"message":"Internal error"}');
    const result = await publish(idx, dists);
    expect(result.error).toBeUndefined();
    await expectStoredOnce(idx, dists);
    expect(retries(result).some((l) => l.includes("Requesting an OIDC token from GitHub's runner"))).toBe(true);
  });

  it('a server that stalls past the idle timeout: the attempt is abandoned and retried', async () => {
    const idx = await startIndex();
    idx.fault('stall', 'upload');
    const started = Date.now();
    const result = await publish(idx, dists);
    expect(result.error).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    await expectStoredOnce(idx, dists);
    expect(retries(result)).toHaveLength(1);
    expect(retries(result)[0]).toMatch(/timeout/i);
  });

  it("gives up after the last attempt, with the index's answer and a hint", async () => {
    const idx = await startIndex();
    answerOnce(idx, 'upload', 99, 503, 'down for maintenance');
    const result = await publish(idx, dists, { retries: '2' });
    expect(result.error?.message).toMatch(
      /refused meta23-0\.3\.0\.post1-py3-none-any\.whl: 503 Service Unavailable: down for maintenance \(gave up after 3 attempts\)$/,
    );
    expect((result.error as { hint?: string }).hint).toContain('re-run the job later with skip-existing: true');
    expect(idx.files.size).toBe(0);
    expect(result.summary).toContain('❌ failed');
  });
});

describe('upload token lifetime', () => {
  // Driven by the index's claims and clock, not by seconds passing: the same on a loaded machine.
  it('mints a new token before a file when the current one is about to expire', async () => {
    // The first token has 60 s left, under the 120 s margin; the second has 900 s.
    const idx = await startIndex({ tokenLifetimeSeconds: [60, 900] });
    const result = await publish(idx, dists, {}, { ...FAST, tokenRenewMarginMs: 120_000 });
    expect(result.error).toBeUndefined();
    await expectStoredOnce(idx, dists);
    expect(idx.mintedTokens).toBe(2);
    expect(result.log.filter((l) => l.includes('; minting a new one.'))).toHaveLength(1);
    // Renewed before sending, not after a refusal: every upload went with the new token and passed.
    expect(idx.uploads.every((u) => u.status === 200)).toBe(true);
    const tokens = new Set(
      idx.requests.filter((r) => r.path === '/legacy/').map((r) => String(r.headers.authorization)),
    );
    expect(tokens.size).toBe(1);
  });

  it('a token that expired during an upload: the index says so, a new one is minted and the file sent again', async () => {
    const idx = await startIndex();
    let expired = false;
    idx.override('upload', () => {
      // The token runs out while the first upload is under way.
      if (!expired) idx.expireTokens();
      expired = true;
      return false;
    });
    const wheel = dists.slice(0, 1);
    const result = await publish(idx, wheel, {}, { ...FAST, idleTimeoutMs: 10_000, tokenRenewMarginMs: 0 });
    expect(result.error).toBeUndefined();
    await expectStoredOnce(idx, wheel);
    expect(idx.uploads.filter((u) => u.status === 403 && u.message.includes('expired'))).toHaveLength(1);
    expect(idx.mintedTokens).toBe(2);
    expect(retries(result).some((l) => l.includes('the upload token had expired'))).toBe(true);
  });
});

describe('skip-existing, compared by sha256', () => {
  const name = 'meta23-0.3.0.post1-py3-none-any.whl';
  const wheel = (summary: string) =>
    makeWheel(
      'meta23',
      '0.3.0.post1',
      metadataText({ 'Metadata-Version': '2.1', Name: 'meta23', Version: '0.3.0.post1', Summary: summary }),
    );

  it('an identical file on the index is skipped without uploading it again', async () => {
    const idx = await startIndex();
    const dir = await packagesDir([], { [name]: wheel('one') });
    const check = { 'check-url': `${idx.origin}/simple/` };
    expect(
      (
        await runInProcess(
          { 'repository-url': idx.uploadUrl, 'packages-dir': dir, ...check },
          { requestUrl: idx.github.requestUrl, requestToken: idx.github.requestToken },
          FAST,
        )
      ).error,
    ).toBeUndefined();
    const again = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': dir, 'skip-existing': 'true', ...check },
      { requestUrl: idx.github.requestUrl, requestToken: idx.github.requestToken },
      FAST,
    );
    expect(again.error).toBeUndefined();
    expect(again.log).toContain(`notice: Skipped ${name}: the index has this file with the same sha256.`);
    expect(idx.uploads).toHaveLength(1);
    expect(JSON.parse(again.outputs.skipped)[0].filename).toBe(name);
  });

  it('different content under the same name is an error naming both hashes, with or without skip-existing', async () => {
    const idx = await startIndex();
    const check = { 'check-url': `${idx.origin}/simple/` };
    const runner = { requestUrl: idx.github.requestUrl, requestToken: idx.github.requestToken };
    await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir([], { [name]: wheel('one') }), ...check },
      runner,
      FAST,
    );
    const theirs = idx.files.get(name)!.sha256;
    const dir = await packagesDir([], { [name]: wheel('two') });
    const { createHash } = await import('node:crypto');
    const ours = createHash('sha256').update(wheel('two')).digest('hex');
    for (const skip of ['true', 'false']) {
      const result = await runInProcess(
        { 'repository-url': idx.uploadUrl, 'packages-dir': dir, 'skip-existing': skip, ...check },
        runner,
        FAST,
      );
      expect(result.error?.message).toBe(
        `${new URL(idx.uploadUrl).host} already has ${name} with different content: the index's sha256 is ${theirs}, this file's is ${ours}.`,
      );
      expect((result.error as { hint?: string }).hint).toContain('Bump the version');
    }
    // With skip-existing, nothing was even sent.
    expect(idx.uploads.filter((u) => u.status === 400)).toHaveLength(1);
    expect(idx.files.get(name)!.bytes.equals(wheel('one'))).toBe(true);
  });
});
