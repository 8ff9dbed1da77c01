// For the benchmark: a multipart/form-data body read as it arrives, the file part written to disk and
// hashed (md5, sha256, blake2b-256) on the way, so that the local index absorbs a 200 MiB upload
// without holding it in memory. Everything but the file's bytes is kept as a "skeleton" body, which
// the strict parser (multipart-parser.ts) then checks as usual.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { createBLAKE2b } from 'hash-wasm';
import { multipartBoundary } from './multipart-parser.ts';

export interface SpooledFile {
  path: string;
  size: number;
  md5: string;
  sha256: string;
  blake2_256: string;
}

export interface SpooledBody {
  /** The body without the file part's bytes. */
  skeleton: Buffer;
  file: SpooledFile | undefined;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 64 * 1024;

export async function spoolMultipart(req: IncomingMessage, dir: string): Promise<SpooledBody> {
  const delimiter = Buffer.from(`\r\n--${multipartBoundary(req.headers['content-type'] ?? '')}`, 'latin1');
  const skeleton: Buffer[] = [];
  let pending: Buffer = Buffer.alloc(0);
  let inBody = false;
  let sink: ((chunk: Buffer) => Promise<void>) | undefined;
  let file: (SpooledFile & { done: () => Promise<SpooledFile> }) | undefined;
  const startFile = async (): Promise<void> => {
    const path = join(dir, randomUUID());
    const out = createWriteStream(path);
    const md5 = createHash('md5');
    const sha256 = createHash('sha256');
    const blake = await createBLAKE2b(256);
    blake.init();
    let size = 0;
    sink = async (chunk) => {
      md5.update(chunk);
      sha256.update(chunk);
      blake.update(chunk);
      size += chunk.length;
      if (!out.write(chunk)) await once(out, 'drain');
    };
    file = {
      path,
      size: 0,
      md5: '',
      sha256: '',
      blake2_256: '',
      done: () =>
        new Promise((resolve, reject) => {
          out.end(() => {
            resolve({
              path,
              size,
              md5: md5.digest('hex'),
              sha256: sha256.digest('hex'),
              blake2_256: blake.digest('hex'),
            });
          });
          out.once('error', reject);
        }),
    };
  };
  for await (const chunk of req as AsyncIterable<Buffer>) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (!inBody) {
        const end = pending.indexOf(HEADER_END);
        if (end < 0) {
          if (pending.length > MAX_HEADER_BYTES) throw new Error('a part header runs past 64 KiB');
          break;
        }
        const headers = pending.subarray(0, end + HEADER_END.length);
        skeleton.push(headers);
        pending = pending.subarray(headers.length);
        inBody = true;
        sink = undefined;
        if (/filename=/i.test(headers.toString('latin1'))) {
          if (file) throw new Error('more than one file part');
          await startFile();
        }
        continue;
      }
      const at = pending.indexOf(delimiter);
      const keep = at < 0 ? Math.max(0, pending.length - delimiter.length + 1) : at;
      const data = pending.subarray(0, keep);
      if (sink) await sink(data);
      else skeleton.push(data);
      pending = pending.subarray(keep);
      if (at < 0) break;
      inBody = false;
    }
  }
  skeleton.push(pending);
  return { skeleton: Buffer.concat(skeleton), file: file ? await file.done() : undefined };
}
