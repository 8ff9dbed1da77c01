import { afterAll, beforeAll, beforeEach, describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PublishError } from '../../src/common/errors.js';
import { RetryableFailure } from '../../src/index/retry.js';
import {
  listedDigests,
  lookupCredentials,
  parseSimpleHtml,
  parseSimpleJson,
  simpleIndexFor,
} from '../../src/index/simple-index.js';
import { rejection } from '../support/rejection.ts';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const SDIST = 'foo_bar-1.0.tar.gz';
const WHEEL = 'foo_bar-1.0-py3-none-any.whl';
const SDIST_SHA = sha256(SDIST);
const WHEEL_SHA = sha256(WHEEL);

describe('lookupCredentials: a look-up carries a password only to a private index that may need it', () => {
  const password = { user: '__token__', password: 'pypi-secret', trustedPublishing: false };
  const minted = { ...password, trustedPublishing: true };
  it.each([
    ['https://test.pypi.org/legacy/', 'https://test.pypi.org/simple/', password, false],
    ['https://upload.pypi.org/legacy/', 'https://pypi.org/simple/', password, false],
    ['https://test.pypi.org/legacy/', 'https://test.pypi.org/simple/', minted, false],
    ['https://my-index.example/legacy/', 'https://my-index.example/simple/', minted, false],
    ['https://my-index.example/legacy/', 'https://mirror.example/simple/', password, false],
    ['http://index.example/legacy/', 'http://index.example/simple/', password, false],
    ['https://my-index.example/legacy/', 'https://my-index.example/simple/', { ...password, password: '' }, false],
    ['https://my-index.example/legacy/', 'https://my-index.example/simple/', password, true],
    ['http://127.0.0.1:8080/legacy/', 'http://127.0.0.1:8080/simple/', password, true],
  ])('upload %s, look-up %s, %j: sent %s', (upload, simple, credentials, sent) => {
    const result = lookupCredentials(new URL(upload), new URL(simple), credentials);
    expect(result).toEqual(
      sent
        ? {
            authorization: `Basic ${Buffer.from('__token__:pypi-secret').toString('base64')}`,
            origin: new URL(upload).origin,
          }
        : undefined,
    );
  });
});

describe('simpleIndexFor', () => {
  const cases: [upload: string, checkUrl: string | undefined, simple: string | undefined][] = [
    ['https://upload.pypi.org/legacy/', undefined, 'https://pypi.org/simple/'],
    ['https://upload.pypi.org:443/legacy/', undefined, 'https://pypi.org/simple/'],
    ['https://test.pypi.org/legacy/', undefined, 'https://test.pypi.org/simple/'],
    ['https://pypi.example.org/legacy/', undefined, undefined],
    ['https://upload.pypi.org.evil.example/legacy/', undefined, undefined],
    ['https://pypi.org/legacy/', undefined, undefined],
    ['http://127.0.0.1:8080/legacy/', undefined, undefined],
    ['https://upload.pypi.org/legacy/', 'https://mirror.example/simple/', 'https://mirror.example/simple/'],
    ['https://test.pypi.org/legacy/', 'https://other.example/pypi/simple/', 'https://other.example/pypi/simple/'],
    ['https://my-index.example/legacy/', 'https://my-index.example/simple/', 'https://my-index.example/simple/'],
  ];
  it.each(cases)('%s with check-url %s → %s', (upload, checkUrl, simple) => {
    expect(simpleIndexFor(new URL(upload), checkUrl === undefined ? undefined : new URL(checkUrl))?.href).toBe(simple);
  });
});

