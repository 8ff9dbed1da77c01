import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createBLAKE2b } from 'hash-wasm';

export interface Digests {
  sha256: string;
  /** BLAKE2b with a 32-byte digest, which Node's crypto does not offer (its blake2b512 cannot be shortened). */
  blake2_256: string;
  size: number;
}

const ONE_READ_BYTES = 1024 * 1024;

/** Hashes a file in one pass: small files in one read, larger ones in 1 MiB chunks. */
export async function hashFile(path: string, size?: number): Promise<Digests> {
  const sha256 = createHash('sha256');
  const blake = await createBLAKE2b(256);
  blake.init();
  let read = 0;
  const update = (chunk: Buffer): void => {
    sha256.update(chunk);
    blake.update(chunk);
    read += chunk.length;
  };
  if (size !== undefined && size <= ONE_READ_BYTES) update(await readFile(path));
  else {
    const chunkSize = Math.min(ONE_READ_BYTES, Math.max(64 * 1024, size ?? ONE_READ_BYTES));
    for await (const chunk of createReadStream(path, { highWaterMark: chunkSize }) as AsyncIterable<Buffer>)
      update(chunk);
  }
  return { sha256: sha256.digest('hex'), blake2_256: blake.digest('hex'), size: read };
}

/**
 * Hashes the files one after the other, in the background, in their order: the first upload waits
 * only for its own file, and later files are hashed while earlier ones upload. Every promise has a
 * handler attached, so that a failure nobody awaits (a run stopped early) is no unhandled rejection.
 */
export function hashInOrder(files: { path: string; size: number }[]): Promise<Digests>[] {
  let previous: Promise<unknown> = Promise.resolve();
  return files.map(({ path, size }) => {
    const digests = previous.then(() => hashFile(path, size));
    previous = digests.catch(() => undefined);
    return digests;
  });
}
