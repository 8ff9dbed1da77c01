// The same real dists uploaded by twine (from the Python registry) and by the action: the form
// fields each index receives must be the same, apart from the differences named here.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/action-runner.ts';
import { startLocalIndex, type LocalIndex } from '../support/local-index.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';
import { venvBin } from '../support/python-env.ts';
import { makeWheel, metadataText, pseudoRandomBytes } from '../support/archives.ts';
import { ONE_BUFFER_BYTES } from '../../src/index/multipart.js';

const TOKEN = 'pypi-differential-test-token';
const PROJECTS = ['sampleproject', 'legacy-meta', 'meta23', 'setuptools-rst'];

/**
 * Known differences: twine's field order comes from a Python frozenset (arbitrary), so fields are
 * compared by name with each name's values in order; for a large file the action sends the digests
 * after the file part (one pass over it), checked by the last test. Metadata 2.5's Import-Name and
 * Import-Namespace: twine 7 sends neither, we send them as `import_name` and `import_namespace`,
 * the form fields Warehouse reads (issue 9); IMPORT_FIELDS lists the extra fields expected per file.
 * twine sends nothing else that we do not.
 */
function byName(fields: [string, string][]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const [name, value] of fields) (grouped[name] ??= []).push(value);
  return Object.fromEntries(Object.entries(grouped).sort(([a], [b]) => a.localeCompare(b)));
}

// No pinned build backend writes Metadata 2.5 yet: this wheel is written byte-exact.
const IMPORT_NAMES_WHEEL = 'importnames-1.0-py3-none-any.whl';
const IMPORT_FIELDS: Record<string, Record<string, string[]>> = {
  [IMPORT_NAMES_WHEEL]: {
    import_name: ['importnames', 'importnames._impl; private'],
    import_namespace: ['importnames_ns'],
  },
};
const importNamesDir = await mkdtemp(join(tmpdir(), 'import-names-'));
await writeFile(
  join(importNamesDir, IMPORT_NAMES_WHEEL),
  makeWheel(
    'importnames',
    '1.0',
    metadataText({
      'Metadata-Version': '2.5',
      Name: 'importnames',
      Version: '1.0',
      Summary: 'Metadata 2.5 import names',
      'Import-Name': 'importnames',
    }).replace(
      'Import-Name: importnames\n',
      'Import-Name: importnames\nImport-Name: importnames._impl; private\nImport-Namespace: importnames_ns\n',
    ),
  ),
);

// Above the size up to which files are hashed before their upload: the action hashes it as it sends
// it and puts the digest fields after the file part (twine puts the file last).
const LARGE_WHEEL = 'largewheel-1.0-py3-none-any.whl';
await writeFile(
  join(importNamesDir, LARGE_WHEEL),
  makeWheel(
    'largewheel',
    '1.0',
    metadataText({
      'Metadata-Version': '2.4',
      Name: 'largewheel',
      Version: '1.0',
      Summary: 'One pass over a large file',
    }),
    pseudoRandomBytes(ONE_BUFFER_BYTES + 512 * 1024),
  ),
);

// Built by global setup before test files are collected, so the cases can be named by file.
const dists = [
  ...(await Promise.all(PROJECTS.map(fixtureDists))).flat(),
  join(importNamesDir, IMPORT_NAMES_WHEEL),
  join(importNamesDir, LARGE_WHEEL),
];
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
    const theirs = byName([
      ...viaTwine.files.get(filename)!.fields,
      ...Object.entries(IMPORT_FIELDS[filename] ?? {}).flatMap(([name, values]) =>
        values.map((v): [string, string] => [name, v]),
      ),
    ]);
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

  it('sends the digests after the file only for a file above the one-buffer size, which the index accepts', () => {
    const after = (index: LocalIndex) =>
      Object.fromEntries([...index.files].map(([name, stored]) => [name, stored.fieldsAfterFile]));
    const ours = after(viaAction);
    expect(ours[LARGE_WHEEL]).toEqual(['sha256_digest', 'blake2_256_digest']);
    for (const [name, fields] of Object.entries(ours)) if (name !== LARGE_WHEEL) expect(fields).toEqual([]);
    expect(Object.values(after(viaTwine)).flat()).toEqual([]);
    // The local index checked both digests against the bytes it received.
    expect(viaAction.files.get(LARGE_WHEEL)!.sha256).toBe(viaTwine.files.get(LARGE_WHEEL)!.sha256);
  });
});
