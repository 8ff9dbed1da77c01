// The whole action, in-process, against the project's local index over real HTTP on 127.0.0.1,
// with real dists built by `python -m build` (hatchling and setuptools).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/action-runner.ts';
import { startLocalIndex, type LocalIndex } from '../support/local-index.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';
import { execFileSync } from 'node:child_process';
import { venvBin } from '../support/python-env.ts';

const PROJECTS = ['sampleproject', 'legacy-meta', 'meta23', 'setuptools-rst'];
const ALL_PROJECT_NAMES = ['sampleproject', 'legacy-meta-project', 'meta23', 'setuptools-rst-demo'];

let dists: string[] = [];
let index: LocalIndex | undefined;

beforeAll(async () => {
  dists = (await Promise.all(PROJECTS.map(fixtureDists))).flat();
});

afterEach(async () => {
  await index?.close();
  index = undefined;
});

async function startIndex(options: Parameters<typeof startLocalIndex>[0] = {}): Promise<LocalIndex> {
  index = await startLocalIndex({
    publisher: {
      repository: 'octo-org/sampleproject',
      repositoryOwnerId: '1234567',
      workflow: 'release.yml',
      projects: ALL_PROJECT_NAMES,
    },
    ...options,
  });
  return index;
}

function runnerOf(idx: LocalIndex) {
  return { requestUrl: idx.github.requestUrl, requestToken: idx.github.requestToken, eventName: 'push' };
}

describe('trusted publishing end to end', () => {
  it('uploads every wheel and sdist, wheels first, byte-identical, with the token masked', async () => {
    const idx = await startIndex();
    const dir = await packagesDir(dists, { 'notes.txt': 'not a dist' });
    const result = await runInProcess({ 'repository-url': idx.uploadUrl, 'packages-dir': dir }, runnerOf(idx));
    expect(result.error).toBeUndefined();

    expect([...idx.files.keys()].sort()).toEqual(dists.map((d) => basename(d)).sort());
    for (const path of dists) {
      expect(idx.files.get(basename(path))!.bytes.equals(await readFile(path))).toBe(true);
    }
    const order = idx.uploads.map((u) => u.filename!);
    const firstSdist = order.findIndex((f) => f.endsWith('.tar.gz'));
    expect(order.slice(firstSdist).every((f) => f.endsWith('.tar.gz'))).toBe(true);
    expect(order.slice(0, firstSdist).every((f) => f.endsWith('.whl'))).toBe(true);

    // Streamed with a known length, never chunked.
    for (const upload of idx.uploads) {
      expect(Number(upload.contentLength)).toBeGreaterThan(0);
      expect(upload.transferEncoding).toBeUndefined();
    }
    // The runner's request token, the GitHub JWT and the minted token were all masked.
    expect(result.secrets).toContain(idx.github.requestToken);
    expect(result.secrets.some((s) => s.split('.').length === 3)).toBe(true);
    const minted = result.secrets.filter((s) => s.startsWith('pypi-'));
    expect(minted).toHaveLength(1);
    const everything = [...result.log, result.summary, ...Object.values(result.outputs)].join('\n');
    for (const secret of result.secrets) expect(everything).not.toContain(secret);

    expect(result.log.some((l) => l.startsWith('notice:') && l.includes('notes.txt'))).toBe(true);
    const uploaded = JSON.parse(result.outputs.uploaded) as { filename: string; size: number; sha256: string }[];
    expect(uploaded.map((u) => u.filename).sort()).toEqual(dists.map((d) => basename(d)).sort());
    for (const entry of uploaded) {
      const bytes = idx.files.get(entry.filename)!.bytes;
      expect(entry.size).toBe(bytes.length);
      expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(JSON.parse(result.outputs.skipped)).toEqual([]);
    expect(result.summary).toContain('| File | Size | SHA-256 | Result |');
    expect(result.summary.match(/✅ uploaded/g)).toHaveLength(dists.length);
  });

  it('sends the User-Agent, Basic auth with __token__, and asks for JSON errors', async () => {
    const idx = await startIndex();
    const wheel = dists.find((d) => d.includes('sampleproject') && d.endsWith('.whl'))!;
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir([wheel]) },
      runnerOf(idx),
    );
    expect(result.error).toBeUndefined();
    const upload = idx.requests.find((r) => r.method === 'POST' && r.path === '/legacy/')!;
    expect(upload.headers['user-agent']).toMatch(/^pypi-oidc-publish\/\d+\.\d+\.\d+ node\/\d+/);
    expect(upload.headers.accept).toBe('application/json');
    const [user, token] = Buffer.from(String(upload.headers.authorization).replace(/^Basic /, ''), 'base64')
      .toString()
      .split(':');
    expect(user).toBe('__token__');
    expect(result.secrets).toContain(token);
  });

  it('keeps the description byte for byte, Unicode and trailing spaces included', async () => {
    const idx = await startIndex();
    const wheel = dists.find((d) => d.includes('sampleproject') && d.endsWith('.whl'))!;
    await runInProcess({ 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir([wheel]) }, runnerOf(idx));
    const fields = idx.files.get(basename(wheel))!.fields;
    const description = fields.find(([name]) => name === 'description')![1];
    const readme = await readFile(new URL('../fixtures/projects/sampleproject/README.md', import.meta.url), 'utf8');
    expect(description).toBe(readme);
    expect(fields.find(([name]) => name === 'summary')![1]).toContain('—');
    expect(fields.find(([name]) => name === 'author_email')![1]).toBe('Zoë Ünicode <zoe@example.org>');
  });

  it("prints both digests by default (print-hash, as pypa's action since v1.14), matching Python's hashlib", async () => {
    const idx = await startIndex();
    const sdist = dists.find((d) => d.includes('meta23') && d.endsWith('.tar.gz'))!;
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir([sdist]) },
      runnerOf(idx),
    );
    expect(result.error).toBeUndefined();
    const python = execFileSync(
      venvBin('python'),
      [
        '-c',
        'import hashlib,sys; d=open(sys.argv[1],"rb").read(); print(hashlib.sha256(d).hexdigest(), hashlib.blake2b(d, digest_size=32).hexdigest())',
        sdist,
      ],
      { encoding: 'utf8' },
    )
      .trim()
      .split(' ');
    const line = result.log.find((l) => l.includes('blake2_256'))!;
    expect(line).toContain(`sha256:      ${python[0]}`);
    expect(line).toContain(`blake2_256:  ${python[1]}`);
  });

  it('prints no digests with print-hash: false', async () => {
    const idx = await startIndex();
    const sdist = dists.find((d) => d.includes('meta23') && d.endsWith('.tar.gz'))!;
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir([sdist]), 'print-hash': 'false' },
      runnerOf(idx),
    );
    expect(result.error).toBeUndefined();
    expect(result.log.some((l) => l.includes('Uploaded'))).toBe(true);
    expect(result.log.filter((l) => /sha256: |blake2_256: /.test(l))).toEqual([]);
  });

  it('with verbose, logs the claims exchanged, the fields sent and each answer, but no secret', async () => {
    const idx = await startIndex();
    const wheel = dists.find((d) => d.includes('sampleproject') && d.endsWith('.whl'))!;
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir([wheel]), verbose: 'true' },
      runnerOf(idx),
    );
    expect(result.error).toBeUndefined();
    const log = result.log.join('\n');
    expect(log).toContain('repository=octo-org/sampleproject');
    expect(log).toContain('job_workflow_ref=octo-org/sampleproject/.github/workflows/release.yml@refs/tags/v1.0.0');
    expect(log).toMatch(/form fields: .*name=sampleproject, .*description=<\d+ characters>/);
    expect(log).toMatch(/the index answered 200 after \d+ ms/);
    for (const secret of result.secrets) expect(log).not.toContain(secret);
  });

  it('with password, uploads with the API token and never asks GitHub for a token', async () => {
    const idx = await startIndex({ apiTokens: ['pypi-api-token-for-tests'] });
    const result = await runInProcess(
      {
        'repository-url': idx.uploadUrl,
        'packages-dir': await packagesDir(dists),
        password: 'pypi-api-token-for-tests',
      },
      { requestUrl: undefined, requestToken: undefined },
    );
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(dists.length);
    expect(result.secrets[0]).toBe('pypi-api-token-for-tests');
    expect(idx.requests.some((r) => r.path.startsWith('/_/oidc') || r.path.startsWith('/github'))).toBe(false);
  });
});

