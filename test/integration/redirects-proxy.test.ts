// Redirects are followed only within one origin, so Authorization never reaches another host; a
// proxy from HTTPS_PROXY is used for other hosts, and this machine is always reached directly.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/action-runner.ts';
import { startLocalIndex, type LocalIndex } from '../support/local-index.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';

const TOKEN = 'pypi-redirect-and-proxy-tests';
const noOidc = { requestUrl: undefined, requestToken: undefined };
const FAST = { retry: { baseDelayMs: 20, maxDelayMs: 100, totalMs: 5_000 } };

let wheel: string;
let index: LocalIndex | undefined;

beforeAll(async () => {
  wheel = (await fixtureDists('sampleproject')).find((d) => d.endsWith('.whl'))!;
});

afterEach(async () => {
  await index?.close();
  index = undefined;
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve();
    }),
  );
  return (server.address() as AddressInfo).port;
}

describe('redirects', () => {
  it('follows 308 from /legacy to /legacy/ on the same origin, with the body sent again', async () => {
    const idx = (index = await startLocalIndex({ apiTokens: [TOKEN] }));
    const result = await runInProcess(
      { 'repository-url': `${idx.origin}/legacy`, 'packages-dir': await packagesDir([wheel]), password: TOKEN },
      noOidc,
      FAST,
    );
    expect(result.error).toBeUndefined();
    expect(idx.requests.filter((r) => r.method === 'POST').map((r) => [r.path, r.status])).toEqual([
      ['/legacy', 308],
      ['/legacy/', 200],
    ]);
    expect(idx.files.size).toBe(1);
  });

  it('does not follow a redirect to another origin, so the credentials never reach it', async () => {
    const idx = (index = await startLocalIndex({ apiTokens: [TOKEN] }));
    const elsewhere = new URL(idx.uploadUrl);
    elsewhere.hostname = 'localhost';
    const redirector = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(308, { location: elsewhere.href });
        res.end();
      });
    });
    const port = await listen(redirector);
    try {
      const result = await runInProcess(
        {
          'repository-url': `http://127.0.0.1:${port}/legacy/`,
          'packages-dir': await packagesDir([wheel]),
          password: TOKEN,
        },
        noOidc,
        FAST,
      );
      expect(result.error?.message).toMatch(
        /^127\.0\.0\.1:\d+ refused sampleproject-1\.0\.0-py3-none-any\.whl: 308 Permanent Redirect/,
      );
      expect((result.error as { hint?: string }).hint).toContain(
        `redirects uploads to ${elsewhere.href}, on another host or as a GET, which is not followed`,
      );
      expect(idx.requests).toHaveLength(0);
    } finally {
      await new Promise((r) => redirector.close(r));
    }
  });
});

describe('proxies', () => {
  const saved = {
    HTTPS_PROXY: process.env.HTTPS_PROXY,
    HTTP_PROXY: process.env.HTTP_PROXY,
    NO_PROXY: process.env.NO_PROXY,
  };
  const connects: string[] = [];
  let proxy: Server;

  beforeAll(async () => {
    proxy = createServer((_req, res) => {
      res.writeHead(502);
      res.end();
    });
    proxy.on('connect', (req, socket) => {
      connects.push(req.url ?? '');
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
    });
    const port = await listen(proxy);
    process.env.HTTPS_PROXY = `http://127.0.0.1:${port}`;
    process.env.HTTP_PROXY = `http://127.0.0.1:${port}`;
    delete process.env.NO_PROXY;
  });

  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await new Promise((r) => proxy.close(r));
  });

  it('goes through HTTPS_PROXY to reach another host', async () => {
    const result = await runInProcess(
      {
        'repository-url': 'https://upload.example.test/legacy/',
        'packages-dir': await packagesDir([wheel]),
        password: TOKEN,
        retries: '0',
      },
      noOidc,
      FAST,
    );
    expect(connects).toEqual(['upload.example.test:443']);
    expect(result.error?.message).toContain(
      'Uploading sampleproject-1.0.0-py3-none-any.whl failed: could not reach https://upload.example.test/legacy/',
    );
  });

  it('reaches this machine directly, whatever the proxy variables say', async () => {
    const before = connects.length;
    const idx = (index = await startLocalIndex({ apiTokens: [TOKEN] }));
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir([wheel]), password: TOKEN },
      noOidc,
      FAST,
    );
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(1);
    expect(connects.length).toBe(before);
  });
});
