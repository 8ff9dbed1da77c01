import { ensureCPython314 } from './cpython314.ts';
import { buildFixture, ensurePythonEnv, FIXTURE_PROJECTS } from './python-env.ts';
import { ensureWarehousePackaging } from './warehouse-pins.ts';

/** Installs the Python tools, fetches CPython 3.14 and builds the fixture dists once, before any test file runs. */
export default async function setup(): Promise<void> {
  const started = Date.now();
  const log = (message: string): void => void process.stdout.write(`${message}\n`);
  await ensurePythonEnv(log);
  await Promise.all([
    ensureCPython314(log),
    ensureWarehousePackaging(log),
    ...FIXTURE_PROJECTS.map((project) => buildFixture(project)),
  ]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Python tools, CPython 3.14, Warehouse's packaging and fixture dists ready (${seconds} s)\n`);
}
