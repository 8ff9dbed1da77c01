import { randomBytes } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
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

/**
 * Fields sent after the file, whose values are known only once all of it has been read (its
 * digests, in one pass over a large file). Their lengths are known before: Content-Length counts them.
 */
export interface TrailingFields {
  /** Each field's name and the length in bytes its value will have. */
  shape: [name: string, bytes: number][];
  /** A reader for one pass: it sees every chunk of the file as it is sent, then gives the values. */
  start(): Promise<FileObserver>;
}

export interface FileObserver {
  update(chunk: Uint8Array): void;
  values(): string[];
}

/** Files up to this size are read whole and sent as one buffer. */
export const ONE_BUFFER_BYTES = 1024 * 1024;
/** Larger files are streamed in chunks of this size, */
const STREAM_CHUNK_BYTES = 256 * 1024;
/**
 * read into a ring of this many buffers, allocated once per attempt and written over in turn: a
 * new buffer per chunk would be garbage that V8 collects only after tens of MiB, so that memory
 * would grow with the file. A buffer is read into again only this many chunks later, long after the
 * HTTP layer handed it to the kernel: undici asks for the next chunk only once the socket took the
 * previous one (at most one can still be partly queued), and Readable.from reads at most one
 * ahead. Were that ever to change, the index would refuse the file: its digests would not match.
 */
const RING_CHUNKS = 8;

/**
 * The body, written here part by part: values byte for byte (unlike WHATWG FormData, which must turn
 * every LF in a value into CRLF, and would so change every multi-line description), names and the
 * filename escaped as browsers do. The file part's bytes are read again for every attempt.
 */
export function multipartBody(
  fields: FormField[],
  file: FilePart,
  options: { boundary?: string; trailing?: TrailingFields | undefined } = {},
): MultipartBody {
  const { trailing } = options;
  const boundary = options.boundary ?? newBoundary(fields);
  const part = (name: string, value: string): string =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    fields.map(([name, value]) => part(name, value)).join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = (values: string[]): Buffer =>
    Buffer.from(`\r\n${values.map((value, i) => part(trailing!.shape[i]![0], value)).join('')}--${boundary}--\r\n`);
  const tailLength = tail((trailing?.shape ?? []).map(([, bytes]) => 'x'.repeat(bytes))).length;
  const changed = (read: number): Error =>
    new Error(`${file.filename} changed size while it was being uploaded (${file.size} bytes expected, ${read} read)`);
  const closing = (reader: FileObserver | undefined): Buffer => {
    const values = reader?.values() ?? [];
    const bytes = tail(values);
    if (bytes.length !== tailLength) throw new Error(`the fields after ${file.filename} are not the length promised`);
    return bytes;
  };
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.length + file.size + tailLength,
    async *open() {
      const reader = await trailing?.start();
      if (file.size <= ONE_BUFFER_BYTES) {
        const content = await readFile(file.path);
        if (content.length !== file.size) throw changed(content.length);
        reader?.update(content);
        yield Buffer.concat([head, content, closing(reader)]);
        return;
      }
      yield head;
      const ring = Buffer.allocUnsafeSlow(RING_CHUNKS * STREAM_CHUNK_BYTES);
      const handle = await open(file.path, 'r');
      try {
        let read = 0;
        for (let slot = 0; ; slot = (slot + 1) % RING_CHUNKS) {
          const buffer = ring.subarray(slot * STREAM_CHUNK_BYTES, (slot + 1) * STREAM_CHUNK_BYTES);
          const { bytesRead } = await handle.read(buffer, 0, STREAM_CHUNK_BYTES, read);
          if (bytesRead === 0) break;
          read += bytesRead;
          // The reads go on past the promised size, so a file that grew is noticed too.
          if (read > file.size) throw changed(read);
          const chunk = buffer.subarray(0, bytesRead);
          reader?.update(chunk);
          yield chunk;
        }
        if (read !== file.size) throw changed(read);
      } finally {
        await handle.close();
      }
      yield closing(reader);
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
