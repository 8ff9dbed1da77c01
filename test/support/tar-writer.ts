// A tar writer, byte by byte (POSIX ustar and pax, plus GNU's long-name extension), for the tests
// of the sdist reader: test/unit/tar.test.ts and test/sdist-differential.test.ts.
export interface TarMember {
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

export function tar(members: TarMember[], { end = true } = {}): Buffer {
  const blocks: Buffer[] = [];
  for (const member of members) {
    const data = typeof member.data === 'string' ? Buffer.from(member.data, 'utf8') : (member.data ?? Buffer.alloc(0));
    blocks.push(tarHeader(member, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  if (end) blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** One pax record, "<length> <key>=<value>\n", whose length counts its own digits. */
export function paxRecord(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`;
  const restLength = Buffer.byteLength(rest, 'utf8');
  let length = restLength + 1;
  while (String(length).length + restLength !== length) length = String(length).length + restLength;
  return `${length}${rest}`;
}

export function paxHeader(path: string, extra: Record<string, string> = {}): TarMember {
  const records = Object.entries({ mtime: '1725192000.5', ...extra, path }).map(([key, value]) =>
    paxRecord(key, value),
  );
  return { name: '././@PaxHeader', type: 'x', data: records.join('') };
}

export function gnuLongName(path: string): TarMember {
  return { name: '././@LongLink', type: 'L', format: 'gnu', data: `${path}\0` };
}
