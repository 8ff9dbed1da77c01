// The same real dists uploaded by twine (from the Python registry) and by the action: the form
// fields each index receives must be the same, apart from the differences named here.
import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/action-runner.ts';
import { startLocalIndex, type LocalIndex } from '../support/local-index.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';
import { venvBin } from '../support/python-env.ts';

const TOKEN = 'pypi-differential-test-token';
const PROJECTS = ['sampleproject', 'legacy-meta', 'meta23', 'setuptools-rst'];

/**
 * Known differences: twine's field order comes from a Python frozenset (arbitrary), so fields are
 * compared by name with each name's values in order. twine sends nothing else that we do not.
 */
function byName(fields: [string, string][]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const [name, value] of fields) (grouped[name] ??= []).push(value);
  return Object.fromEntries(Object.entries(grouped).sort(([a], [b]) => a.localeCompare(b)));
}

// Built by global setup before test files are collected, so the cases can be named by file.
const dists = (await Promise.all(PROJECTS.map(fixtureDists))).flat();
let viaTwine: LocalIndex;
let viaAction: LocalIndex;

beforeAll(async () => {
  viaTwine = await startLocalIndex({ apiTokens: [TOKEN] });
  viaAction = await startLocalIndex({ apiTokens: [TOKEN] });
  await promisify(execFile)(
    venvBin('twine'),
    [
      'upload',
      '--non-interactive',
      '--disable-progress-bar',
      '--repository-url',
      viaTwine.uploadUrl,
      '-u',
      '__token__',
      '-p',
      TOKEN,
      ...dists,
    ],
    {
      env: { ...process.env, TWINE_USERNAME: undefined, TWINE_PASSWORD: undefined, NO_COLOR: '1' },
    },
  );
  const result = await runInProcess(
    { 'repository-url': viaAction.uploadUrl, 'packages-dir': await packagesDir(dists), password: TOKEN },
    { requestUrl: undefined, requestToken: undefined },
  );
  if (result.error) throw result.error;
}, 120_000);

afterAll(async () => {
  await viaTwine?.close();
  await viaAction?.close();
});

describe('the upload form equals what twine sends', () => {
  it('both uploaded every dist', () => {
    const names = dists.map((d) => basename(d)).sort();
    expect([...viaTwine.files.keys()].sort()).toEqual(names);
    expect([...viaAction.files.keys()].sort()).toEqual(names);
  });

  it.each(dists.map((d) => basename(d)))('%s', (filename) => {
    const theirs = byName(viaTwine.files.get(filename)!.fields);
    const ours = byName(viaAction.files.get(filename)!.fields);
    expect(ours).toEqual(theirs);
    // Sanity: the comparison is over a real form, not two empty ones.
    expect(Object.keys(ours)).toEqual(
      expect.arrayContaining([
        'name',
        'version',
        'metadata_version',
        'sha256_digest',
        'blake2_256_digest',
        'pyversion',
        'filetype',
        ':action',
        'protocol_version',
      ]),
    );
  });
});
