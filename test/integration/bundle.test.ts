// The action's steps as the runner runs them (the files action.yml names, INPUT_* variables, output,
// state and summary files), under Node 24 (the action's runtime) and Node 20 (what act's images may
// carry); dist/ is current, and its licenses.txt lists every package bundled.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseOutputFile, runBundle } from '../support/bundle-runner.ts';
import { startLocalIndex, type LocalIndex } from '../support/local-index.ts';
import { ensureNode20, node24Binary } from '../support/node-runtimes.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';
import { ROOT } from '../support/python-env.ts';
import { startSigstore, type TestSigstore } from '../support/sigstore/sigstore.ts';

const runtimes: [string, () => Promise<string>][] = [
  ['24', async () => node24Binary()],
  ['20', ensureNode20],
];

const SAMPLEPROJECT_PUBLISHER = {
  repository: 'octo-org/sampleproject',
  repositoryOwnerId: '1234567',
  workflow: 'release.yml',
  projects: ['sampleproject'],
};

let index: LocalIndex | undefined;
let sigstore: TestSigstore | undefined;
afterEach(async () => {
  await index?.close();
  await sigstore?.close();
  index = undefined;
  sigstore = undefined;
});

describe.each(runtimes)('the action on Node %s', (major, binary) => {
  it('runs on the expected Node major', async () => {
    const { stdout } = await promisify(execFile)(await binary(), ['--version']);
    expect(stdout.trim()).toMatch(new RegExp(`^v${major}\\.`));
  });

  it('publishes with trusted publishing and writes outputs and the job summary', async () => {
    index = await startLocalIndex({
      publisher: SAMPLEPROJECT_PUBLISHER,
    });
    const dists = await fixtureDists('sampleproject');
    const run = await runBundle(
      await binary(),
      { 'repository-url': index.uploadUrl, 'packages-dir': await packagesDir(dists), 'print-hash': 'true' },
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: index.github.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: index.github.requestToken,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Every token is masked through the runner's add-mask command before it could appear anywhere.
    const masks = [...run.stdout.matchAll(/^::add-mask::(.+)$/gm)].map((m) => m[1]);
    expect(masks).toContain(index.github.requestToken);
    expect(masks.some((m) => m.startsWith('pypi-'))).toBe(true);
    const unmaskedLines = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    for (const mask of masks) expect(unmaskedLines.join('\n')).not.toContain(mask);

    expect([...index.files.keys()].sort()).toEqual(dists.map((d) => basename(d)).sort());
    expect(JSON.parse(run.outputs.uploaded)).toHaveLength(2);
    expect(run.outputs.skipped).toBe('[]');
    expect(run.summary).toContain(`### Publishing to ${new URL(index.uploadUrl).host}`);
    expect(run.stdout).toMatch(/sha256: {6}[0-9a-f]{64}/);
  });

  it('signs PEP 740 attestations with sigstore-js (Fulcio and Rekor on 127.0.0.1) and uploads them', async () => {
    index = await startLocalIndex({
      publisher: SAMPLEPROJECT_PUBLISHER,
    });
    sigstore = await startSigstore(index);
    const dists = await fixtureDists('sampleproject');
    const dir = await packagesDir(dists);
    const run = await runBundle(
      await binary(),
      { 'repository-url': index.uploadUrl, 'packages-dir': dir },
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: index.github.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: index.github.requestToken,
        ...sigstore.env,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(sigstore.fulcio.issued).toHaveLength(1);
    expect(sigstore.rekor.entries).toHaveLength(dists.length);
    const paths = JSON.parse(run.outputs.attestations) as string[];
    expect(paths).toHaveLength(dists.length);
    for (const path of dists) {
      const attestations = index.files.get(basename(path))!.attestations;
      expect(attestations).toHaveLength(1);
      const written = paths.find((p) => basename(p) === `${basename(path)}.publish.attestation`)!;
      expect(JSON.parse(await readFile(written, 'utf8'))).toEqual(attestations[0]);
    }
    expect((await readdir(dir)).sort()).toEqual(dists.map((d) => basename(d)).sort());
    expect(run.summary).toContain('| Attestations |');
  });

  it("runs.post revokes the token a failed main step left in the step's state", async () => {
    index = await startLocalIndex({ publisher: SAMPLEPROJECT_PUBLISHER });
    index.override('upload', (_req, res) => {
      res.writeHead(400, 'Invalid distribution file.', { 'content-type': 'text/plain' });
      res.end('400 Invalid distribution file.');
      return true;
    });
    const stateFile = join(await mkdtemp(join(tmpdir(), 'state-')), 'state');
    await writeFile(stateFile, '');
    const oidc = {
      ACTIONS_ID_TOKEN_REQUEST_URL: index.github.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: index.github.requestToken,
    };
    const inputs = {
      'repository-url': index.uploadUrl,
      'packages-dir': await packagesDir(await fixtureDists('sampleproject')),
    };
    const main = await runBundle(await binary(), inputs, { ...oidc, GITHUB_STATE: stateFile });
    expect(main.code).toBe(1);
    expect(index.liveTokens).toBe(1);
    // The runner gives the post step the main step's state as STATE_<name>, and the same inputs.
    const state = parseOutputFile(await readFile(stateFile, 'utf8'));
    const post = await runBundle(
      await binary(),
      inputs,
      { ...oidc, ...Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value])) },
      'post',
    );
    expect(post.stderr).toBe('');
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('Revoked the upload token at ');
    expect(index.burns).toEqual([{ status: 202, known: true }]);
    expect(index.liveTokens).toBe(0);
    expect(index.uploads).toHaveLength(1);
  });

  it('fails with an ::error:: line and exit code 1', async () => {
    const run = await runBundle(await binary(), { 'packages-dir': join(tmpdir(), 'surely-missing-dir') }, {});
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `::error::The packages directory '${join(tmpdir(), 'surely-missing-dir')}' does not exist.`,
    );
  });
});

