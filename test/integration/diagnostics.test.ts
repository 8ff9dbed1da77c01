// Diagnostics a user sees before and around the exchange, and verify-metadata's report, through
// the whole action against the local index.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, type RecordedRun } from '../support/action-runner.ts';
import { makeWheel, metadataText } from '../support/archives.ts';
import { runBundle } from '../support/bundle-runner.ts';
import { startLocalIndex, type LocalIndex, type LocalIndexOptions } from '../support/local-index.ts';
import { node24Binary } from '../support/node-runtimes.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';

let wheel = '';
let index: LocalIndex | undefined;

beforeAll(async () => {
  wheel = (await fixtureDists('sampleproject')).find((d) => d.endsWith('.whl'))!;
});

afterEach(async () => {
  await index?.close();
  index = undefined;
});

async function start(options: LocalIndexOptions = {}): Promise<LocalIndex> {
  index = await startLocalIndex({
    publisher: {
      repository: 'octo-org/sampleproject',
      repositoryOwnerId: '1234567',
      workflow: 'release.yml',
      projects: ['sampleproject', 'demo'],
    },
    ...options,
  });
  return index;
}

const runnerOf = (idx: LocalIndex, eventName = 'push') => ({
  requestUrl: idx.github.requestUrl,
  requestToken: idx.github.requestToken,
  eventName,
});

describe('before the exchange', () => {
  it('pull_request_target: explained, nothing exchanged or uploaded', async () => {
    const idx = await start();
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir([wheel]) },
      runnerOf(idx, 'pull_request_target'),
    );
    expect(result.error?.message).toContain(
      "'pull_request_target', and PyPI refuses trusted-publishing tokens from it",
    );
    expect(idx.requests).toHaveLength(0);
  });

  it('a plain user name and password for PyPI is refused before anything is sent', async () => {
    const result = await runInProcess(
      { 'packages-dir': await packagesDir([wheel]), user: 'alice', password: 'secret' },
      { requestUrl: undefined, requestToken: undefined },
    );
    expect(result.error?.message).toBe(
      "pypi.org no longer accepts a user name and password for uploads ('user' is 'alice').",
    );
    expect(result.secrets).toEqual(['secret']);
  });

  it('packages-dir written with backslashes (a Windows workflow) is found on every OS', async () => {
    const idx = await start();
    const dir = await packagesDir([wheel]);
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': `${dir.replace(/\//g, '\\')}\\` },
      runnerOf(idx),
    );
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(1);
  });
});

describe('trusted publisher mismatch', () => {
  it('a reusable workflow: warned, and the mismatch report names the file PyPI matches', async () => {
    const idx = await start({
      claims: { job_workflow_ref: 'octo-org/sampleproject/.github/workflows/publish-reusable.yml@refs/tags/v1.0.0' },
    });
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir([wheel]) },
      runnerOf(idx),
    );
    expect(
      result.log.filter(
        (l) => l.startsWith('warning:') && l.includes("register 'publish-reusable.yml' as the workflow name"),
      ),
    ).toHaveLength(1);
    const message = result.error!.message;
    expect(message).toContain('  invalid-publisher: ');
    expect(message).toContain('    That means no trusted publisher registered on the index matches this workflow run');
    expect(message).toContain('  Workflow name: publish-reusable.yml');
    // The job summary carries the same facts as tables.
    expect(result.summary).toContain('#### Trusted publisher mismatch');
    expect(result.summary).toContain(
      '| `job_workflow_ref` | octo-org/sampleproject/.github/workflows/publish-reusable.yml@refs/tags/v1.0.0 |',
    );
    expect(result.summary).toContain('| Workflow name | publish-reusable.yml |');
    expect(result.summary).toContain('| Owner | octo-org |');
  });
});

describe('verify-metadata', () => {
  const bad = (): Buffer =>
    makeWheel(
      'demo',
      '1.0',
      metadataText(
        {
          'Metadata-Version': '2.4',
          Name: 'demo',
          Version: '1.0',
          Summary: 'A demo',
          License: 'MIT',
          'License-Expression': 'MIT',
          Classifier: 'Programming Language :: Cobol :: 2077',
          'Description-Content-Type': 'text/x-rst',
        },
        'Title\n===\n\nSome *unclosed emphasis.\n',
      ),
    );

  async function runBad(verify: string): Promise<RecordedRun> {
    const idx = await start();
    return runInProcess(
      {
        'repository-url': idx.uploadUrl,
        'packages-dir': await packagesDir([wheel], { 'demo-1.0-py3-none-any.whl': bad() }),
        'verify-metadata': verify,
      },
      runnerOf(idx),
    );
  }

  it('reports every problem per file with the field and the fix, as annotations and in the summary; nothing uploaded', async () => {
    const result = await runBad('true');
    expect(result.error?.message).toMatch(/^Nothing was uploaded: \d+ problems were found before the upload\./);
    for (const needle of ['License', 'Classifier', 'Description']) {
      expect(result.error!.message).toContain(`- ${needle}`);
      expect(result.log.some((l) => l.startsWith('error: demo-1.0-py3-none-any.whl: ') && l.includes(needle))).toBe(
        true,
      );
    }
    expect(result.summary).toContain('| File | Field | Problem | How to fix |');
    expect(result.summary).toMatch(/\| demo-1\.0-py3-none-any\.whl \| Classifier \| .*Cobol/);
    expect(index!.uploads).toHaveLength(0);
    expect(index!.mintedTokens).toBe(0);
  });

  it('verify-metadata: false uploads the same file (the index decides)', async () => {
    const result = await runBad('false');
    expect(result.error).toBeUndefined();
    expect(index!.files.has('demo-1.0-py3-none-any.whl')).toBe(true);
  });
});

describe('the bundle as referenced by a workflow', () => {
  it.each([
    ['v1', true],
    ['0123456789abcdef0123456789abcdef01234567', false],
  ])('GITHUB_ACTION_REF=%s: pinning warning %s', async (ref, warns) => {
    const idx = await start();
    const run = await runBundle(
      node24Binary(),
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir([wheel]) },
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: idx.github.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: idx.github.requestToken,
        GITHUB_ACTION_REF: ref,
        GITHUB_ACTION_REPOSITORY: 'octo-org/pypi-oidc-publish',
      },
    );
    expect(run.code).toBe(0);
    expect(
      run.stdout.includes('::warning title=Pin actions by commit SHA::octo-org/pypi-oidc-publish is referenced by'),
    ).toBe(warns);
  });
});
