import type { FileHandle } from 'node:fs/promises';

/**
 * What a member's central-directory record says; the framing check compares every local header
 * with it, since an installer that streams local headers and one that reads the central directory
 * must see the same files.
 */
export interface CentralRecord {
  compressedSize: number;
  uncompressedSize: number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const NO_DUPLICATE_EXTRAS = new Set([0x0001, 0x7075]);
// Small: past a large member only its next header is needed, not the data after it.
const WINDOW = 64 * 1024;

class FramingError extends Error {}

/** Reads small records at arbitrary positions through one cached window. */
class Window {
  private start = 0;
  private buffer = Buffer.alloc(0);

  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  async bytes(position: number, length: number): Promise<Buffer> {
    if (!Number.isSafeInteger(position) || position < 0 || length < 0 || position + length > this.size)
      throw new FramingError('Malformed zip file');
    if (position < this.start || position + length > this.start + this.buffer.length) {
      this.start = position;
      this.buffer = Buffer.alloc(Math.min(Math.max(length, WINDOW), this.size - position));
      const { bytesRead } = await this.handle.read(this.buffer, 0, this.buffer.length, position);
      if (bytesRead !== this.buffer.length) throw new FramingError('Malformed zip file');
    }
    return this.buffer.subarray(position - this.start, position - this.start + length);
  }
}

const unprintable = (name: Buffer): boolean => name.some((byte) => byte < 0x20 || byte === 0x7f);

function utf8(name: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(name);
  } catch {
    return undefined;
  }
}

/**
 * Walks the archive from its first byte to its last the way PyPI does since 2025 (Warehouse's
 * zip record-framing check): local headers, then the central directory, then the end records,
 * nothing else and nothing after. Returns PyPI's reason for refusing it, or undefined.
 * `central` maps each member name (decoded) to its central-directory sizes.
 */
export async function zipFramingProblem(
  handle: FileHandle,
  size: number,
  central: Map<string, CentralRecord>,
): Promise<string | undefined> {
  try {
    await walk(new Window(handle, size), central);
    return undefined;
  } catch (error) {
    if (error instanceof FramingError) return error.message;
    throw error;
  }
}

async function walk(window: Window, central: Map<string, CentralRecord>): Promise<void> {
  const localNames = new Set<string>();
  const centralNames = new Set<string>();
  let position = 0;
  let directoryStart: number | undefined;
  let directoryRecords = 0;
  let directorySize = 0;
  let zip64: { records: number; size: number; offset: number } | undefined;
  let locatorSeen = false;
  for (;;) {
    const signature = (await window.bytes(position, 4)).readUInt32LE(0);
    if (signature === EOCD && zip64 && !locatorSeen) throw new FramingError('Malformed zip file');
    if (signature === LOCAL) {
      const { name, next } = await localHeader(window, position, central);
      if (localNames.has(name)) throw new FramingError('Duplicate filename in local headers');
      localNames.add(name);
      position = next;
    } else if (signature === CENTRAL) {
      directoryStart ??= position;
      directoryRecords++;
      const head = await window.bytes(position, 46);
      const nameLength = head.readUInt16LE(28);
      const extraLength = head.readUInt16LE(30);
      if (head.readUInt16LE(32) !== 0) throw new FramingError('Comment in central directory');
      const rawName = await window.bytes(position + 46, nameLength);
      if (unprintable(rawName)) throw new FramingError('Invalid character in filename');
      const name = memberName(rawName, head.readUInt16LE(8));
      if (centralNames.has(name)) throw new FramingError('Duplicate filename in central directory');
      if (!localNames.has(name)) throw new FramingError('Missing filename in local headers');
      centralNames.add(name);
      directorySize += 46 + nameLength + extraLength;
      position += 46 + nameLength + extraLength;
    } else if (signature === EOCD) {
      directoryStart ??= position;
      const record = await window.bytes(position, 22);
      if (record.readUInt16LE(8) !== record.readUInt16LE(10)) throw new FramingError('Malformed zip file');
      const declared = zip64 ?? {
        records: record.readUInt16LE(10),
        size: record.readUInt32LE(12),
        offset: record.readUInt32LE(16),
      };
      if (declared.records !== directoryRecords) throw new FramingError('Mismatched central directory records');
      if (declared.offset !== directoryStart) throw new FramingError('Mismatched central directory offset');
      if (declared.size !== directorySize) throw new FramingError('Mismatched central directory size');
      const end = position + 22 + record.readUInt16LE(20);
      if (end > window.size) throw new FramingError('Malformed zip file');
      if (end !== window.size) throw new FramingError('Trailing data');
      if (localNames.size !== centralNames.size)
        throw new FramingError('Mis-matched local headers and central directory');
      return;
    } else if (signature === EOCD64) {
      const record = await window.bytes(position, 56);
      if (record.readBigUInt64LE(4) !== 44n) throw new FramingError('ZIP64 extensible data not allowed');
      if (record.readBigUInt64LE(24) !== record.readBigUInt64LE(32)) throw new FramingError('Malformed zip file');
      zip64 = {
        records: safe(record.readBigUInt64LE(32)),
        size: safe(record.readBigUInt64LE(40)),
        offset: safe(record.readBigUInt64LE(48)),
      };
      position += 56;
    } else if (signature === EOCD64_LOCATOR) {
      await window.bytes(position, 20);
      locatorSeen = true;
      position += 20;
    } else {
      throw new FramingError('Unknown record signature');
    }
  }
}

