import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

// A .tar.gz read once, block by block, as Python's tarfile reads it (PyPI's, twine's and pip's
// reader): the same member names (ustar prefix, pax and GNU long names, in the order tarfile
// applies them, trailing slashes of directories dropped), the same data skipped, sparse members
// refused. Only the members the caller asks for are kept in memory.

export class TarFormatError extends Error {
  override name = 'TarFormatError';
}

export interface TarMember {
  /** TarInfo.name: the member's path as Python's tarfile reports it. */
  name: string;
  /** The type flag: '0' file, '5' directory, '2' symlink, … */
  type: string;
  size: number;
  /** Holds data tarfile would read as a file's contents. */
  regular: boolean;
}

/** Called for each member; returns where its data should go, or undefined to skip it. */
export type TarVisitor = (member: TarMember) => ((data: Buffer) => void) | undefined;

type TarState =
  | { kind: 'header' }
  | { kind: 'data'; remaining: number; padding: number; capture?: Buffer[]; onDone?: (data: Buffer) => void };

/** An extension header that applies to the next member: a GNU long name or a pax header. */
type Extension = { kind: 'long-name'; name: string } | { kind: 'pax'; records: Map<string, string> };

const BLOCK = 512;
const MAX_CAPTURE = 16 * 1024 * 1024;
const MAX_EXTENDED_HEADER = 1024 * 1024;
const SUPPORTED_TYPES = '0\x0012345672LKS';
const REGULAR_TYPES = '0\x007S';

/** Streams the archive at `path` once; memory stays small whatever its size. */
export async function walkTarGz(path: string, visit: TarVisitor): Promise<void> {
  let pending: Buffer = Buffer.alloc(0);
  let state: TarState = { kind: 'header' };
  let extensions: Extension[] = [];
  const globalPax = new Map<string, string>();
  let paxSize: number | undefined;
  let ended = false;

  const handleHeader = (header: Buffer): void => {
    if (header.every((byte) => byte === 0)) {
      ended = true;
      return;
    }
    verifyChecksum(header);
    const type = String.fromCharCode(header[156] ?? 0);
    if (type === 'S') throw sparse();
    const isExtension = 'LxgKX'.includes(type);
    // A pax `size` replaces the header's, as in Python's tarfile.
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
      collect((data) => extensions.push({ kind: 'long-name', name: cString(data) }));
      return;
    }
    if (type === 'K') {
      collect(() => undefined);
      return;
    }
    if (type === 'x' || type === 'X' || type === 'g') {
      collect((data) => {
        const records = parsePax(data);
        if ([...records.keys()].some((key) => key.startsWith('GNU.sparse.'))) throw sparse();
        if (type === 'g') {
          for (const [key, value] of records) globalPax.set(key, value);
          return;
        }
        const sizeText = records.get('size');
        if (sizeText !== undefined && !/^\d{1,15}$/.test(sizeText))
          throw new TarFormatError(`a pax header holds size '${sizeText.slice(0, 40)}'`);
        if (sizeText !== undefined) paxSize = Number(sizeText);
        extensions.push({ kind: 'pax', records: new Map([...globalPax, ...records]) });
      });
      return;
    }

    const shortName = cString(header.subarray(0, 100));
    const isDirectory = type === '5' || (type === '\0' && shortName.endsWith('/'));
    const name = memberName(header, shortName, isDirectory, globalPax, extensions);
    extensions = [];
    paxSize = undefined;
    const regular = REGULAR_TYPES.includes(type) && !isDirectory;
    const onData = visit({ name, type: isDirectory ? '5' : type, size, regular });
    // tarfile skips data only after regular files and types it does not know.
    const hasData = regular || !SUPPORTED_TYPES.includes(type);
    if (!hasData) return;
    if (onData) {
      if (size > MAX_CAPTURE) throw new TarFormatError(`${name} is ${size} bytes, too large to read`);
      state = { kind: 'data', remaining: size, padding, capture: [], onDone: onData };
    } else state = { kind: 'data', remaining: size, padding };
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
        if (current.remaining > 0) {
          const take = Math.min(current.remaining, pending.length - at);
          if (take === 0) break;
          current.capture?.push(Buffer.from(pending.subarray(at, at + take)));
          current.remaining -= take;
          at += take;
          if (current.remaining > 0) break;
        }
        const skip = Math.min(current.padding, pending.length - at);
        current.padding -= skip;
        at += skip;
        if (current.padding > 0) break;
        if (current.capture && current.onDone) current.onDone(Buffer.concat(current.capture));
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
}

/**
 * TarInfo.name: the header's name (a directory's trailing slashes dropped) behind its ustar prefix,
 * then a global pax path, then the extension headers from the innermost (nearest the member)
 * outwards, each replacing the name as tarfile's nested processing does.
 */
function memberName(
  header: Buffer,
  shortName: string,
  isDirectory: boolean,
  globalPax: Map<string, string>,
  extensions: Extension[],
): string {
  const prefix = cString(header.subarray(345, 500));
  let name = isDirectory ? shortName.replace(/\/+$/, '') : shortName;
  if (prefix) name = `${prefix}/${name}`;
  const globalPath = globalPax.get('path');
  if (globalPath !== undefined) name = globalPath.replace(/\/+$/, '');
  if (isDirectory) name = name.replace(/\/+$/, '');
  for (const extension of [...extensions].reverse()) {
    if (extension.kind === 'long-name') name = isDirectory ? extension.name.replace(/\/$/, '') : extension.name;
    else {
      const path = extension.records.get('path');
      if (path !== undefined) name = path.replace(/\/+$/, '');
    }
  }
  return name;
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
  // Python accepts the sum of the bytes read as unsigned or, as some old tar programs wrote it, signed.
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : header[i]!;
    unsigned += byte;
    signed += byte >= 0x80 ? byte - 0x100 : byte;
  }
  if (stored !== unsigned && stored !== signed)
    throw new TarFormatError('a member header has a bad checksum: the archive is corrupt');
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
