// Answers an index could send to make a parser of server text slow or throw (issue 13): each is a
// fragment repeated up to a size. Shared by the parser suite (parsers.test.ts, with a fuzz of them)
// and the cases that send them through dist/index.js (cases.ts).
import { seededRandom as random } from '../support/seeded.ts';

export interface HostileBody {
  id: string;
  /** What the former code did with it. */
  finding: string;
  contentType: string;
  make: (bytes: number) => string;
}

const repeat = (fragment: string, bytes: number): string =>
  fragment.repeat(Math.max(1, Math.floor(bytes / fragment.length)));

export const BODIES: HostileBody[] = [
  {
    id: 'anchors-unclosed',
    finding: 'parseSimpleHtml cubic: 27 KB took 118 s',
    contentType: 'text/html',
    make: (bytes) => repeat('<a href="', bytes),
  },
  {
    id: 'anchors-quotes',
    finding: 'parseSimpleHtml: a quote that never closes, anchors inside it',
    contentType: 'text/html',
    make: (bytes) => `<a href='x>${repeat('<a href="y">z</a>', bytes)}`,
  },
  {
    id: 'fragment-hashes',
    finding: 'the #sha256 regex quadratic on a fragment of many # and &',
    contentType: 'text/html',
    make: (bytes) => `<a href="x#${repeat('#&', bytes)}">x.tar.gz</a>`,
  },
  {
    id: 'script-unclosed',
    finding: 'serverMessage quadratic on unclosed <script: 1 MiB ran past 590 s',
    contentType: 'text/html',
    make: (bytes) => repeat('<script>', bytes),
  },
  {
    id: 'tags-unclosed',
    finding: 'serverMessage: <[^>]+> quadratic on a page of < without >',
    contentType: 'text/html',
    make: (bytes) => repeat('<', bytes),
  },
  {
    id: 'entity-past-unicode',
    finding: 'decodeEntities RangeError on &#x110000; ("Unexpected error")',
    contentType: 'text/html',
    make: (bytes) => `<a href="/p/x.tar.gz">${repeat('&#x110000;&#99999999999;&#xD800;', bytes)}</a>`,
  },
  {
    id: 'entity-endless-digits',
    finding: 'a character reference of a million digits',
    contentType: 'text/html',
    make: (bytes) => `<a href="/p/x.tar.gz">&#x${repeat('f', bytes)};</a>`,
  },
  {
    id: 'version-zeros',
    finding: "the dry run's release key regex quadratic on a filename of many .0",
    contentType: 'application/vnd.pypi.simple.v1+json',
    make: (bytes) => JSON.stringify({ files: [{ filename: `demo-1${repeat('.0', bytes)}.post1.tar.gz`, hashes: {} }] }),
  },
  {
    id: 'json-deep',
    finding: 'JSON nested a million deep',
    contentType: 'application/vnd.pypi.simple.v1+json',
    make: (bytes) => repeat('[', bytes),
  },
  {
    id: 'white-space',
    finding: 'a page of white space and line breaks',
    contentType: 'text/html',
    make: (bytes) => repeat(' \t\r\n\v\f\u00a0', bytes),
  },
];

/** A body of random runs of the hostile fragments (and honest markup), `bytes` long at most. */
export function mixedBody(seed: number, bytes: number): string {
  const next = random(seed);
  const fragments = [
    ...BODIES.map((body) => body.make(64)),
    '<a href="/p/demo-1.0.tar.gz#sha256=' + 'a'.repeat(64) + '">demo-1.0.tar.gz</a>',
    '</a>',
    '</script>',
    '>',
    '"',
    "'",
    '&amp;',
    '&#',
    '{"files": [',
    '{"message": "x"}',
  ];
  let body = '';
  while (body.length < bytes) {
    const fragment = fragments[Math.floor(next() * fragments.length)];
    body += fragment.repeat(1 + Math.floor(next() ** 3 * 2000));
  }
  return body.slice(0, bytes);
}
