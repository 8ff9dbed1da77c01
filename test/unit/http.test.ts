import { describe, it, expect } from 'vitest';
import { parseJson, serverMessage, statusLine, type HttpResponse } from '../../src/index/http.js';
import { credentialsAllowed, isLoopbackHost } from '../../src/common/urls.js';

describe('isLoopbackHost', () => {
  const cases: [host: string, loopback: boolean][] = [
    ['localhost', true],
    ['LOCALHOST', true],
    // Only the literal name: *.localhost may be resolved (or proxied) elsewhere.
    ['api.localhost', false],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['127.255.255.254', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    // IPv4-mapped forms are not in the rule (127.0.0.0/8 and ::1 only).
    ['::ffff:127.0.0.1', false],
    ['[::ffff:7f00:1]', false],
    ['example.com', false],
    ['localhost.example.com', false],
    ['notlocalhost', false],
    ['127.example.com', false],
    ['128.0.0.1', false],
    ['10.0.0.1', false],
    ['0.0.0.0', false],
    ['::', false],
    ['::2', false],
    ['[::ffff:10.0.0.1]', false],
    ['', false],
  ];
  it.each(cases)('%j → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe('credentialsAllowed', () => {
  const cases: [url: string, allowed: boolean][] = [
    ['https://upload.pypi.org/legacy/', true],
    ['https://10.0.0.1:8443/legacy/', true],
    ['http://localhost:8080/legacy/', true],
    ['http://127.0.0.1/', true],
    ['http://127.1/', true],
    ['http://[::1]:3141/', true],
    ['http://[0:0:0:0:0:0:0:1]/', true],
    ['http://[::ffff:127.0.0.1]/', false],
    ['http://api.localhost/', false],
    ['http://upload.pypi.org/legacy/', false],
    ['http://192.168.1.10/', false],
    ['http://[::ffff:10.0.0.1]/', false],
    ['ftp://localhost/', false],
    ['ws://localhost/', false],
  ];
  it.each(cases)('%s → %s', (url, allowed) => {
    expect(credentialsAllowed(new URL(url))).toBe(allowed);
  });
});

function response(status: number, body: string): HttpResponse {
  return { status, headers: {}, body, url: new URL('https://upload.example.org/legacy/') };
}

describe('serverMessage', () => {
  const cases: [description: string, status: number, body: string, message: string][] = [
    [
      'Warehouse JSON message',
      400,
      JSON.stringify({
        message: "File already exists ('foo-1.0.tar.gz')",
        code: "400 File already exists ('foo-1.0.tar.gz')",
        title: 'Bad Request',
      }),
      "File already exists ('foo-1.0.tar.gz')",
    ],
    [
      'JSON detail',
      403,
      '{"detail": "Invalid or non-existent authentication information."}',
      'Invalid or non-existent authentication information.',
    ],
    ['JSON error', 500, '{"error": "boom"}', 'boom'],
    ['empty JSON message skipped for the next key', 422, '{"message": "", "detail": "the detail"}', 'the detail'],
    [
      'HTML page, scripts and styles removed',
      403,
      '<html><head><title>403 Forbidden</title><style>body { color: red; }</style><script>var x = "<b>";</script></head>\n<body>\n  <h1>Forbidden</h1>\n  <p>SSL is   required.</p>\n</body></html>',
      '403 Forbidden Forbidden SSL is required.',
    ],
    ['plain text', 502, 'upstream connect error\n', 'upstream connect error'],
    ['empty body', 503, '', '503 Service Unavailable'],
    ['whitespace-only body', 404, ' \n\t', '404 Not Found'],
    ['markup without text', 500, '<html><body></body></html>', '500 Internal Server Error'],
    ['JSON without a message key', 400, '{"errors": []}', '{"errors": []}'],
    ['a script that never closes hides the rest', 503, '<p>busy</p><script>var x = 1; <p>more</p>', 'busy'],
    ['a < without any > is text', 503, 'a < b and <<c', 'a < b and <<c'],
    ['a closing tag with attributes ends a style', 500, '<style>x</style foo>down', 'down'],
    ['a megabyte of white space and tags before the words', 503, `${' \n<br>'.repeat(200_000)}busy`, 'busy'],
  ];
  it.each(cases)('%s', (_description, status, body, message) => {
    expect(serverMessage(response(status, body))).toBe(message);
  });

  it('cuts a long text to 500 characters', () => {
    const message = serverMessage(response(500, 'x'.repeat(2000)));
    expect(message).toBe('x'.repeat(500));
  });
});

describe('statusLine', () => {
  it.each([
    [200, '200 OK'],
    [308, '308 Permanent Redirect'],
    [422, '422 Unprocessable Entity'],
    [599, '599'],
  ])('%i → %j', (status, line) => {
    expect(statusLine(status)).toBe(line);
  });
});

describe('parseJson', () => {
  it('parses JSON and returns undefined for anything else', () => {
    expect(parseJson('{"a": [1, "b"]}')).toEqual({ a: [1, 'b'] });
    expect(parseJson('<html>')).toBeUndefined();
    expect(parseJson('')).toBeUndefined();
  });
});
