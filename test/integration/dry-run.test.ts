// dry-run: the plan against the local index over real HTTP, with real dists; nothing is uploaded.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/action-runner.ts';
import { makeTarGz, metadataText } from '../support/archives.ts';
import { startLocalIndex, type LocalIndex } from '../support/local-index.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';
import { closedPort } from '../support/ports.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

let dists: Record<string, string[]> = {};
let index: LocalIndex | undefined;

beforeAll(async () => {
  const projects = ['sampleproject', 'legacy-meta', 'meta23', 'setuptools-rst'];
  dists = Object.fromEntries(await Promise.all(projects.map(async (p) => [p, await fixtureDists(p)] as const)));
});

afterEach(async () => {
  await index?.close();
  index = undefined;
});

async function startIndex(options: Parameters<typeof startLocalIndex>[0] = {}): Promise<LocalIndex> {
  index = await startLocalIndex({
    publisher: {
      repository: 'octo-org/sampleproject',
      repositoryOwnerId: '1234567',
      workflow: 'release.yml',
      projects: ['sampleproject', 'legacy-meta-project', 'meta23', 'setuptools-rst-demo'],
    },
    apiTokens: ['pypi-local-api-token'],
    ...options,
  });
  return index;
}

const oidc = (idx: LocalIndex) => ({ ...idx.github, eventName: 'push' });
const noOidc = { requestUrl: undefined, requestToken: undefined, eventName: 'push' };
const inputsFor = (idx: LocalIndex, dir: string, extra: Record<string, string> = {}) => ({
  'repository-url': idx.uploadUrl,
  'check-url': `${idx.origin}/simple/`,
  'packages-dir': dir,
  ...extra,
});
const file = (project: string, suffix: string) => dists[project].find((d) => d.endsWith(suffix))!;
const planLine = (log: string[], filename: string) => log.find((l) => l.startsWith(`info:   ${filename} (`)) ?? '';
const wasUploadSent = (idx: LocalIndex) => idx.requests.some((r) => r.path.startsWith('/legacy'));

