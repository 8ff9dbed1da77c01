// `npm run fuzz [iterations] [seed]`: the fuzz test of test/hostile at length (default 100,000
// mutations, a seed from the clock, printed so that a failure can be replayed).
import { spawnSync } from 'node:child_process';

const iterations = process.argv[2] ?? '100000';
const seed = process.argv[3] ?? String(Date.now() % 2 ** 31);
console.log(`fuzzing pre-flight: ${iterations} mutations, seed ${seed}`);
const result = spawnSync('npx', ['vitest', 'run', 'test/hostile/fuzz.test.ts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, FUZZ_ITERATIONS: iterations, FUZZ_SEED: seed },
});
process.exit(result.status ?? 1);
