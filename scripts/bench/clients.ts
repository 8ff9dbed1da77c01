// The four clients the benchmark runs, as command lines: this action's bundle, uv publish (trusted
// publishing itself), twine upload (with a token minted beforehand) and curl posting the same
// multipart bodies (the wire ceiling, also with a token minted beforehand).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { basename, join } from 'node:path';
import { createBLAKE2b } from 'hash-wasm';
import { metadata } from './workloads.ts';

export type ClientName = 'action' | 'uv' | 'twine' | 'curl';
export const CLIENTS: ClientName[] = ['action', 'uv', 'twine', 'curl'];

export interface Target {
  /** https://127.0.0.1:<port>, the index itself or the relay in front of it. */
  origin: string;
  caFile: string;
  github: { requestUrl: string; requestToken: string };
}

export interface Invocation {
  command: string;
  args: string[];
  env: Record<string, string>;
}

export interface ClientSetup {
  root: string;
  node: string;
  venvBin: (tool: string) => string;
  cache: string;
}

export function dists(dir: string, names: string[]): string[] {
  // Wheels first, as twine and uv upload them (and the action does).
  return names
    .filter((n) => n.endsWith('.whl') || n.endsWith('.tar.gz'))
    .sort((a, b) => Number(a.endsWith('.tar.gz')) - Number(b.endsWith('.tar.gz')) || (a < b ? -1 : a > b ? 1 : 0))
    .map((n) => join(dir, n));
}

export async function invocation(
  client: ClientName,
  setup: ClientSetup,
  target: Target,
  dir: string,
  token: string | undefined,
  outputFile: string,
): Promise<Invocation> {
  const files = dists(dir, await readdir(dir));
  const uploadUrl = `${target.origin}/legacy/`;
  const githubEnv = {
    ACTIONS_ID_TOKEN_REQUEST_URL: target.github.requestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: target.github.requestToken,
  };
  switch (client) {
    case 'action':
      return {
        command: setup.node,
        args: [join(setup.root, 'dist/index.js')],
        env: {
          ...githubEnv,
          'INPUT_REPOSITORY-URL': uploadUrl,
          'INPUT_PACKAGES-DIR': dir,
          INPUT_ATTESTATIONS: 'false',
          GITHUB_OUTPUT: outputFile,
          NODE_EXTRA_CA_CERTS: target.caFile,
        },
      };
    case 'uv':
      return {
        command: setup.venvBin('uv'),
        args: ['publish', '--trusted-publishing', 'always', '--publish-url', uploadUrl, ...files],
        env: {
          ...githubEnv,
          GITHUB_ACTIONS: 'true',
          SSL_CERT_FILE: target.caFile,
          UV_CACHE_DIR: join(setup.cache, 'bench', 'uv-cache'),
          NO_COLOR: '1',
        },
      };
    case 'twine':
      return {
        command: setup.venvBin('twine'),
        args: [
          'upload',
          '--non-interactive',
          '--disable-progress-bar',
          '--repository-url',
          uploadUrl,
          '-u',
          '__token__',
          '-p',
          token!,
          ...files,
        ],
        env: { REQUESTS_CA_BUNDLE: target.caFile },
      };
    case 'curl': {
      const args: string[] = [];
      for (const [i, file] of files.entries()) {
        const body = await multipartBodyFile(setup.cache, file);
        if (i > 0) args.push('--next');
        args.push(
          ...['-sS', '--fail', '--cacert', target.caFile, '-u', `__token__:${token!}`, '-X', 'POST'],
          ...['-H', `content-type: multipart/form-data; boundary=${BOUNDARY}`, '-H', 'Expect:'],
          ...[
            '-H',
            'accept: application/json',
            '-T',
            body,
            '--request-target',
            '/legacy/',
            '-o',
            '/dev/null',
            uploadUrl,
          ],
        );
      }
      return { command: 'curl', args, env: {} };
    }
  }
}

const BOUNDARY = 'bench-0123456789abcdef0123456789abcdef';

/** The body twine would send for the file, written once next to the dists' cache. */
async function multipartBodyFile(cache: string, file: string): Promise<string> {
  const name = basename(file);
  const dir = join(cache, 'bench', 'bodies', basename(join(file, '..')));
  const path = join(dir, `${name}.body`);
  if (existsSync(path)) return path;
  await mkdir(dir, { recursive: true });
  const sha256 = createHash('sha256');
  const blake = await createBLAKE2b(256);
  blake.init();
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    sha256.update(chunk);
    blake.update(chunk);
  }
  const wheel = name.endsWith('.whl');
  const meta = metadata();
  const split = meta.indexOf('\n\n');
  const head = meta.slice(0, split);
  const description = meta.slice(split + 2);
  const fields: [string, string][] = head.split('\n').map((line) => {
    const [key = '', value = ''] = line.split(/: (.*)/s);
    const formName = key === 'Classifier' ? 'classifiers' : key.toLowerCase().replace(/-/g, '_');
    return [formName, value];
  });
  fields.push(
    ['description', description],
    ['pyversion', wheel ? name.split('-')[2] : 'source'],
    ['filetype', wheel ? 'bdist_wheel' : 'sdist'],
    ['sha256_digest', sha256.digest('hex')],
    ['blake2_256_digest', blake.digest('hex')],
    [':action', 'file_upload'],
    ['protocol_version', '1'],
  );
  const parts = fields.map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const head2 = `${parts.join('')}--${BOUNDARY}\r\nContent-Disposition: form-data; name="content"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  await writeFile(
    path,
    Buffer.concat([Buffer.from(head2), await readFile(file), Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
  );
  return path;
}
