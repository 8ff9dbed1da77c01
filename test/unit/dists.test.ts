import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { discoverDists, parseDistFilename, normalizedFilenamePart, type DistFilename } from '../../src/dists/dists.js';
import { PublishError } from '../../src/common/errors.js';

/** The PublishError a call throws, so that message, hint and file can all be checked. */
async function thrown(action: () => unknown): Promise<PublishError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(PublishError);
    return error as PublishError;
  }
  throw new Error('expected a PublishError, but nothing was thrown');
}

describe('parseDistFilename: wheels', () => {
  const valid: [filename: string, expected: Omit<DistFilename, 'filename' | 'kind'>][] = [
    ['foo-1.0-py3-none-any.whl', { name: 'foo', version: '1.0', pyversion: 'py3', platform: 'any' }],
    ['foo_bar-2.0b1-py3-none-any.whl', { name: 'foo_bar', version: '2.0b1', pyversion: 'py3', platform: 'any' }],
    ['six-1.16.0-py2.py3-none-any.whl', { name: 'six', version: '1.16.0', pyversion: 'py2.py3', platform: 'any' }],
    [
      'numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
      { name: 'numpy', version: '2.1.0', pyversion: 'cp312', platform: 'manylinux_2_17_x86_64.manylinux2014_x86_64' },
    ],
    ['pkg-1.0-1-cp39-abi3-win_amd64.whl', { name: 'pkg', version: '1.0', pyversion: 'cp39', platform: 'win_amd64' }],
    [
      'pkg-1.0-2b-cp313-cp313t-macosx_11_0_arm64.whl',
      { name: 'pkg', version: '1.0', pyversion: 'cp313', platform: 'macosx_11_0_arm64' },
    ],
    [
      'zope_interface-7.0-cp311-cp311-musllinux_1_2_aarch64.whl',
      { name: 'zope_interface', version: '7.0', pyversion: 'cp311', platform: 'musllinux_1_2_aarch64' },
    ],
  ];
  it.each(valid)('%s', (filename, expected) => {
    expect(parseDistFilename(filename)).toEqual({ filename, kind: 'wheel', ...expected });
  });

  const invalid: [filename: string, why: string][] = [
    ['foo-py3-none-any.whl', 'it has 4 dash-separated parts instead of 5 or 6'],
    ['foo-1.0-any.whl', 'it has 3 dash-separated parts instead of 5 or 6'],
    ['foo-bar-1.0-1-py3-none-any.whl', 'it has 7 dash-separated parts instead of 5 or 6'],
    ['foo-1.0-x1-py3-none-any.whl', "the build tag 'x1' must start with a digit"],
    ['foo+bar-1.0-py3-none-any.whl', "the name part 'foo+bar' has characters other than letters, digits, '.' and '_'"],
    ['foo_-1.0-py3-none-any.whl', "the name part 'foo_' has characters other than letters, digits, '.' and '_'"],
    ['foo-1.0x-py3-none-any.whl', "'1.0x' is not a PEP 440 version"],
    ['foo-1.0--none-any.whl', 'a tag is empty'],
  ];
  it.each(invalid)('%s is refused: %s', async (filename, why) => {
    const error = await thrown(() => parseDistFilename(filename));
    expect(error.message).toBe(`${filename} is not a valid wheel filename: ${why}.`);
    expect(error.file).toBe(filename);
    expect(error.hint).toContain('PEP 427');
  });

  // PyPI refuses a wheel whose name segment is not the normalized name with '_' ("Filename '…' should
  // contain the normalized project name 'foo_bar', not 'Foo_Bar'"), so pre-flight must refuse it too.
  const unnormalized: [filename: string, required: string][] = [
    ['Foo_Bar-1.0-py3-none-any.whl', 'foo_bar-1.0-py3-none-any.whl'],
    ['PyYAML-6.0.2-cp312-cp312-win_amd64.whl', 'pyyaml-6.0.2-cp312-cp312-win_amd64.whl'],
    [
      'zope.interface-7.0-cp311-cp311-musllinux_1_2_aarch64.whl',
      'zope_interface-7.0-cp311-cp311-musllinux_1_2_aarch64.whl',
    ],
    ['foo__bar-1.0-1-py3-none-any.whl', 'foo_bar-1.0-1-py3-none-any.whl'],
  ];
  it.each(unnormalized)('%s is refused, naming %s', async (filename, required) => {
    const error = await thrown(() => parseDistFilename(filename));
    expect(error.file).toBe(filename);
    expect(error.message).toContain(filename);
    expect(error.message).toContain(required);
  });
});