describe('dry run', () => {
  it('plans new, identical, conflicting, closed-release and second-sdist files, and sends no upload', async () => {
    const idx = await startIndex();
    const sampleWheel = file('sampleproject', '.whl');
    idx.seed(basename(sampleWheel), await readFile(sampleWheel));
    idx.seed('sampleproject-1.0.0.tar.gz', Buffer.from('other bytes under the same name'));
    idx.seed(
      'legacy_meta_project-2.1.0rc1-cp312-cp312-manylinux_2_17_x86_64.whl',
      Buffer.from('an older file of the release'),
      new Date(Date.now() - 30 * DAY_MS),
    );
    idx.seed('setuptools-rst-demo-0.9.1.tar.gz', Buffer.from('another sdist of the release'));
    const dir = await packagesDir(Object.values(dists).flat());

    const result = await runInProcess(inputsFor(idx, dir, { 'dry-run': 'true' }), oidc(idx));

    expect(wasUploadSent(idx)).toBe(false);
    expect(idx.uploads).toHaveLength(0);
    expect(planLine(result.log, 'meta23-0.3.0.post1-py3-none-any.whl')).toMatch(/: would upload: new file$/);
    expect(planLine(result.log, 'meta23-0.3.0.post1.tar.gz')).toMatch(/: would upload: new file$/);
    expect(planLine(result.log, 'sampleproject-1.0.0-py3-none-any.whl')).toContain(
      'would skip: the index has this file with the same sha256',
    );
    expect(planLine(result.log, 'sampleproject-1.0.0.tar.gz')).toMatch(
      /would FAIL: the index has sampleproject-1\.0\.0\.tar\.gz with different content \(its sha256 is [0-9a-f]{64}\).*bump the version/,
    );
    for (const name of ['legacy_meta_project-2.1.0rc1-py3-none-any.whl', 'legacy_meta_project-2.1.0rc1.tar.gz']) {
      expect(planLine(result.log, name)).toMatch(
        /would FAIL: Legacy.Meta_Project 2\.1\.0rc1 was released on \d{4}-\d\d-\d\d \(30 days ago\), and PyPI refuses new files for releases older than 14 days/,
      );
    }
    expect(planLine(result.log, 'setuptools_rst_demo-0.9.1.tar.gz')).toContain(
      'would FAIL: only one sdist may be uploaded per release, and Setuptools-RST.Demo 0.9.1 has setuptools-rst-demo-0.9.1.tar.gz already',
    );
    expect(planLine(result.log, 'setuptools_rst_demo-0.9.1-py3-none-any.whl')).toContain('would upload');
    // Each plan line names size and sha256.
    expect(planLine(result.log, 'meta23-0.3.0.post1.tar.gz')).toMatch(/\(\d+ bytes, sha256 [0-9a-f]{64}\)/);

    // The real run would fail, so the dry run does: its exit code says so.
    expect(result.error?.message).toMatch(/^Dry run: The real run would FAIL \(3 to upload, 1 to skip, 4 to fail\)/);
    expect(result.error?.message).toContain('- sampleproject-1.0.0.tar.gz: the index has');
    expect(result.summary).toContain('### Dry run: publishing to');
    expect(result.summary).toContain('| sampleproject-1.0.0-py3-none-any.whl |');
    expect(result.summary).toContain('⏭️ would skip');
    expect(result.summary).toContain('❌ would fail');
    expect(result.summary).toContain('⬆️ would upload');
    expect(result.summary).not.toContain('### Publishing to');
    expect(JSON.parse(result.outputs.uploaded)).toEqual([]);
  });

  it('passes when the real run would, exchanging the OIDC token and burning it at once', async () => {
    const idx = await startIndex();
    const dir = await packagesDir(dists.meta23);
    const result = await runInProcess(inputsFor(idx, dir, { 'dry-run': 'true' }), oidc(idx));

    expect(result.error).toBeUndefined();
    expect(wasUploadSent(idx)).toBe(false);
    expect(idx.mints.map((m) => m.status)).toEqual([200]);
    expect(idx.burns).toEqual([{ status: 202, known: true }]);
    expect(idx.liveTokens).toBe(0);
    expect(result.log).toContain(
      `info:   Authentication: works: trusted publishing: ${new URL(idx.uploadUrl).host} exchanged this job's OIDC token for an upload token (revoked again at once)`,
    );
    expect(result.log).toContain('info: The real run would succeed (2 to upload, 0 to skip, 0 to fail).');
    expect(result.log.some((l) => l.startsWith('info:   Attestations: '))).toBe(true);
    expect(result.summary).toContain(
      '**The real run would succeed (2 to upload, 0 to skip, 0 to fail).** Nothing was uploaded.',
    );
    // The minted token was masked before anything else, and nothing is left for the post step.
    expect(result.secrets.some((s) => s.startsWith('pypi-'))).toBe(true);
    expect(result.state['upload-tokens']).toBe('');
  });

  it('says the token exchange was not tried when the job has no OIDC environment', async () => {
    const idx = await startIndex();
    const dir = await packagesDir(dists.meta23);
    const result = await runInProcess(inputsFor(idx, dir, { 'dry-run': 'true' }), noOidc);

    expect(result.error).toBeUndefined();
    expect(idx.requests.some((r) => r.path.startsWith('/_/oidc/'))).toBe(false);
    // It does not claim to be exchanging a token it cannot have.
    expect(result.log.filter((l) => l.includes('Exchanging'))).toEqual([]);
    expect(result.log.find((l) => l.startsWith('info:   Authentication:'))).toContain(
      'not tried: trusted publishing, but this job has no OIDC environment',
    );
    expect(result.log).toContain(
      'info: The real run would succeed (2 to upload, 0 to skip, 0 to fail), if authentication works (not tried).',
    );
  });

  it('fails when the token exchange is refused, and names the mismatch', async () => {
    const idx = await startIndex({ claims: { repository: 'someone-else/fork' } });
    const dir = await packagesDir(dists.meta23);
    const result = await runInProcess(inputsFor(idx, dir, { 'dry-run': 'true' }), oidc(idx));

    expect(wasUploadSent(idx)).toBe(false);
    expect(result.error?.message).toMatch(
      /^Dry run: The real run would FAIL \(2 to upload, 0 to skip, 0 to fail; authentication fails\)/,
    );
    expect(result.error?.message).toContain('- authentication: ');
    expect(result.log.find((l) => l.startsWith('info:   Authentication:'))).toContain('FAILS');
  });

  it('reports what it could not compare on an index whose simple API is unknown', async () => {
    const idx = await startIndex();
    const dir = await packagesDir(dists.meta23);
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': dir, 'dry-run': 'true' },
      noOidc,
    );
    expect(result.error).toBeUndefined();
    expect(planLine(result.log, 'meta23-0.3.0.post1.tar.gz')).toContain(
      "would upload: not compared with the index: the index's simple API is not known for this repository-url: set 'check-url'",
    );
    expect(idx.requests).toHaveLength(0);
  });

  it('says the index was not reached, and what that leaves unknown, instead of promising success', async () => {
    const dir = await packagesDir(dists.meta23);
    const port = await closedPort();
    const result = await runInProcess(
      {
        'repository-url': `http://127.0.0.1:${port}/legacy/`,
        'check-url': `http://127.0.0.1:${port}/simple/`,
        'packages-dir': dir,
        'dry-run': 'true',
      },
      noOidc,
      { retry: { baseDelayMs: 1, maxDelayMs: 1, totalMs: 1_000 } },
    );
    expect(result.error).toBeUndefined();
    const verdictLine = result.log.at(-1) ?? '';
    expect(verdictLine).not.toContain('would succeed');
    expect(verdictLine).toContain('The index could not be reached, so this plan (2 to upload, 0 to skip, 0 to fail)');
    expect(verdictLine).toContain('whether the index already has any of them');
    expect(verdictLine).toContain('and authentication was not tried');
    expect(result.log.find((l) => l.startsWith('info:   Index: not reached:'))).toContain(
      `127.0.0.1:${port}/simple/meta23/`,
    );
    expect(result.summary).toContain('**Index:** not reached');
    // One project, asked once (with its retries); the release's JSON API is not asked after that.
    expect(result.log.filter((l) => l.includes('Looking up meta23 0.3.0.post1'))).toEqual([]);
  });

  it('does not ask the index for a token with a password, and says why authentication is not checked', async () => {
    const idx = await startIndex();
    const dir = await packagesDir(dists.meta23);
    const result = await runInProcess(
      inputsFor(idx, dir, { 'dry-run': 'true', password: 'pypi-local-api-token' }),
      noOidc,
    );
    expect(result.error).toBeUndefined();
    expect(idx.requests.some((r) => r.path.startsWith('/_/oidc/'))).toBe(false);
    expect(result.log.find((l) => l.startsWith('info:   Authentication:'))).toContain(
      "not tried: with a password (user '__token__'), the index checks the token only when a file is uploaded",
    );
    expect(result.log.find((l) => l.startsWith('info:   Attestations:'))).toContain('need trusted publishing');
  });
});

