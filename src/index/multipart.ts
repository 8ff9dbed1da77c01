import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FormField } from '../dists/metadata.js';

/** A multipart/form-data body whose length is known up front and which can be streamed again for a retry. */
export interface MultipartBody {
  contentType: string;
  length: number;
  open(): AsyncIterable<Uint8Array>;
}

export interface FilePart {
  field: string;
  filename: string;
  path: string;
  size: number;
}

/**
 * Encodes text fields byte for byte (unlike FormData, which must turn every LF in a value into
 * CRLF, and would so change every multi-line description), then streams the file from disk.
 */
export function multipartBody(fields: FormField[], file: FilePart, boundary = newBoundary(fields)): MultipartBody {
  const head = Buffer.concat([
    ...fields.map(([name, value]) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`, 'utf8'),
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
      'utf8',
    ),
  ]);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.length + file.size + tail.length,
    async *open() {
      yield head;
      let sent = 0;
      for await (const chunk of createReadStream(file.path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
        sent += chunk.length;
        yield chunk;
      }
      if (sent !== file.size)
        throw new Error(
          `${file.filename} changed size while it was being uploaded (${file.size} bytes expected, ${sent} read)`,
        );
      yield tail;
    },
  };
}

function newBoundary(fields: FormField[]): string {
  for (;;) {
    const boundary = `pypi-oidc-publish-${randomBytes(16).toString('hex')}`;
    if (!fields.some(([, value]) => value.includes(boundary))) return boundary;
  }
}

/** The escaping browsers use in Content-Disposition parameters (HTML's multipart/form-data encoding). */
function quote(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
