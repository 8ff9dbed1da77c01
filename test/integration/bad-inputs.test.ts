// Every bad input named in the issue: a clear error (what, where, how to fix) and nothing uploaded.
// Each broken file sits beside a good wheel, so "nothing uploaded" is a real claim.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PublishError } from '../../src/common/errors.js';
import { runInProcess, type RecordedRun } from '../support/action-runner.ts';
import { makeTarGz, makeWheel, makeZip, metadataText } from '../support/archives.ts';
import { startLocalIndex, type LocalIndex } from '../support/local-index.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';

let goodWheel = '';
let index: LocalIndex;

beforeAll(async () => {
  goodWheel = (await fixtureDists('sampleproject')).find((d) => d.endsWith('.whl'))!;
});

afterEach(async () => {
  await index?.close();
});

async function publish(
  written: Record<string, string | Buffer>,
  inputs: Record<string, string> = {},
  runner?: { requestUrl?: string; requestToken?: string; eventName?: string },
): Promise<RecordedRun> {
  index = await startLocalIndex({
    publisher: {
      repository: 'octo-org/sampleproject',
      repositoryOwnerId: '1234567',
      workflow: 'release.yml',
      projects: ['sampleproject', 'demo'],
    },
  });
  const dir = await packagesDir([goodWheel], written);
  const result = await runInProcess(
    { 'repository-url': index.uploadUrl, 'packages-dir': dir, ...inputs },
    runner
      ? { requestUrl: runner.requestUrl, requestToken: runner.requestToken, eventName: runner.eventName }
      : { requestUrl: index.github.requestUrl, requestToken: index.github.requestToken },
  );
  return result;
}

function expectNothingUploaded(result: RecordedRun): PublishError {
  expect(result.error).toBeInstanceOf(PublishError);
  expect(index.uploads).toHaveLength(0);
  expect(index.files.size).toBe(0);
  return result.error as PublishError;
}

const metadata = (fields: Record<string, string>) =>
  metadataText({ 'Metadata-Version': '2.1', Name: 'demo', Version: '1.0', Summary: 's', ...fields });

describe('bad packages-dir', () => {
  it('missing directory', async () => {
    index = await startLocalIndex();
    const result = await runInProcess(
      { 'repository-url': index.uploadUrl, 'packages-dir': '/nonexistent/dist' },
      { requestUrl: undefined, requestToken: undefined },
    );
    const error = expectNothingUploaded(result);
    expect(error.message).toBe("The packages directory '/nonexistent/dist' does not exist.");
    expect(error.hint).toContain('python -m build');
  });

  it('empty directory', async () => {
    index = await startLocalIndex();
    const dir = await packagesDir([]);
    const error = expectNothingUploaded(
      await runInProcess(
        { 'repository-url': index.uploadUrl, 'packages-dir': dir },
        { requestUrl: undefined, requestToken: undefined },
      ),
    );
    expect(error.message).toBe(`No distributions (.whl or .tar.gz) were found in '${dir}'. It is empty.`);
  });

  it('only files that are not distributions', async () => {
    index = await startLocalIndex();
    const dir = await packagesDir([], { 'README.md': '#', 'checksums.txt': '' });
    const error = expectNothingUploaded(
      await runInProcess(
        { 'repository-url': index.uploadUrl, 'packages-dir': dir },
        { requestUrl: undefined, requestToken: undefined },
      ),
    );
    expect(error.message).toBe(
      `No distributions (.whl or .tar.gz) were found in '${dir}'. It holds only 'README.md', 'checksums.txt'.`,
    );
  });
});

