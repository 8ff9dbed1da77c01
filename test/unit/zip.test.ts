import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { ZipFormatError, ZipReader, type ZipEntry } from '../../src/dists/zip.js';

// ---- A zip writer, byte by byte (APPNOTE.TXT 4.3), so each test can shape the archive it needs. ----

type Zip64Field = 'uncompressed' | 'compressed' | 'offset';

interface MemberSpec {
  name: string;
  data: Buffer;
  /** 0 stored (default), 8 deflate; anything else stores `data` as is under that method number. */
  method?: number;
  /** Bytes to store instead of the encoded data (corrupt or lying members). */
  raw?: Buffer;
  /** The uncompressed size the headers declare, if not the real one. */
  declaredSize?: number;
  /** Sizes in the local header are zero and follow the data in a descriptor (flag bit 3). */
  dataDescriptor?: boolean;
  /** Extra field bytes for the local header only. */
  localExtra?: Buffer;
  /** Central-directory fields to write as 0xFFFFFFFF, their values moving to a ZIP64 extra field. */
  zip64?: Zip64Field[];
}

interface ArchiveSpec {
  comment?: Buffer;
  /** Write the end records the ZIP64 way: 0xFFFF/0xFFFFFFFF in the EOCD, plus ZIP64 EOCD record and locator. */
  zip64End?: boolean;
  /** Leave out the ZIP64 locator (an archive that claims ZIP64 but is broken). */
  omitLocator?: boolean;
  /** The entry count the end record declares, if not the real one. */
  declaredCount?: number;
}

interface BuiltZip {
  bytes: Buffer;
  /** What a correct reader should report for each member. */
  entries: ZipEntry[];
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
}
function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
}
function u64(value: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(value));
  return b;
}

const DOS_TIME = 0x6000; // 12:00:00
const DOS_DATE = 0x5921; // 2024-09-01

function buildZip(members: MemberSpec[], archive: ArchiveSpec = {}): BuiltZip {
  const chunks: Buffer[] = [];
  let offset = 0;
  const push = (...parts: Buffer[]): void => {
    for (const part of parts) {
      chunks.push(part);
      offset += part.length;
    }
  };
  const central: Buffer[] = [];
  const entries: ZipEntry[] = [];

  for (const member of members) {
    const method = member.method ?? 0;
    const stored = member.raw ?? (method === 8 ? deflateRawSync(member.data) : member.data);
    const crc = crc32(member.data);
    const size = member.declaredSize ?? member.data.length;
    const name = Buffer.from(member.name, 'utf8');
    const flags = 0x0800 | (member.dataDescriptor ? 0x0008 : 0);
    const localOffset = offset;
    const zip64 = new Set(member.zip64 ?? []);
    const versionNeeded = zip64.size ? 45 : 20;

    const localExtra = [member.localExtra ?? Buffer.alloc(0)];
    if (zip64.has('uncompressed') || zip64.has('compressed'))
      localExtra.unshift(u16(1), u16(16), u64(size), u64(stored.length));
    const localExtraBytes = Buffer.concat(localExtra);
    const bigSizes = zip64.has('uncompressed') || zip64.has('compressed');
    push(
      u32(0x04034b50),
      u16(versionNeeded),
      u16(flags),
      u16(method),
      u16(DOS_TIME),
      u16(DOS_DATE),
      u32(member.dataDescriptor ? 0 : crc),
      u32(member.dataDescriptor ? 0 : bigSizes ? 0xffffffff : stored.length),
      u32(member.dataDescriptor ? 0 : bigSizes ? 0xffffffff : size),
      u16(name.length),
      u16(localExtraBytes.length),
      name,
      localExtraBytes,
      stored,
    );
    if (member.dataDescriptor) push(u32(0x08074b50), u32(crc), u32(stored.length), u32(size));

    // The ZIP64 extra holds only the overflowing fields, always in this order.
    const extraValues: Buffer[] = [];
    if (zip64.has('uncompressed')) extraValues.push(u64(size));
    if (zip64.has('compressed')) extraValues.push(u64(stored.length));
    if (zip64.has('offset')) extraValues.push(u64(localOffset));
    // An unrelated extra field first (extended timestamp), so the reader has to walk the list.
    const timestamp = Buffer.concat([u16(0x5455), u16(5), Buffer.from([1]), u32(1725192000)]);
    const extra = extraValues.length
      ? Buffer.concat([timestamp, u16(1), u16(extraValues.length * 8), ...extraValues])
      : Buffer.alloc(0);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(0x031e),
        u16(versionNeeded),
        u16(flags),
        u16(method),
        u16(DOS_TIME),
        u16(DOS_DATE),
        u32(crc),
        u32(zip64.has('compressed') ? 0xffffffff : stored.length),
        u32(zip64.has('uncompressed') ? 0xffffffff : size),
        u16(name.length),
        u16(extra.length),
        u16(0),
        u16(0),
        u16(0),
        u32(0o100644 * 0x10000),
        u32(zip64.has('offset') ? 0xffffffff : localOffset),
        name,
        extra,
      ]),
    );
    entries.push({
      name: member.name,
      method,
      compressedSize: stored.length,
      uncompressedSize: size,
      localHeaderOffset: localOffset,
    });
  }

  const directoryOffset = offset;
  push(...central);
  const directorySize = offset - directoryOffset;
  const count = archive.declaredCount ?? members.length;
  const comment = archive.comment ?? Buffer.alloc(0);
  if (archive.zip64End) {
    const recordOffset = offset;
    push(
      u32(0x06064b50),
      u64(44),
      u16(0x031e),
      u16(45),
      u32(0),
      u32(0),
      u64(count),
      u64(count),
      u64(directorySize),
      u64(directoryOffset),
    );
    if (!archive.omitLocator) push(u32(0x07064b50), u32(0), u64(recordOffset), u32(1));
    push(
      u32(0x06054b50),
      u16(0),
      u16(0),
      u16(0xffff),
      u16(0xffff),
      u32(0xffffffff),
      u32(0xffffffff),
      u16(comment.length),
      comment,
    );
  } else {
    push(
      u32(0x06054b50),
      u16(0),
      u16(0),
      u16(count),
      u16(count),
      u32(directorySize),
      u32(directoryOffset),
      u16(comment.length),
      comment,
    );
  }
  return { bytes: Buffer.concat(chunks), entries };
}

