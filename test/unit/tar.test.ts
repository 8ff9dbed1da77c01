import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { listSdist, TarFormatError, type SdistListing } from '../../src/dists/tar.js';

// ---- A tar writer, byte by byte (POSIX ustar and pax, plus GNU's long-name extension). ----

interface TarMember {
  /** The header's 100-byte name field. */
  name: string;
  data?: Buffer | string;
  /** '0' file (default), '5' directory, 'x' pax header, 'L' GNU long name, … */
  type?: string;
  /** ustar's 155-byte prefix field. */
  prefix?: string;
  /** 'ustar' (POSIX, default), 'gnu' ("ustar  \0"), or 'v7' (no magic). */
  format?: 'ustar' | 'gnu' | 'v7';
  /** Size field as written, if not the octal size of data. */
  rawSize?: string;
  /** Add this to the stored checksum (a corrupt header). */
  checksumDelta?: number;
}

function field(header: Buffer, offset: number, length: number, value: string): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new Error(`'${value}' does not fit in ${length} bytes`);
  bytes.copy(header, offset);
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0');
}

function tarHeader(member: TarMember, size: number): Buffer {
  const header = Buffer.alloc(512);
  field(header, 0, 100, member.name);
  field(header, 100, 8, octal(member.type === '5' ? 0o755 : 0o644, 8));
  field(header, 108, 8, octal(1000, 8));
  field(header, 116, 8, octal(1000, 8));
  field(header, 124, 12, member.rawSize ?? octal(size, 12));
  field(header, 136, 12, octal(1725192000, 12));
  header.write(member.type ?? '0', 156, 'latin1');
  const format = member.format ?? 'ustar';
  if (format === 'ustar') {
    field(header, 257, 6, 'ustar\0');
    field(header, 263, 2, '00');
  } else if (format === 'gnu') {
    field(header, 257, 8, 'ustar  \0');
  }
  if (format !== 'v7') {
    field(header, 265, 32, 'builder');
    field(header, 297, 32, 'builder');
  }
  if (member.prefix !== undefined) field(header, 345, 155, member.prefix);
  // The checksum is computed with its own field read as eight spaces.
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  field(header, 148, 8, `${octal(sum + (member.checksumDelta ?? 0), 7)}\0 `);
  return header;
}

function tar(members: TarMember[], { end = true } = {}): Buffer {
  const blocks: Buffer[] = [];
  for (const member of members) {
    const data = typeof member.data === 'string' ? Buffer.from(member.data, 'utf8') : (member.data ?? Buffer.alloc(0));
    blocks.push(tarHeader(member, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  if (end) blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** One pax record, "<length> <key>=<value>\n", whose length counts its own digits. */
function paxRecord(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`;
  const restLength = Buffer.byteLength(rest, 'utf8');
  let length = restLength + 1;
  while (String(length).length + restLength !== length) length = String(length).length + restLength;
  return `${length}${rest}`;
}

function paxHeader(path: string, extra: Record<string, string> = {}): TarMember {
  const records = Object.entries({ mtime: '1725192000.5', ...extra, path }).map(([key, value]) =>
    paxRecord(key, value),
  );
  return { name: '././@PaxHeader', type: 'x', data: records.join('') };
}

function gnuLongName(path: string): TarMember {
  return { name: '././@LongLink', type: 'L', format: 'gnu', data: `${path}\0` };
}

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

function pkgInfos(listing: SdistListing): Record<string, string> {
  return Object.fromEntries([...listing.pkgInfo].map(([top, data]) => [top, data.toString('utf8')]));
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

  it('ignores leading ./ in member names', async () => {
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
    expect(pkgInfos(listing)).toEqual({ 'foo-1.0': PKG_INFO });
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

  it('ignores the prefix area of a pre-POSIX (v7) header', async () => {
    const listing = await listBytes(
      gzipSync(tar([{ name: 'foo-1.0/PKG-INFO', prefix: 'junk', format: 'v7', data: PKG_INFO }])),
    );
    expect([...listing.topLevel]).toEqual(['foo-1.0']);
    expect(pkgInfos(listing)).toEqual({ 'foo-1.0': PKG_INFO });
  });

  it('takes a long path from a pax extended header, for that member only', async () => {
    const top = `${'a_very_long_project_name_'.repeat(5)}-1.0`;
    const pkgInfoPath = `${top}/PKG-INFO`;
    const longFile = `${top}/${'directory/'.repeat(12)}file.py`;
    const listing = await listBytes(
      gzipSync(
        tar([
          paxHeader(longFile),
          { name: longFile.slice(0, 100), data: 'x = 1\n' },
          paxHeader(pkgInfoPath, { 'SCHILY.xattr.user.note': 'ü' }),
          { name: pkgInfoPath.slice(0, 100), data: PKG_INFO },
          { name: `${top.slice(0, 60)}/short`, data: 'the pax path above must not carry over to this member' },
        ]),
      ),
    );
    expect(new Set(listing.topLevel)).toEqual(new Set([top, top.slice(0, 60)]));
    expect(pkgInfos(listing)).toEqual({ [top]: PKG_INFO });
  });

  it('takes a long path from a GNU long-name (L) entry', async () => {
    const top = `${'long_name_'.repeat(11)}-2.0`;
    const path = `${top}/PKG-INFO`;
    const listing = await listBytes(
      gzipSync(
        tar([
          { name: `${top.slice(0, 99)}/`, type: '5', format: 'gnu' },
          gnuLongName(`${top}/`),
          { name: `${top}/`.slice(0, 100), type: '5', format: 'gnu' },
          gnuLongName(path),
          { name: path.slice(0, 100), format: 'gnu', data: PKG_INFO },
        ]),
      ),
    );
    expect(new Set(listing.topLevel)).toEqual(new Set([top.slice(0, 99), top]));
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
    expect(pkgInfos(listing)).toEqual({ 'a-1.0': 'Name: a\n', 'b-1.0': 'Name: b\n' });
  });

  it('lists nothing for an archive with no members', async () => {
    const listing = await listBytes(gzipSync(tar([])));
    expect(listing.topLevel.size).toBe(0);
    expect(listing.pkgInfo.size).toBe(0);
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
