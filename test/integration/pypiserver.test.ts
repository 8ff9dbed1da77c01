// Password mode against pypiserver, a real index from the Python registry that shares no code with us.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/action-runner.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';
import { startPypiServer, type PypiServer } from '../support/pypiserver.ts';
import { makeWheel, metadataText, pseudoRandomBytes } from '../support/archives.ts';
import { blake2b256Hex } from '../support/blake2b.ts';
import { ONE_BUFFER_BYTES } from '../../src/index/multipart.js';

let server: PypiServer;
let dists: string[];

beforeAll(async () => {
  dists = (await Promise.all(['sampleproject', 'setuptools-rst', 'legacy-meta'].map(fixtureDists))).flat();
  server = await startPypiServer();
});

afterAll(async () => {
  await server?.close();
});

const noOidc = { requestUrl: undefined, requestToken: undefined };

/** Password mode with the server's user; with `compare`, skip-existing against its simple index. */
function publish(dir: string, compare = false) {
  return runInProcess(
    {
      'repository-url': server.url,
      'packages-dir': dir,
      user: server.user,
      password: server.password,
      ...(compare ? { 'skip-existing': 'true', 'check-url': `${server.url}simple/` } : {}),
    },
    noOidc,
  );
}

describe('pypiserver (password mode)', () => {
  it('stores every file byte-identical', async () => {
    const result = await runInProcess(
      {
        'repository-url': server.url,
        'packages-dir': await packagesDir(dists),
        user: server.user,
        password: server.password,
      },
      noOidc,
    );
    expect(result.error).toBeUndefined();
    expect((await readdir(server.packagesDir)).sort()).toEqual(dists.map((d) => basename(d)).sort());
    for (const path of dists)
      expect((await readFile(join(server.packagesDir, basename(path)))).equals(await readFile(path))).toBe(true);
    expect(JSON.parse(result.outputs.uploaded)).toHaveLength(dists.length);
    expect(result.secrets).toEqual([server.password]);
  });

  it('a second upload is refused with 409 and a fix; skip-existing skips it', async () => {
    const dir = await packagesDir(dists.filter((d) => d.includes('sampleproject')));
    const refused = await runInProcess(
      { 'repository-url': server.url, 'packages-dir': dir, user: server.user, password: server.password },
      noOidc,
    );
    expect(refused.error?.message).toMatch(
      /^127\.0\.0\.1:\d+ refused sampleproject-1\.0\.0-py3-none-any\.whl: 409 Conflict: /,
    );
    expect((refused.error as { hint?: string }).hint).toContain('skip-existing');

    const skipped = await runInProcess(
      {
        'repository-url': server.url,
        'packages-dir': dir,
        user: server.user,
        password: server.password,
        'skip-existing': 'true',
      },
      noOidc,
    );
    expect(skipped.error).toBeUndefined();
    expect(
      JSON.parse(skipped.outputs.skipped)
        .map((s: { filename: string }) => s.filename)
        .sort(),
    ).toEqual(
      dists
        .filter((d) => d.includes('sampleproject'))
        .map((d) => basename(d))
        .sort(),
    );
    expect(JSON.parse(skipped.outputs.uploaded)).toEqual([]);
  });

  it('a wrong password is refused with a hint about the credentials', async () => {
    const dir = await packagesDir(dists.filter((d) => d.includes('legacy')));
    const result = await runInProcess(
      { 'repository-url': server.url, 'packages-dir': dir, user: server.user, password: 'wrong' },
      noOidc,
    );
    expect(result.error?.message).toMatch(/refused legacy_meta_project-2\.1\.0rc1-py3-none-any\.whl: 40[13] /);
    expect((result.error as { hint?: string }).hint).toContain("Check the API token in 'password'");
  });
});

describe('pypiserver and a file above one buffer: one pass, the digests after the file part', () => {
  const filename = 'onepass-1.0-py3-none-any.whl';
  const wheel = makeWheel(
    'onepass',
    '1.0',
    metadataText({ 'Metadata-Version': '2.1', Name: 'onepass', Version: '1.0', Summary: 'large' }),
    pseudoRandomBytes(ONE_BUFFER_BYTES * 3),
  );
  const sha256 = createHash('sha256').update(wheel).digest('hex');

  it('is stored byte-identical, and its digests reach the outputs and the log', async () => {
    const result = await publish(await packagesDir([], { [filename]: wheel }));
    expect(result.error).toBeUndefined();
    expect((await readFile(join(server.packagesDir, filename))).equals(wheel)).toBe(true);
    expect(JSON.parse(result.outputs.uploaded)).toEqual([{ filename, size: wheel.length, sha256 }]);
    expect(result.log).toContain(`info: ${filename}\n  sha256:      ${sha256}\n  blake2_256:  ${blake2b256Hex(wheel)}`);
  });

  it('skip-existing hashes it to compare with the stored copy, and skips it', async () => {
    const result = await publish(await packagesDir([], { [filename]: wheel }), true);
    expect(result.error).toBeUndefined();
    expect(JSON.parse(result.outputs.skipped)).toEqual([{ filename, size: wheel.length, sha256 }]);
  });
});

describe('pypiserver with check-url: existing files compared by sha256 on its simple index', () => {
  it('an identical file is skipped, and says why', async () => {
    const dir = await packagesDir(dists.filter((d) => d.includes('setuptools')));
    const result = await publish(dir, true);
    expect(result.error).toBeUndefined();
    expect(result.log.filter((l) => l.endsWith('the index has this file with the same sha256.'))).toHaveLength(2);
  });

  it('different content under a stored name is an error naming both sha256s, not a skip', async () => {
    const { makeTarGz, metadataText } = await import('../support/archives.ts');
    const impostor = makeTarGz([
      {
        name: 'legacy_meta_project-2.1.0rc1/PKG-INFO',
        data: metadataText({ 'Metadata-Version': '2.2', Name: 'Legacy.Meta_Project', Version: '2.1.0rc1' }),
      },
      { name: 'legacy_meta_project-2.1.0rc1/setup.py', data: '' },
    ]);
    const dir = await packagesDir([], { 'legacy_meta_project-2.1.0rc1.tar.gz': impostor });
    const result = await publish(dir, true);
    expect(result.error?.message).toMatch(
      /already has legacy_meta_project-2\.1\.0rc1\.tar\.gz with different content: the index's sha256 is [0-9a-f]{64}, this file's is [0-9a-f]{64}\.$/,
    );
    const stored = await readFile(join(server.packagesDir, 'legacy_meta_project-2.1.0rc1.tar.gz'));
    expect(stored.equals(await readFile(dists.find((d) => d.endsWith('legacy_meta_project-2.1.0rc1.tar.gz'))!))).toBe(
      true,
    );
  });
});
