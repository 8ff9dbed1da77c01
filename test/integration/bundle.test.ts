// dist/index.js as the runner runs it (INPUT_* variables, output and summary files), under Node 24
// (the action's runtime) and Node 20 (what act's images may carry); and dist/ is current.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runBundle } from '../support/bundle-runner.ts';
import { startLocalIndex, type LocalIndex } from '../support/local-index.ts';
import { ensureNode20, node24Binary } from '../support/node-runtimes.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';
import { ROOT } from '../support/python-env.ts';
import { startSigstore, type TestSigstore } from '../support/sigstore/sigstore.ts';
import { build } from '../../scripts/build.ts';

const runtimes: [string, () => Promise<string>][] = [
  ['24', async () => node24Binary()],
  ['20', ensureNode20],
];

let index: LocalIndex | undefined;
let sigstore: TestSigstore | undefined;
afterEach(async () => {
  await index?.close();
  await sigstore?.close();
  index = undefined;
  sigstore = undefined;
});

describe.each(runtimes)('dist/index.js on Node %s', (major, binary) => {
  it('runs on the expected Node major', async () => {
    const { stdout } = await promisify(execFile)(await binary(), ['--version']);
    expect(stdout.trim()).toMatch(new RegExp(`^v${major}\\.`));
  });

  it('publishes with trusted publishing and writes outputs and the job summary', async () => {
    index = await startLocalIndex({
      publisher: {
        repository: 'octo-org/sampleproject',
        repositoryOwnerId: '1234567',
        workflow: 'release.yml',
        projects: ['sampleproject'],
      },
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
      publisher: {
        repository: 'octo-org/sampleproject',
        repositoryOwnerId: '1234567',
        workflow: 'release.yml',
        projects: ['sampleproject'],
      },
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

  it('fails with an ::error:: line and exit code 1', async () => {
    const run = await runBundle(await binary(), { 'packages-dir': join(tmpdir(), 'surely-missing-dir') }, {});
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `::error::The packages directory '${join(tmpdir(), 'surely-missing-dir')}' does not exist.`,
    );
  });
});

describe('dist/ is current', () => {
  it('rebuilding from src/ gives the committed dist/ byte for byte', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'build-')), 'dist');
    await build(out);
    const built = (await readdir(out)).sort();
    expect((await readdir(join(ROOT, 'dist'))).sort()).toEqual(built);
    for (const file of built) {
      const same = (await readFile(join(out, file))).equals(await readFile(join(ROOT, 'dist', file)));
      expect(same, `dist/${file} is stale: run \`npm run build\` and commit dist/`).toBe(true);
    }
  }, 120_000);
});
