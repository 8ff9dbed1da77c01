// The findings of issue 9 as crafted inputs: each case is a packages-dir (and inputs) that once
// crashed, hung, bloated, leaked or injected. Shared by test/hostile/*.test.ts and
// scripts/hostile-figures.ts (which measures them, before and after a change).
import {
  baseMetadata,
  deflatedZip,
  makeZip,
  NAME,
  paxRecord,
  patchedWheel,
  SDIST,
  sdist,
  tarBlocks,
  tarGz,
  VERSION,
  WHEEL,
  wheel,
  wheelMembers,
  wheelWithZip64Extra,
} from './crafted.ts';

export const PASSWORD = 'pypi-HOSTILE-SECRET-0123456789';
export const MARKER = 'INJECTED-7f3a';

export interface CaseContext {
  /** The index under test (uploads 200, lookups 404), on 127.0.0.1. */
  index: string;
  /** A second server, on `localhost` and another port: another origin. */
  elsewhere: { host: string; port: number };
}

export interface HostileCase {
  id: string;
  finding: string;
  title: string;
  files: (context: CaseContext) => Record<string, Buffer>;
  inputs?: (context: CaseContext) => Record<string, string>;
  /** Runs with a job-summary path that cannot be written. */
  unwritableSummary?: boolean;
  /** The index answers every request with this (status, JSON message). */
  indexAnswer?: { status: number; message: string };
}

const deflatedWheel = (metadata: string): Buffer => deflatedZip(wheelMembers(metadata));

