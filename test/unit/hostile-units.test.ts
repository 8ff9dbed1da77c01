// Unit tests for the pieces issue 9 added: the log escaper, the credentials rule of the HTTP layer,
// PyPI's zip framing, entry_points.txt, tar pax sizes and sparse members, the reST budget and caps.
import { mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandSafe, outside } from '../../src/common/log-text.js';
import { withCredentials } from '../../src/index/http.js';
import { zipFramingProblem } from '../../src/dists/zip-framing.js';
import { ZipReader } from '../../src/dists/zip.js';
import { entryPointsProblem } from '../../src/dists/entry-points.js';
import { listSdist } from '../../src/dists/sdist-listing.js';
import { checkRstWithin } from '../../src/checks/rst-check.js';
import { capPerField, type DistProblem } from '../../src/checks/verify.js';
import { parseDistFilename } from '../../src/dists/dists.js';
import { classifierProblem } from '../../src/checks/classifiers.js';
import { makeZip } from '../support/archives.ts';
import { paxRecord, tarBlocks, tarGz, wheelMembers, wheelWithEntryComment, zipLayout } from '../hostile/crafted.ts';

async function temp(name: string, data: Buffer): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'units-')), name);
  await writeFile(path, data);
  return path;
}

async function framing(zip: Buffer): Promise<string | undefined> {
  const path = await temp('x.whl', zip);
  const reader = await ZipReader.open(path);
  const handle = await open(path, 'r');
  try {
    return await zipFramingProblem(handle, zip.length, new Map(reader.entries.map((e) => [e.name, e])));
  } finally {
    await handle.close();
    await reader.close();
  }
}

describe('outside text in the log', () => {
  it.each([
    ['busy\n::add-mask::x', 'busy\\n::add-mask::x'],
    ['a\r\n::stop-commands::t', 'a\\r\\n::stop-commands::t'],
    ['a\r::set-output name=x::y', 'a\\r::set-output name=x::y'],
    ['::error::x', '\\::error::x'],
    ['  ::warning::x', '  \\::warning::x'],
    ['line\u2028sep', 'line sep'],
    ['plain text: fine', 'plain text: fine'],
  ])('%j → %j', (text, escaped) => {
    expect(outside(text)).toBe(escaped);
    expect(outside(text)).not.toMatch(/[\r\n]/);
  });

  it('breaks up every line of a message that would read as a command', () => {
    expect(commandSafe('ok\n::add-mask::x\n  ::group::y\nfine :: here')).toBe(
      'ok\n\\::add-mask::x\n  \\::group::y\nfine :: here',
    );
  });
});

describe('withCredentials: the one place Authorization is added', () => {
  const credentials = { authorization: 'Basic c2VjcmV0', origin: 'https://upload.example.org' };
  it('adds it for the credentials’ own origin', () => {
    expect(withCredentials(new URL('https://upload.example.org/simple/x/'), {}, credentials).authorization).toBe(
      'Basic c2VjcmV0',
    );
  });
  it.each([
    'https://evil.example.org/legacy/',
    'https://upload.example.org:8443/legacy/',
    'http://upload.example.org/legacy/',
    'https://upload.example.org.evil.example/',
  ])('never for %s', (url) => {
    expect(withCredentials(new URL(url), {}, credentials)).not.toHaveProperty('authorization');
  });
  it('drops an Authorization header a caller passes in, whatever its case', () => {
    expect(
      withCredentials(new URL('https://evil.example/'), { Authorization: 'Basic x', accept: 'a' }, undefined),
    ).toEqual({ accept: 'a' });
  });
  it('never over plain http to another machine, even for that machine’s own origin', () => {
    const plain = { authorization: 'Basic c2VjcmV0', origin: 'http://index.example' };
    expect(withCredentials(new URL('http://index.example/simple/'), {}, plain)).not.toHaveProperty('authorization');
  });
});

