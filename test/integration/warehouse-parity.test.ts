// Issue 14: files PyPI accepts that pre-flight refused, and files PyPI refuses that it let
// through, each run through dist/index.js (as the runner runs it) against the local index. An
// accepted file is uploaded, with a warning where it deserves one; a refused one stops the run
// with what, where and how to fix, and nothing is uploaded (each sits beside a good wheel).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTarGz, makeWheel, makeZip, metadataText, type ArchiveMember } from '../support/archives.ts';
import { runBundle, type BundleRun } from '../support/bundle-runner.ts';
import { startLocalIndex, type LocalIndex } from '../support/local-index.ts';
import { node24Binary } from '../support/node-runtimes.ts';
import { packagesDir } from '../support/packages-dir.ts';
import { ROOT } from '../support/python-env.ts';

let index: LocalIndex | undefined;
afterEach(async () => {
  await index?.close();
  index = undefined;
});

async function publish(project: string, written: Record<string, Buffer>): Promise<BundleRun> {
  index = await startLocalIndex({
    publisher: {
      repository: 'octo-org/sampleproject',
      repositoryOwnerId: '1234567',
      workflow: 'release.yml',
      projects: [project],
    },
  });
  return runBundle(
    node24Binary(),
    { 'repository-url': index.uploadUrl, 'packages-dir': await packagesDir([], written) },
    {
      ACTIONS_ID_TOKEN_REQUEST_URL: index.github.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: index.github.requestToken,
    },
  );
}

const lines = (run: BundleRun, command: 'warning' | 'error'): string[] =>
  run.stdout.split('\n').filter((line) => line.startsWith(`::${command}`));

function expectAccepted(run: BundleRun, files: string[]): void {
  expect(lines(run, 'error')).toEqual([]);
  expect(run.code).toBe(0);
  expect([...index!.files.keys()].sort()).toEqual([...files].sort());
}

function expectRefused(run: BundleRun): string {
  expect(run.code).toBe(1);
  expect(index!.uploads).toHaveLength(0);
  expect(index!.files.size).toBe(0);
  return lines(run, 'error').join('\n');
}

const sdist = (members: ArchiveMember[]): Buffer => makeTarGz(members);
const pkgInfo = (name: string, version: string, fields: Record<string, string> = {}): string =>
  metadataText({ 'Metadata-Version': '2.1', Name: name, Version: version, Summary: 'test', ...fields });

describe('refusals PyPI would not make: now accepted', () => {
  it("psutil 2.1.3's real PKG-INFO (Author-email 'g.rodola <at> gmail <dot> com'): uploaded, with a warning", async () => {
    const real = await readFile(join(ROOT, 'test/fixtures/real-metadata/psutil-2.1.3.PKG-INFO'));
    const run = await publish('psutil', {
      'psutil-2.1.3.tar.gz': sdist([
        { name: 'psutil-2.1.3/PKG-INFO', data: real },
        { name: 'psutil-2.1.3/setup.py', data: 'from distutils.core import setup\n' },
      ]),
    });
    expectAccepted(run, ['psutil-2.1.3.tar.gz']);
    const fields = index!.files.get('psutil-2.1.3.tar.gz')!.fields;
    expect(fields).toContainEqual(['author_email', 'g.rodola <at> gmail <dot> com']);
    expect(lines(run, 'warning').join('\n')).toContain(
      "Author-email 'g.rodola <at> gmail <dot> com' is not a valid e-mail address: it has no @-sign (PyPI's address parser gives up on it, so PyPI lets it through).",
    );
  });

  it('an sdist with PKG-INFO stored twice: the last copy is read and sent, as PyPI and pip read it, with a warning', async () => {
    const first = pkgInfo('demo', '1.0', { Summary: 'the first copy' });
    const last = pkgInfo('demo', '1.0', { Summary: 'the copy appended last' });
    const run = await publish('demo', {
      'demo-1.0.tar.gz': sdist([
        { name: 'demo-1.0/PKG-INFO', data: first },
        { name: 'demo-1.0/setup.py', data: '' },
        { name: 'demo-1.0/PKG-INFO', data: last },
      ]),
    });
    expectAccepted(run, ['demo-1.0.tar.gz']);
    expect(index!.files.get('demo-1.0.tar.gz')!.fields).toContainEqual(['summary', 'the copy appended last']);
    expect(lines(run, 'warning').join('\n')).toContain(
      'demo-1.0.tar.gz holds demo-1.0/PKG-INFO 2 times, and the copies differ. PyPI, pip and twine read the last one, and so does this action',
    );
  });

  it('a wheel whose entry_points.txt has a deeper-indented line after a blank line (a continuation to configparser)', async () => {
    const entryPoints = '[console_scripts]\ndemo = demo.cli:main\n\n    --verbose\n';
    const run = await publish('demo', {
      'demo-1.0-py3-none-any.whl': makeZip([
        { name: 'demo/__init__.py', data: '' },
        { name: 'demo-1.0.dist-info/METADATA', data: pkgInfo('demo', '1.0') },
        {
          name: 'demo-1.0.dist-info/WHEEL',
          data: 'Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
        },
        { name: 'demo-1.0.dist-info/entry_points.txt', data: entryPoints },
        { name: 'demo-1.0.dist-info/RECORD', data: '' },
      ]),
    });
    expectAccepted(run, ['demo-1.0-py3-none-any.whl']);
    expect(run.stdout).not.toContain('invalid entry points');
  });

  it.each([
    ['a repeated charset', 'text/markdown; charset=UTF-8; charset=UTF-8', 'text/markdown; charset=UTF-8'],
    ['a parameter without a name', 'text/markdown; =x', 'text/markdown'],
    ['two types in a list', 'text/markdown, text/plain', 'text/plain'],
  ])(
    'a wheel whose Description-Content-Type has %s (packaging 26.2 accepts it): uploaded, with a warning',
    async (_what, contentType, reading) => {
      const metadata = metadataText(
        { 'Metadata-Version': '2.1', Name: 'demo', Version: '1.0', 'Description-Content-Type': contentType },
        '# demo\n',
      );
      const run = await publish('demo', { 'demo-1.0-py3-none-any.whl': makeWheel('demo', '1.0', metadata) });
      expectAccepted(run, ['demo-1.0-py3-none-any.whl']);
      expect(index!.files.get('demo-1.0-py3-none-any.whl')!.fields).toContainEqual([
        'description_content_type',
        contentType,
      ]);
      const warnings = lines(run, 'warning').join('\n');
      expect(warnings).toContain(`Description-Content-Type '${contentType}' is refused by packaging 26.3 and later`);
      expect(warnings).toContain(`PyPI reads it as '${reading}'); PyPI still accepts it, until it upgrades.`);
    },
  );
});