export const CASES: HostileCase[] = [
  {
    id: 'name-origin',
    finding: '1',
    title: 'project name \\\\host:port sends the lookup (and the password) to another origin',
    files: ({ elsewhere }) => {
      const name = `\\\\${elsewhere.host}:${elsewhere.port}`;
      return { [`${name}-1.0.tar.gz`]: sdist(baseMetadata({ Name: name }), `${name}-1.0`) };
    },
    inputs: ({ index }) => ({ 'skip-existing': 'true', 'check-url': `${index}/simple/`, 'verify-metadata': 'false' }),
  },
  {
    id: 'zip-csize-2g',
    finding: '2',
    title: 'central-directory compressed size 2^31 for METADATA',
    files: () => ({ [WHEEL]: patchedWheel((zip, at) => zip.writeUInt32LE(0x80000000, at + 20)) }),
  },
  {
    id: 'zip64-short-extra',
    finding: '2',
    title: 'ZIP64 extra field too short for the sizes it must hold',
    files: () => ({
      [WHEEL]: wheelWithZip64Extra(Buffer.alloc(4), { compressed: 0xffffffff, uncompressed: 0xffffffff }),
    }),
  },
  {
    id: 'zip64-offset-2^60',
    finding: '2',
    title: 'ZIP64 local-header offset of 2^60',
    files: () => {
      const extra = Buffer.alloc(8);
      extra.writeBigUInt64LE(1n << 60n);
      return { [WHEEL]: wheelWithZip64Extra(extra, { offset: 0xffffffff }) };
    },
  },
  {
    id: 'rst-tabs',
    finding: '3',
    title: 'a one-line description of 50,000 tabs between two letters',
    files: () => ({ [WHEEL]: deflatedWheel(baseMetadata({}, `x${'\t'.repeat(50_000)}x\n`)) }),
  },
  {
    id: 'rst-stars',
    finding: '3',
    title: '50,000 lone asterisks and backticks (one problem each)',
    files: () => ({ [WHEEL]: deflatedWheel(baseMetadata({}, `${'a *'.repeat(25_000)}\n\n${'a `'.repeat(25_000)}\n`)) }),
  },
  {
    id: 'rst-nested-quotes',
    finding: '3',
    title: '2,000 block quotes nested by indentation',
    files: () => ({
      [WHEEL]: deflatedWheel(
        baseMetadata({}, Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}q`).join('\n\n')),
      ),
    }),
  },
  {
    id: 'metadata-stored-2g',
    finding: '4',
    title: 'stored METADATA declaring 2^31-1 compressed bytes (uncompressed: small)',
    files: () => ({ [WHEEL]: patchedWheel((zip, at) => zip.writeUInt32LE(0x7fffffff, at + 20)) }),
  },
  {
    id: 'metadata-many-headers',
    finding: '4',
    title: 'a 16 MiB METADATA of 2.8 million one-letter headers',
    files: () => ({
      [WHEEL]: deflatedWheel(
        `Metadata-Version: 2.1\nName: ${NAME}\nVersion: ${VERSION}\n${'X: y\n'.repeat(2_800_000)}\n`,
      ),
    }),
  },
  {
    id: 'tar-million-members',
    finding: '4',
    title: 'an sdist of 400,000 empty members with long names',
    files: () => {
      const top = `${NAME}-${VERSION}`;
      const entries = [{ name: `${top}/PKG-INFO`, data: baseMetadata() }];
      for (let i = 0; i < 400_000; i++) entries.push({ name: `${top}/${'d'.repeat(60)}/${i}`, data: '' });
      return { [SDIST]: tarGz(tarBlocks(entries)) };
    },
  },
  {
    id: 'log-wheel-tag',
    finding: '5',
    title: `a wheel tag carrying a newline and ::add-mask::`,
    files: () => ({ [`${NAME}-${VERSION}-py3-none-any\n::add-mask::${MARKER}.whl`]: wheel() }),
    inputs: () => ({ 'verify-metadata': 'false' }),
  },
  {
    id: 'log-server-message',
    finding: '5',
    title: 'a 503 whose message carries a newline and ::stop-commands::',
    files: () => ({ [WHEEL]: wheel() }),
    inputs: () => ({ retries: '1' }),
    indexAnswer: { status: 503, message: `busy\n::stop-commands::${MARKER}` },
  },
  {
    id: 'check-url-http',
    finding: '6',
    title: 'check-url over plain http to another machine',
    files: () => ({ [WHEEL]: wheel() }),
    inputs: () => ({ 'skip-existing': 'true', 'check-url': 'http://index.example/simple/' }),
  },
  {
    id: 'repository-url-password',
    finding: '6',
    title: 'an unparsable repository-url with a password in it',
    files: () => ({ [WHEEL]: wheel() }),
    inputs: () => ({ 'repository-url': `https://user:${MARKER}@exa mple.com/legacy/` }),
  },
  {
    id: 'summary-unwritable',
    finding: '7',
    title: 'job summary path that cannot be written, and a bad packages-dir',
    files: () => ({}),
    inputs: () => ({ 'packages-dir': '/nonexistent/dist' }),
    unwritableSummary: true,
  },
  {
    id: 'zip-duplicate',
    finding: '8',
    title: 'a wheel with two METADATA members',
    files: () => ({
      [WHEEL]: makeZip([
        ...wheelMembers(),
        { name: `${NAME}-${VERSION}.dist-info/METADATA`, data: baseMetadata({ Summary: 'the other one' }) },
      ]),
    }),
  },
  {
    id: 'zip-local-name-mismatch',
    finding: '8',
    title: 'local header name differs from the central-directory name',
    files: () => ({ [WHEEL]: patchedWheel((zip, _at, local) => void zip.write('X', local + 30, 'latin1')) }),
  },
  {
    id: 'tar-pax-size',
    finding: '8',
    title: 'a pax header whose size hides a second PKG-INFO',
    files: () => {
      const top = `${NAME}-${VERSION}`;
      const hidden = Buffer.concat([
        tarBlocks([{ name: `${top}/PKG-INFO`, data: baseMetadata({ Summary: 'hidden' }) }]),
      ]);
      const pax = paxRecord('size', String(hidden.length));
      return {
        [SDIST]: tarGz(
          Buffer.concat([
            tarBlocks([
              { name: `${top}/PKG-INFO`, data: baseMetadata() },
              { name: 'pax', data: pax, type: 'x' },
              { name: `${top}/blob`, size: 0 },
            ]),
            hidden,
          ]),
        ),
      };
    },
  },
  {
    id: 'classifiers-500k',
    finding: '9',
    title: '500,000 unknown classifiers',
    files: () => {
      const classifiers = Array.from({ length: 500_000 }, (_, i) => `Classifier: Bogus :: ${i}\n`).join('');
      return {
        [WHEEL]: deflatedWheel(
          `Metadata-Version: 2.1\nName: ${NAME}\nVersion: ${VERSION}\nSummary: test\n${classifiers}\n`,
        ),
      };
    },
  },
  {
    id: 'zip-trailing-data',
    finding: 'rules',
    title: 'bytes after the end-of-central-directory record',
    files: () => ({ [WHEEL]: Buffer.concat([wheel(), Buffer.from('trailing')]) }),
  },
  {
    id: 'zip-comment',
    finding: 'rules',
    title: 'a comment on a central-directory record',
    files: () => ({
      [WHEEL]: patchedWheel((zip, at) => {
        // Claims a 1-byte comment: the next record's first byte is read as it, and the sizes disagree.
        zip.writeUInt16LE(1, at + 32);
      }),
    }),
  },
  {
    id: 'zip-non-utf8-name',
    finding: 'rules',
    title: 'a member name that is not UTF-8',
    files: () => {
      const zip = makeZip([...wheelMembers(), { name: `${NAME}/Z.py`, data: '' }]);
      for (let at = zip.indexOf(`${NAME}/Z.py`); at >= 0; at = zip.indexOf(`${NAME}/Z.py`, at + 1))
        zip[at + NAME.length + 1] = 0xff;
      return { [WHEEL]: zip };
    },
  },
  {
    id: 'tar-sparse',
    finding: 'rules',
    title: 'an sdist with a GNU sparse member',
    files: () => {
      const top = `${NAME}-${VERSION}`;
      return {
        [SDIST]: tarGz(
          tarBlocks([
            { name: `${top}/PKG-INFO`, data: baseMetadata() },
            { name: `${top}/sparse.bin`, data: '', type: 'S' },
          ]),
        ),
      };
    },
  },
  {
    id: 'wheel-no-record',
    finding: 'rules',
    title: 'a wheel without RECORD',
    files: () => ({ [WHEEL]: makeZip(wheelMembers().filter((m) => !m.name.endsWith('RECORD'))) }),
  },
  {
    id: 'wheel-bad-entry-points',
    finding: 'rules',
    title: 'an entry_points.txt that is not INI, and a console script named ../x',
    files: () => ({
      [WHEEL]: makeZip(
        wheelMembers(baseMetadata(), [
          { name: `${NAME}-${VERSION}.dist-info/entry_points.txt`, data: '[console_scripts]\n../evil = demo:main\n' },
        ]),
      ),
    }),
  },
  {
    id: 'filename-too-long',
    finding: 'rules',
    title: 'a 247-byte wheel filename (PyPI stores <filename>.metadata, which must fit in 255 bytes)',
    files: () => ({
      [`${NAME}-${VERSION}-py3-none-${[...Array.from({ length: 10 }, () => 'manylinux_2_17_x86_64'), 'win32'].join('.')}.whl`]:
        wheel(),
    }),
  },
  {
    id: 'platform-tag',
    finding: 'rules',
    title: 'a plain linux_x86_64 wheel',
    files: () => ({ [`${NAME}-${VERSION}-py3-none-linux_x86_64.whl`]: wheel() }),
  },
];