describe('broken distributions', () => {
  it('corrupt zip', async () => {
    const error = expectNothingUploaded(
      await publish({ 'demo-1.0-py3-none-any.whl': Buffer.from('PK\x03\x04 this is not really a zip') }),
    );
    expect(error.message).toContain(
      'demo-1.0-py3-none-any.whl is not a valid wheel (zip archive): no end-of-central-directory record',
    );
    expect(error.hint).toContain('Rebuild it');
  });

  it('wheel without METADATA', async () => {
    const wheel = makeZip([
      { name: 'demo-1.0.dist-info/WHEEL', data: 'Wheel-Version: 1.0\n' },
      { name: 'demo-1.0.dist-info/RECORD', data: '' },
    ]);
    const error = expectNothingUploaded(await publish({ 'demo-1.0-py3-none-any.whl': wheel }));
    expect(error.message).toContain('demo-1.0-py3-none-any.whl has no demo-1.0.dist-info/METADATA');
  });

  it('sdist without PKG-INFO', async () => {
    const sdist = makeTarGz([
      { name: 'demo-1.0/pyproject.toml', data: '[project]\n' },
      { name: 'demo-1.0/demo.py', data: '' },
    ]);
    const error = expectNothingUploaded(await publish({ 'demo-1.0.tar.gz': sdist }));
    expect(error.message).toContain(
      'demo-1.0.tar.gz has no demo-1.0/PKG-INFO, so PyPI cannot read its metadata ("PKG-INFO not found at demo-1.0/PKG-INFO").',
    );
  });

  it('sdist of a single file: PyPI takes that file for the top-level folder', async () => {
    const sdist = makeTarGz([{ name: 'demo-1.0/PKG-INFO', data: metadata({}) }]);
    const error = expectNothingUploaded(await publish({ 'demo-1.0.tar.gz': sdist }));
    expect(error.message).toContain(
      'demo-1.0.tar.gz has no demo-1.0/PKG-INFO/PKG-INFO (its only member, demo-1.0/PKG-INFO, is what PyPI takes for the top-level folder), so PyPI cannot read its metadata',
    );
  });

  it('sdist with two top-level folders', async () => {
    const sdist = makeTarGz([
      { name: 'demo-1.0/PKG-INFO', data: metadata({}) },
      { name: 'other-1.0/PKG-INFO', data: metadata({}) },
    ]);
    const error = expectNothingUploaded(await publish({ 'demo-1.0.tar.gz': sdist }));
    expect(error.message).toContain(
      'demo-1.0.tar.gz has 2 top-level entries (demo-1.0, other-1.0); an sdist must hold exactly one top-level directory',
    );
  });

  it('filename and metadata disagree on the name', async () => {
    const error = expectNothingUploaded(
      await publish({ 'demo-1.0-py3-none-any.whl': makeWheel('demo', '1.0', metadata({ Name: 'something-else' })) }),
    );
    expect(error.message).toContain(
      "demo-1.0-py3-none-any.whl (demo-1.0.dist-info/METADATA): the filename says the project is 'demo' but the metadata says 'something-else'.",
    );
  });

  it('filename and metadata disagree on the version', async () => {
    const sdist = makeTarGz([
      { name: 'demo-1.0/PKG-INFO', data: metadata({ Version: '1.1' }) },
      { name: 'demo-1.0/setup.py', data: '' },
    ]);
    const error = expectNothingUploaded(await publish({ 'demo-1.0.tar.gz': sdist }));
    expect(error.message).toContain(
      'demo-1.0.tar.gz (demo-1.0/PKG-INFO): the filename says version 1.0 but the metadata says 1.1.',
    );
  });

  it('sdist name not normalized (PEP 625)', async () => {
    const sdist = makeTarGz([{ name: 'Demo.Project-1.0/PKG-INFO', data: metadata({ Name: 'Demo.Project' }) }]);
    const error = expectNothingUploaded(await publish({ 'Demo.Project-1.0.tar.gz': sdist }));
    expect(error.message).toContain(
      'Demo.Project-1.0.tar.gz does not have a normalized name: PyPI requires demo_project-1.0.tar.gz (PEP 625).',
    );
    expect(error.hint).toContain('setuptools >= 69.3');
  });

  it('.zip sdist', async () => {
    const error = expectNothingUploaded(
      await publish({ 'demo-1.0.zip': makeZip([{ name: 'demo-1.0/PKG-INFO', data: metadata({}) }]) }),
    );
    expect(error.message).toContain('demo-1.0.zip cannot be uploaded: PyPI accepts sdists only as .tar.gz (PEP 625)');
  });

  it.each([
    ['2.0', 'Metadata-Version 2.0 was never standardised'],
    ['3.0', 'Upgrade or configure your build backend'],
  ])('unsupported Metadata-Version %s', async (version, hint) => {
    const error = expectNothingUploaded(
      await publish({
        'demo-1.0-py3-none-any.whl': makeWheel('demo', '1.0', metadata({ 'Metadata-Version': version })),
      }),
    );
    expect(error.message).toContain(
      `Metadata-Version ${version} is not one PyPI accepts (1.0, 1.1, 1.2, 2.1, 2.2, 2.3, 2.4, 2.5).`,
    );
    expect(error.hint).toContain(hint);
  });

  it('a field newer than the declared Metadata-Version', async () => {
    const error = expectNothingUploaded(
      await publish({
        'demo-1.0-py3-none-any.whl': makeWheel('demo', '1.0', metadata({ 'License-Expression': 'MIT' })),
      }),
    );
    expect(error.message).toContain(
      'the field License-Expression was introduced in Metadata-Version 2.4, but the file declares 2.1; PyPI refuses it.',
    );
  });

  it('reports every broken file at once', async () => {
    const error = expectNothingUploaded(
      await publish({
        'demo-1.0-py3-none-any.whl': makeWheel('demo', '1.0', metadata({ Version: '2.0' })),
        'demo-1.0.tar.gz': makeTarGz([
          { name: 'demo-1.0/setup.py', data: '' },
          { name: 'demo-1.0/demo.py', data: '' },
        ]),
      }),
    );
    expect(error.message).toMatch(/^Nothing was uploaded: 2 problems were found before the upload\./);
    expect(error.message).toContain('    How to fix: Rebuild the distribution so that both agree');
    expect(error.message).toContain(
      'demo-1.0-py3-none-any.whl (demo-1.0.dist-info/METADATA): the filename says version 1.0 but the metadata says 2.0.',
    );
    expect(error.message).toContain('demo-1.0.tar.gz has no demo-1.0/PKG-INFO');
  });
});

