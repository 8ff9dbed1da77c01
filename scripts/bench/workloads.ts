// The benchmark's releases, written byte-exact into .cache/bench (once): a project "benchproj" 1.0.0
// whose wheels carry incompressible random payloads, so that no layer can shrink them.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { makeTarGz, metadataText } from '../../test/support/archives.ts';

export interface Workload {
  id: string;
  title: string;
  /** Large workloads are compared with curl (the wire ceiling) against the 1.1× target. */
  large: boolean;
  files: { tag: string; payload: number }[];
  sdist: boolean;
  /** Bytes of random text in the sdist (compressed, it stays about this large). */
  sdistPayload?: number;
}

const MIB = 1024 * 1024;
const PYTHONS = ['cp39', 'cp310', 'cp311', 'cp312', 'cp313'];
const PLATFORMS = [
  'manylinux_2_17_x86_64.manylinux2014_x86_64',
  'musllinux_1_2_x86_64',
  'win_amd64',
  'macosx_11_0_arm64',
];
const binaryTags = PYTHONS.flatMap((py) => PLATFORMS.map((platform) => `${py}-${py}-${platform}`));
const SMALL = 24 * 1024;

export const WORKLOADS: Workload[] = [
  {
    // The release most projects make: an sdist and a pure-Python wheel, 60 to 80 KiB each.
    id: 'release-2',
    title: '1 sdist + 1 wheel',
    large: false,
    sdist: true,
    sdistPayload: 64 * 1024,
    files: [{ tag: 'py3-none-any', payload: 64 * 1024 }],
  },
  {
    id: 'small-6',
    title: '6 small dists',
    large: false,
    sdist: true,
    files: binaryTags.slice(0, 5).map((tag) => ({ tag, payload: SMALL })),
  },
  {
    id: 'small-20',
    title: '20 small dists',
    large: false,
    sdist: true,
    files: binaryTags.slice(0, 19).map((tag) => ({ tag, payload: SMALL })),
  },
  {
    id: 'wheel-200m',
    title: 'one 200 MiB wheel',
    large: true,
    sdist: false,
    files: [{ tag: 'py3-none-any', payload: 200 * MIB }],
  },
  {
    id: 'release-13',
    title: '1 sdist + 12 × 8 MiB wheels',
    large: true,
    sdist: true,
    files: binaryTags.slice(0, 12).map((tag) => ({ tag, payload: 8 * MIB })),
  },
];

const NAME = 'benchproj';
const VERSION = '1.0.0';
const DESCRIPTION = `# benchproj\n\nA project made up for the benchmark of pypi-oidc-publish.\n\n${'Some words about it, in Markdown. '.repeat(60)}\n`;

export function metadata(): string {
  return metadataText(
    {
      'Metadata-Version': '2.4',
      Name: NAME,
      Version: VERSION,
      Summary: 'A made-up project for the benchmark',
      'Description-Content-Type': 'text/markdown',
      'Requires-Python': '>=3.9',
      'License-Expression': 'MIT',
      Classifier: 'Programming Language :: Python :: 3',
    },
    DESCRIPTION,
  );
}

/** The folder with the workload's dists, written on first use. */
export async function workloadDir(cache: string, workload: Workload): Promise<string> {
  const dir = join(cache, 'bench', 'dists', `${workload.id}-v1`);
  if (existsSync(join(dir, '.complete'))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const { tag, payload } of workload.files)
    await writeWheel(join(dir, `${NAME}-${VERSION}-${tag}.whl`), tag, payload);
  if (workload.sdist) await writeFile(join(dir, `${NAME}-${VERSION}.tar.gz`), sdist(workload.sdistPayload ?? SMALL));
  await writeFile(join(dir, '.complete'), '');
  return dir;
}

function sdist(payload: number): Buffer {
  const top = `${NAME}-${VERSION}`;
  return makeTarGz([
    { name: `${top}/PKG-INFO`, data: metadata() },
    { name: `${top}/pyproject.toml`, data: `[project]\nname = "${NAME}"\nversion = "${VERSION}"\n` },
    // Random bytes as base64 text: gzip gets it down to about the payload's size.
    { name: `${top}/src/${NAME}/__init__.py`, data: randomBytes(payload).toString('base64') },
  ]);
}

interface Member {
  name: string;
  data: Buffer | { randomBytes: number };
}

/** A stored (uncompressed) zip, streamed to disk so that a 200 MiB member never sits in memory. */
async function writeWheel(path: string, tag: string, payload: number): Promise<void> {
  const distInfo = `${NAME}-${VERSION}.dist-info`;
  const members: Member[] = [
    { name: `${NAME}/__init__.py`, data: Buffer.from('"""benchproj"""\n') },
    { name: `${NAME}/payload.bin`, data: { randomBytes: payload } },
    { name: `${distInfo}/METADATA`, data: Buffer.from(metadata()) },
    {
      name: `${distInfo}/WHEEL`,
      data: Buffer.from(`Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: false\nTag: ${tag}\n`),
    },
    { name: `${distInfo}/RECORD`, data: Buffer.from('') },
  ];
  const file = await open(path, 'w');
  const central: Buffer[] = [];
  let offset = 0;
  try {
    for (const member of members) {
      const name = Buffer.from(member.name);
      const size = Buffer.isBuffer(member.data) ? member.data.length : member.data.randomBytes;
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(0x0800, 6);
      header.writeUInt32LE(size, 18);
      header.writeUInt32LE(size, 22);
      header.writeUInt16LE(name.length, 26);
      const headerAt = offset;
      await file.write(header, 0, 30, offset);
      await file.write(name, 0, name.length, offset + 30);
      offset += 30 + name.length;
      let crc = 0;
      if (Buffer.isBuffer(member.data)) {
        crc = crc32(member.data);
        await file.write(member.data, 0, size, offset);
        offset += size;
      } else {
        for (let left = size; left > 0;) {
          const chunk = randomBytes(Math.min(left, 4 * MIB));
          crc = crc32(chunk, crc);
          await file.write(chunk, 0, chunk.length, offset);
          offset += chunk.length;
          left -= chunk.length;
        }
      }
      const crcBytes = Buffer.alloc(4);
      crcBytes.writeUInt32LE(crc >>> 0, 0);
      await file.write(crcBytes, 0, 4, headerAt + 14);
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE(20, 4);
      entry.writeUInt16LE(20, 6);
      entry.writeUInt16LE(0x0800, 8);
      entry.writeUInt32LE(crc >>> 0, 16);
      entry.writeUInt32LE(size, 20);
      entry.writeUInt32LE(size, 24);
      entry.writeUInt16LE(name.length, 28);
      entry.writeUInt32LE(headerAt, 42);
      central.push(entry, name);
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(members.length, 8);
    end.writeUInt16LE(members.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    await file.write(Buffer.concat([directory, end]), 0, directory.length + 22, offset);
  } finally {
    await file.close();
  }
}
