// A bounded, fixed-seed fuzz run over real dists built by `python -m build`. `npm run fuzz` runs
// this file longer (FUZZ_ITERATIONS, FUZZ_SEED).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import { fixtureDists } from '../support/packages-dir.ts';
import { fuzzPreflight } from './fuzz.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 3000);

it(
  `pre-flight survives ${ITERATIONS} mutations of real wheels and sdists (seed ${SEED})`,
  async () => {
    const paths = [...(await fixtureDists('sampleproject')), ...(await fixtureDists('setuptools-rst'))];
    const dists = await Promise.all(
      paths.map(async (path) => ({ filename: basename(path), bytes: await readFile(path) })),
    );
    const dir = await mkdtemp(join(tmpdir(), 'fuzz-'));
    try {
      const outcome = await fuzzPreflight(dists, ITERATIONS, SEED, dir, 5_000);
      expect(outcome.accepted + outcome.refused).toBe(ITERATIONS);
      // Both kinds happen: the mutations reach past the first check, and most break something.
      expect(outcome.refused).toBeGreaterThan(ITERATIONS / 10);
      expect(outcome.accepted).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  Math.max(240_000, ITERATIONS * 50),
);
