// Concurrent uploads (input `parallel`) against the local index over real HTTP: the first file goes
// alone, then up to `parallel` at once; results stay in the files' order; a failure stops new
// uploads; an expired token is renewed once for all the uploads that met it.
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Tuning } from '../../src/main.js';
import { runInProcess, type RecordedRun } from '../support/action-runner.ts';
import { makeWheel } from '../support/archives.ts';
import { startLocalIndex, type LocalIndex, type LocalIndexOptions } from '../support/local-index.ts';
import { packagesDir } from '../support/packages-dir.ts';

const FAST: Partial<Tuning> = { retry: { baseDelayMs: 50, maxDelayMs: 400, totalMs: 30_000 }, idleTimeoutMs: 10_000 };

/** A promise and the function that settles it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Turns of the event loop (the action runs in this process): time for it to read an answer, on any machine. */
async function loopTurns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

let index: LocalIndex | undefined;
afterEach(async () => {
  await index?.close();
  index = undefined;
});

async function startIndex(options: LocalIndexOptions = {}): Promise<LocalIndex> {
  index = await startLocalIndex({
    publisher: {
      repository: 'octo-org/sampleproject',
      repositoryOwnerId: '1234567',
      workflow: 'release.yml',
      projects: ['sampleproject'],
    },
    ...options,
  });
  return index;
}

/** `count` wheels of sampleproject, versions 1.0.0, 1.0.1, …; returns their filenames in upload order. */
async function wheels(count: number): Promise<{ dir: string; names: string[] }> {
  const files = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `sampleproject-1.0.${i}-py3-none-any.whl`,
      makeWheel('sampleproject', `1.0.${i}`),
    ]),
  );
  return { dir: await packagesDir([], files), names: Object.keys(files) };
}

async function publish(
  idx: LocalIndex,
  dir: string,
  inputs: Record<string, string> = {},
  tuning = FAST,
): Promise<RecordedRun> {
  return runInProcess(
    { 'repository-url': idx.uploadUrl, 'packages-dir': dir, ...inputs },
    { requestUrl: idx.github.requestUrl, requestToken: idx.github.requestToken },
    tuning,
  );
}

const filenameIn = (body: Buffer): string | undefined => /filename="([^"]+)"/.exec(body.toString('latin1'))?.[1];

/**
 * Holds each upload until `release(filename)` settles and records how many were being handled at
 * once. The tests release by events (which uploads have arrived, what was answered), never by time,
 * so that a loaded machine does not change what happens.
 */
function heldUploads(
  idx: LocalIndex,
  release: (filename: string) => Promise<void>,
): { maxInFlight: () => number; events: string[] } {
  let inFlight = 0;
  let max = 0;
  const events: string[] = [];
  idx.override('upload', async (_req, _res, body) => {
    const name = filenameIn(body) ?? '?';
    inFlight++;
    max = Math.max(max, inFlight);
    events.push(`start ${name}`);
    await release(name);
    inFlight--;
    events.push(`end ${name}`);
    return false;
  });
  return { maxInFlight: () => max, events };
}

/** Holds `batch` until all of it has arrived, then lets the uploads finish in the reverse order. */
function arriveTogetherFinishReversed(batch: string[]): (filename: string) => Promise<void> {
  const gates = batch.map(() => deferred());
  let arrived = 0;
  return async (name) => {
    const at = batch.indexOf(name);
    if (at < 0) return;
    if (++arrived === batch.length) gates[batch.length - 1].resolve();
    await gates[at].promise;
    if (at > 0) gates[at - 1].resolve();
  };
}

const uploadedNames = (result: RecordedRun): string[] =>
  (JSON.parse(result.outputs.uploaded ?? '[]') as { filename: string }[]).map((f) => f.filename);

