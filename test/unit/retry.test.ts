import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { PublishError } from '../../src/common/errors.js';
import { TransportError, type HttpResponse } from '../../src/index/http.js';
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  retryAfterMs,
  RetryableFailure,
  retryOnStatus,
  retryOnTransport,
  withRetries,
  type RetryPolicy,
} from '../../src/index/retry.js';
import { rejection } from '../support/rejection.ts';

describe('isRetryableStatus', () => {
  const cases: [status: number, retryable: boolean][] = [
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [501, false],
    [505, false],
    [400, false],
    [403, false],
    [404, false],
    [409, false],
    [200, false],
    [301, false],
  ];
  it.each(cases)('%i → %s', (status, retryable) => {
    expect(isRetryableStatus(status)).toBe(retryable);
  });
});

describe('backoffDelayMs', () => {
  // Ceilings 1, 2, 4, 8, 16 s, then capped at 20 s.
  const policy: RetryPolicy = { attempts: 8, baseDelayMs: 1_000, maxDelayMs: 20_000, totalMs: 600_000 };
  const cases: [attempt: number, random0: number, random05: number, random1: number][] = [
    [1, 500, 750, 1_000],
    [2, 1_000, 1_500, 2_000],
    [3, 2_000, 3_000, 4_000],
    [4, 4_000, 6_000, 8_000],
    [5, 8_000, 12_000, 16_000],
    [6, 10_000, 15_000, 20_000],
    [7, 10_000, 15_000, 20_000],
    [8, 10_000, 15_000, 20_000],
  ];
  it.each(cases)(
    'attempt %i: %i ms with random 0, %i ms with 0.5, %i ms with 1',
    (attempt, random0, random05, random1) => {
      expect(backoffDelayMs(attempt, policy, () => 0)).toBe(random0);
      expect(backoffDelayMs(attempt, policy, () => 0.5)).toBe(random05);
      expect(backoffDelayMs(attempt, policy, () => 1)).toBe(random1);
    },
  );

  it('never passes maxDelayMs, however many attempts', () => {
    for (const attempt of [9, 20, 60, 200]) {
      expect(backoffDelayMs(attempt, policy, () => 1)).toBe(20_000);
      expect(backoffDelayMs(attempt, policy, () => 0)).toBe(10_000);
    }
  });

  it('rounds to whole milliseconds', () => {
    const odd: RetryPolicy = { attempts: 3, baseDelayMs: 3, maxDelayMs: 1_000, totalMs: 60_000 };
    expect(backoffDelayMs(1, odd, () => 0)).toBe(2);
    expect(backoffDelayMs(1, odd, () => 0.5)).toBe(2);
    expect(backoffDelayMs(2, odd, () => 0.5)).toBe(5);
  });

  it('starts the default policy at 1–2 s', () => {
    expect(backoffDelayMs(1, DEFAULT_RETRY_POLICY, () => 0)).toBe(1_000);
    expect(backoffDelayMs(1, DEFAULT_RETRY_POLICY, () => 1)).toBe(2_000);
    expect(backoffDelayMs(10, DEFAULT_RETRY_POLICY, () => 1)).toBe(60_000);
  });
});

describe('retryAfterMs', () => {
  const NOW = Date.parse('2025-01-01T00:00:00Z');
  const cases: [description: string, header: string | string[] | undefined, ms: number | undefined][] = [
    ['seconds', '120', 120_000],
    ['zero seconds', '0', 0],
    ['seconds with spaces around', ' 30 ', 30_000],
    ['IMF-fixdate in the past', 'Wed, 21 Oct 2015 07:28:00 GMT', 0],
    ['IMF-fixdate in the future', 'Wed, 01 Jan 2025 00:01:30 GMT', 90_000],
    ['IMF-fixdate right now', 'Wed, 01 Jan 2025 00:00:00 GMT', 0],
    ['RFC 850 date in the past', 'Sunday, 06-Nov-94 08:49:37 GMT', 0],
    ['array: the first value counts', ['7', '99'], 7_000],
    ['array holding a date', ['Wed, 01 Jan 2025 00:00:05 GMT'], 5_000],
    ['empty array', [], undefined],
    ['undefined', undefined, undefined],
    ['empty string', '', undefined],
    ['garbage word', 'soon', undefined],
    ['seconds with a unit', '5s', undefined],
    ['exponent', '1e3', undefined],
    ['hex', '0x10', undefined],
  ];
  it.each(cases)('%s', (_description, header, ms) => {
    expect(retryAfterMs(header, NOW)).toBe(ms);
  });

  // RFC 9110 §10.2.3: delay-seconds is 1*DIGIT; anything else that is not an HTTP-date is invalid.
  const notSecondsNorDate: [header: string][] = [['1.5'], ['-5'], ['later 3'], ['in 2030']];
  it.each(notSecondsNorDate)('%j is neither delay-seconds nor an HTTP-date → undefined', (header) => {
    expect(retryAfterMs(header, NOW)).toBeUndefined();
  });

  it('measures a date from Date.now() when no time is given', () => {
    const ms = retryAfterMs(new Date(Date.now() + 3_600_000).toUTCString());
    expect(ms).toBeGreaterThan(3_590_000);
    expect(ms).toBeLessThanOrEqual(3_600_000);
  });
});