describe('files the index already has', () => {
  it('an identical re-upload is answered 200 and reported as uploaded', async () => {
    const idx = await startIndex();
    const dir = await packagesDir(dists.filter((d) => d.includes('meta23')));
    expect(
      (await runInProcess({ 'repository-url': idx.uploadUrl, 'packages-dir': dir }, runnerOf(idx))).error,
    ).toBeUndefined();
    const again = await runInProcess({ 'repository-url': idx.uploadUrl, 'packages-dir': dir }, runnerOf(idx));
    expect(again.error).toBeUndefined();
    expect(idx.uploads.filter((u) => u.status === 200)).toHaveLength(4);
  });

  it("different content under an existing name fails with the index's message and a fix, or is skipped with skip-existing", async () => {
    const idx = await startIndex();
    const { makeWheel, metadataText } = await import('../support/archives.ts');
    const name = 'meta23-0.3.0.post1-py3-none-any.whl';
    const first = makeWheel(
      'meta23',
      '0.3.0.post1',
      metadataText({ 'Metadata-Version': '2.1', Name: 'meta23', Version: '0.3.0.post1', Summary: 'one' }),
    );
    const second = makeWheel(
      'meta23',
      '0.3.0.post1',
      metadataText({ 'Metadata-Version': '2.1', Name: 'meta23', Version: '0.3.0.post1', Summary: 'two' }),
    );
    expect(
      (
        await runInProcess(
          { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir([], { [name]: first }) },
          runnerOf(idx),
        )
      ).error,
    ).toBeUndefined();

    const refused = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir([], { [name]: second }) },
      runnerOf(idx),
    );
    expect(refused.error?.message).toContain(`refused ${name}: 400 Bad Request: File already exists`);
    expect((refused.error as { hint?: string }).hint).toMatch(/Bump the version.*skip-existing/);
    expect(refused.summary).toContain('❌ failed');

    const skipped = await runInProcess(
      {
        'repository-url': idx.uploadUrl,
        'packages-dir': await packagesDir([], { [name]: second }),
        'skip-existing': 'true',
      },
      runnerOf(idx),
    );
    expect(skipped.error).toBeUndefined();
    expect(JSON.parse(skipped.outputs.skipped)[0].filename).toBe(name);
    expect(idx.files.get(name)!.bytes.equals(first)).toBe(true);
  });
});