describe('parallel uploads', () => {
  it('sends the first file alone, then up to 4 at once; outputs and summary keep the files’ order', async () => {
    const idx = await startIndex();
    const { dir, names } = await wheels(8);
    // Files 2 to 5 are all under way at once, and answered last to first: completion order is the
    // reverse of the files' order.
    const slow = heldUploads(idx, arriveTogetherFinishReversed(names.slice(1, 5)));
    const result = await publish(idx, dir);
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(8);
    expect(slow.maxInFlight()).toBe(4);
    expect(slow.events.slice(0, 2)).toEqual([`start ${names[0]}`, `end ${names[0]}`]);
    expect(uploadedNames(result)).toEqual(names);
    const rows = names.map((name) => result.summary.indexOf(name));
    expect(rows.every((at) => at >= 0)).toBe(true);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
    expect(result.reports?.map((r) => r.sha256)).toEqual(names.map((name) => idx.files.get(name)!.sha256));
  });

  it('parallel: 1 uploads one file after the other', async () => {
    const idx = await startIndex();
    const { dir, names } = await wheels(4);
    const slow = heldUploads(idx, () => loopTurns(10));
    const result = await publish(idx, dir, { parallel: '1' });
    expect(result.error).toBeUndefined();
    expect(slow.maxInFlight()).toBe(1);
    expect(slow.events).toEqual(names.flatMap((name) => [`start ${name}`, `end ${name}`]));
  });

  it('a refusal mid-way stops new uploads; those under way finish; each file’s state is reported', async () => {
    const idx = await startIndex();
    const { dir, names } = await wheels(8);
    const refused = names[2];
    const refusalSent = deferred();
    idx.override('upload', (_req, res, body) => {
      if (filenameIn(body) !== refused) return false;
      res.writeHead(400, 'Invalid value for version', { 'content-type': 'text/plain' });
      res.end('Invalid value for version', refusalSent.resolve);
      return true;
    });
    // Files 2, 4 and 5 are answered only once the refusal is out and the action has had turns of
    // the event loop to read it: however loaded the machine, they are under way when it arrives.
    heldUploads(idx, async (name) => {
      if (name === names[0]) return;
      await refusalSent.promise;
      await loopTurns(20);
    });
    const result = await publish(idx, dir);
    expect(result.error?.message).toContain(`refused ${refused}: 400`);
    // Files 2, 4 and 5 were under way with the refused one and finish; 6 to 8 are never sent.
    expect([...idx.files.keys()].sort()).toEqual([names[0], names[1], names[3], names[4]].sort());
    expect(idx.uploads.map((u) => u.filename)).not.toContain(names[5]);
    const state = (name: string): string | undefined =>
      /(uploaded|failed|not attempted)/.exec(
        result.summary.split('\n').find((line) => line.startsWith(`| ${name} |`)) ?? '',
      )?.[1];
    expect(names.map(state)).toEqual([
      'uploaded',
      'uploaded',
      'failed',
      'uploaded',
      'uploaded',
      'not attempted',
      'not attempted',
      'not attempted',
    ]);
    expect(uploadedNames(result)).toEqual([names[0], names[1], names[3], names[4]]);
    expect(result.summary.match(/not attempted/g)).toHaveLength(3);
  });

  it('a token that expired under four concurrent uploads is renewed once, and every file sent again', async () => {
    const idx = await startIndex();
    const { dir, names } = await wheels(5);
    // Files 2 to 5 are held, the first time they arrive, until all four are there; then the index's
    // clock runs the token out. Files 2 and 3 are answered "expired" together (one mint serves
    // both); files 4 and 5 only once file 2 or 3 is back with the new token (they must not mint again).
    const batch = names.slice(1);
    const arrivals = new Map<string, number>();
    const together = deferred();
    const later = deferred();
    idx.override('upload', async (_req, _res, body) => {
      const name = filenameIn(body) ?? '';
      if (!batch.includes(name)) return false;
      const arrival = (arrivals.get(name) ?? 0) + 1;
      arrivals.set(name, arrival);
      if (arrival > 1) {
        if (batch.indexOf(name) < 2) later.resolve();
        return false;
      }
      if (arrivals.size === batch.length) {
        idx.expireTokens();
        together.resolve();
      }
      await (batch.indexOf(name) < 2 ? together.promise : Promise.all([together.promise, later.promise]));
      return false;
    });
    const result = await publish(idx, dir, {}, { ...FAST, tokenRenewMarginMs: 0 });
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(5);
    expect(idx.uploads.filter((u) => u.status === 403 && u.message.includes('expired'))).toHaveLength(4);
    expect(idx.mintedTokens).toBe(2);
    expect(uploadedNames(result)).toEqual(names);
  });
});

describe('connections to the index', () => {
  /** A TCP pass-through in front of the index that counts the connections made to it. */
  async function countingProxy(idx: LocalIndex): Promise<{ origin: string; connections: () => number }> {
    let connections = 0;
    const server = createServer((client) => {
      connections++;
      const upstream = connect(Number(new URL(idx.origin).port), '127.0.0.1');
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxies.push(server);
    return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
  }
  const proxies: Server[] = [];
  afterEach(() => {
    for (const proxy of proxies.splice(0)) proxy.close();
  });

  it.each([
    [2, 1, 1],
    [6, 4, 4],
  ])('%i files with parallel %i take %i connection(s): each is reused once free', async (count, parallel, expected) => {
    const idx = await startIndex();
    const proxy = await countingProxy(idx);
    const { dir } = await wheels(count);
    const result = await runInProcess(
      { 'repository-url': `${proxy.origin}/legacy/`, 'packages-dir': dir, parallel: String(parallel) },
      { requestUrl: idx.github.requestUrl, requestToken: idx.github.requestToken },
      // The default idle timeout: requests with the same one share a pool of connections.
      { retry: FAST.retry },
      undefined,
      // As with a state file: the post step revokes the token, no request follows the last upload.
      true,
    );
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(count);
    // The audience and mint-token requests went over the first connection too.
    expect(proxy.connections()).toBe(expected);
  });
});