describe('two sdists of one release in packages-dir (1.0 and 1.0.0: one release for PEP 440)', () => {
  const sdist = (version: string) =>
    makeTarGz([
      {
        name: `meta23-${version}/PKG-INFO`,
        data: metadataText({ 'Metadata-Version': '2.1', Name: 'meta23', Version: version, Summary: 'test' }),
      },
      // A second member: PyPI takes the path all members share for the top-level folder.
      { name: `meta23-${version}/setup.cfg`, data: '' },
    ]);
  const files = { 'meta23-1.0.tar.gz': sdist('1.0'), 'meta23-1.0.0.tar.gz': sdist('1.0.0') };
  const refusal =
    'meta23-1.0.tar.gz is a second sdist of meta23 1.0, after meta23-1.0.0.tar.gz: PyPI takes only one sdist per release.';

  it.each([
    ['dry run', 'true'],
    ['real run', 'false'],
  ])('the %s refuses them before anything is sent, with the same words', async (_run, dryRun) => {
    const idx = await startIndex();
    const result = await runInProcess(inputsFor(idx, await packagesDir([], files), { 'dry-run': dryRun }), oidc(idx));
    expect(result.error?.message).toContain(refusal);
    expect((result.error as { hint?: string }).hint).toContain(
      'Keep one of meta23-1.0.0.tar.gz and meta23-1.0.tar.gz in packages-dir',
    );
    expect(wasUploadSent(idx)).toBe(false);
    expect(idx.files.size).toBe(0);
  });
});