describe('parseSimpleJson', () => {
  const PEP691 = JSON.stringify({
    meta: { 'api-version': '1.1', '_last-serial': 12345 },
    name: 'foo-bar',
    versions: ['1.0', '1.1', '1.2'],
    files: [
      {
        filename: SDIST,
        url: `https://files.example/packages/aa/bb/${SDIST}`,
        hashes: { sha256: SDIST_SHA },
        'requires-python': '>=3.8',
        size: 1234,
        'upload-time': '2025-01-01T00:00:00.000000Z',
        yanked: false,
      },
      {
        filename: WHEEL,
        url: `https://files.example/packages/cc/dd/${WHEEL}`,
        hashes: { sha256: WHEEL_SHA.toUpperCase(), blake2b_256: 'ab'.repeat(16) },
        'core-metadata': { sha256: sha256('METADATA') },
      },
      { filename: 'foo_bar-1.1.tar.gz', url: 'https://files.example/foo_bar-1.1.tar.gz', hashes: {} },
      {
        filename: 'foo_bar-1.1-py3-none-any.whl',
        url: 'https://files.example/foo_bar-1.1-py3-none-any.whl',
        hashes: { md5: 'd41d8cd98f00b204e9800998ecf8427e' },
      },
      { filename: 'foo_bar-1.2.tar.gz', url: 'https://files.example/foo_bar-1.2.tar.gz' },
      { filename: 'foo_bar-1.3.tar.gz', hashes: { sha256: 12345 } },
      { url: 'https://files.example/nameless.tar.gz', hashes: { sha256: sha256('nameless') } },
      { filename: 42, hashes: { sha256: sha256('numbered') } },
    ],
  });

  it('maps every named file to its sha256, lower-cased, or undefined without one', () => {
    expect([...parseSimpleJson(PEP691)]).toStrictEqual([
      [SDIST, SDIST_SHA],
      [WHEEL, WHEEL_SHA],
      ['foo_bar-1.1.tar.gz', undefined],
      ['foo_bar-1.1-py3-none-any.whl', undefined],
      ['foo_bar-1.2.tar.gz', undefined],
      ['foo_bar-1.3.tar.gz', undefined],
    ]);
  });

  it('gives an empty map for a project without files', () => {
    expect(parseSimpleJson('{"meta": {"api-version": "1.0"}, "name": "foo", "files": []}').size).toBe(0);
  });

  const junk: [description: string, body: string][] = [
    ['empty body', ''],
    ['HTML', '<!DOCTYPE html><html><body><a href="x.tar.gz">x.tar.gz</a></body></html>'],
    ['truncated JSON', '{"files": [{"filename": "foo-1.0.tar.gz"'],
    ['plain text', 'Service temporarily unavailable'],
    ['a JSON number', '42'],
    ['a JSON string', '"files"'],
    ['a JSON array', '[{"filename": "foo-1.0.tar.gz"}]'],
    ['an object without files', '{"name": "foo"}'],
    ['files: null', '{"files": null}'],
    // Valid JSON of the wrong shape is as much junk as unparseable text.
    ['JSON null', 'null'],
    ['files: a number', '{"files": 5}'],
    ['files: an object', '{"files": {"foo-1.0.tar.gz": {}}}'],
  ];
  it.each(junk)('gives an empty map for junk: %s', (_description, body) => {
    expect(parseSimpleJson(body)).toStrictEqual(new Map());
  });

  it('skips null entries in files and keeps the others', () => {
    expect([
      ...parseSimpleJson(JSON.stringify({ files: [null, { filename: SDIST, hashes: { sha256: SDIST_SHA } }] })),
    ]).toStrictEqual([[SDIST, SDIST_SHA]]);
  });
});

