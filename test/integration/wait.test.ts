// `wait`: after the upload, the action polls the index's simple API until it serves every file with
// this run's sha256, then confirms the provenance PyPI shows. Against the local index (which can hold
// new files back, answer 5xx, serve other bytes and serve provenance) and pypiserver, over real HTTP.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, type RecordedRun } from '../support/action-runner.ts';
import { startLocalIndex, type LocalIndex, type LocalIndexOptions } from '../support/local-index.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';
import { startPypiServer, type PypiServer } from '../support/pypiserver.ts';
import { startSigstore, type TestSigstore } from '../support/sigstore/sigstore.ts';
import type { Tuning } from '../../src/main.ts';

const PUBLISHER = {
  repository: 'octo-org/sampleproject',
  repositoryOwnerId: '1234567',
  workflow: 'release.yml',
  projects: ['sampleproject'],
};
/** What the runner sets for a job of that publisher's workflow. */
const GITHUB_ENV = {
  GITHUB_REPOSITORY: 'octo-org/sampleproject',
  GITHUB_WORKFLOW_REF: 'octo-org/sampleproject/.github/workflows/release.yml@refs/tags/v1.0.0',
};
/** A back-off of 50 ms doubling to 400 ms, so that a wait of a few seconds makes several tries. */
const QUICK: Partial<Tuning> = {
  retry: { baseDelayMs: 1, maxDelayMs: 5, totalMs: 5_000 },
  wait: { firstDelayMs: 50, maxDelayMs: 400 },
};

let dists: string[] = [];
let index: LocalIndex | undefined;
let sigstore: TestSigstore | undefined;

beforeAll(async () => {
  dists = await fixtureDists('sampleproject');
});

afterEach(async () => {
  await sigstore?.close();
  await index?.close();
  index = undefined;
  sigstore = undefined;
});

const filenames = (): string[] => dists.map((d) => basename(d)).sort();
const runnerOf = (idx: LocalIndex) => ({
  requestUrl: idx.github.requestUrl,
  requestToken: idx.github.requestToken,
  eventName: 'push',
});

async function startIndex(options: LocalIndexOptions = {}): Promise<LocalIndex> {
  index = await startLocalIndex({ publisher: PUBLISHER, ...options });
  return index;
}

/** The action with `wait` against the local index, attestations off unless `signed`. */
async function publish(
  idx: LocalIndex,
  inputs: Record<string, string>,
  tuning: Partial<Tuning> = QUICK,
  signed = false,
): Promise<RecordedRun> {
  if (signed) sigstore = await startSigstore(idx);
  return runInProcess(
    {
      'repository-url': idx.uploadUrl,
      'check-url': `${idx.origin}/simple/`,
      'packages-dir': await packagesDir(dists),
      ...(signed ? {} : { attestations: 'false' }),
      ...inputs,
    },
    runnerOf(idx),
    tuning,
    { ...(sigstore?.env ?? {}), ...GITHUB_ENV },
  );
}

const simpleRequests = (idx: LocalIndex) => idx.requests.filter((r) => r.path.startsWith('/simple/'));
const tries = (run: RecordedRun) => run.log.filter((line) => line.startsWith('debug: wait: try '));
interface OutputFile {
  filename: string;
  installable_after_s?: number;
}
const outputFiles = (run: RecordedRun, name: 'uploaded' | 'skipped'): OutputFile[] =>
  JSON.parse(run.outputs[name] ?? '[]') as OutputFile[];