function safe(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new FramingError('Malformed zip file');
  return Number(value);
}

/** Python's zipfile (and so pip and PyPI) decodes a name as UTF-8 only with flag bit 11, else as cp437. */
function memberName(raw: Buffer, flags: number): string {
  const text = utf8(raw);
  if (text === undefined) throw new FramingError('Filename not valid UTF-8');
  if ((flags & 0x0800) === 0 && raw.some((byte) => byte >= 0x80))
    throw new FramingError('Filename not unicode (a non-ASCII name without the UTF-8 flag)');
  return text;
}

async function localHeader(
  window: Window,
  position: number,
  central: Map<string, CentralRecord>,
): Promise<{ name: string; next: number }> {
  const head = await window.bytes(position, 30);
  const flags = head.readUInt16LE(6);
  const method = head.readUInt16LE(8);
  let compressedSize = head.readUInt32LE(18);
  let uncompressedSize = head.readUInt32LE(22);
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const rawName = await window.bytes(position + 30, nameLength);
  if (unprintable(rawName)) throw new FramingError('Invalid character in filename');
  const extra = await window.bytes(position + 30 + nameLength, extraLength);
  const seen = new Set<number>();
  for (let at = 0; at < extra.length;) {
    if (extra.length - at < 4) throw new FramingError('Malformed zip file');
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (at + 4 + length > extra.length) throw new FramingError('Malformed zip file');
    if (seen.has(id) && NO_DUPLICATE_EXTRAS.has(id)) throw new FramingError('Invalid duplicate extra in local file');
    seen.add(id);
    const data = extra.subarray(at + 4, at + 4 + length);
    if (id === 0x0001) {
      if (![0, 8, 16, 24, 28].includes(length)) throw new FramingError('Malformed zip file');
      if (length === 0 && (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff))
        throw new FramingError('Malformed zip file');
      if (length === 8) {
        if (method !== 0) throw new FramingError('Malformed zip file');
        compressedSize = safe(data.readBigUInt64LE(0));
        uncompressedSize = compressedSize;
      } else if (length >= 16) {
        if (uncompressedSize === 0xffffffff) uncompressedSize = safe(data.readBigUInt64LE(0));
        compressedSize = safe(data.readBigUInt64LE(8));
      }
    } else if (id === 0x7075) {
      const unicode = data.subarray(5);
      if (unprintable(unicode)) throw new FramingError('Invalid character in filename');
      if (utf8(unicode) === undefined) throw new FramingError('Filename not valid UTF-8');
    }
    at += 4 + length;
  }
  if (flags & 0x0008) throw new FramingError('ZIP contains a data descriptor');
  const name = memberName(rawName, flags);
  const record = central.get(name);
  if (!record) throw new FramingError('Filename not in central directory');
  if (record.compressedSize !== compressedSize) throw new FramingError('Mis-matched data size');
  if (record.uncompressedSize !== uncompressedSize) throw new FramingError('Mis-matched file size');
  const next = position + 30 + nameLength + extraLength + compressedSize;
  if (next > window.size) throw new FramingError('Malformed zip file');
  return { name, next };
}

/** PyPI's words for a refused zip, and where it explains them. */
export function zipNotAccepted(reason: string): string {
  return `ZIP archive not accepted: ${reason}. See https://docs.pypi.org/archives for more information`;
}
