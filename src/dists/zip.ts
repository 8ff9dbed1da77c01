import { open, type FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { zipFramingProblem, zipNotAccepted, type CentralRecord } from './zip-framing.js';

/** A member of a zip archive as its central directory lists it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;
/** Deflate never grows data by more than a few bytes per 16 KiB block. */
const DEFLATE_SLACK = 1024;

/**
 * Reads a zip's central directory and chosen members without loading the archive: only the tail,
 * the directory and the wanted members are read from disk. Every size and offset is checked
 * against the file's size before anything is allocated, and names must be unique.
 */
export class ZipReader {
  private constructor(
    private readonly handle: FileHandle,
    private readonly size: number,
    readonly entries: ZipEntry[],
  ) {}

  static async open(path: string): Promise<ZipReader> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      return new ZipReader(handle, size, await readCentralDirectory(handle, size));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** PyPI's record-framing rules (see zip-framing.ts); a ZipFormatError in PyPI's words if broken. */
  async checkFraming(): Promise<void> {
    const central = new Map<string, CentralRecord>(this.entries.map((e) => [e.name, e]));
    const problem = await zipFramingProblem(this.handle, this.size, central);
    if (problem) throw new ZipFormatError(zipNotAccepted(problem));
  }

  async read(entry: ZipEntry, maxBytes: number): Promise<Buffer> {
    if (entry.uncompressedSize > maxBytes) {
      throw new ZipFormatError(`${entry.name} is ${entry.uncompressedSize} bytes, over the ${maxBytes}-byte limit`);
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ZipFormatError(
        `${entry.name} uses compression method ${entry.method}; PyPI accepts only stored (0) and deflate (8)`,
      );
    }
    // A stored member's bytes are its content: what is read is capped, not just what is declared.
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
      throw new ZipFormatError(
        `${entry.name} is stored uncompressed, but its sizes disagree (${entry.compressedSize} and ${entry.uncompressedSize} bytes)`,
      );
    }
    if (entry.compressedSize > maxBytes + DEFLATE_SLACK) {
      throw new ZipFormatError(
        `${entry.name} is ${entry.compressedSize} bytes compressed, over the ${maxBytes}-byte limit`,
      );
    }
    const header = await readAt(this.handle, this.size, entry.localHeaderOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE)
      throw new ZipFormatError(`the local header of ${entry.name} is missing`);
    const nameLength = header.readUInt16LE(26);
    const localName = (await readAt(this.handle, this.size, entry.localHeaderOffset + 30, nameLength)).toString('utf8');
    if (localName !== entry.name) {
      throw new ZipFormatError(
        `the local header names '${localName}' where the central directory names '${entry.name}'`,
      );
    }
    const dataStart = entry.localHeaderOffset + 30 + nameLength + header.readUInt16LE(28);
    const raw = await readAt(this.handle, this.size, dataStart, entry.compressedSize);
    if (entry.method === 0) return raw;
    let data: Buffer;
    try {
      data = inflateRawSync(raw, { maxOutputLength: maxBytes });
    } catch (error) {
      throw new ZipFormatError(`${entry.name} could not be decompressed: ${(error as Error).message}`);
    }
    if (data.length !== entry.uncompressedSize) {
      throw new ZipFormatError(
        `${entry.name} decompresses to ${data.length} bytes, not the ${entry.uncompressedSize} its header declares`,
      );
    }
    return data;
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** Reads exactly `length` bytes at `position`, after checking that they lie inside the file. */
async function readAt(handle: FileHandle, size: number, position: number, length: number): Promise<Buffer> {
  if (
    !Number.isSafeInteger(position) ||
    !Number.isSafeInteger(length) ||
    position < 0 ||
    length < 0 ||
    position + length > size
  ) {
    throw new ZipFormatError('a record points past the end of the file (truncated or crafted archive)');
  }
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new ZipFormatError('the archive ends early (truncated file?)');
  return buffer;
}

function uint64(buffer: Buffer, at: number, what: string): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new ZipFormatError(`the ${what} (${value}) is not a possible size or offset`);
  return Number(value);
}

async function readCentralDirectory(handle: FileHandle, size: number): Promise<ZipEntry[]> {
  if (size < 22) throw new ZipFormatError('the file is too small to be a zip archive');
  const tailLength = Math.min(size, 22 + MAX_COMMENT);
  const tailStart = size - tailLength;
  const tail = await readAt(handle, size, tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new ZipFormatError('no end-of-central-directory record: this is not a zip archive, or it is truncated');

  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locatorAt = tailStart + eocd - 20;
    const locator = locatorAt >= 0 ? await readAt(handle, size, locatorAt, 20) : undefined;
    // Python's zipfile writes exactly 65,535 entries without ZIP64 records; only a locator means ZIP64.
    if (locator?.readUInt32LE(0) === ZIP64_LOCATOR_SIGNATURE) {
      const record = await readAt(handle, size, uint64(locator, 8, 'ZIP64 end record offset'), 56);
      if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE)
        throw new ZipFormatError('the ZIP64 end-of-central-directory record is missing');
      count = uint64(record, 32, 'ZIP64 entry count');
      directorySize = uint64(record, 40, 'ZIP64 central directory size');
      directoryOffset = uint64(record, 48, 'ZIP64 central directory offset');
    } else if (directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      throw new ZipFormatError('the ZIP64 locator is missing');
    }
  }
  if (directoryOffset + directorySize > size)
    throw new ZipFormatError('the central directory lies past the end of the file (truncated?)');
  if (count * 46 > directorySize)
    throw new ZipFormatError(`the archive claims ${count} members, more than its central directory can hold`);

  const directory = await readAt(handle, size, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) {
      throw new ZipFormatError('the central directory is corrupt');
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    if (at + 46 + nameLength + extraLength + commentLength > directory.length)
      throw new ZipFormatError('the central directory is corrupt');
    const entry: ZipEntry = {
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      // Wheels must use UTF-8 names (PEP 427); the framing check refuses other bytes.
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
    };
    applyZip64Extra(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    if (entry.localHeaderOffset + 30 > size || entry.compressedSize > size) {
      throw new ZipFormatError(`the central directory gives ${entry.name} a size or offset past the end of the file`);
    }
    // pip and PyPI would each pick one of two same-named members, maybe not the same one.
    if (names.has(entry.name))
      throw new ZipFormatError(zipNotAccepted(`Duplicate filename in central directory (${entry.name})`));
    names.add(entry.name);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** ZIP64 extra field (id 1): 64-bit values for those 32-bit fields that hold 0xFFFFFFFF, in this order. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      const end = Math.min(at + 4 + length, extra.length);
      let field = at + 4;
      const next = (what: string): number => {
        if (field + 8 > end)
          throw new ZipFormatError(`the ZIP64 extra field of ${entry.name} is too short to hold its ${what}`);
        const value = uint64(extra, field, `ZIP64 ${what} of ${entry.name}`);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next('size');
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next('compressed size');
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next('offset');
      return;
    }
    at += 4 + length;
  }
}