describe('RetryableFailure', () => {
  it('carries its reason, the final error and Retry-After', () => {
    const final = new PublishError('Upload failed.');
    const failure = new RetryableFailure('503 Service Unavailable', final, 4_000);
    expect(failure).toBeInstanceOf(Error);
    expect(failure.name).toBe('RetryableFailure');
    expect(failure.message).toBe('503 Service Unavailable');
    expect(failure.final).toBe(final);
    expect(failure.retryAfterMs).toBe(4_000);
    expect(new RetryableFailure('x', final).retryAfterMs).toBeUndefined();
  });
});

function httpResponse(status: number, headers: HttpResponse['headers'] = {}): HttpResponse {
  return { status, headers, body: '', url: new URL('https://upload.example.org/legacy/') };
}

describe('retryOnStatus', () => {
  const final = new PublishError('Upload of foo-1.0.tar.gz failed.', { hint: 'Try later.', file: 'foo-1.0.tar.gz' });

  const retryable: [status: number, headers: HttpResponse['headers'], retryAfter: number | undefined][] = [
    [503, { 'retry-after': '30' }, 30_000],
    [429, { 'retry-after': '5' }, 5_000],
    [504, { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }, 0],
    [502, {}, undefined],
    [408, { 'retry-after': 'whenever' }, undefined],
  ];
  it.each(retryable)('%i throws a RetryableFailure', (status, headers, retryAfter) => {
    let thrown: unknown;
    try {
      retryOnStatus(httpResponse(status, headers), `${status} from the index`, final);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RetryableFailure);
    const failure = thrown as RetryableFailure;
    expect(failure.message).toBe(`${status} from the index`);
    expect(failure.final).toBe(final);
    expect(failure.retryAfterMs).toBe(retryAfter);
  });

  it.each([[200], [201], [301], [400], [403], [404], [409], [501], [505]])('%i is returned as it is', (status) => {
    const response = httpResponse(status, { 'retry-after': '30' });
    expect(retryOnStatus(response, 'reason', final)).toBe(response);
  });
});

describe('retryOnTransport', () => {
  it('turns a TransportError into a RetryableFailure whose final error is built from it', () => {
    const transport = new TransportError(
      'https://upload.example.org/legacy/',
      new Error('connect ECONNREFUSED 127.0.0.1:9'),
    );
    const seen: TransportError[] = [];
    const final = (error: TransportError): PublishError => {
      seen.push(error);
      return new PublishError(`Could not upload: ${error.message}.`, { hint: 'Check the network.' });
    };
    let thrown: unknown;
    try {
      retryOnTransport(transport, final);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RetryableFailure);
    const failure = thrown as RetryableFailure;
    expect(failure.message).toBe(
      'could not reach https://upload.example.org/legacy/: connect ECONNREFUSED 127.0.0.1:9',
    );
    expect(seen).toEqual([transport]);
    expect(failure.final).toBeInstanceOf(PublishError);
    expect(failure.final.message).toBe(
      'Could not upload: could not reach https://upload.example.org/legacy/: connect ECONNREFUSED 127.0.0.1:9.',
    );
    expect(failure.final.hint).toBe('Check the network.');
    expect(failure.retryAfterMs).toBeUndefined();
  });

  const others: [description: string, error: unknown][] = [
    ['a PublishError', new PublishError('bad metadata')],
    ['a plain Error', new Error('boom')],
    ['a TypeError', new TypeError('x is not a function')],
    ['a RetryableFailure', new RetryableFailure('503', new PublishError('final'))],
    ['a string', 'thrown text'],
  ];
  it.each(others)('rethrows %s unchanged without building a final error', (_description, error) => {
    const final = vi.fn((transport: TransportError) => new PublishError(transport.message));
    let thrown: unknown;
    try {
      retryOnTransport(error, final);
    } catch (caught) {
      thrown = caught;
    }
    expect(thrown).toBe(error);
    expect(final).not.toHaveBeenCalled();
  });
});

