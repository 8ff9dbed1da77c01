import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Digests } from '../../src/dists/digests.js';
import { ONE_BUFFER_BYTES } from '../../src/index/multipart.js';
import { hashedFirst, prepareInBackground, type CheckedDist } from '../../src/index/preparation.js';

async function checked(sizes: number[]): Promise<CheckedDist[]> {
  const dir = await mkdtemp(join(tmpdir(), 'preparation-'));
  return Promise.all(
    sizes.map(async (size, i) => {
      const path = join(dir, `f${i}.whl`);
      await writeFile(path, Buffer.alloc(size, i + 1));
      return {
        dist: { filename: `f${i}.whl`, kind: 'wheel', name: 'f', version: '1', pyversion: 'py3', path, size },
        metadata: { fields: [], description: '' },
      } as unknown as CheckedDist;
    }),
  );
}

const sha256Of = (size: number, byte: number): string =>
  createHash('sha256').update(Buffer.alloc(size, byte)).digest('hex');

describe('prepareInBackground', () => {
  it('hashes a file sent as one buffer before its upload, and leaves a larger one to its upload', async () => {
    expect(hashedFirst({ size: ONE_BUFFER_BYTES })).toBe(true);
    expect(hashedFirst({ size: ONE_BUFFER_BYTES + 1 })).toBe(false);
    const items = await checked([10, ONE_BUFFER_BYTES + 1]);
    const noted: [number, Digests][] = [];
    const preparation = prepareInBackground(items, (index, digests) => noted.push([index, digests]));
    expect((await preparation.at(0)).digests?.sha256).toBe(sha256Of(10, 1));
    expect((await preparation.at(1)).digests).toBeUndefined();
    await preparation.settled;
    expect(noted.map(([index]) => index)).toEqual([0]);
  });

  it('hashes every file when all digests are asked for (signing, the dry run), and notes each once', async () => {
    const items = await checked([10, ONE_BUFFER_BYTES + 1]);
    const noted: number[] = [];
    const preparation = prepareInBackground(items, (index) => noted.push(index));
    const all = await preparation.all();
    expect(all.map((item) => item.digests.sha256)).toEqual([sha256Of(10, 1), sha256Of(ONE_BUFFER_BYTES + 1, 2)]);
    // Asked for now, the large file's upload gets its digests too (they go where twine puts them).
    expect((await preparation.at(1)).digests?.size).toBe(ONE_BUFFER_BYTES + 1);
    await preparation.settled;
    expect(noted.sort()).toEqual([0, 1]);
  });
});
