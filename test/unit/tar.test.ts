import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { listSdist, type SdistListing } from '../../src/dists/sdist-listing.js';
import { TarFormatError } from '../../src/dists/tar.js';
import { gnuLongName, paxHeader, tar } from '../support/tar-writer.ts';

const PKG_INFO = `Metadata-Version: 2.4\nName: foo\nVersion: 1.0\nSummary: Ünïcode summary\n\n${'A long description line.\n'.repeat(60)}`;

// ---- Tests ----

let root: string;
let count = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tar-test-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function listBytes(bytes: Buffer): Promise<SdistListing> {
  const path = join(root, `sdist-${++count}.tar.gz`);
  await writeFile(path, bytes);
  return listSdist(path);
}

async function tarError(bytes: Buffer): Promise<TarFormatError> {
  try {
    await listBytes(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(TarFormatError);
    return error as TarFormatError;
  }
  throw new Error('expected a TarFormatError, but nothing was thrown');
}

/** The PKG-INFO found, keyed by the top-level folder PyPI would take. */
function pkgInfos(listing: SdistListing): Record<string, string> {
  const { commonPath, pkgInfo } = listing;
  return pkgInfo?.data ? { [commonPath!]: pkgInfo.data.toString('utf8') } : {};
}

describe('listSdist', () => {
  it('finds PKG-INFO under the single top-level folder', async () => {
    const listing = await listBytes(
      gzipSync(
        tar([
          { name: 'foo-1.0/', type: '5' },
          { name: 'foo-1.0/pyproject.toml', data: '[project]\nname = "foo"\n' },
          { name: 'foo-1.0/src/foo/__init__.py', data: '' },
          { name: 'foo-1.0/docs/PKG-INFO', data: 'not the metadata: it is not directly under the top folder' },
          { name: 'foo-1.0/PKG-INFO', data: PKG_INFO },
        ]),
      ),
    );
    expect([...listing.topLevel]).toEqual(['foo-1.0']);
    expect(pkgInfos(listing)).toEqual({ 'foo-1.0': PKG_INFO });
  });

  it('follows members across gzip chunk boundaries, whatever their sizes', async () => {
    // Incompressible data, so that the gunzip stream delivers many chunks.
    const big = Buffer.concat(
      Array.from({ length: 3200 }, (_, i) => createHash('sha256').update(String(i)).digest()),
    ).subarray(0, 100_003);
    const listing = await listBytes(
      gzipSync(
        tar([
          { name: 'foo-1.0/data.bin', data: big },
          { name: 'foo-1.0/exactly-one-block', data: Buffer.alloc(512, 0x61) },
          { name: 'foo-1.0/PKG-INFO', data: PKG_INFO },
          { name: 'foo-1.0/after.bin', data: big },
        ]),
      ),
    );
    expect([...listing.topLevel]).toEqual(['foo-1.0']);
    expect(pkgInfos(listing)).toEqual({ 'foo-1.0': PKG_INFO });
  });

  it('keeps a leading ./ in member names, as tarfile does: the root member leaves no common folder', async () => {
    const listing = await listBytes(
      gzipSync(
        tar([
          { name: './', type: '5' },
          { name: './foo-1.0/', type: '5' },
          { name: './foo-1.0/PKG-INFO', data: PKG_INFO },
        ]),
      ),
    );
    expect([...listing.topLevel]).toEqual(['foo-1.0']);
    expect(listing.commonPath).toBe('');
    expect(listing.names.has('.')).toBe(true);
    expect(pkgInfos(listing)).toEqual({});
  });

  it('keeps a leading ./ in member names, as tarfile does: ./foo-1.0/PKG-INFO is not foo-1.0/PKG-INFO', async () => {
    const listing = await listBytes(
      gzipSync(
        tar([
          { name: './foo-1.0/', type: '5' },
          { name: './foo-1.0/setup.py', data: '' },
          { name: './foo-1.0/PKG-INFO', data: PKG_INFO },
        ]),
      ),
    );
    expect(listing.commonPath).toBe('foo-1.0');
    expect(listing.names.has('./foo-1.0/PKG-INFO')).toBe(true);
    expect(listing.pkgInfo).toBeUndefined();
  });

  it('reads the last of two PKG-INFO members, as tarfile.getmember does, and says whether they differ', async () => {
    const twice = (second: string) =>
      listBytes(
        gzipSync(
          tar([
            { name: 'foo-1.0/PKG-INFO', data: PKG_INFO },
            { name: 'foo-1.0/setup.py', data: '' },
            { name: 'foo-1.0/PKG-INFO', data: second },
          ]),
        ),
      );
    const same = await twice(PKG_INFO);
    expect(same.pkgInfo).toMatchObject({ name: 'foo-1.0/PKG-INFO', copies: 2, identical: true });
    const other = await twice('Metadata-Version: 2.1\nName: foo\nVersion: 1.0\n');
    expect(other.pkgInfo).toMatchObject({ copies: 2, identical: false });
    expect(other.pkgInfo?.data?.toString()).toBe('Metadata-Version: 2.1\nName: foo\nVersion: 1.0\n');
  });

  it('takes the top-level folder from the common path: one level deeper when everything is in a subfolder', async () => {
    const listing = await listBytes(
      gzipSync(
        tar([
          { name: 'outer/foo-1.0/PKG-INFO', data: PKG_INFO },
          { name: 'outer/foo-1.0/setup.py', data: '' },
        ]),
      ),
    );
    expect(listing.commonPath).toBe('outer/foo-1.0');
    expect(pkgInfos(listing)).toEqual({ 'outer/foo-1.0': PKG_INFO });
  });

  it('joins the ustar prefix field and the name', async () => {
    const deep = `foo-1.0/${'sub/'.repeat(30)}`.replace(/\/$/, '');
    const listing = await listBytes(
      gzipSync(
        tar([
          { name: 'PKG-INFO', prefix: 'foo-1.0', data: PKG_INFO },
          { name: 'module.py', prefix: deep, data: 'x = 1\n' },
        ]),
      ),
    );
    expect([...listing.topLevel]).toEqual(['foo-1.0']);
    expect(pkgInfos(listing)).toEqual({ 'foo-1.0': PKG_INFO });
  });

  it('joins the prefix area of a pre-POSIX (v7) header too, as tarfile does', async () => {
    const listing = await listBytes(
      gzipSync(tar([{ name: 'foo-1.0/PKG-INFO', prefix: 'junk', format: 'v7', data: PKG_INFO }])),
    );
    expect(listing.names.has('junk/foo-1.0/PKG-INFO')).toBe(true);
    expect([...listing.topLevel]).toEqual(['junk']);
  });

  it('takes a long path from a pax extended header, for that member only', async () => {
    const top = 'pkg-1.0';
    const longFile = `${top}/${'directory/'.repeat(12)}file.py`;
    const listing = await listBytes(
      gzipSync(
        tar([
          paxHeader(longFile),
          { name: longFile.slice(0, 100), data: 'x = 1\n' },
          paxHeader(`${top}/PKG-INFO`, { 'SCHILY.xattr.user.note': 'ü' }),
          { name: 'truncated-name', data: PKG_INFO },
          { name: `${top}/short`, data: 'the pax path above must not carry over to this member' },
        ]),
      ),
    );
    expect(listing.names.has(longFile)).toBe(true);
    expect(listing.names.has(`${top}/short`)).toBe(true);
    expect(listing.names.has('truncated-name')).toBe(false);
    expect(pkgInfos(listing)).toEqual({ [top]: PKG_INFO });
  });

  it('takes a long path from a GNU long-name (L) entry', async () => {
    const top = `${'long_name_'.repeat(11)}-2.0`;
    const path = `${top}/PKG-INFO`;
    const listing = await listBytes(
      gzipSync(
        tar([
          gnuLongName(`${top}/`),
          { name: `${top}/`.slice(0, 100), type: '5', format: 'gnu' },
          gnuLongName(path),
          { name: path.slice(0, 100), format: 'gnu', data: PKG_INFO },
        ]),
      ),
    );
    expect([...listing.topLevel]).toEqual([top]);
    expect(listing.names.has(top)).toBe(true);
    expect(pkgInfos(listing)).toEqual({ [top]: PKG_INFO });
  });

  it('reports every top-level entry when there is more than one folder', async () => {
    const listing = await listBytes(
      gzipSync(
        tar([
          { name: 'a-1.0/PKG-INFO', data: 'Name: a\n' },
          { name: 'b-1.0/PKG-INFO', data: 'Name: b\n' },
          { name: 'setup.py', data: '' },
        ]),
      ),
    );
    expect(new Set(listing.topLevel)).toEqual(new Set(['a-1.0', 'b-1.0', 'setup.py']));
    expect(listing.commonPath).toBe('');
    expect(pkgInfos(listing)).toEqual({});
  });

  it('lists nothing for an archive with no members', async () => {
    const listing = await listBytes(gzipSync(tar([])));
    expect(listing.topLevel.size).toBe(0);
    expect(listing.commonPath).toBe('');
    expect(listing.pkgInfo).toBeUndefined();
  });
});

describe('listSdist: damaged archives', () => {
  it('refuses a header with a bad checksum', async () => {
    const error = await tarError(gzipSync(tar([{ name: 'foo-1.0/PKG-INFO', data: PKG_INFO, checksumDelta: 1 }])));
    expect(error.message).toBe('a member header has a bad checksum: the archive is corrupt');
  });

  it('refuses a size field that is not octal', async () => {
    const error = await tarError(gzipSync(tar([{ name: 'foo-1.0/PKG-INFO', rawSize: '12x4', data: '' }])));
    expect(error.message).toBe("a header holds '12x4' where an octal number belongs");
  });

  it('refuses a tar cut off inside a member', async () => {
    const whole = tar([{ name: 'foo-1.0/PKG-INFO', data: PKG_INFO }]);
    const error = await tarError(gzipSync(whole.subarray(0, 512 + 100)));
    expect(error.message).toBe('the archive ends in the middle of a member (truncated file?)');
  });

  it('refuses a gzip stream cut short', async () => {
    const gz = gzipSync(tar([{ name: 'foo-1.0/PKG-INFO', data: PKG_INFO }]));
    const error = await tarError(gz.subarray(0, gz.length - 30));
    expect(error.message).toBe('it is not a valid gzip-compressed tar archive (unexpected end of file)');
  });

  it('refuses an uncompressed tar', async () => {
    const error = await tarError(tar([{ name: 'foo-1.0/PKG-INFO', data: PKG_INFO }]));
    expect(error.message).toBe('it is not a valid gzip-compressed tar archive (incorrect header check)');
  });

  it('refuses a file that is not an archive at all', async () => {
    const error = await tarError(Buffer.from('<html>404 Not Found</html>\n'));
    expect(error.message).toMatch(/^it is not a valid gzip-compressed tar archive \(.+\)$/);
  });
});