describe('parseDistFilename: sdists', () => {
  const valid: [filename: string, name: string, version: string][] = [
    ['foo-1.0.tar.gz', 'foo', '1.0'],
    ['foo_bar-1.0.tar.gz', 'foo_bar', '1.0'],
    ['zope_interface-7.0rc1.tar.gz', 'zope_interface', '7.0rc1'],
    ['pkg-1!2.0.post1.tar.gz', 'pkg', '1!2.0.post1'],
  ];
  it.each(valid)('%s', (filename, name, version) => {
    expect(parseDistFilename(filename)).toEqual({ filename, kind: 'sdist', name, version, pyversion: 'source' });
  });

  const unnormalized: [filename: string, required: string][] = [
    ['My-Package-1.0.tar.gz', 'my_package-1.0.tar.gz'],
    ['foo-bar-1.0.tar.gz', 'foo_bar-1.0.tar.gz'],
    ['Foo-1.0.tar.gz', 'foo-1.0.tar.gz'],
    ['zope.interface-7.0.tar.gz', 'zope_interface-7.0.tar.gz'],
  ];
  it.each(unnormalized)('%s is refused, naming %s (PEP 625)', async (filename, required) => {
    const error = await thrown(() => parseDistFilename(filename));
    expect(error.message).toBe(`${filename} does not have a normalized name: PyPI requires ${required} (PEP 625).`);
    expect(error.file).toBe(filename);
    expect(error.hint).toContain('setuptools >= 69.3');
  });

  // PEP 625 wants the version normalized too; PyPI compares the filename with
  // f"{normalized_name}-{str(meta.version)}.tar.gz" and refuses anything else.
  const unnormalizedVersions: [filename: string, required: string][] = [
    ['foo-1.0RC1.tar.gz', 'foo-1.0rc1.tar.gz'],
    ['foo-01.0.tar.gz', 'foo-1.0.tar.gz'],
    ['foo-v1.0.tar.gz', 'foo-1.0.tar.gz'],
    ['foo-1.0.post.tar.gz', 'foo-1.0.post0.tar.gz'],
    ['My-Package-1.0RC1.tar.gz', 'my_package-1.0rc1.tar.gz'],
  ];
  it.each(unnormalizedVersions)('%s is refused, naming %s (PEP 625)', async (filename, required) => {
    const error = await thrown(() => parseDistFilename(filename));
    expect(error.file).toBe(filename);
    expect(error.message).toContain(`PyPI requires ${required} (PEP 625)`);
  });

  it.each(['foo.tar.gz', '-1.0.tar.gz', 'foo-bar.tar.gz', 'foo-.tar.gz'])(
    '%s is not {name}-{version}.tar.gz',
    async (filename) => {
      const error = await thrown(() => parseDistFilename(filename));
      expect(error.message).toBe(`${filename} is not a valid sdist filename: it must be {name}-{version}.tar.gz.`);
    },
  );
});

describe('parseDistFilename: other files', () => {
  it.each(['foo-1.0.zip', 'foo-1.0.tgz', 'foo-1.0-py3-none-any.WHL', 'README'])(
    '%s is neither a wheel nor an sdist',
    async (filename) => {
      const error = await thrown(() => parseDistFilename(filename));
      expect(error.message).toBe(`${filename} is not a wheel (.whl) or an sdist (.tar.gz).`);
    },
  );
});

describe('normalizedFilenamePart', () => {
  it.each([
    ['Foo', 'foo'],
    ['My-Package', 'my_package'],
    ['zope.interface', 'zope_interface'],
    ['a__b--c', 'a_b_c'],
  ])('%s → %s', (name, part) => {
    expect(normalizedFilenamePart(name)).toBe(part);
  });
});