describe('bad repository-url', () => {
  it.each([
    ['not a url', "The input 'repository-url' is 'not a url', which is not a URL."],
    ['ftp://example.com/legacy/', "The input 'repository-url' uses 'ftp:', but an index is reached over HTTPS."],
    [
      'http://upload.example.com/legacy/',
      "The input 'repository-url' is http://upload.example.com/legacy/: plain http:// to another machine would send your credentials unencrypted.",
    ],
  ])('%s', async (url, message) => {
    const error = expectNothingUploaded(await publish({}, { 'repository-url': url }));
    expect(error.message).toBe(message);
    expect(error.hint).toBeTruthy();
    expect(index.requests).toHaveLength(0);
  });
});

describe('trusted publishing refused', () => {
  it('runner OIDC variables missing: shows the permissions snippet', async () => {
    const error = expectNothingUploaded(await publish({}, {}, { eventName: 'push' }));
    expect(error.message).toContain('ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set.');
    expect(error.hint).toContain('permissions:\n  id-token: write');
    expect(error.message).not.toContain('forks');
  });

  it('runner OIDC variables missing on a pull request: explains forks', async () => {
    const error = expectNothingUploaded(await publish({}, {}, { eventName: 'pull_request' }));
    expect(error.message).toContain('GitHub gives pull requests from forks no OIDC token');
  });

  it('audience answers 403: trusted publishing turned off', async () => {
    index = await startLocalIndex({ trustedPublishing: 'disabled' });
    const dir = await packagesDir([goodWheel]);
    const error = expectNothingUploaded(
      await runInProcess(
        { 'repository-url': index.uploadUrl, 'packages-dir': dir },
        { requestUrl: index.github.requestUrl, requestToken: index.github.requestToken },
      ),
    );
    expect(error.message).toContain('has trusted publishing turned off');
    expect(error.message).toContain('Trusted publishing functionality not enabled');
  });

  it('audience answers 404: trusted publishing not supported', async () => {
    index = await startLocalIndex({ trustedPublishing: 'absent' });
    const dir = await packagesDir([goodWheel]);
    const error = expectNothingUploaded(
      await runInProcess(
        { 'repository-url': index.uploadUrl, 'packages-dir': dir },
        { requestUrl: index.github.requestUrl, requestToken: index.github.requestToken },
      ),
    );
    expect(error.message).toContain('does not support trusted publishing');
    expect(error.hint).toContain("pass it as 'password'");
  });

  it('mint-token answers 422: every error, the claims, and the form values; never the JWT', async () => {
    index = await startLocalIndex({
      publisher: {
        repository: 'octo-org/other-repo',
        repositoryOwnerId: '1234567',
        workflow: 'publish.yml',
        projects: ['sampleproject'],
      },
      claims: { environment: 'release' },
    });
    const dir = await packagesDir([goodWheel]);
    const result = await runInProcess(
      { 'repository-url': index.uploadUrl, 'packages-dir': dir },
      { requestUrl: index.github.requestUrl, requestToken: index.github.requestToken },
    );
    const error = expectNothingUploaded(result);
    expect(error.message).toContain("refused to exchange this job's OIDC token for an upload token");
    expect(error.message).toMatch(/ {2}invalid-publisher: .+/);
    expect(error.message).toContain('  repository: octo-org/sampleproject');
    expect(error.message).toContain(
      '  job_workflow_ref: octo-org/sampleproject/.github/workflows/release.yml@refs/tags/v1.0.0',
    );
    expect(error.message).toContain('  environment: release');
    expect(error.message).toContain('  Workflow name: release.yml');
    expect(error.message).toContain('  Environment name: release');
    const jwt = result.secrets.find((s) => s.split('.').length === 3)!;
    expect(jwt).toBeTruthy();
    expect(error.message).not.toContain(jwt);
    expect(error.message).not.toContain(jwt.split('.')[1]);
  });

  it('mint-token answers a 5xx that is not JSON', async () => {
    index = await startLocalIndex();
    index.override('mint-token', (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return true;
    });
    const dir = await packagesDir([goodWheel]);
    const fast = { retry: { baseDelayMs: 10, maxDelayMs: 50, totalMs: 5_000 } };
    const error = expectNothingUploaded(
      await runInProcess(
        { 'repository-url': index.uploadUrl, 'packages-dir': dir },
        { requestUrl: index.github.requestUrl, requestToken: index.github.requestToken },
        fast,
      ),
    );
    expect(error.message).toContain('Unexpected answer while exchanging the OIDC token for an upload token');
    expect(error.message).toContain(
      "answered 502 Bad Gateway (not JSON): 502 Bad Gateway. This is a fault on the index's side; re-run the job in a few minutes. (gave up after 5 attempts)",
    );
    // Each attempt asked GitHub for a fresh token.
    expect(index.requests.filter((r) => r.path.startsWith('/github/token'))).toHaveLength(5);
    expect(error.message).toContain('re-run the job in a few minutes');
  });
});