describe('withRetries', () => {
  // With Math.random at 1 each backoff is its ceiling: 1 s, 2 s, 4 s, 5 s (capped), …
  const policy: RetryPolicy = { attempts: 4, baseDelayMs: 1_000, maxDelayMs: 5_000, totalMs: 600_000 };

  let delays: number[];
  let logs: string[];
  const wait = async (ms: number): Promise<void> => {
    delays.push(ms);
  };
  const log = (message: string): void => {
    logs.push(message);
  };

  beforeEach(() => {
    delays = [];
    logs = [];
    vi.spyOn(Math, 'random').mockReturnValue(1);
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  function failure(n: number, retryAfter?: number): RetryableFailure {
    return new RetryableFailure(
      `503 Service Unavailable (try ${n})`,
      new PublishError(`Upload of foo-1.0.tar.gz failed on try ${n}.`, {
        hint: `hint ${n}`,
        file: `dist/foo-1.0.tar.gz#${n}`,
      }),
      retryAfter,
    );
  }

  it('returns the value of a first success without waiting or logging', async () => {
    const attempt = vi.fn(async (_n: number) => 'uploaded');
    await expect(withRetries('Uploading foo', policy, log, attempt, wait)).resolves.toBe('uploaded');
    expect(attempt.mock.calls).toEqual([[1]]);
    expect(delays).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('retries RetryableFailures and returns the value of the first success', async () => {
    const attempt = vi.fn(async (n: number) => {
      if (n < 3) throw failure(n);
      return { attempt: n };
    });
    await expect(withRetries('Uploading foo', policy, log, attempt, wait)).resolves.toEqual({ attempt: 3 });
    expect(attempt.mock.calls).toEqual([[1], [2], [3]]);
    expect(delays).toEqual([1_000, 2_000]);
    expect(logs).toHaveLength(2);
  });

  it('gives up after `attempts` with the final error of the last failure, its hint and file', async () => {
    const attempt = vi.fn(async (n: number): Promise<string> => {
      throw failure(n);
    });
    const error = await rejection(withRetries('Uploading foo', policy, log, attempt, wait));
    expect(error).toBeInstanceOf(PublishError);
    expect(error).not.toBeInstanceOf(RetryableFailure);
    const publishError = error as PublishError;
    expect(publishError.message).toBe('Upload of foo-1.0.tar.gz failed on try 4. (gave up after 4 attempts)');
    expect(publishError.hint).toBe('hint 4');
    expect(publishError.file).toBe('dist/foo-1.0.tar.gz#4');
    expect((publishError.cause as PublishError).message).toBe('Upload of foo-1.0.tar.gz failed on try 4.');
    expect(attempt).toHaveBeenCalledTimes(4);
    // No wait after the last attempt.
    expect(delays).toEqual([1_000, 2_000, 4_000]);
    expect(logs).toHaveLength(3);
  });

  it('says "1 attempt" when the policy allows only one', async () => {
    const single: RetryPolicy = { ...policy, attempts: 1 };
    const error = await rejection(
      withRetries('Uploading foo', single, log, async (n) => Promise.reject(failure(n)), wait),
    );
    expect((error as PublishError).message).toBe('Upload of foo-1.0.tar.gz failed on try 1. (gave up after 1 attempt)');
    expect(delays).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('stops early when the next delay would start past totalMs, and says so', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2025-01-01T00:00:00Z'));
    const timed: RetryPolicy = { attempts: 10, baseDelayMs: 1_000, maxDelayMs: 1_000, totalMs: 2_000 };
    const clockWait = async (ms: number): Promise<void> => {
      delays.push(ms);
      vi.setSystemTime(Date.now() + ms);
    };
    const attempt = vi.fn(async (n: number): Promise<void> => {
      throw failure(n);
    });
    const error = await rejection(withRetries('Uploading foo', timed, log, attempt, clockWait));
    // 0 + 1 s and 1 s + 1 s fit in 2 s; 2 s + 1 s does not.
    expect((error as PublishError).message).toBe(
      'Upload of foo-1.0.tar.gz failed on try 3. (gave up after 3 attempts; the next would start past the 2 s limit)',
    );
    expect((error as PublishError).hint).toBe('hint 3');
    expect((error as PublishError).file).toBe('dist/foo-1.0.tar.gz#3');
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(delays).toEqual([1_000, 1_000]);
  });

  it('stops at once when Retry-After alone would pass totalMs', async () => {
    const error = await rejection(
      withRetries('Uploading foo', DEFAULT_RETRY_POLICY, log, async (n) => Promise.reject(failure(n, 700_000)), wait),
    );
    expect((error as PublishError).message).toBe(
      'Upload of foo-1.0.tar.gz failed on try 1. (gave up after 1 attempt; the next would start past the 600 s limit)',
    );
    expect(delays).toEqual([]);
    expect(logs).toEqual([]);
  });

  const retryAfterCases: [description: string, retryAfter: number | undefined, delay: number, shown: string][] = [
    ['Retry-After larger than the backoff wins', 7_500, 7_500, '7.5'],
    ['backoff larger than Retry-After wins', 200, 1_000, '1.0'],
    ['no Retry-After: the backoff', undefined, 1_000, '1.0'],
    ['Retry-After of 0: the backoff', 0, 1_000, '1.0'],
    ['odd milliseconds shown to a tenth of a second', 1_234, 1_234, '1.2'],
  ];
  it.each(retryAfterCases)('%s', async (_description, retryAfter, delay, shown) => {
    const attempt = async (n: number): Promise<string> => {
      if (n === 1) throw failure(1, retryAfter);
      return 'ok';
    };
    await expect(withRetries('Uploading foo', policy, log, attempt, wait)).resolves.toBe('ok');
    expect(delays).toEqual([delay]);
    expect(logs).toEqual([
      `Uploading foo: attempt 1 of 4 failed (503 Service Unavailable (try 1)); retrying in ${shown} s.`,
    ]);
  });

  const nonRetryable: [description: string, error: unknown][] = [
    ['a PublishError', new PublishError('400 Bad Request: invalid metadata', { file: 'foo-1.0.tar.gz' })],
    ['a plain Error', new Error('boom')],
    [
      'a TransportError not wrapped by retryOnTransport',
      new TransportError('https://upload.example.org/legacy/', new Error('ECONNRESET')),
    ],
    ['a string', 'thrown text'],
  ];
  it.each(nonRetryable)('rethrows %s at once without retrying', async (_description, thrown) => {
    const attempt = vi.fn(async (_n: number): Promise<void> => {
      throw thrown;
    });
    expect(await rejection(withRetries('Uploading foo', policy, log, attempt, wait))).toBe(thrown);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(delays).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('rethrows a non-retryable error that follows retryable ones, unchanged', async () => {
    const fatal = new PublishError('403 Forbidden: invalid token');
    const attempt = vi.fn(async (n: number): Promise<void> => {
      if (n < 3) throw failure(n);
      throw fatal;
    });
    expect(await rejection(withRetries('Uploading foo', policy, log, attempt, wait))).toBe(fatal);
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(delays).toEqual([1_000, 2_000]);
  });

  it('logs one line per retry, in the exact format', async () => {
    const attempt = async (n: number): Promise<void> => {
      throw failure(n, n === 2 ? 12_345 : undefined);
    };
    await rejection(withRetries('Looking up foo-1.0.tar.gz on the index', policy, log, attempt, wait));
    expect(delays).toEqual([1_000, 12_345, 4_000]);
    expect(logs).toEqual([
      'Looking up foo-1.0.tar.gz on the index: attempt 1 of 4 failed (503 Service Unavailable (try 1)); retrying in 1.0 s.',
      'Looking up foo-1.0.tar.gz on the index: attempt 2 of 4 failed (503 Service Unavailable (try 2)); retrying in 12.3 s.',
      'Looking up foo-1.0.tar.gz on the index: attempt 3 of 4 failed (503 Service Unavailable (try 3)); retrying in 4.0 s.',
    ]);
  });

  it('uses jittered backoff from Math.random for its delays', async () => {
    vi.mocked(Math.random).mockReturnValue(0);
    const attempt = async (n: number): Promise<string> => {
      if (n < 4) throw failure(n);
      return 'ok';
    };
    await withRetries('Uploading foo', policy, log, attempt, wait);
    expect(delays).toEqual([500, 1_000, 2_000]);
  });

  it('retries what retryOnStatus and retryOnTransport throw', async () => {
    const final = new PublishError('Upload failed.');
    const attempt = async (n: number): Promise<number> => {
      if (n === 1) retryOnStatus(httpResponse(503, { 'retry-after': '3' }), '503 Service Unavailable', final);
      if (n === 2) {
        try {
          throw new TransportError('https://upload.example.org/legacy/', new Error('socket hang up'));
        } catch (error) {
          retryOnTransport(error, () => final);
        }
      }
      return n;
    };
    await expect(withRetries('Uploading foo', policy, log, attempt, wait)).resolves.toBe(3);
    expect(delays).toEqual([3_000, 2_000]);
    expect(logs).toEqual([
      'Uploading foo: attempt 1 of 4 failed (503 Service Unavailable); retrying in 3.0 s.',
      'Uploading foo: attempt 2 of 4 failed (could not reach https://upload.example.org/legacy/: socket hang up); retrying in 2.0 s.',
    ]);
  });
});