describe('discoverDists', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'dists-test-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** A packages directory holding the named files (content: the name itself, so sizes differ). */
  async function packagesDir(files: string[]): Promise<string> {
    const dir = join(root, 'dist');
    await mkdir(dir);
    for (const file of files) await writeFile(join(dir, file), file);
    return dir;
  }

  it('reports a missing directory', async () => {
    const dir = join(root, 'nowhere');
    const error = await thrown(() => discoverDists(dir));
    expect(error.message).toBe(`The packages directory '${dir}' does not exist.`);
    expect(error.hint).toContain('python -m build');
  });

  it('reports a file given as the directory', async () => {
    const file = join(root, 'dist');
    await writeFile(file, 'not a directory');
    const error = await thrown(() => discoverDists(file));
    expect(error.message).toBe(`The packages directory '${file}' is a file, not a directory.`);
  });

  it('reports an empty directory', async () => {
    const dir = await packagesDir([]);
    const error = await thrown(() => discoverDists(dir));
    expect(error.message).toBe(`No distributions (.whl or .tar.gz) were found in '${dir}'. It is empty.`);
  });

  it('lists what it found when no file is a dist', async () => {
    const dir = await packagesDir(['notes.txt', 'build.log']);
    await mkdir(join(dir, 'sub'));
    const error = await thrown(() => discoverDists(dir));
    expect(error.message).toBe(
      `No distributions (.whl or .tar.gz) were found in '${dir}'. It holds only 'build.log', 'notes.txt', 'sub'.`,
    );
  });

  const refused: [filename: string, reason: string][] = [
    [
      'foo-1.0.zip',
      'PyPI accepts sdists only as .tar.gz (PEP 625); a .zip sdist is refused. Build the sdist with `python -m build --sdist`, which writes .tar.gz.',
    ],
    [
      'FOO-1.0.ZIP',
      'PyPI accepts sdists only as .tar.gz (PEP 625); a .zip sdist is refused. Build the sdist with `python -m build --sdist`, which writes .tar.gz.',
    ],
    [
      'foo-1.0-py3.12.egg',
      'PyPI no longer accepts eggs (since August 2023). Build a wheel instead: `python -m build --wheel`.',
    ],
    [
      'foo-1.0.win-amd64.exe',
      'PyPI no longer accepts bdist_wininst installers. Build a wheel instead: `python -m build --wheel`.',
    ],
    [
      'foo-1.0.tar.bz2',
      'PyPI accepts sdists only as .tar.gz (PEP 625). Build the sdist with `python -m build --sdist`.',
    ],
    [
      'foo-1.0.tgz',
      'PyPI accepts sdists only with the .tar.gz suffix (PEP 625). Build the sdist with `python -m build --sdist`.',
    ],
  ];
  it.each(refused)('refuses %s, saying why', async (filename, reason) => {
    const dir = await packagesDir([filename, 'foo-1.0-py3-none-any.whl']);
    const error = await thrown(() => discoverDists(dir));
    expect(error.message).toBe(`${filename} cannot be uploaded: ${reason}`);
    expect(error.file).toBe(filename);
    expect(error.hint).toBe(`Remove ${join(dir, filename)}, or build the format PyPI accepts.`);
  });

  it('reports every bad file at once, not just the first', async () => {
    const dir = await packagesDir(['foo-1.0.zip', 'Foo-1.0.tar.gz', 'foo-1.0-py3-none-any.whl']);
    const error = await thrown(() => discoverDists(dir));
    expect(error.message.split('\n').sort()).toEqual([
      '- Foo-1.0.tar.gz does not have a normalized name: PyPI requires foo-1.0.tar.gz (PEP 625).',
      `- foo-1.0.zip cannot be uploaded: ${refused[0][1]}`,
    ]);
  });

  it('puts wheels before sdists, each sorted by name, and reports the ignored files', async () => {
    const dir = await packagesDir([
      'b-1.0.tar.gz',
      'a-1.0.tar.gz',
      'z-1.0-py3-none-any.whl',
      'a-1.0-py3-none-any.whl',
      'a-1.0-py3-none-any.whl.publish.attestation',
      '.DS_Store',
    ]);
    await mkdir(join(dir, 'not-a-file.whl'));
    const { dists, ignored } = await discoverDists(dir);
    expect(dists.map((d) => d.filename)).toEqual([
      'a-1.0-py3-none-any.whl',
      'z-1.0-py3-none-any.whl',
      'a-1.0.tar.gz',
      'b-1.0.tar.gz',
    ]);
    expect(dists.map((d) => d.kind)).toEqual(['wheel', 'wheel', 'sdist', 'sdist']);
    expect(ignored).toEqual(['.DS_Store', 'a-1.0-py3-none-any.whl.publish.attestation', 'not-a-file.whl']);
  });

  it('gives each dist its path, size and filename fields', async () => {
    const dir = await packagesDir(['foo-1.0-py3-none-any.whl', 'foo-1.0.tar.gz']);
    const { dists, ignored } = await discoverDists(dir);
    expect(ignored).toEqual([]);
    expect(dists).toEqual([
      {
        filename: 'foo-1.0-py3-none-any.whl',
        kind: 'wheel',
        name: 'foo',
        version: '1.0',
        pyversion: 'py3',
        platform: 'any',
        path: join(dir, 'foo-1.0-py3-none-any.whl'),
        size: 'foo-1.0-py3-none-any.whl'.length,
      },
      {
        filename: 'foo-1.0.tar.gz',
        kind: 'sdist',
        name: 'foo',
        version: '1.0',
        pyversion: 'source',
        path: join(dir, 'foo-1.0.tar.gz'),
        size: 'foo-1.0.tar.gz'.length,
      },
    ]);
  });

  it('accepts a packages-dir given with a trailing slash', async () => {
    const dir = await packagesDir(['foo-1.0.tar.gz']);
    const { dists } = await discoverDists(`${dir}/`);
    expect(dists.map((d) => d.path)).toEqual([`${dir}/foo-1.0.tar.gz`]);
  });

  it('names a missing packages-dir as given, trailing slash included', async () => {
    const error = await thrown(() => discoverDists(`${root}/missing/`));
    expect(error.message).toBe(`The packages directory '${root}/missing/' does not exist.`);
  });
});