// ---- Tests ----

let root: string;
let fileCount = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'zip-test-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeTemp(bytes: Buffer): Promise<string> {
  const path = join(root, `archive-${++fileCount}.whl`);
  await writeFile(path, bytes);
  return path;
}

/** Opens the archive, hands the reader to `use`, and always closes it. */
async function withZip<T>(bytes: Buffer, use: (zip: ZipReader) => Promise<T>): Promise<T> {
  const zip = await ZipReader.open(await writeTemp(bytes));
  try {
    return await use(zip);
  } finally {
    await zip.close();
  }
}

async function zipError(promise: Promise<unknown>): Promise<ZipFormatError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ZipFormatError);
    return error as ZipFormatError;
  }
  throw new Error('expected a ZipFormatError, but nothing was thrown');
}

const METADATA = Buffer.from(
  'Metadata-Version: 2.4\nName: foo\nVersion: 1.0\n\nA description – with “non-ASCII” text.\n',
  'utf8',
);
const RECORD = Buffer.from('foo/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\n'.repeat(40), 'utf8');

describe('ZipReader: members', () => {
  it('lists the central directory and reads stored and deflated members', async () => {
    const built = buildZip([
      { name: 'foo/__init__.py', data: Buffer.alloc(0) },
      { name: 'foo-1.0.dist-info/METADATA', data: METADATA, method: 8 },
      { name: 'foo-1.0.dist-info/RECORD', data: RECORD, method: 8 },
      { name: 'foo-1.0.dist-info/WHEEL', data: Buffer.from('Wheel-Version: 1.0\n'), method: 0 },
    ]);
    expect(built.entries[2].compressedSize).toBeLessThan(RECORD.length); // the deflate path is really exercised
    await withZip(built.bytes, async (zip) => {
      expect(zip.entries).toEqual(built.entries);
      const read = await Promise.all(zip.entries.map((entry) => zip.read(entry, 1 << 20)));
      expect(read.map((b) => b.toString('utf8'))).toEqual([
        '',
        METADATA.toString('utf8'),
        RECORD.toString('utf8'),
        'Wheel-Version: 1.0\n',
      ]);
    });
  });

  it('decodes member names as UTF-8', async () => {
    const built = buildZip([{ name: 'café-1.0.dist-info/licenses/LICENSE-ü.txt', data: Buffer.from('MIT') }]);
    await withZip(built.bytes, async (zip) => {
      expect(zip.entries.map((e) => e.name)).toEqual(['café-1.0.dist-info/licenses/LICENSE-ü.txt']);
    });
  });

  it('takes sizes from the central directory when the local header defers them to a data descriptor', async () => {
    const built = buildZip([
      { name: 'a.txt', data: Buffer.from('first'), method: 8, dataDescriptor: true },
      { name: 'foo-1.0.dist-info/METADATA', data: METADATA, method: 8, dataDescriptor: true },
    ]);
    await withZip(built.bytes, async (zip) => {
      expect(zip.entries).toEqual(built.entries);
      expect((await zip.read(zip.entries[1], 1 << 20)).equals(METADATA)).toBe(true);
    });
  });

  it('finds the data after the local header’s own extra field, which may differ from the central one', async () => {
    const built = buildZip([
      { name: 'METADATA', data: METADATA, localExtra: Buffer.concat([u16(0xcafe), u16(6), Buffer.from('padpad')]) },
    ]);
    await withZip(built.bytes, async (zip) => {
      expect((await zip.read(zip.entries[0], 1 << 20)).equals(METADATA)).toBe(true);
    });
  });

  it('reads a member of exactly maxBytes', async () => {
    const built = buildZip([{ name: 'm', data: Buffer.alloc(64, 0x61), method: 8 }]);
    await withZip(built.bytes, async (zip) => {
      expect((await zip.read(zip.entries[0], 64)).length).toBe(64);
    });
  });
});