describe('parseSimpleHtml', () => {
  const PEP503 = `<!DOCTYPE html>
<html>
  <head>
    <meta name="pypi:repository-version" content="1.1">
    <title>Links for foo-bar</title>
  </head>
  <body>
    <h1>Links for foo-bar</h1>
    <a href="https://files.example/packages/aa/bb/${SDIST}#sha256=${SDIST_SHA.toUpperCase()}">${SDIST}</a><br/>
    <a href="https://files.example/packages/cc/dd/${WHEEL}#sha256=${WHEEL_SHA}" data-requires-python="&gt;=3.8" data-dist-info-metadata="sha256=${sha256('METADATA')}" data-core-metadata="sha256=${sha256('METADATA')}">${WHEEL}</a><br/>
    <a data-requires-python="&gt;=3.9" href="/packages/foo_bar-1.1.tar.gz#md5=d41d8cd98f00b204e9800998ecf8427e">foo_bar-1.1.tar.gz</a><br/>
    <a href="../../packages/foo_bar-1.2.tar.gz">foo_bar-1.2.tar.gz</a><br/>
    <a href="https://files.example/download?name=foo_bar-1.3.tar.gz&amp;token=abc#sha256=${sha256('1.3')}">foo_bar-1.3.tar.gz</a><br/>
  </body>
</html>
<!--SERIAL 12345-->
`;

  it('maps every anchor to its #sha256 fragment, lower-cased, or undefined without one', () => {
    expect([...parseSimpleHtml(PEP503)]).toStrictEqual([
      [SDIST, SDIST_SHA],
      [WHEEL, WHEEL_SHA],
      ['foo_bar-1.1.tar.gz', undefined],
      ['foo_bar-1.2.tar.gz', undefined],
      ['foo_bar-1.3.tar.gz', sha256('1.3')],
    ]);
  });

  const anchors: [description: string, html: string, name: string, digest: string | undefined][] = [
    [
      'a relative URL without fragment',
      '<a href="foo_bar-2.0.tar.gz">foo_bar-2.0.tar.gz</a>',
      'foo_bar-2.0.tar.gz',
      undefined,
    ],
    [
      'an md5 fragment only',
      '<a href="foo_bar-2.0.tar.gz#md5=d41d8cd98f00b204e9800998ecf8427e">foo_bar-2.0.tar.gz</a>',
      'foo_bar-2.0.tar.gz',
      undefined,
    ],
    [
      'a sha512 fragment only',
      `<a href="foo_bar-2.0.tar.gz#sha512=${'ab'.repeat(64)}">foo_bar-2.0.tar.gz</a>`,
      'foo_bar-2.0.tar.gz',
      undefined,
    ],
    [
      'a sha256 fragment too short',
      '<a href="foo_bar-2.0.tar.gz#sha256=abc123">foo_bar-2.0.tar.gz</a>',
      'foo_bar-2.0.tar.gz',
      undefined,
    ],
    [
      'sha256 after another fragment parameter, &amp; escaped',
      `<a href="foo_bar-2.0.tar.gz#md5=d41d8cd98f00b204e9800998ecf8427e&amp;sha256=${SDIST_SHA}">foo_bar-2.0.tar.gz</a>`,
      'foo_bar-2.0.tar.gz',
      SDIST_SHA,
    ],
    [
      'single quotes and upper-case tags',
      `<A HREF='/p/foo_bar-2.0.tar.gz#sha256=${SDIST_SHA}'>foo_bar-2.0.tar.gz</A>`,
      'foo_bar-2.0.tar.gz',
      SDIST_SHA,
    ],
    [
      'attributes on several lines',
      `<a\n   data-yanked=""\n   href="/p/foo_bar-2.0.tar.gz#sha256=${SDIST_SHA}"\n   data-requires-python="&gt;=3.8,&lt;4"\n>foo_bar-2.0.tar.gz</a>`,
      'foo_bar-2.0.tar.gz',
      SDIST_SHA,
    ],
    [
      'text with spaces around',
      `<a href="/p/foo_bar-2.0.tar.gz#sha256=${SDIST_SHA}">\n  foo_bar-2.0.tar.gz\n</a>`,
      'foo_bar-2.0.tar.gz',
      SDIST_SHA,
    ],
    [
      'empty text: the name from the percent-decoded URL',
      `<a href="/p/foo_bar-2.0%2Blocal.tar.gz#sha256=${SDIST_SHA}"></a>`,
      'foo_bar-2.0+local.tar.gz',
      SDIST_SHA,
    ],
    [
      'an entity in the text',
      '<a href="/p/foo_bar-2.0.tar.gz">foo_bar&#39;s-2.0.tar.gz</a>',
      "foo_bar's-2.0.tar.gz",
      undefined,
    ],
    [
      'an unquoted href',
      `<a href=/p/foo_bar-2.0.tar.gz#sha256=${SDIST_SHA}>foo_bar-2.0.tar.gz</a>`,
      'foo_bar-2.0.tar.gz',
      SDIST_SHA,
    ],
    [
      'a > and markup inside a quoted attribute',
      `<a title="<a href='x'>x</a>" href="/p/foo_bar-2.0.tar.gz#sha256=${SDIST_SHA}">foo_bar-2.0.tar.gz</a>`,
      'foo_bar-2.0.tar.gz',
      SDIST_SHA,
    ],
    [
      'character references past U+10FFFF, of a surrogate and of zero (U+FFFD, as HTML reads them)',
      '<a href="/p/x.tar.gz">&#x110000;&#xD800;&#0;&#99999999999999;-2.0.tar.gz</a>',
      '\ufffd\ufffd\ufffd\ufffd-2.0.tar.gz',
      undefined,
    ],
  ];
  it.each(anchors)('%s', (_description, html, name, digest) => {
    expect([...parseSimpleHtml(`<html><body>${html}<br/></body></html>`)]).toStrictEqual([[name, digest]]);
  });

  it('ignores anchors without href and pages without anchors', () => {
    expect(parseSimpleHtml('<html><body><a name="top">top</a><p>No files.</p></body></html>').size).toBe(0);
    expect(parseSimpleHtml('').size).toBe(0);
  });

  it('stops at a tag or a quote that never closes: the rest of the page is inside it', () => {
    expect([
      ...parseSimpleHtml('<a href="a.tar.gz">a.tar.gz</a><a href="b.tar.gz>b.tar.gz</a><a href="c">c</a'),
    ]).toEqual([['a.tar.gz', undefined]]);
    expect([...parseSimpleHtml('<a href="a.tar.gz">a.tar.gz</a><a href="b.tar.gz"')]).toEqual([
      ['a.tar.gz', undefined],
    ]);
  });

  it('skips an anchor whose text holds other markup, as before', () => {
    expect([...parseSimpleHtml('<a href="a.tar.gz"><b>a</b></a><a href="c.tar.gz">c.tar.gz</a>')]).toEqual([
      ['c.tar.gz', undefined],
    ]);
  });
});

