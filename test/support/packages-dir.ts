import { copyFile, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildFixture } from './python-env.ts';

/** The real wheel and sdist that `python -m build` made for a fixture project (built once, in global setup). */
export async function fixtureDists(project: string): Promise<string[]> {
  const dir = await buildFixture(project);
  return (await readdir(dir)).filter((f) => f.endsWith('.whl') || f.endsWith('.tar.gz')).map((f) => join(dir, f));
}

/** A fresh packages-dir holding copies of the given files and the given hand-written ones. */
export async function packagesDir(copies: string[], written: Record<string, string | Buffer> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'packages-'));
  for (const path of copies) await copyFile(path, join(dir, basename(path)));
  for (const [name, data] of Object.entries(written)) await writeFile(join(dir, name), data);
  return dir;
}
