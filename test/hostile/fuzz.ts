// Mutation fuzzing of pre-flight: real small dists with bytes flipped, fields overwritten with
// boundary values, cut short or spliced, then read and checked as the action does before any
// upload. Every outcome must be a result or a PublishError (a clear message for the user), never
// another exception, and each file must be done within a bounded time.
import { gunzipSync, gzipSync } from 'node:zlib';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PublishError } from '../../src/common/errors.js';
import { readDistMetadata } from '../../src/dists/dist-metadata.js';
import { parseDistFilename } from '../../src/dists/dists.js';
import { checkMetadata } from '../../src/dists/metadata.js';
import { verifyDist } from '../../src/checks/verify.js';
import { seededRandom as random } from '../support/seeded.ts';

const BOUNDARY = [0, 1, 0x7f, 0x80, 0xff, 0xffff, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];

/** One mutation of `bytes` (a zip, or an uncompressed tar that the caller gzips again). */
export function mutate(bytes: Buffer, next: () => number): Buffer {
  const pick = (n: number): number => Math.floor(next() * n);
  const out = Buffer.from(bytes);
  const at = pick(Math.max(1, out.length));
  switch (pick(7)) {
    case 0: // flip some bits
      for (let i = 0, n = 1 + pick(8); i < n; i++) out[pick(out.length)] ^= 1 << pick(8);
      return out;
    case 1: // a boundary value in a 16- or 32-bit little-endian field
      if (at + 4 <= out.length) out.writeUInt32LE(BOUNDARY[pick(BOUNDARY.length)] >>> 0, at);
      return out;
    case 2:
      if (at + 2 <= out.length) out.writeUInt16LE(BOUNDARY[pick(BOUNDARY.length)] & 0xffff, at);
      return out;
    case 3: // cut short
      return out.subarray(0, at);
    case 4: {
      // a chunk duplicated in place (repeated records, names, headers)
      const length = 1 + pick(Math.min(512, out.length - at));
      return Buffer.concat([out.subarray(0, at + length), out.subarray(at, at + length), out.subarray(at + length)]);
    }
    case 5: // bytes appended
      return Buffer.concat([out, Buffer.alloc(1 + pick(64), pick(256))]);
    default: // an ASCII digit or octal field character changed (tar sizes, versions)
      out[at] = '0123456789 \0x'.charCodeAt(pick(13));
      return out;
  }
}

export interface FuzzOutcome {
  accepted: number;
  refused: number;
  slowest: { milliseconds: number; mutation: number };
}

/**
 * Mutates each dist `iterations` times in all and runs pre-flight on every result; throws on the
 * first outcome that is not a result or a PublishError, or that takes longer than `limitMs`.
 */
export async function fuzzPreflight(
  dists: { filename: string; bytes: Buffer }[],
  iterations: number,
  seed: number,
  dir: string,
  limitMs: number,
): Promise<FuzzOutcome> {
  const next = random(seed);
  const outcome: FuzzOutcome = { accepted: 0, refused: 0, slowest: { milliseconds: 0, mutation: -1 } };
  for (let n = 0; n < iterations; n++) {
    const source = dists[n % dists.length];
    const sdist = source.filename.endsWith('.tar.gz');
    const bytes = sdist ? gzipSync(mutate(gunzipSync(source.bytes), next)) : mutate(source.bytes, next);
    const path = join(dir, source.filename);
    await writeFile(path, bytes);
    const started = Date.now();
    try {
      const dist = { ...parseDistFilename(source.filename), path, size: bytes.length };
      const read = await readDistMetadata(dist);
      checkMetadata(read.metadata, { dist, member: read.member });
      verifyDist({ dist, ...read });
      outcome.accepted++;
    } catch (error) {
      if (!(error instanceof PublishError)) {
        throw new Error(`mutation ${n} (seed ${seed}) of ${source.filename} threw ${String(error)}`, { cause: error });
      }
      outcome.refused++;
    }
    const milliseconds = Date.now() - started;
    if (milliseconds > outcome.slowest.milliseconds) outcome.slowest = { milliseconds, mutation: n };
    if (milliseconds > limitMs)
      throw new Error(`mutation ${n} (seed ${seed}) of ${source.filename} took ${milliseconds} ms`);
  }
  return outcome;
}
