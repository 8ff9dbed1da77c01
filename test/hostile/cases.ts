// The findings of issues 9 and 13 as crafted inputs: each case is a packages-dir (and inputs, and
// a server) that once crashed, hung, bloated, leaked or injected. Shared by test/hostile/*.test.ts
// and scripts/hostile-figures.ts (which measures them, before and after a change).
import type { LocalIndex, LocalIndexOptions } from '../support/local-index.ts';
import type { Answer } from './harness.ts';
import { answer, endless, trickle } from './answers.ts';
import { BODIES } from './bodies.ts';
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

export const PASSWORD = 'pypi-HOSTILE-SECRET-0123456789';
export const MARKER = 'INJECTED7f3a';

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
  /** Runs without GITHUB_STEP_SUMMARY: the summary is printed to stdout. */
  noSummaryFile?: boolean;
  /** The index answers every request with this (status, JSON message). */
  indexAnswer?: { status: number; message: string };
  /** The index answers every request so (instead of 200 to uploads, 404 to look-ups). */
  serve?: Answer;
  /** The index answers simple-API lookups with a redirect to the other origin. */
  redirectLookupsElsewhere?: boolean;
  /**
   * Trusted publishing against the local Warehouse (no password), hostile where `arrange` overrides
   * it; the post step runs after the main step, and no upload token may be left live.
   */
  warehouse?: { options?: LocalIndexOptions; arrange?: (index: LocalIndex) => void };
  /** Shorter deadlines for this run (PYPI_OIDC_PUBLISH_TEST_TIMING), so that it ends within the suite's bound. */
  timing?: { idleTimeoutMs?: number; deadlines?: Record<string, number> };
  /** More values that must never be shown in clear. */
  secrets?: string[];
  /** The run stops while reading its inputs, before outputs exist. */
  inputError?: boolean;
  /**
   * What the action must do now: its exit code, words that must appear in its log, and how many
   * uploads the index saw (when not given: none after a failure of a case without indexAnswer).
   */
  expected: { code: 0 | 1; log: string[]; uploads?: number };
}

const deflatedWheel = (metadata: string): Buffer => deflatedZip(wheelMembers(metadata));

const body = (id: string, bytes = 1 << 20): string => BODIES.find((b) => b.id === id)!.make(bytes);
const html = 'text/html; charset=utf-8';
const json = 'application/json';
const withSummary = (summary: string): Buffer => wheel(baseMetadata({ Summary: summary }));
/** Short deadlines for the cases that wait on a trickle: the defaults are minutes. */
const SHORT = { deadlines: { apiMs: 2_000, listingMs: 2_000, uploadAnswerMs: 3_000 } };
const lookups = ({ index }: CaseContext): Record<string, string> => ({
  'skip-existing': 'true',
  'check-url': `${index}/simple/`,
});

/** A trap answer: `lookup` for simple-API GETs, 200 for uploads. */
const lookupsAnswered =
  (contentType: string, text: string): Answer =>
  (req, res) => {
    if (req.method === 'POST') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end('OK');
    }
    if (!req.url?.startsWith('/simple/')) {
      res.writeHead(404, { 'content-type': json });
      return void res.end('{"message": "Not Found"}');
    }
    res.writeHead(200, { 'content-type': contentType });
    res.end(text);
  };