describe('wait: the index serves the files after a while', () => {
  it('polls until files held back for 3 s appear, then says when', async () => {
    const idx = await startIndex({ holdBackMs: 3_000 });
    const run = await publish(idx, { wait: '30' });
    expect(run.error).toBeUndefined();
    expect([...idx.files.keys()].sort()).toEqual(filenames());

    // The first try found nothing; later tries found both, with our sha256.
    const debug = tries(run);
    expect(debug[0]).toMatch(
      /^debug: wait: try 1 after [\d.]+ s: sampleproject: 200 OK, 0 files listed \(PEP 691 JSON\); 0 of 2 files served; next try in 0\.1 s$/,
    );
    expect(debug.length).toBeGreaterThan(2);
    expect(debug.at(-1)).toMatch(/: sampleproject: 200 OK, 2 files listed \(PEP 691 JSON\); 2 of 2 files served$/);
    const installable = run.log.find((line) => line.startsWith('info: Installable after '));
    expect(installable).toMatch(
      new RegExp(
        `^info: Installable after [\\d.]+ s \\(${debug.length} tries\\): 127\\.0\\.0\\.1:\\d+ serves all 2 files with this run's sha256, and lists the release sampleproject 1\\.0\\.0\\.$`,
      ),
    );

    // Outputs: installable, and each file's time; the summary's line.
    expect(run.outputs.installable).toBe('true');
    const uploaded = outputFiles(run, 'uploaded');
    expect(uploaded.map((f) => f.filename).sort()).toEqual(filenames());
    for (const file of uploaded) {
      expect(file.installable_after_s).toBeGreaterThan(0);
      expect(file.installable_after_s).toBeLessThan(30);
    }
    const seconds = /Installable after ([\d.]+) s/.exec(installable!)![1];
    expect(run.summary).toContain(`**Installable after ${seconds} s**`);

    // Public GETs: no credentials, past any cache, JSON preferred.
    const requests = simpleRequests(idx);
    expect(requests).toHaveLength(debug.length);
    for (const request of requests) {
      expect(request.path).toBe('/simple/sampleproject/');
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers['cache-control']).toBe('no-cache');
      expect(request.headers.accept).toBe('application/vnd.pypi.simple.v1+json, text/html;q=0.1');
    }
  });

  it('wait: true backs off gently from 1 s (1 s, 2 s, …), with the default timing', async () => {
    const idx = await startIndex({ holdBackMs: 2_500 });
    const run = await publish(idx, { wait: 'true' }, { retry: QUICK.retry! });
    expect(run.error).toBeUndefined();
    expect(run.log).toContain(
      `info: Waiting up to 300 s for ${idx.origin}/simple/ to serve 2 files with this run's sha256.`,
    );
    const debug = tries(run);
    expect(debug[0]).toMatch(/; 0 of 2 files served; next try in 1 s$/);
    expect(debug[1]).toMatch(/; next try in 2 s$|; 2 of 2 files served$/);
    expect(run.outputs.installable).toBe('true');
  });

  it('retries through a simple API that answers 503 for a while', async () => {
    const idx = await startIndex();
    idx.failWith('simple', 3, 503);
    const run = await publish(idx, { wait: '30' });
    expect(run.error).toBeUndefined();
    const debug = tries(run);
    expect(debug.slice(0, 3).every((line) => line.includes('sampleproject: 503 Service Unavailable: '))).toBe(true);
    expect(debug).toHaveLength(4);
    expect(debug[3]).toMatch(/2 of 2 files served$/);
    expect(run.outputs.installable).toBe('true');
  });

  it('waits for skipped files too, and gives them their time', async () => {
    const idx = await startIndex();
    for (const path of dists) idx.seed(basename(path), await readFile(path));
    const run = await publish(idx, { wait: '30', 'skip-existing': 'true' });
    expect(run.error).toBeUndefined();
    const skipped = outputFiles(run, 'skipped');
    expect(skipped.map((f) => f.filename).sort()).toEqual(filenames());
    for (const file of skipped) expect(file.installable_after_s).toBeGreaterThanOrEqual(0);
    expect(tries(run)).toHaveLength(1);
  });
});

