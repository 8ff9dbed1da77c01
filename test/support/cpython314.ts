// A real CPython 3.14 for the oracles that must judge as PyPI does (Warehouse runs Python 3.14,
// whose e-mail address parser and configparser differ from the test venv's 3.11): Pyodide, the
// CPython interpreter compiled to WebAssembly, from the npm registry. `npm pack` fetches the
// pinned release (6.5 MB) once; its integrity is checked against the pin and the files it needs
// are unpacked into the git-ignored .cache. The venv's pure-Python packages (packaging,
// email-validator, …) are mounted into it, so an oracle imports the same versions either way.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CACHE, ROOT, venvBin } from './python-env.ts';

const run = promisify(execFile);

/** The pinned release: pyodide 314.0.8 carries CPython 3.14.2. */
export const PYODIDE = {
  version: '314.0.8',
  integrity: 'sha512-74Wq1kXOC+CCEzAfxuRAO701nAcCMLjf8NrwvWpu8S41dVMXwXmLQ05dYB+F4e46AdnGo0oq7YHSVUpHsoarLQ==',
  python: '3.14.2',
};
const FILES = [
  'package.json',
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];
const HOME = join(CACHE, `pyodide-${PYODIDE.version}`);
const RUNNER = join(ROOT, 'test/support/cpython314-runner.mjs');

/** The folder holding pyodide.mjs and the interpreter, fetched and checked on first use. */
export async function ensureCPython314(log: (message: string) => void = () => undefined): Promise<string> {
  const stamp = join(HOME, '.complete');
  if (existsSync(stamp)) return HOME;
  log(`Fetching pyodide@${PYODIDE.version} (CPython ${PYODIDE.python}) from the npm registry into .cache …`);
  await rm(HOME, { recursive: true, force: true });
  await mkdir(CACHE, { recursive: true });
  const download = await mkdtemp(join(CACHE, 'pyodide-download-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const { stdout } = await run(
      npm,
      ['pack', `pyodide@${PYODIDE.version}`, '--pack-destination', download, '--json', '--silent'],
      { cwd: download, maxBuffer: 16 << 20, shell: process.platform === 'win32' },
    );
    const [packed] = JSON.parse(stdout) as [{ filename: string }];
    const tarball = join(download, packed.filename);
    const integrity = `sha512-${createHash('sha512')
      .update(await readFile(tarball))
      .digest('base64')}`;
    if (integrity !== PYODIDE.integrity) {
      throw new Error(`pyodide@${PYODIDE.version} from the registry has integrity ${integrity}, not the pinned one`);
    }
    await mkdir(HOME, { recursive: true });
    await run('tar', ['-xzf', tarball, '-C', HOME, '--strip-components=1', ...FILES.map((f) => `package/${f}`)]);
    const lock = JSON.parse(await readFile(join(HOME, 'pyodide-lock.json'), 'utf8')) as { info: { python: string } };
    if (lock.info.python !== PYODIDE.python) {
      throw new Error(`pyodide@${PYODIDE.version} carries Python ${lock.info.python}, not ${PYODIDE.python}`);
    }
    await writeFile(stamp, `${PYODIDE.version} ${PYODIDE.integrity}\n`);
    return HOME;
  } finally {
    await rm(download, { recursive: true, force: true });
  }
}

let sitePackages: Promise<string> | undefined;

/** The test venv's directory of pure-Python packages. */
function venvSitePackages(): Promise<string> {
  sitePackages ??= run(venvBin('python'), ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])']).then(
    ({ stdout }) => stdout.trim(),
  );
  return sitePackages;
}

/**
 * Runs a Python script of the repository under CPython 3.14 (`python script < input`), with the
 * repository and the venv's packages visible at their own paths; returns what it printed.
 */
export async function runCPython314(script: string, input: string): Promise<string> {
  const home = await ensureCPython314();
  const request = JSON.stringify({ home, script, input, paths: [ROOT, await venvSitePackages()] });
  return await new Promise<string>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [RUNNER],
      { maxBuffer: 64 << 20, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${script} under CPython 3.14 failed:\n${stderr || error.message}`));
        else resolve(stdout);
      },
    );
    child.stdin!.end(request);
  });
}