describe('files PyPI refuses: now refused before anything is sent', () => {
  it("an sdist whose members all start with './' (./six-1.17.0/PKG-INFO)", async () => {
    const run = await publish('six', {
      'six-1.17.0-py2.py3-none-any.whl': makeWheel('six', '1.17.0'),
      'six-1.17.0.tar.gz': sdist([
        { name: './six-1.17.0/PKG-INFO', data: pkgInfo('six', '1.17.0') },
        { name: './six-1.17.0/six.py', data: '' },
        { name: './six-1.17.0/setup.py', data: '' },
      ]),
    });
    const errors = expectRefused(run);
    expect(errors).toContain(
      'six-1.17.0.tar.gz stores its members as ./six-1.17.0/…, and PyPI looks for PKG-INFO by the exact name six-1.17.0/PKG-INFO, so it refuses the file ("PKG-INFO not found at six-1.17.0/PKG-INFO").',
    );
    expect(errors).toContain('tar -czf six-1.17.0.tar.gz six-1.17.0');
  });

  it.each([
    [
      'a License-Expression that is not SPDX',
      { 'Metadata-Version': '2.4', 'License-Expression': 'Apache 2.0' },
      "License-Expression: License-Expression 'Apache 2.0' is not valid: its operators and parentheses do not form an expression (did you mean 'Apache-2.0'?).",
    ],
    [
      "a License-File path with '..'",
      { 'Metadata-Version': '2.4', 'License-Expression': 'MIT', 'License-File': '../LICENSE' },
      "License-File: License-File '../LICENSE' is not valid: it holds '..'; parent directories are not allowed.",
    ],
    [
      "a Description-Content-Type charset in lower case (packaging 26.2 compares it to 'UTF-8' exactly)",
      { 'Description-Content-Type': 'text/markdown; charset=utf-8' },
      "Description-Content-Type: Description-Content-Type 'text/markdown; charset=utf-8' is not accepted: PyPI accepts the charset only spelled 'UTF-8' in capitals, not 'utf-8'.",
    ],
    [
      'an Import-Name that is no identifier',
      { 'Metadata-Version': '2.5', 'Import-Name': '2fast' },
      "Import-Name: Import-Name '2fast' is not valid: '2fast' is not a valid Python identifier.",
    ],
  ])('%s', async (_what, fields, message) => {
    const run = await publish('demo', {
      'demo-1.0-py3-none-any.whl': makeWheel('demo', '1.0'),
      'demo-1.0.tar.gz': sdist([
        { name: 'demo-1.0/PKG-INFO', data: pkgInfo('demo', '1.0', fields) },
        { name: 'demo-1.0/setup.py', data: '' },
      ]),
    });
    const errors = expectRefused(run);
    expect(errors).toContain(message);
    expect(errors).toContain('How to fix');
  });
});
