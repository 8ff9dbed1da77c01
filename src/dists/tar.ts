import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

export class TarFormatError extends Error {
  override name = 'TarFormatError';
}

export interface SdistListing {
  /** First path segment of the members, e.g. `pkg-1.0` (at most MAX_TOP_LEVEL: more is an error anyway). */
  topLevel: Set<string>;
  /** Every member's path, without a leading `./`. */
  names: MemberNames;
  /** Contents of every `<top>/PKG-INFO`, keyed by `<top>`. */
  pkgInfo: Map<string, Buffer>;
}

type TarState =
  | { kind: 'header' }
  | { kind: 'data'; remaining: number; padding: number; capture?: Buffer[]; onDone?: (data: Buffer) => void };

/**
 * Member paths, kept as a few long strings rather than one string per member, so that an sdist
 * of a million tiny files costs megabytes, not hundreds of them.
 */
export class MemberNames {
  private readonly chunks: string[] = [];
  private current: string[] = [];
  private chars = 0;
  count = 0;

  add(name: string): void {
    this.chars += name.length + 1;
    if (this.chars > MAX_NAME_CHARS)
      throw new TarFormatError(`its member names add up to more than ${MAX_NAME_CHARS} characters`);
    this.current.push(name);
    this.count++;
    if (this.current.length >= 4096) this.flush();
  }

  has(name: string): boolean {
    if (name.includes('\n')) return false;
    this.flush();
    return this.chunks.some((chunk) => chunk.includes(`\n${name}\n`));
  }

  private flush(): void {
    if (this.current.length) this.chunks.push(`\n${this.current.join('\n')}\n`);
    this.current = [];
  }
}

const BLOCK = 512;
const MAX_TOP_LEVEL = 6;
const MAX_NAME_CHARS = 32 * 1024 * 1024;
const MAX_PKG_INFO = 16 * 1024 * 1024;
const MAX_EXTENDED_HEADER = 1024 * 1024;

/**
 * Streams a .tar.gz once, block by block, noting the top-level names and keeping only the
 * PKG-INFO files; memory stays small whatever the archive's size.
 * Understands ustar prefixes, pax extended headers (`path`) and GNU long names.
 */
