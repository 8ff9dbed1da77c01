// Every parser of server text against the hostile bodies of issue 13 (bodies.ts) and a fixed-seed
// fuzz of them: no exception, and time linear in the body's length. The bound does not depend on
// the machine's speed: each parse is compared with a plain pass over the same characters, timed
// just before it; a linear parser stays within a small multiple of it, a quadratic one is
// thousands of times slower at these sizes. Sizes grow, so that a regression fails at 16 KiB long
// before a cubic parse of a megabyte would hang the suite.
import { describe, expect, it } from 'vitest';
import { parseSimpleHtml, parseSimpleJson } from '../../src/index/simple-index.js';
import { serverMessage } from '../../src/index/http.js';
import { parseReleaseJson } from '../../src/dry-run/index-state.js';
import { planFiles } from '../../src/dry-run/plan.js';
import { normalizeVersion } from '../../src/dists/pep440.js';
import { retryAfterMs } from '../../src/index/retry.js';
import { BODIES, mixedBody } from './bodies.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261313);
/** A linear parser does a few dozen times the reference's work per character; a quadratic one 10^4–10^6. */
const RATIO = 400;
/** Timer, compilation and garbage-collection noise, which dominates below a few kilobytes. */
const NOISE_MS = 200;

/** A plain pass over every character: what linear time costs on this machine, right now. */
function referenceMs(text: string): number {
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    let hash = 0;
    for (let at = 0; at < text.length; at++) hash = (hash * 31 + text.charCodeAt(at)) | 0;
    runs.push(performance.now() - started + (hash === 0.5 ? 1 : 0));
  }
  return runs.sort((a, b) => a - b)[1];
}

/** Every parser the action runs on an index's answer, as the action runs them. */
const PARSERS: [name: string, parse: (body: string) => unknown][] = [
  ['parseSimpleHtml', parseSimpleHtml],
  ['parseSimpleJson', parseSimpleJson],
  ['serverMessage', (body) => serverMessage({ status: 503, body })],
  ['parseReleaseJson', parseReleaseJson],
  [
    "the dry run's plan over the listing",
    (body) => {
      const files = new Map([...parseSimpleHtml(body), ...parseSimpleJson(body)]);
      for (const filename of files.keys()) normalizeVersion(filename);
      return planFiles({
        files: [
          {
            filename: 'demo-1.0.tar.gz',
            kind: 'sdist',
            size: 1,
            sha256: '0'.repeat(64),
            project: 'demo',
            version: '1.0',
          },
        ],
        listings: new Map([['demo', { kind: 'known', files }]]),
        releases: new Map(),
        now: new Date(),
      });
    },
  ],
  ['retryAfterMs (a header is at most 16 KiB)', (body) => retryAfterMs(body.slice(0, 16_384))],
];

/**
 * The parse must stay within RATIO times a plain pass plus NOISE_MS. Noise only ever adds time (a
 * collection, another process on the core), so a parse over the bound is timed again, up to three
 * times, unless it is far over: a superlinear parser is slow every time.
 */
function expectLinear(parse: (body: string) => unknown, body: string, label: string): void {
  let message = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const reference = referenceMs(body);
    const bound = RATIO * reference + NOISE_MS;
    const started = performance.now();
    expect(() => parse(body), label).not.toThrow();
    const took = performance.now() - started;
    if (took < bound) return;
    message = `${label}: ${took.toFixed(1)} ms, a plain pass ${reference.toFixed(2)} ms, bound ${bound.toFixed(0)} ms`;
    if (took > 10 * bound) break;
  }
  expect.fail(message);
}

describe('parsers of server text, against the hostile bodies of issue 13', () => {
  for (const body of BODIES) {
    it(`${body.id} (${body.finding}): up to 1 MiB, linear, no exception`, () => {
      for (const bytes of [16 << 10, 128 << 10, 1 << 20]) {
        const text = body.make(bytes);
        for (const [name, parse] of PARSERS) expectLinear(parse, text, `${name} on ${bytes} bytes`);
      }
    });
  }

  it(`survives 150 bodies of random runs of them, up to 256 KiB (seed ${SEED})`, () => {
    for (let n = 0; n < 150; n++) {
      const text = mixedBody(SEED + n, 1024 + ((n * 7919) % (256 << 10)));
      for (const [name, parse] of PARSERS) expectLinear(parse, text, `${name} on body ${n} (seed ${SEED + n})`);
    }
  });
});