describe('wait: what the index serves is not what was uploaded', () => {
  it('times out with the files still missing, what the index said last, and that nothing needs re-uploading', async () => {
    const idx = await startIndex({ holdBackMs: 3_600_000 });
    const started = Date.now();
    const run = await publish(
      idx,
      { wait: '30' },
      { ...QUICK, wait: { firstDelayMs: 50, maxDelayMs: 400, timeoutMs: 1_500 } },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    const missing = filenames()
      .map((f) => `${f} (not listed yet)`)
      .join(', ');
    expect(run.error?.message).toBe(
      `Waited 1.5 s, but ${new URL(idx.origin).host} does not serve every file yet: ${missing}. Last: ${idx.origin}/simple/sampleproject/ answered 200 OK, 0 files listed (PEP 691 JSON). The upload itself succeeded: nothing needs re-uploading.`,
    );
    expect((run.error as { hint?: string }).hint).toContain("raise 'wait'");
    // Uploaded all the same, and said so.
    expect([...idx.files.keys()].sort()).toEqual(filenames());
    expect(
      outputFiles(run, 'uploaded')
        .map((f) => f.filename)
        .sort(),
    ).toEqual(filenames());
    expect(outputFiles(run, 'uploaded').every((f) => f.installable_after_s === undefined)).toBe(true);
    expect(run.outputs.installable).toBe('false');
    expect(run.summary).toContain('**Failed:** Waited 1.5 s, but');
    expect(run.summary).toContain('✅ uploaded');
  });

  it('fails at once when the index lists a file with another sha256: it serves different bytes', async () => {
    const idx = await startIndex();
    const wheel = filenames().find((f) => f.endsWith('.whl'))!;
    idx.misreportSha256(wheel, 'ab'.repeat(32));
    const run = await publish(idx, { wait: '30' });
    expect(run.error?.message).toMatch(
      new RegExp(
        `^127\\.0\\.0\\.1:\\d+ serves ${wheel.replace(/\./g, '\\.')} with sha256 ${'ab'.repeat(32)}, but this run's file has [0-9a-f]{64}: the index serves different bytes\\.$`,
      ),
    );
    expect((run.error as { hint?: string }).hint).toContain('print-hash: true');
    expect(tries(run)).toHaveLength(1);
    expect(run.outputs.installable).toBe('false');
  });

  it('stops when the simple API refuses to answer (401): waiting would not change it', async () => {
    const idx = await startIndex();
    idx.failWith('simple', 1_000, 401);
    const run = await publish(idx, { wait: '30' });
    const message = run.error?.message ?? '';
    expect(message).toMatch(
      `While waiting for the release, ${idx.origin}/simple/sampleproject/ answered 401 Unauthorized: `,
    );
    expect(message).toMatch(
      /the index is unavailable \(test setting, 999 more\); waiting longer would not change that\. The upload itself succeeded: nothing needs re-uploading\.$/,
    );
    expect((run.error as { hint?: string }).hint).toContain('without credentials');
    expect(tries(run)).toHaveLength(1);
  });

  it('says installable: false when the run ends before the upload', async () => {
    const idx = await startIndex();
    const run = await runInProcess(
      {
        'repository-url': idx.uploadUrl,
        'check-url': `${idx.origin}/simple/`,
        'packages-dir': await packagesDir([]),
        wait: 'true',
      },
      runnerOf(idx),
    );
    expect(run.error).toBeDefined();
    expect(run.outputs.installable).toBe('false');
  });

  it('is refused at input time for an index whose simple API is not known, before anything is uploaded', async () => {
    const idx = await startIndex();
    const run = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists), wait: 'true' },
      runnerOf(idx),
    );
    expect(run.error?.message).toBe(
      `The input 'wait' is set, but where ${new URL(idx.origin).host} lists its files is not known: it is not PyPI or TestPyPI, and 'check-url' is not set.`,
    );
    expect(idx.uploads).toHaveLength(0);
    expect(idx.mints).toHaveLength(0);
  });
});

