// The findings of issue 13 as hostile cases: outside text that would run a workflow command in the
// runner's log, answers that made a parser superlinear, and answers that never end or trickle in.
import { answer, endless, trickle } from './answers.ts';
import { BODIES } from './bodies.ts';
import { MARKER, type CaseContext, type HostileCase } from './case-types.ts';
import type { Answer } from './harness.ts';
import { baseMetadata, SDIST, sdist, WHEEL, wheel } from './crafted.ts';

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

export const ISSUE_13: HostileCase[] = [
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
