// Hostile ways for a server to answer (issue 13): a body that never ends, an answer trickled a byte
// at a time, a status with a message, once. Each is an OverrideHandler of the local index.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OverrideHandler } from '../support/local-index.ts';

/** 200 and a body written as fast as the client reads, until the client closes the connection. */
export const endless =
  (contentType: string, fragment: string): OverrideHandler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    const chunk = Buffer.from(fragment.repeat(Math.ceil((64 * 1024) / fragment.length)));
    const write = (): void => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', write);
    };
    write();
    return true;
  };

/** 200 and one byte every `intervalMs`, never finished. */
export const trickle =
  (contentType: string, intervalMs: number): OverrideHandler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.flushHeaders();
    const timer = setInterval(() => res.write(' '), intervalMs);
    res.on('close', () => {
      clearInterval(timer);
    });
    return true;
  };

/** The status, with a body of this type; once (later requests get the index's own answer) unless `always`. */
export function answer(status: number, contentType: string, body: string, always = false): OverrideHandler {
  let used = false;
  return (_req: IncomingMessage, res: ServerResponse) => {
    if (used && !always) return false;
    used = true;
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
    return true;
  };
}
