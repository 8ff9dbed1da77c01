import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import type { FormField } from '../../src/dists/form-fields.js';
import { multipartBody, type FilePart, type MultipartBody, type TrailingFields } from '../../src/index/multipart.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'multipart-test-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function collect(body: MultipartBody): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body.open()) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function filePart(filename: string, content: Buffer): Promise<FilePart> {
  const path = join(root, filename);
  await writeFile(path, content);
  return { field: 'content', filename, path, size: content.length };
}

const BOUNDARY = 'test-boundary-1234';

describe('multipartBody', () => {
  it('encodes text fields, then the file, exactly as expected', async () => {
    const content = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);
    const file = await filePart('foo-1.0-py3-none-any.whl', content);
    const fields: FormField[] = [
      [':action', 'file_upload'],
      ['protocol_version', '1'],
      ['classifiers', 'A'],
      ['classifiers', 'B'],
      ['description', ''],
    ];
    const body = multipartBody(fields, file, { boundary: BOUNDARY });
    const expected = Buffer.concat([
      Buffer.from(
        '--test-boundary-1234\r\nContent-Disposition: form-data; name=":action"\r\n\r\nfile_upload\r\n' +
          '--test-boundary-1234\r\nContent-Disposition: form-data; name="protocol_version"\r\n\r\n1\r\n' +
          '--test-boundary-1234\r\nContent-Disposition: form-data; name="classifiers"\r\n\r\nA\r\n' +
          '--test-boundary-1234\r\nContent-Disposition: form-data; name="classifiers"\r\n\r\nB\r\n' +
          '--test-boundary-1234\r\nContent-Disposition: form-data; name="description"\r\n\r\n\r\n' +
          '--test-boundary-1234\r\nContent-Disposition: form-data; name="content"; filename="foo-1.0-py3-none-any.whl"\r\n' +
          'Content-Type: application/octet-stream\r\n\r\n',
        'utf8',
      ),
      content,
      Buffer.from('\r\n--test-boundary-1234--\r\n', 'utf8'),
    ]);
    expect(body.contentType).toBe('multipart/form-data; boundary=test-boundary-1234');
    const bytes = await collect(body);
    expect(bytes.toString('latin1')).toBe(expected.toString('latin1'));
    expect(bytes.equals(expected)).toBe(true);
    expect(body.length).toBe(expected.length);
  });

  it('counts length in bytes, not characters, for UTF-8 values', async () => {
    const file = await filePart('utf8.tar.gz', Buffer.from('data'));
    const body = multipartBody([['author', 'Jürgen 🐍 日本']], file, { boundary: BOUNDARY });
    const bytes = await collect(body);
    expect(body.length).toBe(bytes.length);
    expect(bytes.toString('utf8')).toContain('\r\n\r\nJürgen 🐍 日本\r\n');
  });

  it('keeps LF and CRLF in values as they are', async () => {
    const file = await filePart('lf.tar.gz', Buffer.from(''));
    const description = '# Title\n\nParagraph one.\nStill one.\r\nWindows line.\n';
    const bytes = await collect(multipartBody([['description', description]], file, { boundary: BOUNDARY }));
    expect(bytes.toString('utf8')).toContain(`name="description"\r\n\r\n${description}\r\n--${BOUNDARY}\r\n`);
  });

  it('escapes quotes and line breaks in field names and the filename', async () => {
    const file = await filePart('we"ird.whl', Buffer.from('x'));
    const bytes = await collect(
      multipartBody([['na"me\r\nX-Injected: 1', 'v']], { ...file, field: 'con"tent' }, { boundary: BOUNDARY }),
    );
    const text = bytes.toString('utf8');
    expect(text).toContain('Content-Disposition: form-data; name="na%22me%0D%0AX-Injected: 1"\r\n');
    expect(text).toContain('Content-Disposition: form-data; name="con%22tent"; filename="we%22ird.whl"\r\n');
    expect(text).not.toContain('\r\nX-Injected');
  });

  it('streams the same bytes each time open() is called, for retries', async () => {
    const content = Buffer.alloc(700_000);
    for (let i = 0; i < content.length; i++) content[i] = (i * 7919) & 0xff;
    const file = await filePart('big.whl', content);
    const body = multipartBody([['name', 'big']], file, { boundary: BOUNDARY });
    const first = await collect(body);
    const second = await collect(body);
    expect(first.length).toBe(body.length);
    expect(second.equals(first)).toBe(true);
    expect(
      first
        .subarray(
          first.length - content.length - `\r\n--${BOUNDARY}--\r\n`.length,
          first.length - `\r\n--${BOUNDARY}--\r\n`.length,
        )
        .equals(content),
    ).toBe(true);
  });

  it.each([
    ['grew', 15],
    ['shrank', 5],
  ])('fails when the file %s after the length was computed', async (_how, newSize) => {
    const file = await filePart('changing.whl', Buffer.alloc(10, 0x61));
    const body = multipartBody([['name', 'x']], file, { boundary: BOUNDARY });
    await writeFile(file.path, Buffer.alloc(newSize, 0x62));
    await expect(collect(body)).rejects.toThrow(
      `changing.whl changed size while it was being uploaded (10 bytes expected, ${newSize} read)`,
    );
  });

  it('streams a file larger than one buffer in chunks, and notices when it changed size', async () => {
    const content = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < content.length; i++) content[i] = (i * 31) & 0xff;
    const file = await filePart('large.whl', content);
    const body = multipartBody([['name', 'large']], file, { boundary: BOUNDARY });
    const bytes = await collect(body);
    expect(bytes.length).toBe(body.length);
    const tail = `\r\n--${BOUNDARY}--\r\n`.length;
    expect(bytes.subarray(bytes.length - tail - content.length, bytes.length - tail).equals(content)).toBe(true);
    await writeFile(file.path, content.subarray(0, content.length - 1));
    await expect(collect(body)).rejects.toThrow(
      `large.whl changed size while it was being uploaded (${content.length} bytes expected, ${content.length - 1} read)`,
    );
  });

  it('picks a fresh random boundary when none is given', async () => {
    const file = await filePart('rand.whl', Buffer.from('x'));
    const a = multipartBody([['name', 'x']], file);
    const b = multipartBody([['name', 'x']], file);
    expect(a.contentType).toMatch(/^multipart\/form-data; boundary=pypi-oidc-publish-[0-9a-f]{32}$/);
    expect(a.contentType).not.toBe(b.contentType);
    const boundary = a.contentType.split('boundary=')[1];
    const text = (await collect(a)).toString('utf8');
    expect(text.startsWith(`--${boundary}\r\n`)).toBe(true);
    expect(text.endsWith(`\r\n--${boundary}--\r\n`)).toBe(true);
  });

  describe('fields after the file (one pass over a large file)', () => {
    /** A trailing `sha256` field computed from the chunks the body sends, and how many passes were made. */
    function sha256After(): { trailing: TrailingFields; passes: number[] } {
      const passes: number[] = [];
      return {
        passes,
        trailing: {
          shape: [['sha256', 64]],
          async start() {
            const hash = createHash('sha256');
            let bytes = 0;
            passes.push(0);
            return {
              update: (chunk) => {
                hash.update(chunk);
                bytes += chunk.length;
                passes[passes.length - 1] = bytes;
              },
              values: () => [hash.digest('hex')],
            };
          },
        },
      };
    }

    it.each([
      ['one buffer', 10],
      ['streamed', 3 * 1024 * 1024 + 5],
    ])('puts them after the file part, with the values of what was sent (%s)', async (_how, size) => {
      const content = Buffer.alloc(size);
      for (let i = 0; i < content.length; i++) content[i] = (i * 13) & 0xff;
      const file = await filePart(`trail-${size}.whl`, content);
      const { trailing, passes } = sha256After();
      const body = multipartBody([['name', 'trail']], file, { boundary: BOUNDARY, trailing });
      const bytes = await collect(body);
      expect(bytes.length).toBe(body.length);
      const digest = createHash('sha256').update(content).digest('hex');
      const end = Buffer.from(
        `\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="sha256"\r\n\r\n${digest}\r\n--${BOUNDARY}--\r\n`,
      );
      expect(bytes.subarray(bytes.length - end.length).equals(end)).toBe(true);
      expect(
        bytes.subarray(bytes.length - end.length - content.length, bytes.length - end.length).equals(content),
      ).toBe(true);
      // Each chunk was seen once, as it was sent.
      expect(passes).toEqual([content.length]);
      // A retry hashes its own pass.
      expect((await collect(body)).equals(bytes)).toBe(true);
      expect(passes).toEqual([content.length, content.length]);
    });

    it('counts them in the length before anything is read, and refuses values of another length', async () => {
      const file = await filePart('short.whl', Buffer.from('abc'));
      const body = multipartBody([['name', 'x']], file, {
        boundary: BOUNDARY,
        trailing: {
          shape: [['sha256', 64]],
          start: () => Promise.resolve({ update: () => undefined, values: () => ['too short'] }),
        },
      });
      const withoutTrailing = multipartBody([['name', 'x']], file, { boundary: BOUNDARY }).length;
      const trailingPart = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="sha256"\r\n\r\n${'0'.repeat(64)}\r\n`;
      expect(body.length).toBe(withoutTrailing + Buffer.byteLength(trailingPart));
      await expect(collect(body)).rejects.toThrow('the fields after short.whl are not the length promised');
    });
  });
});