describe('ZipReader: ZIP64', () => {
  it('reads sizes and offsets from the ZIP64 extra field and the ZIP64 end records', async () => {
    const built = buildZip(
      [
        { name: 'foo/__init__.py', data: Buffer.from('x = 1\n'), zip64: ['uncompressed', 'compressed', 'offset'] },
        {
          name: 'foo-1.0.dist-info/METADATA',
          data: METADATA,
          method: 8,
          zip64: ['uncompressed', 'compressed', 'offset'],
        },
      ],
      { zip64End: true },
    );
    await withZip(built.bytes, async (zip) => {
      expect(zip.entries).toEqual(built.entries);
      expect(zip.entries[1].localHeaderOffset).toBeGreaterThan(0);
      expect((await zip.read(zip.entries[1], 1 << 20)).equals(METADATA)).toBe(true);
    });
  });

  it('reads only the overflowing fields from the extra field (here the offset alone)', async () => {
    const built = buildZip([
      { name: 'a', data: Buffer.from('aaaa') },
      { name: 'foo-1.0.dist-info/METADATA', data: METADATA, method: 8, zip64: ['offset'] },
    ]);
    await withZip(built.bytes, async (zip) => {
      expect(zip.entries).toEqual(built.entries);
      expect((await zip.read(zip.entries[1], 1 << 20)).equals(METADATA)).toBe(true);
    });
  });

  it('reads an archive of exactly 65535 entries, whose count is 0xFFFF without any ZIP64 record', async () => {
    // Python's zipfile (used by setuptools and wheel) writes ZIP64 records only above 65535 entries.
    const members: MemberSpec[] = Array.from({ length: 0xffff }, (_, i) => ({ name: `f${i}`, data: Buffer.alloc(0) }));
    members[0xfffe] = { name: 'foo-1.0.dist-info/METADATA', data: METADATA };
    const built = buildZip(members);
    expect(built.bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(false);
    await withZip(built.bytes, async (zip) => {
      expect(zip.entries.length).toBe(0xffff);
      expect((await zip.read(zip.entries[0xfffe], 1 << 20)).equals(METADATA)).toBe(true);
    });
  });

  it('refuses an archive that claims ZIP64 end records but has no locator', async () => {
    const built = buildZip([{ name: 'a', data: Buffer.from('a') }], { zip64End: true, omitLocator: true });
    const error = await zipError(ZipReader.open(await writeTemp(built.bytes)));
    expect(error.message).toBe('the ZIP64 locator is missing');
  });
});

describe('ZipReader: the end record', () => {
  it('finds the end record before a trailing comment', async () => {
    const built = buildZip([{ name: 'METADATA', data: METADATA, method: 8 }], {
      comment: Buffer.from('built by a test; PK is just text'),
    });
    await withZip(built.bytes, async (zip) => {
      expect(zip.entries).toEqual(built.entries);
      expect((await zip.read(zip.entries[0], 1 << 20)).equals(METADATA)).toBe(true);
    });
  });

  it('finds the end record before a comment of the maximum length (65535 bytes)', async () => {
    const built = buildZip([{ name: 'METADATA', data: METADATA }], { comment: Buffer.alloc(0xffff, 0x2e) });
    await withZip(built.bytes, async (zip) => {
      expect(zip.entries).toEqual(built.entries);
    });
  });
});

describe('ZipReader: damaged files', () => {
  const good = buildZip([
    { name: 'foo-1.0.dist-info/METADATA', data: METADATA, method: 8 },
    { name: 'foo-1.0.dist-info/RECORD', data: RECORD, method: 8 },
  ]);

  it('refuses a file cut in half', async () => {
    const error = await zipError(ZipReader.open(await writeTemp(good.bytes.subarray(0, good.bytes.length >> 1))));
    expect(error.message).toBe('no end-of-central-directory record: this is not a zip archive, or it is truncated');
  });

  it('refuses a file that lost bytes before its central directory', async () => {
    const damaged = Buffer.concat([good.bytes.subarray(0, 40), good.bytes.subarray(140)]);
    const error = await zipError(ZipReader.open(await writeTemp(damaged)));
    expect(error.message).toBe('the central directory lies past the end of the file (truncated?)');
  });

  it('refuses a file smaller than an end record', async () => {
    const error = await zipError(ZipReader.open(await writeTemp(Buffer.from('PK\x05\x06'))));
    expect(error.message).toBe('the file is too small to be a zip archive');
  });

  it('refuses garbage', async () => {
    const garbage = Buffer.concat(
      Array.from({ length: 128 }, (_, i) => createHash('sha256').update(String(i)).digest()),
    );
    expect(garbage.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe(false);
    const error = await zipError(ZipReader.open(await writeTemp(garbage)));
    expect(error.message).toBe('no end-of-central-directory record: this is not a zip archive, or it is truncated');
  });

  it('refuses a directory that holds fewer entries than the end record says', async () => {
    const built = buildZip([{ name: 'a', data: Buffer.from('a') }], { declaredCount: 2 });
    const error = await zipError(ZipReader.open(await writeTemp(built.bytes)));
    expect(error.message).toBe('the archive claims 2 members, more than its central directory can hold');
  });

  it('refuses to read a member whose local header is not where the directory says', async () => {
    const built = buildZip([{ name: 'METADATA', data: METADATA }]);
    await withZip(built.bytes, async (zip) => {
      const error = await zipError(zip.read({ ...zip.entries[0], localHeaderOffset: 4 }, 1 << 20));
      expect(error.message).toBe('the local header of METADATA is missing');
    });
  });

  it('refuses a member whose deflate stream is corrupt', async () => {
    const built = buildZip([
      { name: 'METADATA', data: METADATA, method: 8, raw: Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) },
    ]);
    await withZip(built.bytes, async (zip) => {
      const error = await zipError(zip.read(zip.entries[0], 1 << 20));
      expect(error.message).toMatch(/^METADATA could not be decompressed: /);
    });
  });
});

describe('ZipReader: refusals', () => {
  it.each([
    [12, 'bzip2'],
    [14, 'LZMA'],
    [93, 'zstd'],
  ])('names an unsupported compression method (%i, %s)', async (method) => {
    const built = buildZip([{ name: 'foo-1.0.dist-info/METADATA', data: METADATA, method }]);
    await withZip(built.bytes, async (zip) => {
      expect(zip.entries[0].method).toBe(method);
      const error = await zipError(zip.read(zip.entries[0], 1 << 20));
      expect(error.message).toBe(
        `foo-1.0.dist-info/METADATA uses compression method ${method}; PyPI accepts only stored (0) and deflate (8)`,
      );
    });
  });

  it('refuses a member whose declared size is over maxBytes, before reading it', async () => {
    const built = buildZip([{ name: 'big.txt', data: Buffer.alloc(100, 0x61), method: 8 }]);
    await withZip(built.bytes, async (zip) => {
      const error = await zipError(zip.read(zip.entries[0], 50));
      expect(error.message).toBe('big.txt is 100 bytes, over the 50-byte limit');
    });
  });

  it('stops inflating at maxBytes when the directory understates the size', async () => {
    const built = buildZip([{ name: 'bomb.txt', data: Buffer.alloc(100_000, 0x61), method: 8, declaredSize: 10 }]);
    await withZip(built.bytes, async (zip) => {
      expect(zip.entries[0].uncompressedSize).toBe(10);
      const error = await zipError(zip.read(zip.entries[0], 1000));
      expect(error.message).toMatch(/^bomb\.txt could not be decompressed: /);
    });
  });
});