describe('a real run against a closed release', () => {
  it('is refused by the index, and the hint says to publish a new version, as the dry run predicted', async () => {
    const idx = await startIndex();
    idx.seed(
      'meta23-0.3.0.post1-cp312-cp312-manylinux_2_17_x86_64.whl',
      Buffer.from('an older file of the release'),
      new Date(Date.now() - 20 * DAY_MS),
    );
    const dir = await packagesDir(dists.meta23);
    const planned = await runInProcess(inputsFor(idx, dir, { 'dry-run': 'true' }), oidc(idx));
    expect(planned.error?.message).toContain('PyPI refuses new files for releases older than 14 days');

    const result = await runInProcess(inputsFor(idx, dir), oidc(idx));
    expect(result.error?.message).toContain(
      'refused meta23-0.3.0.post1-py3-none-any.whl: 400 Bad Request: Uploading new files to releases older than 14 days is not allowed.',
    );
    expect((result.error as { hint?: string }).hint).toContain("Publish these files as a new version of 'meta23'");
    expect(idx.files.size).toBe(1);
  });
});

describe('under act (ACT=true)', () => {
  it('becomes a dry run without OIDC variables or a password, with a notice saying why and how to upload for real', async () => {
    const idx = await startIndex();
    const dir = await packagesDir(dists.meta23);
    const result = await runInProcess(inputsFor(idx, dir), noOidc, undefined, { ...process.env, ACT: 'true' });

    expect(result.error).toBeUndefined();
    expect(wasUploadSent(idx)).toBe(false);
    const notice = result.log.find((l) => l.startsWith('notice: Running under act'));
    expect(notice).toContain('so this is a dry run');
    expect(notice).toContain('`password`');
    expect(notice).toContain('--env ACTIONS_ID_TOKEN_REQUEST_URL=');
    expect(result.log.some((l) => l.includes('id-token: write') && l.startsWith('error:'))).toBe(false);
    expect(result.summary).toContain('> Running under act');
  });

  it('uploads for real when OIDC variables are supplied', async () => {
    const idx = await startIndex();
    const dir = await packagesDir(dists.meta23);
    const result = await runInProcess(inputsFor(idx, dir), oidc(idx), undefined, { ...process.env, ACT: 'true' });
    expect(result.error).toBeUndefined();
    expect([...idx.files.keys()].sort()).toEqual(dists.meta23.map((d) => basename(d)).sort());
    expect(result.log.some((l) => l.startsWith('notice: Running under act'))).toBe(false);
  });

  it('uploads for real with a password', async () => {
    const idx = await startIndex();
    const dir = await packagesDir(dists.meta23);
    const result = await runInProcess(inputsFor(idx, dir, { password: 'pypi-local-api-token' }), noOidc, undefined, {
      ...process.env,
      ACT: 'true',
    });
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(2);
  });

  it('outside act, a run without OIDC still fails with the id-token advice', async () => {
    const idx = await startIndex();
    const dir = await packagesDir(dists.meta23);
    const result = await runInProcess(inputsFor(idx, dir), noOidc);
    expect(result.error?.message).toContain(
      'ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set',
    );
  });
});
