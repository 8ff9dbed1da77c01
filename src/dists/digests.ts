import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { createBLAKE2b } from 'hash-wasm/dist/blake2b.umd.min.js';

export interface Digests {
  sha256: string;
  /** BLAKE2b with a 32-byte digest, which Node's crypto does not offer (its blake2b512 cannot be shortened). */
  blake2_256: string;
  size: number;
}

const ONE_READ_BYTES = 1024 * 1024;

/** Both digests of bytes fed to it in order, in one pass. */
export interface Digester {
  update(chunk: Uint8Array): void;
  digest(): Digests;
}

export async function createDigester(): Promise<Digester> {
  const sha256 = createHash('sha256');
  const blake = await createBLAKE2b(256);
  blake.init();
  let size = 0;
  return {
    update(chunk) {
      sha256.update(chunk);
      blake.update(chunk);
      size += chunk.length;
    },
    digest: () => ({ sha256: sha256.digest('hex'), blake2_256: blake.digest('hex'), size }),
  };
}

/**
 * Hashes a file in one pass: a small file in one read, a larger one through a single reused 1 MiB
 * buffer, so that hashing a large file leaves no garbage behind (memory stays flat in file size).
 */
export async function hashFile(path: string, size?: number): Promise<Digests> {
  const digester = await createDigester();
  if (size !== undefined && size <= ONE_READ_BYTES) digester.update(await readFile(path));
  else {
    const file = await open(path, 'r');
    try {
      const buffer = Buffer.allocUnsafe(ONE_READ_BYTES);
      for (;;) {
        const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        digester.update(buffer.subarray(0, bytesRead));
      }
    } finally {
      await file.close();
    }
  }
  return digester.digest();
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
