// The parts of `wait`: reading a simple page, judging a provenance object, the back-off, and the
// loop against small in-process servers that answer as a hostile or broken index might.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PublishError } from '../../src/common/errors.js';
import { describeAnswer, fileState, pageAnswer, type AwaitedFile } from '../../src/confirm/listing.js';
import { describePublisher, expectedPublisher, judgeProvenance } from '../../src/confirm/provenance.js';
import { backoff, seconds } from '../../src/confirm/timing.js';
import { describeWait, waitSummaryLine, waitUntilServed, type WaitRequest } from '../../src/confirm/wait.js';
import { integrityUrl, parseProvenance } from '../../src/index/integrity.js';
import { parseSimpleJsonPage, parseSimplePage } from '../../src/index/simple-index.js';
import { ROOT } from '../support/python-env.ts';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const WHEEL: AwaitedFile = {
  filename: 'foo_bar-1.0-py3-none-any.whl',
  sha256: sha256('wheel'),
  project: 'Foo.Bar',
  version: '1.0',
};
const SDIST: AwaitedFile = {
  filename: 'foo_bar-1.0.tar.gz',
  sha256: sha256('sdist'),
  project: 'Foo.Bar',
  version: '1.0',
};
const JSON_TYPE = { 'content-type': 'application/vnd.pypi.simple.v1+json' };

function jsonPage(files: { name: string; sha: string; provenance?: string | null }[], versions?: string[]): string {
  return JSON.stringify({
    meta: { 'api-version': '1.1' },
    name: 'foo-bar',
    ...(versions ? { versions } : {}),
    files: files.map((f) => ({
      filename: f.name,
      url: `/files/${f.name}`,
      hashes: { sha256: f.sha },
      ...(f.provenance === undefined ? {} : { provenance: f.provenance }),
    })),
  });
}

const statement = (name: string, digest: string): string =>
  Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name, digest: { sha256: digest } }],
      predicateType: 'https://docs.pypi.org/attestations/publish/v1',
      predicate: null,
    }),
  ).toString('base64');

function provenanceBody(
  files: AwaitedFile[],
  publisher: Record<string, unknown> = {
    kind: 'GitHub',
    repository: 'octo/foo',
    workflow: 'release.yml',
    environment: null,
  },
): string {
  return JSON.stringify({
    version: 1,
    attestation_bundles: [
      {
        publisher,
        attestations: files.map((f) => ({
          version: 1,
          verification_material: { certificate: 'AA==', transparency_entries: [{}] },
          envelope: { statement: statement(f.filename, f.sha256), signature: 'AA==' },
        })),
      },
    ],
  });
}

describe('reading a simple page', () => {
  it('takes the files, sha256, provenance URLs and versions from PEP 691 JSON', () => {
    const page = parseSimpleJsonPage(
      jsonPage(
        [
          { name: WHEEL.filename, sha: WHEEL.sha256.toUpperCase(), provenance: 'https://pypi.org/integrity/x' },
          { name: SDIST.filename, sha: SDIST.sha256, provenance: null },
        ],
        ['0.9', '1.0', 7 as unknown as string],
      ),
    );
    expect(page.format).toBe('json');
    expect(page.versions).toEqual(['0.9', '1.0']);
    expect(page.files.get(WHEEL.filename)).toEqual({
      sha256: WHEEL.sha256,
      provenance: 'https://pypi.org/integrity/x',
    });
    expect(page.files.get(SDIST.filename)).toEqual({ sha256: SDIST.sha256, provenance: null });
  });

  it('has no versions list for PEP 503 HTML, nor for JSON without one', () => {
    const html = parseSimplePage({
      headers: { 'content-type': 'text/html' },
      body: `<a href="/p/${SDIST.filename}#sha256=${SDIST.sha256}">${SDIST.filename}</a>`,
    });
    expect(html).toEqual({
      format: 'html',
      versions: undefined,
      files: new Map([[SDIST.filename, { sha256: SDIST.sha256, provenance: undefined }]]),
    });
    expect(parseSimpleJsonPage(jsonPage([])).versions).toBeUndefined();
    expect(parseSimpleJsonPage('not json')).toEqual({ format: 'json', files: new Map(), versions: undefined });
  });
});