const ISSUE_13: HostileCase[] = [
  {
    id: 'log-503-legacy-stop',
    finding: '13 log',
    title:
      'mint-token answers 503 "maintenance ##[stop-commands]…" once: the retry line stopped the runner reading ::add-mask::',
    files: () => ({ [WHEEL]: wheel() }),
    inputs: () => ({ retries: '1' }),
    warehouse: {
      arrange: (index) =>
        index.override(
          'mint-token',
          answer(503, json, JSON.stringify({ message: `maintenance ##[stop-commands]${MARKER}` })),
        ),
    },
    expected: {
      code: 0,
      log: [
        `attempt 1 of 2 failed (503 Service Unavailable: maintenance ##\\[stop-commands]${MARKER})`,
        'Uploaded demo-1.0-py3-none-any.whl',
      ],
      uploads: 1,
    },
  },
  {
    id: 'log-summary-legacy-stop',
    finding: '13 log',
    title: 'verbose: a Summary of "##[stop-commands]…" printed with the form fields, then a token renewal',
    files: () => ({ [WHEEL]: withSummary(`##[stop-commands]${MARKER}`) }),
    inputs: () => ({ verbose: 'true' }),
    warehouse: { options: { tokenLifetimeSeconds: 60 } },
    expected: {
      code: 0,
      log: [`summary=##\\[stop-commands]${MARKER}`, 'minting a new one', 'Uploaded demo-1.0-py3-none-any.whl'],
      uploads: 1,
    },
  },
  {
    id: 'log-leading-white-space',
    finding: '13 log',
    title:
      'mint-token error codes with a line break, then :: after \\v, \\f, U+0085, U+00A0, U+3000 (the summary printed to stdout)',
    files: () => ({ [WHEEL]: wheel() }),
    noSummaryFile: true,
    warehouse: {
      arrange: (index) =>
        index.override(
          'mint-token',
          answer(
            422,
            json,
            JSON.stringify({
              message: 'Token request failed',
              errors: [
                ...['\v', '\f', '\u0085', '\u00a0'].map((space) => ({
                  code: `x\n${space}::warning::${MARKER}`,
                  description: 'planted',
                })),
                { code: `y\r\u3000::stop-commands::${MARKER}`, description: 'planted' },
              ],
            }),
          ),
        ),
    },
    expected: { code: 1, log: ["refused to exchange this job's OIDC token"] },
  },
  {
    id: 'check-url-anchors',
    finding: '13 linear',
    title: 'skip-existing: a check-url answer of 1 MiB of "<a href=\\"" (27 KB took 118 s)',
    files: () => ({ [WHEEL]: wheel() }),
    inputs: lookups,
    serve: lookupsAnswered(html, body('anchors-unclosed')),
    expected: { code: 0, log: ['Uploaded demo-1.0-py3-none-any.whl'], uploads: 1 },
  },
  {
    id: 'dry-run-anchors',
    finding: '13 linear',
    title: 'a dry run against the same check-url answer',
    files: () => ({ [WHEEL]: wheel() }),
    inputs: (context) => ({ ...lookups(context), 'dry-run': 'true' }),
    serve: lookupsAnswered(html, body('anchors-unclosed')),
    expected: { code: 0, log: ['The real run would succeed'], uploads: 0 },
  },
  {
    id: 'dry-run-version-zeros',
    finding: '13 linear',
    // Under 1 MiB, the former cap, so that the list was read before as well.
    title: 'a dry run against a file list naming an sdist of version 1.0.0.…(460,000 zeros).post1',
    files: () => ({ [SDIST]: sdist() }),
    inputs: (context) => ({ ...lookups(context), 'dry-run': 'true' }),
    serve: lookupsAnswered('application/vnd.pypi.simple.v1+json', body('version-zeros', 900 << 10)),
    expected: { code: 0, log: ['The real run would succeed'], uploads: 0 },
  },
  {
    id: 'check-url-entity',
    finding: '13 linear',
    title: 'a check-url answer naming a file &#x110000; (RangeError: "Unexpected error")',
    files: () => ({ [WHEEL]: wheel() }),
    inputs: lookups,
    serve: lookupsAnswered(html, '<a href="/p/demo-1.0-py3-none-any.whl">&#x110000;</a>'),
    expected: { code: 0, log: ['Uploaded demo-1.0-py3-none-any.whl'], uploads: 1 },
  },
  {
    id: 'upload-503-unclosed-script',
    finding: '13 linear',
    title: 'uploads answered 503 with 1 MiB of "<script>" (past 590 s)',
    files: () => ({ [WHEEL]: wheel() }),
    serve: (_req, res) => {
      res.writeHead(503, { 'content-type': html });
      res.end(body('script-unclosed'));
    },
    expected: { code: 1, log: ['refused demo-1.0-py3-none-any.whl: 503 Service Unavailable'], uploads: 1 },
  },
  {
    id: 'check-url-endless',
    finding: '13 bounded',
    title: 'skip-existing: a check-url answer that never ends',
    files: () => ({ [WHEEL]: wheel() }),
    inputs: lookups,
    warehouse: { arrange: (index) => index.override('simple', endless(html, '<a href="x">x</a>')) },
    expected: { code: 0, log: ['the list is longer than 32 MiB', 'Uploaded demo-1.0-py3-none-any.whl'], uploads: 1 },
  },
  {
    id: 'check-url-trickle',
    finding: '13 bounded',
    title: 'skip-existing: a check-url answer trickled a byte every 300 ms',
    files: () => ({ [WHEEL]: wheel() }),
    inputs: lookups,
    timing: SHORT,
    warehouse: { arrange: (index) => index.override('simple', trickle(html, 300)) },
    expected: { code: 0, log: ['no complete answer within 2 s', 'Uploaded demo-1.0-py3-none-any.whl'], uploads: 1 },
  },
  {
    id: 'audience-endless',
    finding: '13 bounded',
    title: 'the OIDC audience answered 200 with a body that never ends',
    files: () => ({ [WHEEL]: wheel() }),
    warehouse: { arrange: (index) => index.override('audience', endless(json, ' ')) },
    expected: { code: 1, log: ['without an "audience" in JSON (the answer was longer than 1 MiB'] },
  },
  {
    id: 'audience-trickle',
    finding: '13 bounded',
    title: 'the OIDC audience trickled a byte every 300 ms',
    files: () => ({ [WHEEL]: wheel() }),
    timing: SHORT,
    warehouse: { arrange: (index) => index.override('audience', trickle(json, 300)) },
    expected: { code: 1, log: ['asking for the OIDC audience', 'no complete answer within 2 s'] },
  },
  {
    id: 'mint-endless',
    finding: '13 bounded',
    title: 'mint-token answered 200 with a body that never ends',
    files: () => ({ [WHEEL]: wheel() }),
    warehouse: { arrange: (index) => index.override('mint-token', endless(json, ' ')) },
    expected: { code: 1, log: ['(not JSON) (the answer was longer than 1 MiB'] },
  },
  {
    id: 'mint-trickle',
    finding: '13 bounded',
    title: 'mint-token trickled a byte every 300 ms',
    files: () => ({ [WHEEL]: wheel() }),
    timing: SHORT,
    warehouse: { arrange: (index) => index.override('mint-token', trickle(json, 300)) },
    expected: { code: 1, log: ['exchanging the OIDC token for an upload token', 'no complete answer within 2 s'] },
  },
  {
    id: 'upload-answer-endless',
    finding: '13 bounded',
    title: 'an upload answered 200 with a body that never ends',
    files: () => ({ [WHEEL]: wheel() }),
    warehouse: { arrange: (index) => index.override('upload', endless(html, 'x')) },
    expected: { code: 0, log: ['Uploaded demo-1.0-py3-none-any.whl'], uploads: 1 },
  },
  {
    id: 'upload-answer-trickle',
    finding: '13 bounded',
    title: 'an upload answer trickled a byte every second (the idle timeout never fires)',
    files: () => ({ [WHEEL]: wheel() }),
    timing: SHORT,
    warehouse: { arrange: (index) => index.override('upload', trickle(html, 1_000)) },
    expected: {
      code: 1,
      log: ['Uploading demo-1.0-py3-none-any.whl failed', 'no complete answer within 3 s'],
      uploads: 1,
    },
  },
];

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
