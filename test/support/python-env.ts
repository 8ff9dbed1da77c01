// Python tools for the tests and the demo, installed from the Python registry into the git-ignored
// .venv, and real dists built from the projects in test/fixtures/projects by `python -m build`.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const VENV = join(ROOT, '.venv');
export const CACHE = join(ROOT, '.cache');
const REQUIREMENTS = join(ROOT, 'test/python/requirements.txt');
const PROJECTS = join(ROOT, 'test/fixtures/projects');

export function venvBin(tool: string): string {
  return process.platform === 'win32' ? join(VENV, 'Scripts', `${tool}.exe`) : join(VENV, 'bin', tool);
}

async function systemPython(): Promise<string> {
  for (const candidate of ['python3', 'python']) {
    try {
      await run(candidate, ['--version']);
      return candidate;
    } catch {
      // try the next name
    }
  }
  throw new Error('Python 3 was not found on PATH (tried python3 and python); the tests build real dists with it.');
}

/** Creates .venv and installs test/python/requirements.txt when it changed since the last install. */
export async function ensurePythonEnv(log: (message: string) => void = () => undefined): Promise<void> {
  const requirements = await readFile(REQUIREMENTS);
  const stamp = join(VENV, '.requirements-sha256');
  const wanted = createHash('sha256').update(requirements).digest('hex');
  if (existsSync(stamp) && (await readFile(stamp, 'utf8')) === wanted) return;
  if (!existsSync(venvBin('python'))) {
    log('Creating .venv for the Python tools the tests use …');
    await run(await systemPython(), ['-m', 'venv', VENV]);
  }
  log('Installing build, hatchling, setuptools, twine and pypiserver into .venv …');
  await run(venvBin('python'), ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', '-r', REQUIREMENTS], {
    maxBuffer: 16 << 20,
  });
  await writeFile(stamp, wanted);
}

async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (current: string): Promise<void> => {
    for (const entry of (await readdir(current, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else
        hash
          .update(relative(dir, path))
          .update('\0')
          .update(await readFile(path))
          .update('\0');
    }
  };
  await walk(dir);
  return hash.digest('hex');
}

/** Builds a fixture project's wheel and sdist with `python -m build` (cached by the project's content). */
export async function buildFixture(project: string): Promise<string> {
  const source = join(PROJECTS, project);
  const key = createHash('sha256')
    .update(await hashTree(source))
    .update(await readFile(REQUIREMENTS))
    .digest('hex')
    .slice(0, 16);
  const out = join(CACHE, 'dists', `${project}-${key}`);
  if (existsSync(join(out, '.complete'))) return out;
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  // Build from a copy so that build artefacts (build/, *.egg-info) never land in the source tree.
  const work = join(CACHE, 'build-src', `${project}-${key}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(dirname(work), { recursive: true });
  await copyTree(source, work);
  await run(venvBin('python'), ['-m', 'build', '--no-isolation', '--outdir', out, work], { maxBuffer: 16 << 20 });
  await rm(work, { recursive: true, force: true });
  await writeFile(join(out, '.complete'), '');
  return out;
}

async function copyTree(from: string, to: string): Promise<void> {
  const { cp } = await import('node:fs/promises');
  await cp(from, to, { recursive: true });
}

export const FIXTURE_PROJECTS = ['sampleproject', 'legacy-meta', 'meta23', 'setuptools-rst'] as const;