describe('wait: the provenance PyPI shows', () => {
  it('confirms an attestation for each file from this repository and workflow', async () => {
    const idx = await startIndex({ holdBackMs: 500 });
    const run = await publish(idx, { wait: '30' }, QUICK, true);
    expect(run.error).toBeUndefined();
    expect(run.log).toContain(
      `info: Provenance confirmed for 2 of 2 files: ${new URL(idx.origin).host} shows an attestation for each file's name and sha256, published by GitHub octo-org/sampleproject, workflow release.yml.`,
    );
    expect(run.log.filter((line) => line.startsWith('warning:'))).toEqual([
      expect.stringContaining('not Sigstore'), // the test Sigstore instance
    ]);
    const provenance = idx.requests.filter((r) => r.path.startsWith('/integrity/'));
    expect(provenance.map((r) => r.path).sort()).toEqual(
      filenames().map((f) => `/integrity/sampleproject/1.0.0/${encodeURIComponent(f)}/provenance`),
    );
    for (const request of provenance) expect(request.headers.authorization).toBeUndefined();
    expect(run.summary).toMatch(/\*\*Installable after [\d.]+ s; provenance confirmed for 2 files\*\*/);
  });

  it('warns, naming each file, when the index shows no provenance; the run still succeeds', async () => {
    const idx = await startIndex({ keepProvenance: false });
    const run = await publish(idx, { wait: '30' }, QUICK, true);
    expect(run.error).toBeUndefined();
    const host = new URL(idx.origin).host;
    for (const file of filenames())
      expect(run.log).toContain(
        `warning: ${file}: ${host} lists this file with no provenance, though it was uploaded with attestations.`,
      );
    expect(run.outputs.installable).toBe('true');
    expect(run.summary).toMatch(/provenance confirmed for 0 of 2 files \(see the warnings\)/);
  });

  it('warns when the provenance names another publisher, saying which', async () => {
    const idx = await startIndex({
      provenancePublisher: {
        kind: 'GitHub',
        repository: 'octo-org/other',
        workflow: 'deploy.yml',
        environment: 'pypi',
      },
    });
    const run = await publish(idx, { wait: '30' }, QUICK, true);
    expect(run.error).toBeUndefined();
    const host = new URL(idx.origin).host;
    for (const file of filenames())
      expect(run.log).toContain(
        `warning: ${file}: ${host} shows its attestations as published by GitHub octo-org/other, workflow deploy.yml, environment pypi, not by this repository and workflow (GitHub octo-org/sampleproject, workflow release.yml).`,
      );
    expect(run.outputs.installable).toBe('true');
  });

  it('retries a provenance answer of 503 within the wait', async () => {
    const idx = await startIndex();
    idx.failWith('integrity', 2, 503);
    const run = await publish(idx, { wait: '30' }, QUICK, true);
    expect(run.error).toBeUndefined();
    expect(run.log.some((line) => line.startsWith('info: Provenance confirmed for 2 of 2 files'))).toBe(true);
  });
});

describe('wait in a dry run', () => {
  it('says what it would do and does not wait', async () => {
    const idx = await startIndex({ holdBackMs: 3_600_000 });
    const run = await publish(idx, { wait: 'true', 'dry-run': 'true' });
    expect(run.error).toBeUndefined();
    expect(run.log).toContain(
      `info:   Wait: would then wait up to 300 s for ${idx.origin}/simple/ to serve the 2 files with this run's sha256; a dry run does not wait`,
    );
    expect(run.summary).toContain('- **Wait:** would then wait up to 300 s');
    expect(tries(run)).toEqual([]);
    expect(run.outputs.installable).toBe('');
    expect(idx.files.size).toBe(0);
  });
});

describe('wait against pypiserver (PEP 503 HTML, files served at once)', () => {
  let server: PypiServer;
  beforeAll(async () => {
    server = await startPypiServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('finds the files on the first try, comparing the sha256 in the links', async () => {
    const run = await runInProcess(
      {
        'repository-url': server.url,
        'check-url': `${server.url}simple/`,
        'packages-dir': await packagesDir(dists),
        user: server.user,
        password: server.password,
        wait: '30',
      },
      { requestUrl: undefined, requestToken: undefined },
      QUICK,
    );
    expect(run.error).toBeUndefined();
    expect(tries(run)).toEqual([
      expect.stringMatching(/: sampleproject: 200 OK, 2 files listed \(PEP 503 HTML\); 2 of 2 files served$/),
    ]);
    expect(run.log.filter((line) => line.startsWith('warning:'))).toEqual([]);
    expect(run.outputs.installable).toBe('true');
    expect(run.summary).toMatch(/\*\*Installable after [\d.]+ s\*\*/);
  });
});