describe('dist/', () => {
  let scratch = '';
  let out = '';
  let stats: { modules?: StatsModule[] } = {};
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'build-'));
    out = join(scratch, 'dist');
    // The same command as `npm run build`, into a scratch directory, keeping webpack's module list.
    await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/node'),
      ['--disable-warning=ExperimentalWarning', 'scripts/build.ts', out, '--stats', join(scratch, 'stats.json')],
      { cwd: ROOT, maxBuffer: 64 << 20 },
    );
    stats = JSON.parse(await readFile(join(scratch, 'stats.json'), 'utf8')) as typeof stats;
  }, 240_000);
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('is current: rebuilding from src/ gives the committed dist/ byte for byte (post.js and licenses.txt too)', async () => {
    const built = (await readdir(out)).sort();
    expect(built).toEqual(expect.arrayContaining(['index.js', 'post.js', 'licenses.txt']));
    expect((await readdir(join(ROOT, 'dist'))).sort()).toEqual(built);
    for (const file of built) {
      const same = (await readFile(join(out, file))).equals(await readFile(join(ROOT, 'dist', file)));
      expect(same, `dist/${file} is stale: run \`npm run build\` and commit dist/`).toBe(true);
    }
  });

  it('names in action.yml files that exist', async () => {
    const action = await readFile(join(ROOT, 'action.yml'), 'utf8');
    expect(/^ {2}main: (\S+)$/m.exec(action)?.[1]).toBe('dist/index.js');
    expect(/^ {2}post: (\S+)$/m.exec(action)?.[1]).toBe('dist/post.js');
    expect(existsSync(join(ROOT, 'dist/post.js'))).toBe(true);
  });

  it('licenses.txt lists every package whose code is bundled, each with its license text', async () => {
    const listed = licensesListed(await readFile(join(ROOT, 'dist/licenses.txt'), 'utf8'));
    // From webpack's own module list (what ncc bundled), read here independently of scripts/licenses.ts.
    const bundled = new Set<string>();
    const visit = (module: StatsModule): void => {
      const dir = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(module.name ?? '')?.[1];
      if (dir) {
        const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as {
          name: string;
          version: string;
        };
        bundled.add(`${manifest.name} ${manifest.version}`);
      }
      for (const inner of module.modules ?? []) visit(inner);
    };
    for (const module of stats.modules ?? []) visit(module);
    expect([...listed.keys()].sort()).toEqual([...bundled].sort());
    for (const [name, text] of listed) expect(text.length, `${name}'s license text`).toBeGreaterThan(20);
    // The packages ncc's --license once left out (issue 13).
    for (const name of [
      '@actions/core',
      '@actions/http-client',
      '@actions/io',
      '@actions/exec',
      'undici',
      'hash-wasm',
      'tunnel',
    ])
      expect(
        [...listed.keys()].some((key) => key.startsWith(`${name} `)),
        name,
      ).toBe(true);
  });

  it('licenses.txt covers every package the source maps of the committed bundle name', async () => {
    const listed = new Set(
      [...licensesListed(await readFile(join(ROOT, 'dist/licenses.txt'), 'utf8')).keys()].map(
        (key) => key.split(' ')[0],
      ),
    );
    // The bundle's comments are stripped (scripts/build.ts); each chunk's source map lists its modules.
    const named = new Set<string>();
    for (const file of (await readdir(join(ROOT, 'dist'))).filter((f) => f.endsWith('.js.map'))) {
      const { sources } = JSON.parse(await readFile(join(ROOT, 'dist', file), 'utf8')) as { sources: string[] };
      for (const source of sources) {
        const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
        if (match) named.add(match[1]);
      }
    }
    expect(named.size).toBeGreaterThan(5);
    for (const name of named) expect(listed, name).toContain(name);
  });
});

interface StatsModule {
  name?: string;
  modules?: StatsModule[];
}

/** `<name> <version>` → license text, from licenses.txt's `==> name version (license) <==` headers. */
function licensesListed(text: string): Map<string, string> {
  const listed = new Map<string, string>();
  const parts = text.split(/^==> (\S+) (\S+) \(.+\) <==$/m);
  for (let i = 1; i + 2 < parts.length + 1; i += 3)
    listed.set(`${parts[i]} ${parts[i + 1]}`, (parts[i + 2] ?? '').trim());
  return listed;
}
