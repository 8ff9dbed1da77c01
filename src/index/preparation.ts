import { hashInOrder, type Digests } from '../dists/digests.js';
import type { CheckedDist } from '../checks/preflight.js';
import type { PreparedDist } from './upload.js';

export type { CheckedDist } from '../checks/preflight.js';

export interface Preparation {
  /** The dist with its digests, once its hash is done. */
  at(index: number): Promise<PreparedDist>;
  /** Every dist with its digests (signing and the dry run need them all). */
  all(): Promise<PreparedDist[]>;
  /** Settles when every hash has finished, whether or not anyone awaited it. */
  settled: Promise<unknown>;
}

/**
 * Starts hashing the checked dists one after the other, in their order, in the background: an upload
 * waits only for its own file while later files are hashed during earlier uploads. `onHashed` sees
 * each file's digests as they come, in order.
 */
export function prepareInBackground(
  checked: CheckedDist[],
  onHashed: (index: number, digests: Digests) => void,
): Preparation {
  const hashes = hashInOrder(checked.map(({ dist }) => dist));
  const noted = hashes.map((digests, index) =>
    digests.then((value) => {
      onHashed(index, value);
    }),
  );
  const prepared: (PreparedDist | undefined)[] = checked.map(() => undefined);
  const at = async (index: number): Promise<PreparedDist> =>
    (prepared[index] ??= { ...checked[index]!, digests: await hashes[index]! });
  return {
    at,
    all: () => Promise.all(checked.map((_, index) => at(index))),
    settled: Promise.allSettled(noted),
  };
}
