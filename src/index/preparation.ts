import { hashFile, hashInOrder, type Digests } from '../dists/digests.js';
import type { CheckedDist } from '../checks/preflight.js';
import { ONE_BUFFER_BYTES } from './multipart.js';
import type { PreparedDist } from './upload.js';

export type { CheckedDist } from '../checks/preflight.js';

/** A dist with its digests, hashed before anything is sent (signing and the dry run need them). */
export type HashedDist = PreparedDist & { digests: Digests };

export interface Preparation {
  /**
   * The dist, once it can be uploaded: a small file with its digests, a large one without (the
   * upload hashes it as it sends it, in one pass), unless its digests were asked for already.
   */
  at(index: number): Promise<PreparedDist>;
  /** Every dist with its digests, large files hashed now too. */
  all(): Promise<HashedDist[]>;
  /** Settles when every hash started so far has finished and been noted; never rejects. */
  readonly settled: Promise<unknown>;
}

/**
 * Whether a file is hashed before its upload: one small enough to be sent as one buffer is, in the
 * background while the token exchange and earlier uploads run, and its digests go where twine puts
 * them; a larger one is read once, by its upload, which hashes it on the way and sends the digests
 * after it (the index parses the whole form before it looks at any field).
 */
export function hashedFirst(dist: { size: number }): boolean {
  return dist.size <= ONE_BUFFER_BYTES;
}

/**
 * Starts hashing the small dists one after the other, in their order, in the background: an upload
 * waits only for its own file while later files are hashed during earlier uploads. `onHashed` sees
 * each file's digests as they come.
 */
export function prepareInBackground(
  checked: CheckedDist[],
  onHashed: (index: number, digests: Digests) => void,
): Preparation {
  const first = checked.flatMap(({ dist }, index) => (hashedFirst(dist) ? [index] : []));
  const queued = hashInOrder(first.map((index) => checked[index]!.dist));
  const hashes: (Promise<Digests> | undefined)[] = checked.map(() => undefined);
  for (const [at, index] of first.entries()) hashes[index] = queued[at];
  // A failed hash reaches whoever awaits the file; here it is only not noted.
  const noted = (index: number): Promise<unknown> =>
    hashes[index]!.then(
      (digests) => {
        onHashed(index, digests);
      },
      () => undefined,
    );
  const started = first.map(noted);
  const hashOf = (index: number): Promise<Digests> => {
    if (!hashes[index]) {
      const dist = checked[index]!.dist;
      hashes[index] = hashFile(dist.path, dist.size);
      started.push(noted(index));
    }
    return hashes[index];
  };
  const at = async (index: number): Promise<PreparedDist> => {
    const hash = hashes[index];
    return hash ? { ...checked[index]!, digests: await hash } : { ...checked[index]! };
  };
  return {
    at,
    all: () => Promise.all(checked.map(async (item, index) => ({ ...item, digests: await hashOf(index) }))),
    get settled() {
      return Promise.all(started);
    },
  };
}
