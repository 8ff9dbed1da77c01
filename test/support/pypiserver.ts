// pypiserver, from the Python registry, as an independent real index: password mode, htpasswd auth.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { venvBin } from './python-env.ts';

export interface PypiServer {
  url: string;
  packagesDir: string;
  user: string;
  password: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => {
        resolve(port);
      });
    });
    server.on('error', reject);
  });
}

export async function startPypiServer(): Promise<PypiServer> {
  const root = await mkdtemp(join(tmpdir(), 'pypiserver-'));
  const packagesDir = join(root, 'packages');
  const htpasswd = join(root, 'htpasswd');
  const user = 'alice';
  const password = 'correct horse battery staple';
  await promisify(execFile)(venvBin('python'), [
    '-c',
    'import os, sys; from passlib.apache import HtpasswdFile; os.makedirs(sys.argv[2]); h = HtpasswdFile(sys.argv[1], new=True); h.set_password(sys.argv[3], sys.argv[4]); h.save()',
    htpasswd,
    packagesDir,
    user,
    password,
  ]);
  const port = await freePort();
  const child: ChildProcess = spawn(
    venvBin('pypi-server'),
    ['run', '-i', '127.0.0.1', '-p', String(port), '-a', 'update', '-P', htpasswd, '--disable-fallback', packagesDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pypiserver exited early:\n${output}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`pypiserver did not answer within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    packagesDir,
    user,
    password,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill();
      }),
  };
}
