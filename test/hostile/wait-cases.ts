// `wait` against a hostile or broken simple API: each case is how the index answers the wait's GETs
// (uploads are answered 200). Shared by test/hostile/wait.test.ts and scripts/wait-figures.ts.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MARKER, PASSWORD } from './cases.ts';
import { WHEEL, wheel } from './crafted.ts';
import { runAction, startTrap } from './harness.ts';

export const WHEEL_BYTES = wheel();
export const WHEEL_SHA256 = createHash('sha256').update(WHEEL_BYTES).digest('hex');
/** The `wait` input of every case: short, so that a case that must time out does so quickly. */
export const WAIT_SECONDS = 2;

export interface WaitCase {
  id: string;
  title: string;
  /** How the index answers a GET of the simple API (`elsewhere`: another origin's base URL). */
  simple: (req: IncomingMessage, res: ServerResponse, elsewhere: string) => void;
  expected: { code: 0 | 1; log: string[] };
}

const SIMPLE_JSON = { 'content-type': 'application/vnd.pypi.simple.v1+json' };
const page = (files: { filename: string; sha256: string }[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    meta: { 'api-version': '1.1' },
    name: 'demo',
    versions: ['1.0'],
    files: files.map((f) => ({ filename: f.filename, url: `/f/${f.filename}`, hashes: { sha256: f.sha256 } })),
    ...extra,
  });

export const WAIT_CASES: WaitCase[] = [
  {
    id: 'served',
    title: 'the simple API lists the file with its sha256 (the plain case)',
    simple: (_req, res) => res.writeHead(200, SIMPLE_JSON).end(page([{ filename: WHEEL, sha256: WHEEL_SHA256 }])),
    expected: { code: 0, log: ['Installable after '] },
  },
  {
    id: 'trickle',
    title: 'the simple API sends its headers, then one byte every 100 ms, forever',
    simple: (_req, res) => {
      res.writeHead(200, SIMPLE_JSON);
      const timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => {
        clearInterval(timer);
      });
    },
    expected: { code: 1, log: [`Waited ${WAIT_SECONDS} s, but`, 'nothing needs re-uploading'] },
  },
  {
    id: 'huge',
    title: 'the simple API answers 64 MiB of JSON whitespace before its page',
    simple: (_req, res) => {
      res.writeHead(200, SIMPLE_JSON);
      const chunk = Buffer.alloc(1 << 20, 0x20);
      let sent = 0;
      const more = (): void => {
        while (sent < 64 && res.write(chunk)) sent++;
        if (sent >= 64) res.end(page([{ filename: WHEEL, sha256: WHEEL_SHA256 }]));
        else res.once('drain', more);
      };
      more();
    },
    expected: { code: 1, log: [`Waited ${WAIT_SECONDS} s, but`] },
  },
  {
    id: 'unavailable',
    title: 'the simple API answers 503 forever, with workflow commands in its message',
    simple: (_req, res) =>
      res
        .writeHead(503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: `down\n::add-mask::${MARKER}\n##[error]${MARKER}` })),
    expected: { code: 1, log: [`Waited ${WAIT_SECONDS} s, but`, '503 Service Unavailable'] },
  },
  {
    id: 'commands-in-filenames',
    title: 'the simple API lists files whose names and sha256 carry workflow commands',
    simple: (_req, res) =>
      res.writeHead(200, SIMPLE_JSON).end(
        page([
          { filename: `x\n::stop-commands::${MARKER}`, sha256: `\n::add-mask::${MARKER}` },
          { filename: WHEEL, sha256: `${'ab'.repeat(32)}\n::add-mask::${MARKER}` },
        ]),
      ),
    expected: { code: 1, log: ['the index serves different bytes'] },
  },
  {
    id: 'different',
    title: 'the simple API lists the file with another sha256',
    simple: (_req, res) => res.writeHead(200, SIMPLE_JSON).end(page([{ filename: WHEEL, sha256: 'ab'.repeat(32) }])),
    expected: { code: 1, log: ['the index serves different bytes'] },
  },
  {
    id: 'redirect-elsewhere',
    title: 'the simple API redirects to another origin',
    simple: (req, res, elsewhere) => res.writeHead(302, { location: `${elsewhere}${req.url ?? '/'}` }).end(),
    expected: { code: 1, log: ['answered 302 Found', 'waiting longer would not change that'] },
  },
];

/** The bundle, uploading one wheel with `wait` to a server whose simple API answers as the case says. */
export async function runWaitCase(hostile: WaitCase) {
  const elsewhere = await startTrap(undefined, 'localhost');
  const index = await startTrap((req, res) => {
    if (req.method === 'POST') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
    hostile.simple(req, res, `http://localhost:${elsewhere.port}`);
  });
  const dir = await mkdtemp(join(tmpdir(), 'hostile-wait-'));
  try {
    await writeFile(join(dir, WHEEL), WHEEL_BYTES);
    const run = await runAction(
      {
        'repository-url': `${index.origin}/legacy/`,
        'check-url': `${index.origin}/simple/`,
        'packages-dir': dir,
        user: '__token__',
        password: PASSWORD,
        wait: String(WAIT_SECONDS),
      },
      { timeoutMs: 60_000 },
    );
    return { run, gets: index.requests.filter((r) => r.method === 'GET'), elsewhere: elsewhere.requests };
  } finally {
    await index.close();
    await elsewhere.close();
    await rm(dir, { recursive: true, force: true });
  }
}