describe('listedDigests', () => {
  interface Seen {
    method: string;
    path: string;
    host: string | undefined;
    headers: IncomingHttpHeaders;
  }
  interface Answer {
    status: number;
    headers?: Record<string, string>;
    body?: string;
  }

  let server: Server;
  let base: string;
  let seen: Seen[];
  let connects: string[];
  let answer: (path: string) => Answer;
  const savedEnv = new Map<string, string | undefined>();
  const PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'];

  const JSON_BODY = JSON.stringify({
    meta: { 'api-version': '1.1' },
    name: 'foo-bar',
    files: [
      { filename: SDIST, url: `https://files.example/${SDIST}`, hashes: { sha256: SDIST_SHA.toUpperCase() } },
      { filename: WHEEL, url: `https://files.example/${WHEEL}`, hashes: {} },
    ],
  });
  const HTML_BODY = `<!DOCTYPE html><html><body>
<a href="/files/${SDIST}#sha256=${SDIST_SHA}">${SDIST}</a><br/>
<a href="/files/${WHEEL}" data-requires-python="&gt;=3.8">${WHEEL}</a><br/>
</body></html>`;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'unknown'}`);
      seen.push({
        method: request.method ?? '',
        path: url.pathname,
        host: request.headers.host,
        headers: request.headers,
      });
      const { status, headers, body } = answer(url.pathname);
      response.writeHead(status, headers);
      response.end(body ?? '');
    });
    // Also an HTTP proxy: a CONNECT tunnel is handed back to this same server.
    server.on('connect', (request, socket, head) => {
      connects.push(request.url ?? '');
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) socket.unshift(head);
      server.emit('connection', socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const name of PROXY_VARIABLES) {
      savedEnv.set(name, process.env[name]);
      delete process.env[name];
    }
  });

  afterAll(async () => {
    for (const [name, value] of savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  });

  beforeEach(() => {
    seen = [];
    connects = [];
    answer = () => ({ status: 500, body: 'no answer set' });
  });

  it('reads a PEP 691 JSON answer', async () => {
    answer = () => ({
      status: 200,
      headers: { 'content-type': 'application/vnd.pypi.simple.v1+json' },
      body: JSON_BODY,
    });
    const digests = await listedDigests(new URL(`${base}/simple/`), 'foo-bar', undefined);
    expect([...digests]).toStrictEqual([
      [SDIST, SDIST_SHA],
      [WHEEL, undefined],
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('GET');
    expect(seen[0].path).toBe('/simple/foo-bar/');
  });

  it('reads a PEP 503 HTML answer', async () => {
    answer = () => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: HTML_BODY });
    const digests = await listedDigests(new URL(`${base}/simple/`), 'foo-bar', undefined);
    expect([...digests]).toStrictEqual([
      [SDIST, SDIST_SHA],
      [WHEEL, undefined],
    ]);
  });

  it('gives an empty map when the index has no such project (404)', async () => {
    answer = () => ({ status: 404, headers: { 'content-type': 'text/html' }, body: '<h1>Not Found</h1>' });
    await expect(listedDigests(new URL(`${base}/simple/`), 'never-published', undefined)).resolves.toStrictEqual(
      new Map(),
    );
    expect(seen.map((request) => request.path)).toEqual(['/simple/never-published/']);
  });

  it('asks for PEP 691 JSON first and HTML as a fallback', async () => {
    answer = () => ({ status: 404 });
    await listedDigests(new URL(`${base}/simple/`), 'foo', undefined);
    expect(seen[0].headers.accept).toBe('application/vnd.pypi.simple.v1+json, text/html;q=0.1');
  });

  const names: [simple: string, project: string, path: string][] = [
    ['/simple/', 'Foo.Bar_baz', '/simple/foo-bar-baz/'],
    ['/simple', 'Foo.Bar_baz', '/simple/foo-bar-baz/'],
    ['/simple/', 'zope.interface', '/simple/zope-interface/'],
    ['/simple/', 'Foo__..--Bar', '/simple/foo-bar/'],
    ['/pypi/private/simple/', 'My_Package', '/pypi/private/simple/my-package/'],
  ];
  it.each(names)('under %s asks for %s at %s', async (simple, project, path) => {
    answer = () => ({ status: 404 });
    await listedDigests(new URL(`${base}${simple}`), project, undefined);
    expect(seen.map((request) => request.path)).toEqual([path]);
  });

  it('sends Authorization when given, over http to this machine', async () => {
    answer = () => ({ status: 404 });
    await listedDigests(new URL(`${base}/simple/`), 'foo', {
      authorization: 'Basic X190b2tlbl9fOnB5cGktMQ==',
      origin: base,
    });
    expect(seen[0].headers.authorization).toBe('Basic X190b2tlbl9fOnB5cGktMQ==');
  });

  it("sends no Authorization to a URL outside the credentials' origin", async () => {
    answer = () => ({ status: 404 });
    await listedDigests(new URL(`${base}/simple/`), 'foo', {
      authorization: 'Basic X190b2tlbl9fOnB5cGktMQ==',
      origin: 'http://127.0.0.1:1',
    });
    expect(seen[0].headers).not.toHaveProperty('authorization');
  });

  it('keeps a name that looks like a host inside the simple API (percent-encoded)', async () => {
    answer = () => ({ status: 404 });
    await listedDigests(new URL(`${base}/simple/`), '\\\\localhost:1', {
      authorization: 'Basic X190b2tlbl9fOnB5cGktMQ==',
      origin: base,
    });
    expect(seen.map((request) => request.path)).toEqual(['/simple/%5C%5Clocalhost%3A1/']);
  });

  it.each([[undefined], [{ authorization: '', origin: 'http://127.0.0.1:1' }]])(
    'sends no Authorization when given %j',
    async (credentials) => {
      answer = () => ({ status: 404 });
      await listedDigests(new URL(`${base}/simple/`), 'foo', credentials);
      expect(seen).toHaveLength(1);
      expect(seen[0].headers).not.toHaveProperty('authorization');
    },
  );

  it('never sends Authorization over plain http to another host (here through a proxy)', async () => {
    process.env.HTTP_PROXY = base;
    process.env.NO_PROXY = '';
    try {
      answer = () => ({
        status: 200,
        headers: { 'content-type': 'application/vnd.pypi.simple.v1+json' },
        body: JSON_BODY,
      });
      const digests = await listedDigests(new URL('http://mirror.example/simple/'), 'Foo.Bar', {
        authorization: 'Basic X190b2tlbl9fOnB5cGktMQ==',
        origin: 'http://mirror.example',
      });
      expect(digests.get(SDIST)).toBe(SDIST_SHA);
    } finally {
      delete process.env.HTTP_PROXY;
      delete process.env.NO_PROXY;
    }
    expect(connects).toEqual(['mirror.example:80']);
    expect(seen).toHaveLength(1);
    expect(seen[0].host).toBe('mirror.example');
    expect(seen[0].path).toBe('/simple/foo-bar/');
    expect(seen[0].headers).not.toHaveProperty('authorization');
  });

  const hint =
    "Set 'check-url' to the index's simple API (for example https://my-index.example/simple/), or leave skip-existing off.";

  it('throws a RetryableFailure for a 500', async () => {
    answer = () => ({
      status: 500,
      headers: { 'content-type': 'application/json' },
      body: '{"message": "database is down"}',
    });
    const error = await rejection(listedDigests(new URL(`${base}/simple/`), 'foo', undefined));
    expect(error).toBeInstanceOf(RetryableFailure);
    const failure = error as RetryableFailure;
    expect(failure.message).toBe('500 Internal Server Error: database is down');
    expect(failure.retryAfterMs).toBeUndefined();
    expect(failure.final).toBeInstanceOf(PublishError);
    expect(failure.final.message).toBe(
      `Could not read the index's file list at ${base}/simple/foo/: 500 Internal Server Error: database is down.`,
    );
    expect(failure.final.hint).toBe(hint);
  });

  it('passes Retry-After of a 503 on', async () => {
    answer = () => ({ status: 503, headers: { 'retry-after': '7' }, body: 'maintenance' });
    const error = await rejection(listedDigests(new URL(`${base}/simple/`), 'foo', undefined));
    expect(error).toBeInstanceOf(RetryableFailure);
    expect((error as RetryableFailure).retryAfterMs).toBe(7_000);
  });

  it('throws a PublishError, not a retryable one, saying it could not read the file list for a 403', async () => {
    answer = () => ({ status: 403, headers: { 'content-type': 'text/plain' }, body: 'Access denied' });
    const error = await rejection(
      listedDigests(new URL(`${base}/simple/`), 'foo', { authorization: 'Basic abc', origin: base }),
    );
    expect(error).toBeInstanceOf(PublishError);
    expect(error).not.toBeInstanceOf(RetryableFailure);
    expect((error as PublishError).message).toBe(
      `Could not read the index's file list at ${base}/simple/foo/: 403 Forbidden: Access denied.`,
    );
    expect((error as PublishError).hint).toBe(hint);
    expect(seen).toHaveLength(1);
  });

  it('throws a RetryableFailure when the index cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) =>
      closed.close(() => {
        resolve();
      }),
    );
    const error = await rejection(listedDigests(new URL(`http://127.0.0.1:${port}/simple/`), 'foo', undefined));
    expect(error).toBeInstanceOf(RetryableFailure);
    const failure = error as RetryableFailure;
    expect(failure.message).toMatch(new RegExp(`^could not reach http://127\\.0\\.0\\.1:${port}/simple/foo/: `));
    expect(failure.final.message).toMatch(
      new RegExp(
        `^Could not read the index's file list at http://127\\.0\\.0\\.1:${port}/simple/foo/: could not reach `,
      ),
    );
    expect(failure.final.hint).toBe(hint);
  });
});
