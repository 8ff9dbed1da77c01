// `npm run refresh-classifiers` (and `npm run refresh-spdx`): runs scripts/refresh-classifiers.py (or
// the script named as the argument) with the test virtualenv's Python, created by the test setup
// from test/python/requirements.txt, which pins trove-classifiers and packaging.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const python =
  process.platform === 'win32' ? join(root, '.venv', 'Scripts', 'python.exe') : join(root, '.venv', 'bin', 'python');
if (!existsSync(python)) {
  console.error(`${python} does not exist; run the tests once (npm test) to create .venv, then retry.`);
  process.exit(1);
}
const script = process.argv[2] ?? 'refresh-classifiers.py';
const result = spawnSync(python, [join(root, 'scripts', script)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