describe("PyPI's zip framing", () => {
  it('accepts an honest zip', async () => {
    expect(await framing(makeZip(wheelMembers()))).toBeUndefined();
  });
  it('refuses trailing data', async () => {
    expect(await framing(Buffer.concat([makeZip(wheelMembers()), Buffer.from('x')]))).toBe('Trailing data');
  });
  it('refuses a comment on a central-directory record', async () => {
    expect(await framing(wheelWithEntryComment('hi'))).toBe('Comment in central directory');
  });
  it('refuses a local header whose sizes differ from the central directory', async () => {
    const zip = makeZip(wheelMembers());
    const { local } = zipLayout(zip);
    zip.writeUInt32LE(zip.readUInt32LE(local[1] + 22) + 1, local[1] + 22);
    expect(await framing(zip)).toBe('Mis-matched file size');
  });
  it('refuses a local header with a data descriptor', async () => {
    const zip = makeZip(wheelMembers());
    zip.writeUInt16LE(zip.readUInt16LE(6) | 0x0008, 6);
    expect(await framing(zip)).toBe('ZIP contains a data descriptor');
  });
  it('refuses a control character in a name', async () => {
    const zip = makeZip([...wheelMembers(), { name: 'demo/a\u0001.py', data: '' }]);
    expect(await framing(zip)).toBe('Invalid character in filename');
  });
  it('refuses garbage between records', async () => {
    const zip = makeZip(wheelMembers());
    const { central } = zipLayout(zip);
    const spliced = Buffer.concat([zip.subarray(0, central[0]), Buffer.from('JUNK'), zip.subarray(central[0])]);
    spliced.writeUInt32LE(central[0] + 4, spliced.length - 6);
    expect(await framing(spliced)).toBe('Unknown record signature');
  });
  it('refuses duplicate names while reading the central directory', async () => {
    const zip = makeZip([...wheelMembers(), { name: 'demo/__init__.py', data: 'x' }]);
    await expect(ZipReader.open(await temp('d.whl', zip))).rejects.toThrow(
      'ZIP archive not accepted: Duplicate filename in central directory (demo/__init__.py)',
    );
  });
});

describe('entry_points.txt', () => {
  it.each([
    ['[console_scripts]\ndemo = demo:main\n\n[demo.plugins]\nx = demo.x\n', undefined],
    ['# comment\n[console_scripts]\ndemo = demo:main\n  [extra]\n', undefined],
    ['demo = demo:main\n', "line 1: 'demo = demo:main' comes before any [section] header"],
    ['[console_scripts]\ndemo demo:main\n', "line 2: 'demo demo:main' is not a 'name = value' line"],
    ['[a]\n[a]\n', 'line 2: section [a] appears twice'],
    ['[a]\nx = 1\nx = 2\n', "line 3: 'x' appears twice in [a]"],
    [
      '[gui_scripts]\nbin/x = demo:main\n',
      "line 2: the script name 'bin/x' in [gui_scripts] may hold only letters, digits, '_', '.' and '-'",
    ],
    ['[other]\nbin/x = demo:main\n', undefined],
    // configparser: blank lines belong to the value, so a deeper line after one still continues it.
    ['[console_scripts]\ndemo = demo:main\n\n    more = text\n', undefined],
    ['[DEFAULT]\nx = 1\n[DEFAULT]\ny = 2\n', undefined],
    [
      '[DEFAULT]\nbin/x = 1\n[console_scripts]\ndemo = demo:main\n',
      "line 2: the script name 'bin/x' in [console_scripts] may hold only letters, digits, '_', '.' and '-'",
    ],
    ['\ufeff[a]\nx = 1\n', "line 1: '\ufeff[a]' comes before any [section] header"],
    ['[a]\nx = 1\ry = 2\n', undefined],
  ])('%j', (text, problem) => {
    expect(entryPointsProblem(text)).toBe(problem);
  });
});