describe('whether a file is served', () => {
  const page = (files: { name: string; sha: string }[], versions?: string[]) =>
    pageAnswer({ status: 200, headers: JSON_TYPE, body: jsonPage(files, versions), url: new URL('http://x/') });

  it.each([
    [
      'listed with our sha256',
      page([{ name: WHEEL.filename, sha: WHEEL.sha256 }]),
      { kind: 'listed', sha256Compared: true },
    ],
    [
      'listed, the version listed as 1.0.0',
      page([{ name: WHEEL.filename, sha: WHEEL.sha256 }], ['1.0.0']),
      { kind: 'listed', sha256Compared: true },
    ],
    ['listed without a sha256', page([{ name: WHEEL.filename, sha: '' }]), { kind: 'listed', sha256Compared: false }],
    [
      'listed with another sha256',
      page([{ name: WHEEL.filename, sha: 'AB'.repeat(32) }]),
      { kind: 'different', sha256: 'ab'.repeat(32) },
    ],
    ['not listed', page([{ name: SDIST.filename, sha: SDIST.sha256 }]), { kind: 'missing', why: 'not listed yet' }],
    [
      'listed, but the version is not in the list yet',
      page([{ name: WHEEL.filename, sha: WHEEL.sha256 }], ['0.9']),
      { kind: 'missing', why: "listed, but version 1.0 is not in the project's versions yet" },
    ],
    [
      'no project page yet',
      pageAnswer({ status: 404, headers: {}, body: 'Not Found', url: new URL('http://x/') }),
      { kind: 'missing', why: 'its project page is not served yet' },
    ],
  ])('%s', (_name, answer, state) => {
    expect(fileState(WHEEL, answer)).toEqual(state);
  });

  it('tells answers worth waiting on from those that are not, in a line of clipped text', () => {
    const answer = (status: number, body: string) =>
      pageAnswer({ status, headers: {}, body, url: new URL('http://x/') });
    expect(answer(503, 'busy')).toEqual({ kind: 'unavailable', reason: '503 Service Unavailable: busy' });
    expect(answer(429, '')).toEqual({ kind: 'unavailable', reason: '429 Too Many Requests: 429 Too Many Requests' });
    expect(answer(403, 'no')).toEqual({ kind: 'refused', reason: '403 Forbidden: no' });
    const hostile = describeAnswer(
      answer(500, JSON.stringify({ message: `line\n::add-mask::x ##[error]y${'y'.repeat(500)}` })),
    );
    expect(hostile).toMatch(/^500 Internal Server Error: line\\n::add-mask::x ##\\\[error\]y+…$/);
    expect(hostile).not.toContain('\n');
    expect(hostile.length).toBeLessThan(260);
    expect(describeAnswer(answer(404, ''))).toBe('404 Not Found (no such project yet)');
  });
});

describe('judging a provenance object', () => {
  const ME = { repository: 'octo/foo', workflow: 'release.yml' };

  it('reads the real provenance PyPI serves for pypi_attestations-0.0.19.tar.gz', async () => {
    const body = await readFile(join(ROOT, 'test/fixtures/pep740/pypi_attestations-0.0.19.tar.gz.provenance'), 'utf8');
    const parsed = parseProvenance(body);
    expect(parsed).toEqual({
      bundles: [
        {
          publisher: { kind: 'GitHub', repository: 'trailofbits/pypi-attestations', workflow: 'release.yml' },
          attestations: [
            {
              predicateType: 'https://docs.pypi.org/attestations/publish/v1',
              subjects: [
                {
                  name: 'pypi_attestations-0.0.19.tar.gz',
                  sha256: '9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3',
                },
              ],
            },
          ],
        },
      ],
    });
    const file = {
      filename: 'pypi_attestations-0.0.19.tar.gz',
      sha256: '9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3',
    };
    const bundles = 'bundles' in parsed ? parsed.bundles : [];
    expect(
      judgeProvenance(
        file,
        bundles,
        { repository: 'TrailOfBits/pypi-attestations', workflow: 'release.yml' },
        'pypi.org',
      ),
    ).toEqual({ kind: 'confirmed' });
    expect(judgeProvenance(file, bundles, ME, 'pypi.org')).toEqual({
      kind: 'mismatch',
      message:
        'pypi_attestations-0.0.19.tar.gz: pypi.org shows its attestations as published by GitHub trailofbits/pypi-attestations, workflow release.yml, not by this repository and workflow (GitHub octo/foo, workflow release.yml).',
    });
  });

  it('wants the file name and its sha256 in a statement', () => {
    const other = { ...WHEEL, sha256: sha256('other bytes') };
    const parsed = parseProvenance(provenanceBody([other]));
    expect(judgeProvenance(WHEEL, 'bundles' in parsed ? parsed.bundles : [], ME, 'pypi.org')).toEqual({
      kind: 'mismatch',
      message: `${WHEEL.filename}: the provenance pypi.org shows holds no attestation for this file's name and sha256 ${WHEEL.sha256}; it names ${WHEEL.filename} (sha256 ${other.sha256}).`,
    });
  });

  it('compares the workflow file name exactly, and confirms the subject alone off a runner', () => {
    const parsed = parseProvenance(provenanceBody([WHEEL]));
    const bundles = 'bundles' in parsed ? parsed.bundles : [];
    expect(judgeProvenance(WHEEL, bundles, { ...ME, workflow: 'Release.yml' }, 'h').kind).toBe('mismatch');
    expect(judgeProvenance(WHEEL, bundles, undefined, 'h')).toEqual({ kind: 'confirmed' });
  });

  it.each([
    ['not JSON', 'the answer is not JSON'],
    [JSON.stringify({ version: 2, attestation_bundles: [] }), 'the answer is not a version 1 provenance object'],
    [JSON.stringify({ version: 1 }), 'the answer has no attestation_bundles'],
  ])('says why %s is not a provenance object', (body, problem) => {
    expect(parseProvenance(body)).toEqual({ problem });
  });

  it('reads a bounded part of a hostile object, and never puts its text raw into a message', () => {
    const many = JSON.stringify({
      version: 1,
      attestation_bundles: Array.from({ length: 100 }, () => ({
        publisher: { kind: 'GitHub\n::stop-commands::x', repository: `a/${'b'.repeat(5000)}` },
        attestations: Array.from({ length: 20 }, (_, i) => ({
          envelope: { statement: i === 0 ? 'x'.repeat(70_000) : statement('f', 'ab') },
        })),
      })),
    });
    const parsed = parseProvenance(many);
    const bundles = 'bundles' in parsed ? parsed.bundles : [];
    expect(bundles).toHaveLength(8);
    expect(bundles[0].attestations).toHaveLength(8);
    expect(bundles[0].attestations[0].subjects).toEqual([]);
    const described = describePublisher(bundles[0].publisher);
    expect(described).not.toContain('\n');
    expect(described.length).toBeLessThan(200);
  });

  it('finds this run in the runner variables', () => {
    expect(
      expectedPublisher({
        GITHUB_REPOSITORY: 'octo/foo',
        GITHUB_WORKFLOW_REF: 'octo/foo/.github/workflows/release.yml@refs/tags/v1',
      }),
    ).toEqual(ME);
    expect(expectedPublisher({ GITHUB_REPOSITORY: 'octo/foo' })).toBeUndefined();
    expect(expectedPublisher({})).toBeUndefined();
  });
});

describe('the timing and the words', () => {
  it('backs off from the first delay, doubling up to the cap, never past the time left', () => {
    const next = backoff({ firstDelayMs: 1_000, maxDelayMs: 10_000 });
    expect([1, 2, 3, 4, 5, 6].map(() => next(60_000))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
    expect(next(2_500)).toBe(2_500);
    expect(next(-5)).toBe(0);
    expect([0, 49, 7_049, 12_345].map(seconds)).toEqual([0, 0, 7, 12.3]);
  });

  it('writes the summary line and the dry run plan', () => {
    const result = { servedAfterMs: new Map(), elapsedMs: 7_200, tries: 4 };
    expect(waitSummaryLine({ ...result, provenance: { checked: 0, confirmed: 0 } })).toBe('installable after 7.2 s');
    expect(waitSummaryLine({ ...result, provenance: { checked: 2, confirmed: 2 } })).toBe(
      'installable after 7.2 s; provenance confirmed for 2 files',
    );
    expect(waitSummaryLine({ ...result, provenance: { checked: 2, confirmed: 1 } })).toBe(
      'installable after 7.2 s; provenance confirmed for 1 of 2 files (see the warnings)',
    );
    expect(describeWait(300, new URL('https://pypi.org/simple/'), 1, true)).toBe(
      "would then wait up to 300 s for https://pypi.org/simple/ to serve the 1 file with this run's sha256, and confirm the provenance of the files uploaded with attestations; a dry run does not wait",
    );
  });

  it('builds the Integrity API URL from the normalized name, percent-encoded', () => {
    expect(integrityUrl(new URL('https://pypi.org/simple/'), 'Foo.Bar', '1.0', 'foo_bar-1.0.tar.gz').href).toBe(
      'https://pypi.org/integrity/foo-bar/1.0/foo_bar-1.0.tar.gz/provenance',
    );
    expect(integrityUrl(new URL('https://pypi.org/simple/'), 'x', '1.0', '../../a b#?').href).toBe(
      'https://pypi.org/integrity/x/1.0/..%2F..%2Fa%20b%23%3F/provenance',
    );
  });
});

// ---- The loop against in-process servers ----

let server: Server | undefined;
afterEach(async () => {
  const open = server;
  server = undefined;
  if (!open) return;
  open.closeAllConnections();
  await new Promise((resolve) => open.close(resolve));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<URL> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/simple/`);
}

function request(simpleIndex: URL, timeoutMs: number, attested: string[] = []) {
  const log: string[] = [];
  const wait: WaitRequest = {
    simpleIndex,
    timing: { timeoutMs, firstDelayMs: 20, maxDelayMs: 100 },
    attested: new Set(attested),
    publisher: { repository: 'octo/foo', workflow: 'release.yml' },
    log: {
      info: (m) => log.push(`info: ${m}`),
      debug: (m) => log.push(`debug: ${m}`),
      warning: (m, title) => log.push(`warning: ${title}: ${m}`),
    },
  };
  return { wait, log };
}

describe('waiting, against servers that answer badly', () => {
  it('ends a server that trickles its answer at the deadline: the wait bounds every request', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, JSON_TYPE);
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => {
        clearInterval(timer);
      });
    });
    const { wait } = request(url, 800);
    const started = Date.now();
    const error = await waitUntilServed([WHEEL], wait).catch((e: unknown) => e);
    // The limit, and at most one last try of the same length.
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as Error).message).toMatch(
      /^Waited 0\.8 s, but 127\.0\.0\.1:\d+ does not serve every file yet: foo_bar-1\.0-py3-none-any\.whl \(its project page is not served yet\)\. Last: http:\/\/127\.0\.0\.1:\d+\/simple\/foo-bar\/ answered could not reach /,
    );
  });

  it('waits through a closed port and a page that is not there yet', async () => {
    let calls = 0;
    const url = await serve((req, res) => {
      calls++;
      if (calls === 1) return void req.socket.destroy();
      if (calls === 2) return void res.writeHead(404).end('Not Found');
      res.writeHead(200, JSON_TYPE).end(jsonPage([{ name: WHEEL.filename, sha: WHEEL.sha256 }], ['1.0']));
    });
    const { wait, log } = request(url, 10_000);
    const result = await waitUntilServed([WHEEL], wait);
    expect(result.tries).toBe(3);
    expect(log.filter((l) => l.startsWith('debug:'))).toEqual([
      expect.stringMatching(
        /^debug: wait: try 1 after [\d.]+ s: foo-bar: could not reach http:\/\/127\.0\.0\.1:\d+\/simple\/foo-bar\/: .*; 0 of 1 files served; next try in 0 s$/,
      ),
      expect.stringMatching(
        /^debug: wait: try 2 after [\d.]+ s: foo-bar: 404 Not Found \(no such project yet\); 0 of 1 files served; next try in 0 s$/,
      ),
      expect.stringMatching(
        /^debug: wait: try 3 after [\d.]+ s: foo-bar: 200 OK, 1 file listed \(PEP 691 JSON\); 1 of 1 files served$/,
      ),
    ]);
  });

  it('asks the Integrity API when the page does not say where the provenance is, and ignores a URL on another origin', async () => {
    const seen: string[] = [];
    const url = await serve((req, res) => {
      seen.push(req.url ?? '');
      if (req.url?.startsWith('/integrity/')) return void res.writeHead(200).end(provenanceBody([WHEEL, SDIST]));
      res.writeHead(200, JSON_TYPE).end(
        jsonPage([
          { name: WHEEL.filename, sha: WHEEL.sha256 },
          { name: SDIST.filename, sha: SDIST.sha256, provenance: 'https://elsewhere.example/steal' },
        ]),
      );
    });
    const { wait, log } = request(url, 10_000, [WHEEL.filename, SDIST.filename]);
    const result = await waitUntilServed([WHEEL, SDIST], wait);
    expect(result.provenance).toEqual({ checked: 2, confirmed: 2 });
    expect(seen.filter((path) => path.startsWith('/integrity/')).sort()).toEqual([
      `/integrity/foo-bar/1.0/${WHEEL.filename}/provenance`,
      `/integrity/foo-bar/1.0/${SDIST.filename}/provenance`,
    ]);
    expect(log).toContain(
      `info: Provenance confirmed for 2 of 2 files: ${url.host} shows an attestation for each file's name and sha256, published by GitHub octo/foo, workflow release.yml.`,
    );
  });

  it('warns when the provenance is not a provenance object, or not there', async () => {
    const url = await serve((req, res) => {
      if (req.url?.includes(WHEEL.filename)) return void res.writeHead(200).end('<html>oops</html>');
      if (req.url?.startsWith('/integrity/')) return void res.writeHead(404).end('{"message": "No provenance"}');
      res.writeHead(200, JSON_TYPE).end(
        jsonPage([
          { name: WHEEL.filename, sha: WHEEL.sha256 },
          { name: SDIST.filename, sha: SDIST.sha256 },
        ]),
      );
    });
    const { wait, log } = request(url, 10_000, [WHEEL.filename, SDIST.filename]);
    const result = await waitUntilServed([WHEEL, SDIST], wait);
    expect(result.provenance).toEqual({ checked: 2, confirmed: 0 });
    expect(log.filter((l) => l.startsWith('warning:'))).toEqual([
      `warning: Provenance: ${WHEEL.filename}: the provenance ${url.host} shows could not be read: the answer is not JSON (http://${url.host}/integrity/foo-bar/1.0/${WHEEL.filename}/provenance).`,
      `warning: Provenance: ${SDIST.filename}: ${url.host} shows no provenance for this file (404 at http://${url.host}/integrity/foo-bar/1.0/${SDIST.filename}/provenance), though it was uploaded with attestations.`,
    ]);
  });

  it('warns when the provenance kept failing until the time was up', async () => {
    const url = await serve((req, res) => {
      if (req.url?.startsWith('/integrity/')) return void res.writeHead(503).end('busy');
      res.writeHead(200, JSON_TYPE).end(jsonPage([{ name: WHEEL.filename, sha: WHEEL.sha256 }]));
    });
    const { wait, log } = request(url, 400, [WHEEL.filename]);
    const started = Date.now();
    const result = await waitUntilServed([WHEEL], wait);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.provenance).toEqual({ checked: 1, confirmed: 0 });
    // The last answer was a 503, or (on a slow machine) the last try was cut off by the deadline itself.
    const warnings = log.filter((l) => l.startsWith('warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(
        `^warning: Provenance: ${WHEEL.filename.replace(/\./g, '\\.')}: the provenance ${url.host} shows could not be read within the wait \\((503 Service Unavailable|could not reach .*aborted due to timeout.*)\\)\\.$`,
      ),
    );
  });

  it('warns, once, about files listed without a sha256', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<a href="/p/${WHEEL.filename}">${WHEEL.filename}</a>`);
    });
    const { wait, log } = request(url, 10_000);
    await waitUntilServed([WHEEL], wait);
    expect(log.filter((l) => l.startsWith('warning:'))).toEqual([
      `warning: Wait: ${url.host} lists ${WHEEL.filename} without a sha256, so what it serves could not be compared with this run's files.`,
    ]);
  });
});
