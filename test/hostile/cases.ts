// The findings of issues 9 and 13 as crafted inputs: each case is a packages-dir (and inputs, and
// a server) that once crashed, hung, bloated, leaked or injected. Shared by test/hostile/*.test.ts
// and scripts/hostile-figures.ts (which measures them, before and after a change).
import { MARKER, type HostileCase } from './case-types.ts';
import { ISSUE_13 } from './cases-13.ts';
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
  wheelWithEntryComment,
} from './crafted.ts';

export { MARKER, PASSWORD, type CaseContext, type HostileCase } from './case-types.ts';

const deflatedWheel = (metadata: string): Buffer => deflatedZip(wheelMembers(metadata));

export const CASES: HostileCase[] = [
  {
    id: 'name-origin',
    expected: { code: 1, log: ['is not a valid sdist filename', 'is not a valid project name (PEP 508'] },
    finding: '1',
    title: 'project name \\\\host:port sends the lookup (and the password) to another origin',
    files: ({ elsewhere }) => {
      const name = `\\\\${elsewhere.host}:${elsewhere.port}`;
      return { [`${name}-1.0.tar.gz`]: sdist(baseMetadata({ Name: name }), `${name}-1.0`) };
    },
    inputs: ({ index }) => ({ 'skip-existing': 'true', 'check-url': `${index}/simple/`, 'verify-metadata': 'false' }),
  },
  {
    id: 'lookup-redirect',
    expected: { code: 0, log: ['Uploaded demo-1.0-py3-none-any.whl'] },
    finding: '1',
    title: "the index's simple API (same origin as uploads) redirects the lookup to another origin",
    files: () => ({ [WHEEL]: wheel() }),
    inputs: ({ index }) => ({ 'skip-existing': 'true', 'check-url': `${index}/simple/` }),
    redirectLookupsElsewhere: true,
  },
  {
    id: 'zip-csize-2g',
    expected: {
      code: 1,
      log: ['demo-1.0-py3-none-any.whl is not a valid wheel (zip archive)', 'past the end of the file'],
    },
    finding: '2',
    title: 'central-directory compressed size 2^31 for METADATA',
    files: () => ({ [WHEEL]: patchedWheel((zip, at) => zip.writeUInt32LE(0x80000000, at + 20)) }),
  },
  {
    id: 'zip64-short-extra',
    expected: {
      code: 1,
      log: ['is not a valid wheel (zip archive): the ZIP64 extra field of demo-1.0.dist-info/METADATA is too short'],
    },
    finding: '2',
    title: 'ZIP64 extra field too short for the sizes it must hold',
    files: () => ({
      [WHEEL]: wheelWithZip64Extra(Buffer.alloc(4), { compressed: 0xffffffff, uncompressed: 0xffffffff }),
    }),
  },
  {
    id: 'zip64-offset-2^60',
    expected: { code: 1, log: ['is not a valid wheel (zip archive)', 'is not a possible size or offset'] },
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
    expected: { code: 0, log: ['Uploaded demo-1.0-py3-none-any.whl'] },
    finding: '3',
    title: 'a one-line description of 50,000 tabs between two letters',
    files: () => ({ [WHEEL]: deflatedWheel(baseMetadata({}, `x${'\t'.repeat(50_000)}x\n`)) }),
  },
  {
    id: 'rst-stars',
    expected: {
      code: 1,
      log: ['starts emphasis but nothing closes it', 'more problems of the same kind in Description'],
    },
    finding: '3',
    title: '50,000 lone asterisks and backticks (one problem each)',
    files: () => ({ [WHEEL]: deflatedWheel(baseMetadata({}, `${'a *'.repeat(25_000)}\n\n${'a `'.repeat(25_000)}\n`)) }),
  },
  {
    id: 'rst-nested-quotes',
    expected: { code: 0, log: ['did not look at all of it (blocks nested more than 48 deep were not checked)'] },
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
    expected: { code: 1, log: ['is not a valid wheel (zip archive)'] },
    finding: '4',
    title: 'stored METADATA declaring 2^31-1 compressed bytes (uncompressed: small)',
    files: () => ({ [WHEEL]: patchedWheel((zip, at) => zip.writeUInt32LE(0x7fffffff, at + 20)) }),
  },
  {
    id: 'metadata-stored-uncapped',
    expected: { code: 1, log: ['is stored uncompressed, but its sizes disagree'] },
    finding: '4',
    title: 'a stored METADATA of 48 MiB whose declared (uncompressed) size is 100 bytes',
    files: () => ({
      [WHEEL]: patchedWheel(
        (zip, at, local) => {
          zip.writeUInt32LE(100, at + 24);
          zip.writeUInt32LE(100, local + 22);
        },
        baseMetadata({}, 'x'.repeat(48 * 1024 * 1024)),
      ),
    }),
  },
  {
    id: 'metadata-many-headers',
    expected: { code: 1, log: ['more than 10000 header fields'] },
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
    expected: { code: 0, log: ['Uploaded demo-1.0.tar.gz'] },
    finding: '4',
    title: 'an sdist of 200,000 empty members with long names',
    files: () => {
      const top = `${NAME}-${VERSION}`;
      const entries = [{ name: `${top}/PKG-INFO`, data: baseMetadata() }];
      for (let i = 0; i < 200_000; i++) entries.push({ name: `${top}/${'d'.repeat(60)}/${i}`, data: '' });
      return { [SDIST]: tarGz(tarBlocks(entries)) };
    },
  },
  {
    id: 'log-wheel-tag',
    expected: { code: 1, log: ['has characters other than letters, digits'] },
    finding: '5',
    title: `a wheel tag carrying a newline and ::group::`,
    files: () => ({ [`${NAME}-${VERSION}-py3-none-any\n::group::${MARKER}.whl`]: wheel() }),
    inputs: () => ({ 'verify-metadata': 'false' }),
  },
  {
    id: 'log-server-message',
    expected: { code: 1, log: ['503 Service Unavailable: busy'] },
    finding: '5',
    title: 'a 503 whose message carries a newline and ::stop-commands::',
    files: () => ({ [WHEEL]: wheel() }),
    inputs: () => ({ retries: '1' }),
    indexAnswer: { status: 503, message: `busy\n::stop-commands::${MARKER}` },
  },
  {
    id: 'check-url-http',
    inputError: true,
    expected: { code: 1, log: ["The input 'check-url' is http://index.example/simple/: plain http://"] },
    finding: '6',
    title: 'check-url over plain http to another machine',
    files: () => ({ [WHEEL]: wheel() }),
    inputs: () => ({ 'skip-existing': 'true', 'check-url': 'http://index.example/simple/' }),
  },
  {
    id: 'repository-url-password',
    inputError: true,
    expected: {
      code: 1,
      log: ["The input 'repository-url' is 'https://***@exa mple.com/legacy/', which is not a URL."],
    },
    finding: '6',
    title: 'an unparsable repository-url with a password in it',
    files: () => ({ [WHEEL]: wheel() }),
    inputs: () => ({ 'repository-url': `https://user:${MARKER}@exa mple.com/legacy/` }),
    secrets: [MARKER],
  },
  {
    id: 'summary-unwritable',
    expected: {
      code: 1,
      log: ["The packages directory '/nonexistent/dist' does not exist.", 'Could not write the job summary'],
    },
    finding: '7',
    title: 'job summary path that cannot be written, and a bad packages-dir',
    files: () => ({}),
    inputs: () => ({ 'packages-dir': '/nonexistent/dist' }),
    unwritableSummary: true,
  },
  {
    id: 'zip-duplicate',
    expected: { code: 1, log: ['ZIP archive not accepted: Duplicate filename in central directory'] },
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
    expected: { code: 1, log: ['ZIP archive not accepted: Filename not in central directory'] },
    finding: '8',
    title: 'local header name differs from the central-directory name',
    files: () => ({ [WHEEL]: patchedWheel((zip, _at, local) => void zip.write('X', local + 30, 'latin1')) }),
  },
  {
    id: 'tar-pax-size',
    expected: { code: 0, log: ['Uploaded demo-1.0.tar.gz'] },
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
    expected: { code: 1, log: ['more than 10000 header fields'] },
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
    expected: { code: 1, log: ['ZIP archive not accepted: Trailing data'] },
    finding: 'rules',
    title: 'bytes after the end-of-central-directory record',
    files: () => ({ [WHEEL]: Buffer.concat([wheel(), Buffer.from('trailing')]) }),
  },
  {
    id: 'zip-comment',
    expected: { code: 1, log: ['ZIP archive not accepted: Comment in central directory'] },
    finding: 'rules',
    title: 'a comment on a central-directory record',
    files: () => ({ [WHEEL]: wheelWithEntryComment('a comment') }),
  },
  {
    id: 'zip-non-utf8-name',
    expected: { code: 1, log: ['ZIP archive not accepted: Filename not valid UTF-8'] },
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
    expected: { code: 1, log: ['tar archive not accepted: Sparse members are not allowed'] },
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
    expected: { code: 1, log: ['has no demo-1.0.dist-info/RECORD'] },
    finding: 'rules',
    title: 'a wheel without RECORD',
    files: () => ({ [WHEEL]: makeZip(wheelMembers().filter((m) => !m.name.endsWith('RECORD'))) }),
  },
  {
    id: 'wheel-bad-entry-points',
    expected: {
      code: 1,
      log: ["has invalid entry points: demo-1.0.dist-info/entry_points.txt, line 2: the script name '../evil'"],
    },
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
    expected: { code: 1, log: ['Filename is too long'] },
    finding: 'rules',
    title: 'a 247-byte wheel filename (PyPI stores <filename>.metadata, which must fit in 255 bytes)',
    files: () => ({
      [`${NAME}-${VERSION}-py3-none-${[...Array.from({ length: 10 }, () => 'manylinux_2_17_x86_64'), 'win32'].join('.')}.whl`]:
        wheel(),
    }),
  },
  {
    id: 'platform-tag',
    expected: { code: 1, log: ["the wheel's platform tag 'linux_x86_64' is not one PyPI accepts"] },
    finding: 'rules',
    title: 'a plain linux_x86_64 wheel',
    files: () => ({ [`${NAME}-${VERSION}-py3-none-linux_x86_64.whl`]: wheel() }),
  },
  ...ISSUE_13,
];