describe('sdists as Python’s tarfile reads them', () => {
  const top = 'demo-1.0';
  const pkgInfo = 'Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n';
  it('honours a pax size, so that data is never taken for members', async () => {
    const hidden = tarBlocks([{ name: `${top}/PKG-INFO`, data: 'hidden' }]);
    const archive = tarGz(
      Buffer.concat([
        tarBlocks([
          { name: `${top}/PKG-INFO`, data: pkgInfo },
          { name: 'pax', data: paxRecord('size', String(hidden.length)), type: 'x' },
          { name: `${top}/blob`, size: 0 },
        ]),
        hidden,
      ]),
    );
    const listing = await listSdist(await temp('demo-1.0.tar.gz', archive));
    expect(listing.pkgInfo?.data?.toString()).toBe(pkgInfo);
    expect(listing.names.has(`${top}/blob`)).toBe(true);
    expect(listing.names.count).toBe(2);
  });
  it.each([
    [
      'a GNU sparse member',
      tarBlocks([
        { name: `${top}/PKG-INFO`, data: pkgInfo },
        { name: `${top}/s`, type: 'S' },
      ]),
    ],
    [
      'a pax GNU.sparse header',
      tarBlocks([{ name: 'pax', data: paxRecord('GNU.sparse.major', '1'), type: 'x' }, { name: `${top}/s` }]),
    ],
  ])('refuses %s', async (_what, blocks) => {
    await expect(listSdist(await temp('demo-1.0.tar.gz', tarGz(blocks)))).rejects.toThrow(
      'tar archive not accepted: Sparse members are not allowed',
    );
  });
  it('reads the last of two PKG-INFO members, as tarfile.getmember does', async () => {
    const blocks = tarBlocks([
      { name: `${top}/PKG-INFO`, data: pkgInfo },
      { name: `${top}/setup.py`, data: '' },
      { name: `${top}/PKG-INFO`, data: `${pkgInfo}Summary: second\n` },
    ]);
    const listing = await listSdist(await temp('demo-1.0.tar.gz', tarGz(blocks)));
    expect(listing.pkgInfo).toMatchObject({ copies: 2, identical: false });
    expect(listing.pkgInfo?.data?.toString()).toBe(`${pkgInfo}Summary: second\n`);
  });
});

describe('filenames', () => {
  it('refuses a wheel tag with characters outside [A-Za-z0-9_.]', () => {
    expect(() => parseDistFilename('demo-1.0-py3-none-any\n::group::x.whl')).toThrow(
      "the tag 'any\\n::group::x' has characters other than letters, digits, '_' and '.'",
    );
  });
  it('refuses a wheel filename whose .metadata companion would pass 255 bytes', () => {
    const platform = Array.from({ length: 10 }, () => 'manylinux_2_17_x86_64').join('.');
    expect(() => parseDistFilename(`demo-1.0-py3-none-${platform}.win32.whl`)).toThrow('("Filename is too long")');
    expect(() => parseDistFilename(`demo-1.0-py3-none-${platform}.whl`)).not.toThrow();
  });
  it('refuses an sdist whose name part is not a PEP 508 name', () => {
    expect(() => parseDistFilename('\\\\localhost:8080-1.0.tar.gz')).toThrow(
      "'\\\\localhost:8080' is not a valid project name",
    );
  });
});

describe('reStructuredText budget', () => {
  it('checks a one-line description of 50,000 tabs (168 s before) quickly', () => {
    const started = Date.now();
    expect(checkRstWithin(`x${'\t'.repeat(50_000)}x`, 60_000)).toEqual({ problems: [] });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
  it('stops collecting after 1,000 problems and says so', () => {
    const result = checkRstWithin('a *'.repeat(50_000), 60_000);
    expect(result.problems).toHaveLength(1000);
    expect(result.stopped).toBe('the check stopped after 1000 problems');
  });
  it('skips blocks nested deeper than 48 levels and says so, without overflowing the stack', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}q`).join('\n\n');
    expect(checkRstWithin(text, 60_000).stopped).toBe('blocks nested more than 48 deep were not checked');
  });
  it('stops at its time budget with what it found so far', () => {
    const result = checkRstWithin('a *\n\n'.repeat(200), 0);
    expect(result.stopped).toBe('the check stopped after 0 ms');
  });
});

describe('problems per field', () => {
  it('keeps 20 of each field, then says how many more', () => {
    const problems: DistProblem[] = Array.from({ length: 25 }, (_, i) => ({
      file: 'f.whl',
      field: 'Classifier',
      message: `m${i}`,
      fix: 'x',
      severity: 'error',
    }));
    const capped = capPerField(problems);
    expect(capped).toHaveLength(21);
    expect(capped[20].message).toBe('and 5 more problems of the same kind in Classifier.');
  });
});

describe('classifier suggestions', () => {
  it('finds the case-and-spacing typo by lookup, and 100,000 bogus ones quickly', () => {
    expect(classifierProblem('programming language :: python :: 3')).toContain(
      "did you mean 'Programming Language :: Python :: 3'",
    );
    const started = Date.now();
    for (let i = 0; i < 100_000; i++) classifierProblem(`Bogus :: ${i}`);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