export async function listSdist(path: string): Promise<SdistListing> {
  const listing: SdistListing = { topLevel: new Set(), names: new MemberNames(), pkgInfo: new Map() };
  let pending: Buffer = Buffer.alloc(0);
  let state: TarState = { kind: 'header' };
  let longName: string | undefined;
  let paxPath: string | undefined;
  let paxSize: number | undefined;
  let globalPaxPath: string | undefined;
  let ended = false;

  const handleHeader = (header: Buffer): void => {
    if (header.every((byte) => byte === 0)) {
      ended = true;
      return;
    }
    verifyChecksum(header);
    const type = String.fromCharCode(header[156] ?? 0);
    if (type === 'S') throw sparse();
    const isExtension = type === 'L' || type === 'x' || type === 'g' || type === 'K';
    // A pax `size` replaces the header's, as in Python's tarfile (pip's and PyPI's reader).
    const size = isExtension
      ? parseNumber(header.subarray(124, 136))
      : (paxSize ?? parseNumber(header.subarray(124, 136)));
    if (!Number.isSafeInteger(size)) throw new TarFormatError(`a member claims ${size} bytes`);
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;
    const collect = (onDone: (data: Buffer) => void): void => {
      if (size > MAX_EXTENDED_HEADER) throw new TarFormatError(`an extended header of ${size} bytes is too large`);
      state = { kind: 'data', remaining: size, padding, capture: [], onDone };
    };
    if (type === 'L') {
      collect((data) => (longName = cString(data)));
      return;
    }
    if (type === 'x') {
      collect((data) => {
        const records = parsePax(data);
        if ([...records.keys()].some((key) => key.startsWith('GNU.sparse.'))) throw sparse();
        paxPath = records.get('path') ?? paxPath;
        const paxSizeText = records.get('size');
        if (paxSizeText !== undefined && !/^\d{1,15}$/.test(paxSizeText))
          throw new TarFormatError(`a pax header holds size '${paxSizeText.slice(0, 40)}'`);
        if (paxSizeText !== undefined) paxSize = Number(paxSizeText);
      });
      return;
    }
    if (type === 'g') {
      collect((data) => (globalPaxPath = parsePax(data).get('path') ?? globalPaxPath));
      return;
    }
    if (type === 'K') {
      collect(() => undefined);
      return;
    }

    const magic = header.toString('latin1', 257, 262);
    const prefix = magic === 'ustar' ? cString(header.subarray(345, 500)) : '';
    const shortName = cString(header.subarray(0, 100));
    const name = paxPath ?? longName ?? globalPaxPath ?? (prefix ? `${prefix}/${shortName}` : shortName);
    longName = undefined;
    paxPath = undefined;
    paxSize = undefined;

    const segments = name
      .replace(/^(\.\/)+/, '')
      .split('/')
      .filter((s) => s !== '' && s !== '.');
    if (segments.length > 0) {
      if (listing.topLevel.size < MAX_TOP_LEVEL) listing.topLevel.add(segments[0]!);
      listing.names.add(segments.join('/'));
    }
    const isFile = type === '0' || type === '\0' || type === '7';
    if (isFile && segments.length === 2 && segments[1] === 'PKG-INFO') {
      if (size > MAX_PKG_INFO) throw new TarFormatError(`${name} is ${size} bytes, too large for a PKG-INFO`);
      const top = segments[0]!;
      // Tools differ on which of two same-named members counts; this one holds the metadata.
      if (listing.pkgInfo.has(top)) throw new TarFormatError(`tar archive not accepted: ${top}/PKG-INFO appears twice`);
      state = { kind: 'data', remaining: size, padding, capture: [], onDone: (data) => listing.pkgInfo.set(top, data) };
      return;
    }
    state = { kind: 'data', remaining: size, padding };
  };

  const stream = createReadStream(path).pipe(createGunzip());
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let at = 0;
      // handleHeader sets `ended`, which TypeScript's narrowing cannot see either.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      while (!ended) {
        // handleHeader changes `state`, which TypeScript's narrowing cannot see.
        const current = state as TarState;
        if (current.kind === 'header') {
          if (pending.length - at < BLOCK) break;
          handleHeader(pending.subarray(at, at + BLOCK));
          at += BLOCK;
          continue;
        }
        const dataState = current;
        if (dataState.remaining > 0) {
          const take = Math.min(dataState.remaining, pending.length - at);
          if (take === 0) break;
          dataState.capture?.push(Buffer.from(pending.subarray(at, at + take)));
          dataState.remaining -= take;
          at += take;
          if (dataState.remaining > 0) break;
        }
        const skip = Math.min(dataState.padding, pending.length - at);
        dataState.padding -= skip;
        at += skip;
        if (dataState.padding > 0) break;
        if (dataState.capture && dataState.onDone) dataState.onDone(Buffer.concat(dataState.capture));
        state = { kind: 'header' };
      }
      pending = pending.subarray(at);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (ended) break;
    }
  } catch (error) {
    if (error instanceof TarFormatError) throw error;
    throw new TarFormatError(`it is not a valid gzip-compressed tar archive (${(error as Error).message})`);
  } finally {
    stream.destroy();
  }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  if (!ended && (state as TarState).kind === 'data')
    throw new TarFormatError('the archive ends in the middle of a member (truncated file?)');
  return listing;
}

function sparse(): TarFormatError {
  return new TarFormatError(
    'tar archive not accepted: Sparse members are not allowed. See https://docs.pypi.org/archives for more information',
  );
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.toString('utf8', 0, end < 0 ? bytes.length : end);
}

function parseNumber(field: Buffer): number {
  // GNU base-256 for sizes of 8 GiB and more: high bit set, big-endian binary.
  if ((field[0]! & 0x80) !== 0) {
    let value = 0n;
    for (let i = 1; i < field.length; i++) value = (value << 8n) | BigInt(field[i]!);
    return Number(value);
  }
  const text = cString(field).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError(`a header holds '${text}' where an octal number belongs`);
  return parseInt(text, 8);
}

function verifyChecksum(header: Buffer): void {
  const stored = parseNumber(header.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  if (sum !== stored) throw new TarFormatError('a member header has a bad checksum: the archive is corrupt');
}

/** Pax records: "<length> <key>=<value>\n", where length counts the whole record in bytes. */
function parsePax(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space < 0) break;
    const length = parseInt(data.toString('latin1', at, space), 10);
    if (!(length > 0)) break;
    const record = data.toString('utf8', space + 1, at + length - 1);
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    at += length;
  }
  return records;
}
