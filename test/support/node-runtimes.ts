// The Node runtimes the bundle is run under: 24 (the action's runtime, node@24 from npm) and 20
// (what `act` images may carry), installed from the npm registry into .cache when first needed.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CACHE, ROOT } from './python-env.ts';

const run = promisify(execFile);

function platformPackage(major: number): string {
  const os = process.platform === 'win32' ? 'win' : process.platform;
  return `node-${os}-${process.arch}@${major}`;
}

export function nodeBinary(prefix: string): string {
  const name = platformPackage(0).replace(/@0$/, '');
  return process.platform === 'win32'
    ? join(prefix, 'node_modules', name, 'bin', 'node.exe')
    : join(prefix, 'node_modules', name, 'bin', 'node');
}

/** Path to a Node 20 binary, installing it into .cache/node20 on first use. */
export async function ensureNode20(): Promise<string> {
  const prefix = join(CACHE, 'node20');
  const binary = nodeBinary(prefix);
  if (existsSync(binary)) return binary;
  await mkdir(prefix, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await run(
    npm,
    ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', platformPackage(20)],
    { cwd: ROOT, maxBuffer: 16 << 20 },
  );
  if (!existsSync(binary)) throw new Error(`npm installed ${platformPackage(20)} but ${binary} is missing`);
  return binary;
}

/** Node 24: the node@24 devDependency, which npm scripts put first on PATH. */
export function node24Binary(): string {
  const local = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');
  return existsSync(local) ? local : process.execPath;
}
