// A JSON HTTP server on 127.0.0.1 with answers that tests can replace (a status for the next N requests).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface JsonAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface JsonServer {
  url: string;
  /** Requests received, by path. */
  requests: { method: string; path: string }[];
  /** The next `times` requests get this answer instead of the real one. */
  failNext(status: number, body: unknown, times?: number): void;
  close(): Promise<void>;
}

export async function startJsonServer(
  handle: (req: IncomingMessage, body: Buffer) => JsonAnswer | Promise<JsonAnswer>,
): Promise<JsonServer> {
  const failures: JsonAnswer[] = [];
  const requests: JsonServer['requests'] = [];
  const reply = (res: ServerResponse, answer: JsonAnswer): void => {
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  };
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '' });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const failure = failures.shift();
      if (failure) {
        reply(res, failure);
        return;
      }
      Promise.resolve()
        .then(() => handle(req, Buffer.concat(chunks)))
        .then((answer) => {
          reply(res, answer);
        })
        .catch((error: unknown) => {
          reply(res, { status: 500, body: { code: 13, message: `test server failure: ${(error as Error).message}` } });
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    failNext(status, body, times = 1) {
      for (let i = 0; i < times; i++) failures.push({ status, body });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
