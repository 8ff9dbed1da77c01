import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFile, hashInOrder } from '../../src/dists/digests.js';
import { blake2b256Hex } from '../support/blake2b.ts';

async function file(size: number): Promise<{ path: string; data: Buffer }> {
  const data = Buffer.alloc(size);
  for (let i = 0; i < size; i++) data[i] = (i * 2654435761) >>> 24;
  const path = join(await mkdtemp(join(tmpdir(), 'digests-')), `f${size}.whl`);
  await writeFile(path, data);
  return { path, data };
}

describe('hashFile', () => {
  // One read, exactly one buffer, and several passes through the reused buffer with a short last read.
  it.each([0, 1000, 1024 * 1024, 2.5 * 1024 * 1024])('sha256 and blake2b-256 of %i bytes', async (size) => {
    const { path, data } = await file(size);
    for (const known of [size, undefined]) {
      expect(await hashFile(path, known)).toEqual({
        sha256: createHash('sha256').update(data).digest('hex'),
        blake2_256: blake2b256Hex(data),
        size,
      });
    }
  });

  it('hashInOrder gives each file its own digests, and a missing file fails only its own promise', async () => {
    const a = await file(10);
    const b = await file(3 * 1024 * 1024);
    const hashes = hashInOrder([
      { path: a.path, size: 10 },
      { path: join(tmpdir(), 'surely-missing.whl'), size: 5 },
      { path: b.path, size: b.data.length },
    ]);
    expect((await hashes[0]).sha256).toBe(createHash('sha256').update(a.data).digest('hex'));
    await expect(hashes[1]).rejects.toThrow(/ENOENT/);
    expect((await hashes[2]).size).toBe(b.data.length);
  });
});
