// Crafted dists for the hostile suite: byte-exact archives that break one rule each. Built from the
// honest writers in test/support/archives.ts, then patched where a field must lie.
import { gzipSync } from 'node:zlib';
import { crc32, makeTarGz, makeWheel, makeZip, metadataText, type ArchiveMember } from '../support/archives.ts';

export const NAME = 'demo';
export const VERSION = '1.0';
export const WHEEL = `${NAME}-${VERSION}-py3-none-any.whl`;
export const SDIST = `${NAME}-${VERSION}.tar.gz`;
const DIST_INFO = `${NAME}-${VERSION}.dist-info`;

export const baseMetadata = (extra: Record<string, string> = {}, body = ''): string =>
  metadataText({ 'Metadata-Version': '2.1', Name: NAME, Version: VERSION, Summary: 'test', ...extra }, body);

/** A wheel's members: a module, METADATA, WHEEL and RECORD (and any extra). */
export function wheelMembers(metadata = baseMetadata(), extra: ArchiveMember[] = []): ArchiveMember[] {
  return [
    { name: `${NAME}/__init__.py`, data: '' },
    { name: `${DIST_INFO}/METADATA`, data: metadata },
    {
      name: `${DIST_INFO}/WHEEL`,
      data: 'Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
    },
    ...extra,
    { name: `${DIST_INFO}/RECORD`, data: '' },
  ];
}

export const wheel = (metadata = baseMetadata()): Buffer => makeWheel(NAME, VERSION, metadata);
export const sdist = (pkgInfo = baseMetadata(), top = `${NAME}-${VERSION}`): Buffer =>
  makeTarGz([
    { name: `${top}/PKG-INFO`, data: pkgInfo },
    { name: `${top}/setup.py`, data: '' },
  ]);

interface ZipLayout {
  /** Offset of each member's central-directory record, in order. */
  central: number[];
  /** Offset of each member's local header, in order. */
  local: number[];
  eocd: number;
}

/** Where makeZip put its records (it writes locals, then the directory, then the EOCD, nothing else). */
export function zipLayout(zip: Buffer): ZipLayout {
  const eocd = zip.length - 22;
  const count = zip.readUInt16LE(eocd + 10);
  const central: number[] = [];
  const local: number[] = [];
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    central.push(at);
    local.push(zip.readUInt32LE(at + 42));
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { central, local, eocd };
}

/** A wheel whose METADATA (member 1) has its central-directory fields overwritten. */
export function patchedWheel(
  patch: (zip: Buffer, centralAt: number, localAt: number) => void,
  metadata = baseMetadata(),
): Buffer {
  const zip = makeZip(wheelMembers(metadata));
  const layout = zipLayout(zip);
  patch(zip, layout.central[1], layout.local[1]);
  return zip;
}

/** A wheel whose METADATA central record carries a ZIP64 extra field of the given bytes. */
export function wheelWithZip64Extra(
  extra: Buffer,
  sizes: { compressed?: number; uncompressed?: number; offset?: number },
): Buffer {
  const zip = makeZip(wheelMembers());
  const { central, eocd } = zipLayout(zip);
  const at = central[1];
  const nameLength = zip.readUInt16LE(at + 28);
  const field = Buffer.alloc(4 + extra.length);
  field.writeUInt16LE(0x0001, 0);
  field.writeUInt16LE(extra.length, 2);
  extra.copy(field, 4);
  const record = Buffer.from(zip.subarray(at, at + 46 + nameLength));
  record.writeUInt16LE(field.length, 30);
  if (sizes.compressed !== undefined) record.writeUInt32LE(sizes.compressed, 20);
  if (sizes.uncompressed !== undefined) record.writeUInt32LE(sizes.uncompressed, 24);
  if (sizes.offset !== undefined) record.writeUInt32LE(sizes.offset, 42);
  const directoryStart = central[0];
  const before = zip.subarray(0, at);
  const after = zip.subarray(at + 46 + nameLength, eocd);
  const end = Buffer.from(zip.subarray(eocd));
  end.writeUInt32LE(eocd - directoryStart + field.length, 12);
  return Buffer.concat([before, record, field, after, end]);
}

/** A zip whose members are deflated. */
export function deflatedZip(members: ArchiveMember[]): Buffer {
  return makeZip(members, 8);
}

/** One ustar header block (checksum computed) for a member of the given type and size. */
export function tarHeader(name: string, size: number, type = '0'): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100, 'latin1');
  header.write('0000000\0', 108, 'latin1');
  header.write('0000000\0', 116, 'latin1');
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  header.write('00000000000\0', 136, 'latin1');
  header.write(type, 156, 'latin1');
  header.write('ustar\0', 257, 'latin1');
  header.write('00', 263, 'latin1');
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return header;
}

const pad = (length: number): Buffer => Buffer.alloc((512 - (length % 512)) % 512);

/** A pax record, "<length> <key>=<value>\n", its length counting itself. */
export function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (String(length).length + body.length !== length) length = String(length).length + body.length;
  return `${length}${body}`;
}

/** Raw tar blocks (uncompressed) for member entries; each is a header plus data plus padding. */
export function tarBlocks(entries: { name: string; data?: Buffer | string; type?: string; size?: number }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data ?? '', 'utf8');
    blocks.push(tarHeader(entry.name, entry.size ?? data.length, entry.type ?? '0'), data, pad(data.length));
  }
  return Buffer.concat(blocks);
}

export const tarGz = (blocks: Buffer): Buffer => gzipSync(Buffer.concat([blocks, Buffer.alloc(1024)]));

export { makeTarGz, makeZip, metadataText, crc32 };

/** A wheel whose METADATA central-directory record carries a comment (PyPI refuses any). */
export function wheelWithEntryComment(comment: string): Buffer {
  const zip = makeZip(wheelMembers());
  const { central, eocd } = zipLayout(zip);
  const at = central[1];
  const nameLength = zip.readUInt16LE(at + 28);
  const text = Buffer.from(comment, 'utf8');
  const record = Buffer.from(zip.subarray(at, at + 46 + nameLength));
  record.writeUInt16LE(text.length, 32);
  const end = Buffer.from(zip.subarray(eocd));
  end.writeUInt32LE(eocd - central[0] + text.length, 12);
  return Buffer.concat([zip.subarray(0, at), record, text, zip.subarray(at + 46 + nameLength, eocd), end]);
}
