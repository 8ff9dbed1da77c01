import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { PassThrough, Transform } from 'node:stream';
import type FormData from 'form-data';
import type { FormField } from '../dists/form-fields.js';

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

/** Files up to this size are read whole and sent as one buffer. */
const ONE_BUFFER_BYTES = 1024 * 1024;
/** Larger files are streamed in chunks of this size: a few in flight per upload, whatever the file's size. */
const STREAM_CHUNK_BYTES = 256 * 1024;

type FormDataClass = typeof FormData;
let formDataClass: Promise<FormDataClass> | undefined;

/**
 * form-data and its dependencies take tens of milliseconds to load: not at start-up, but on first
 * use, or earlier through this call while the token exchange waits on the network.
 */
export function preloadMultipart(): Promise<FormDataClass> {
  formDataClass ??= import('form-data').then((module) => module.default);
  return formDataClass;
}

/**
 * The body with npm's `form-data`, which writes values byte for byte (unlike WHATWG FormData, which
 * must turn every LF in a value into CRLF, and would so change every multi-line description). The
 * part headers are written here, so that names and the filename are escaped as browsers do.
 * A new form is built for every attempt: a stream cannot be replayed.
 */
export async function multipartBody(
  fields: FormField[],
  file: FilePart,
  boundary = newBoundary(fields),
): Promise<MultipartBody> {
  const FormDataClass = await preloadMultipart();
  const textHeader = (name: string): string =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n`;
  const fileHeader =
    `--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n';
  const form = (content: Buffer | Transform): FormData => {
    const built = new FormDataClass();
    built.setBoundary(boundary);
    for (const [name, value] of fields) built.append(name, value, { header: textHeader(name) });
    built.append(file.field, content, { header: fileHeader, knownLength: file.size });
    return built;
  };
  const changed = (read: number): Error =>
    new Error(`${file.filename} changed size while it was being uploaded (${file.size} bytes expected, ${read} read)`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    // The file's length is its knownLength: the placeholder's own bytes are not counted.
    length: form(Buffer.alloc(0)).getLengthSync(),
    async *open() {
      if (file.size <= ONE_BUFFER_BYTES) {
        const content = await readFile(file.path);
        if (content.length !== file.size) throw changed(content.length);
        yield form(content).getBuffer();
        return;
      }
      const counted = countBytes(file.size, changed);
      const source = createReadStream(file.path, { highWaterMark: STREAM_CHUNK_BYTES });
      source.on('error', (error) => counted.destroy(error));
      const out = new PassThrough({ highWaterMark: STREAM_CHUNK_BYTES });
      // form-data's wrapper re-emits the file stream's errors on the form.
      const built = form(source.pipe(counted));
      built.on('error', (error: Error) => out.destroy(error));
      built.pipe(out);
      try {
        yield* out as AsyncIterable<Buffer>;
      } finally {
        source.destroy();
      }
    },
  };
}

/** Passes the file through, failing as soon as it turns out longer or shorter than `expected`. */
function countBytes(expected: number, changed: (read: number) => Error): Transform {
  let read = 0;
  return new Transform({
    highWaterMark: STREAM_CHUNK_BYTES,
    transform(chunk: Buffer, _encoding, done) {
      read += chunk.length;
      if (read > expected) done(changed(read));
      else done(null, chunk);
    },
    flush(done) {
      done(read === expected ? null : changed(read));
    },
  });
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
