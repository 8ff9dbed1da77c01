import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createBLAKE2b } from 'hash-wasm';

export interface Digests {
  sha256: string;
  /** BLAKE2b with a 32-byte digest, which Node's crypto does not offer (its blake2b512 cannot be shortened). */
  blake2_256: string;
  size: number;
}

/** Hashes a file in one streaming pass. */
export async function hashFile(path: string): Promise<Digests> {
  const sha256 = createHash('sha256');
  const blake = await createBLAKE2b(256);
  blake.init();
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    sha256.update(chunk);
    blake.update(chunk);
    size += chunk.length;
  }
  return { sha256: sha256.digest('hex'), blake2_256: blake.digest('hex'), size };
}
