// Generated sdists for test/sdist-differential.test.ts: the layouts real archives have (a plain
// top folder, `./` in front of every name, a folder one level deeper, absolute names, a root
// member, a second top-level entry, PKG-INFO stored twice) written with every way tar has to spell
// a name (the name field, the ustar prefix, pax and global pax paths, GNU long names, v7 headers,
// directories with a size), so that the reader is compared with Python's tarfile on each.
import { gzipSync } from 'node:zlib';
import { pick, seededRandom, type Random } from './seeded.ts';
import { gnuLongName, paxHeader, tar, type TarMember } from './tar-writer.ts';

const LAYOUTS: ((path: string) => string)[] = [
  (path) => `pkg-1.0/${path}`,
  (path) => `pkg-1.0/${path}`,
  (path) => `./pkg-1.0/${path}`,
  (path) => `outer/pkg-1.0/${path}`,
  (path) => `/pkg-1.0/${path}`,
  (path) => `pkg-1.0//${path}`,
];

const metadata = (summary: string): string => `Metadata-Version: 2.1\nName: pkg\nVersion: 1.0\nSummary: ${summary}\n`;

/** One member, its name spelt one of tar's ways. */
function spelled(random: Random, name: string, member: Omit<TarMember, 'name'>): TarMember[] {
  const roll = random();
  if (roll < 0.15) return [paxHeader(random() < 0.3 ? `${name}/` : name), { ...member, name: 'placeholder-name' }];
  if (roll < 0.25) return [gnuLongName(name), { ...member, name: name.slice(0, 100), format: 'gnu' }];
  const slash = name.lastIndexOf('/');
  if (roll < 0.35 && slash > 0) return [{ ...member, name: name.slice(slash + 1), prefix: name.slice(0, slash) }];
  if (roll < 0.4) return [{ ...member, name, format: 'v7' }];
  return [{ ...member, name }];
}

function archive(random: Random): Buffer {
  const layout = pick(random, LAYOUTS);
  const members: TarMember[] = [];
  const add = (name: string, member: Omit<TarMember, 'name'>): void =>
    void members.push(...spelled(random, name, member));
  if (random() < 0.1) add(pick(random, ['./', '.']), { type: '5' });
  if (random() < 0.6) {
    const folder = layout('').replace(/\/+$/, '');
    const roll = random();
    if (roll < 0.3) add(`${folder}/`, { type: '5' });
    else if (roll < 0.5) add(`${folder}/`, { type: '\0' });
    else if (roll < 0.6) add(folder, { type: '5', rawSize: '00000001000' });
    else add(folder, { type: '5' });
  }
  const copies = random() < 0.25 ? 2 + Math.floor(random() * 2) : 1;
  const parts: { name: string; member: Omit<TarMember, 'name'> }[] = [
    { name: layout('setup.py'), member: { data: 'from setuptools import setup\nsetup()\n' } },
    { name: layout('src/pkg/__init__.py'), member: { data: '' } },
    { name: layout('docs/PKG-INFO'), member: { data: metadata('not the one') } },
  ];
  for (let copy = 0; copy < copies; copy++) {
    parts.push({ name: layout('PKG-INFO'), member: { data: metadata(random() < 0.5 ? 'first' : `copy ${copy}`) } });
  }
  if (random() < 0.1) parts.push({ name: 'other-top/file.txt', member: { data: 'x' } });
  if (random() < 0.05) parts.push({ name: '/absolute.txt', member: { data: 'x' } });
  if (random() < 0.1)
    parts.push({ name: layout('unknown.bin'), member: { type: 'Z', data: 'data of an unknown type' } });
  parts.sort(() => random() - 0.5);
  for (const { name, member } of parts) add(name, member);
  if (random() < 0.05) members.splice(Math.floor(random() * members.length), 0, globalPath(random, layout('renamed')));
  return gzipSync(tar(members));
}

function globalPath(random: Random, path: string): TarMember {
  const header = paxHeader(random() < 0.5 ? path : `${path}/`);
  return { ...header, type: 'g' };
}

/** `count` archives, the same ones on every run. */
export function sdistSamples(count: number, seed = 4): Buffer[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => archive(random));
}
