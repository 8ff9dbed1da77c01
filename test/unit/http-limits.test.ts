// The size cap and the deadlines of src/index/http.ts against real servers on 127.0.0.1 that never
// end an answer, trickle it, or read a body slowly.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_IDLE_TIMEOUT_MS, send, TransportError } from '../../src/index/http.js';
import { testTiming } from '../../src/index/test-timing.js';
import { ANSWER_BYTES, DEFAULT_DEADLINES, useDeadlines } from '../../src/index/answer-limits.js';

const servers: Server[] = [];
afterEach(async () => {
  useDeadlines(DEFAULT_DEADLINES);
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<URL> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes 64 KiB chunks for as long as the connection is open; resolves with the bytes written when it closes. */
function endless(res: ServerResponse): Promise<number> {
  let written = 0;
  return new Promise((closed) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, '<a href="');
    const write = (): void => {
      while (!res.destroyed && res.write(chunk)) written += chunk.length;
      if (!res.destroyed) res.once('drain', write);
    };
    res.on('close', () => {
      closed(written);
    });
    write();
  });
}

describe('answers have a size cap that stops the read', () => {
  it.each([
    ['api', ANSWER_BYTES.api],
    ['listing', ANSWER_BYTES.listing],
  ] as const)('an endless %s answer is cut at %i bytes and its connection closed', async (kind, cap) => {
    let closed: Promise<number> | undefined;
    const url = await serve((_req, res) => {
      closed = endless(res);
    });
    const started = Date.now();
    const response = await send(url, { answer: kind });
    expect(response.truncated).toBe(true);
    // A cut answer keeps its first MiB, for messages.
    expect(Buffer.byteLength(response.body)).toBe(Math.min(cap, ANSWER_BYTES.api));
    // The server sees the connection end: nothing keeps reading.
    const written = await closed!;
    expect(written).toBeLessThan(cap + 16 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('keeps an answer within its cap whole', async () => {
    const url = await serve((_req, res) => res.end('x'.repeat(1000)));
    const response = await send(url);
    expect(response.truncated).toBeUndefined();
    expect(response.body).toBe('x'.repeat(1000));
  });
});

describe('every request has a deadline', () => {
  it('ends an answer that trickles in a byte at a time, however steady', async () => {
    useDeadlines({ ...DEFAULT_DEADLINES, apiMs: 600 });
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => {
        clearInterval(timer);
      });
    });
    const started = Date.now();
    const failure = await send(url).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransportError);
    expect((failure as Error).message).toBe(
      `${url.href}: no complete answer within 600 ms; the index kept the connection open without finishing its answer`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('ends a request whose headers never come', async () => {
    useDeadlines({ ...DEFAULT_DEADLINES, listingMs: 400 });
    const url = await serve(() => undefined);
    const failure = await send(url, { answer: 'listing' }).catch((error: unknown) => error);
    expect((failure as Error).message).toContain('no complete answer within 400 ms');
  });

  /** Uploads 64 KiB, 8 KiB every 150 ms (1.2 s in all), to a server that answers once it has read it all. */
  async function slowUpload(): Promise<Awaited<ReturnType<typeof send>>> {
    const url = await serve((req, res) => {
      req.resume();
      req.on('end', () => res.end('OK'));
    });
    async function* slowly(): AsyncIterable<Uint8Array> {
      for (let i = 0; i < 8; i++) {
        await sleep(150);
        yield Buffer.alloc(8 * 1024, 'x');
      }
    }
    return send(url, {
      method: 'POST',
      headers: { 'content-length': String(64 * 1024) },
      body: slowly,
      bodyBytes: 64 * 1024,
      answer: 'upload',
    });
  }

  it("does not count sending a file against the answer's deadline: a slow link is not cut off", async () => {
    // 1.2 s of sending: four times the answer's deadline, well within the 4.3 s the size allows.
    useDeadlines({ ...DEFAULT_DEADLINES, apiMs: 300, uploadAnswerMs: 300, minUploadBytesPerSecond: 16 * 1024 });
    const response = await slowUpload();
    expect(response.status).toBe(200);
    expect(response.body).toBe('OK');
  });

  it('ends an upload whose body moves slower than the minimum rate', async () => {
    useDeadlines({ ...DEFAULT_DEADLINES, apiMs: 200, minUploadBytesPerSecond: 1024 * 1024 });
    const failure = await slowUpload().catch((error: unknown) => error);
    expect((failure as Error).message).toMatch(/the body \(65536 bytes\) was not sent within 263 ms/);
  });

  it("starts the upload answer's deadline when the file is sent", async () => {
    useDeadlines({ ...DEFAULT_DEADLINES, uploadAnswerMs: 500 });
    const url = await serve((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200);
        const timer = setInterval(() => res.write('.'), 100);
        res.on('close', () => {
          clearInterval(timer);
        });
      });
    });
    const failure = await send(url, {
      method: 'POST',
      headers: { 'content-length': '3' },
      body: async function* () {
        yield Buffer.from('abc');
      },
      bodyBytes: 3,
      answer: 'upload',
    }).catch((error: unknown) => error);
    expect((failure as Error).message).toContain('no complete answer within 500 ms');
  });
});

describe('PYPI_OIDC_PUBLISH_TEST_TIMING (testTiming)', () => {
  it('shortens the deadlines and the idle timeout, and can make nothing longer', () => {
    expect(testTiming('{"idleTimeoutMs": 5000, "deadlines": {"apiMs": 2000, "uploadAnswerMs": 1e12}}')).toEqual({
      idleTimeoutMs: 5000,
      deadlines: { ...DEFAULT_DEADLINES, apiMs: 2000 },
    });
    expect(testTiming('{"deadlines": {"minUploadBytesPerSecond": 1, "listingMs": -5}}')).toEqual({
      idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MS,
      deadlines: DEFAULT_DEADLINES,
    });
    expect(testTiming('{"deadlines": {"minUploadBytesPerSecond": 1048576}}').deadlines?.minUploadBytesPerSecond).toBe(
      1048576,
    );
  });

  it('ignores what is not a JSON object', () => {
    for (const raw of [undefined, '', 'nonsense', '42', 'null']) expect(testTiming(raw)).toEqual({});
  });
});
