// The packaging release PyPI runs, beside the venv's newer one: Warehouse's requirements/main.txt
// pins packaging 26.2 (with this hash; its latest public state, 2026-08-21), and its
// License-Expression rules differ from 26.3's. The metadata oracle loads its licenses module beside
// the venv's packaging. Installed once from the Python registry, hash-checked, into the git-ignored
// .cache.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CACHE, venvBin } from './python-env.ts';

export const WAREHOUSE_PACKAGING = {
  version: '26.2',
  sha256: '5fc45236b9446107ff2415ce77c807cee2862cb6fac22b8a73826d0693b0980e',
};

export const WAREHOUSE_PACKAGING_DIR = join(CACHE, `warehouse-packaging-${WAREHOUSE_PACKAGING.version}`);

/** The folder holding Warehouse's packaging release, installed on first use. */
export async function ensureWarehousePackaging(log: (message: string) => void = () => undefined): Promise<string> {
  const stamp = join(WAREHOUSE_PACKAGING_DIR, '.complete');
  if (existsSync(stamp)) return WAREHOUSE_PACKAGING_DIR;
  log(`Installing packaging ${WAREHOUSE_PACKAGING.version} (Warehouse's pin) into .cache …`);
  await rm(WAREHOUSE_PACKAGING_DIR, { recursive: true, force: true });
  await mkdir(WAREHOUSE_PACKAGING_DIR, { recursive: true });
  const requirements = join(WAREHOUSE_PACKAGING_DIR, 'requirements.txt');
  await writeFile(
    requirements,
    `packaging==${WAREHOUSE_PACKAGING.version} --hash=sha256:${WAREHOUSE_PACKAGING.sha256}\n`,
  );
  await promisify(execFile)(
    venvBin('python'),
    [
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '-q',
      '--no-deps',
      '--require-hashes',
      '--only-binary',
      ':all:',
      '--target',
      join(WAREHOUSE_PACKAGING_DIR, 'lib'),
      '-r',
      requirements,
    ],
    { maxBuffer: 16 << 20 },
  );
  await writeFile(stamp, `${WAREHOUSE_PACKAGING.version}\n`);
  return WAREHOUSE_PACKAGING_DIR;
}

/** Where `import packaging` finds Warehouse's release. */
export const warehousePackagingPath = (): string => join(WAREHOUSE_PACKAGING_DIR, 'lib');
