import { beforeEach, describe, it, expect, vi } from 'vitest';
import { fixedCredentials, mintedCredentials, type CredentialSource } from '../../src/index/credentials.js';
import type { UploadToken } from '../../src/index/oidc.js';

describe('fixedCredentials', () => {
  it('always gives the user and password it was made with', async () => {
    const source = fixedCredentials('alice', 's3cret');
    expect(source.trustedPublishing).toBe(false);
    await expect(source.current()).resolves.toStrictEqual({
      user: 'alice',
      password: 's3cret',
      trustedPublishing: false,
    });
    await expect(source.current()).resolves.toStrictEqual({
      user: 'alice',
      password: 's3cret',
      trustedPublishing: false,
    });
  });

  it('has nothing to renew', async () => {
    const source = fixedCredentials('__token__', 'pypi-user-token');
    await expect(source.renew()).resolves.toBe(false);
    await expect(source.current()).resolves.toStrictEqual({
      user: '__token__',
      password: 'pypi-user-token',
      trustedPublishing: false,
    });
  });
});

describe('mintedCredentials', () => {
  const START = Date.parse('2025-06-01T12:00:00Z');
  const START_S = START / 1000;
  const MARGIN_MS = 5 * 60_000;
  /** Fifteen minutes from START, as PyPI's minted tokens last. */
  const FIRST_EXPIRES = START_S + 15 * 60;

  let clock: number;
  let logs: string[];
  let mint: ReturnType<typeof fakeMint>;
  let source: CredentialSource;

  /** Tokens 'pypi-1', 'pypi-2', … expiring as listed (the last entry repeats). */
  function fakeMint(expires: (number | undefined)[]) {
    let minted = 0;
    return vi.fn(async (): Promise<UploadToken> => {
      minted++;
      return {
        token: `pypi-${minted}`,
        expires: expires[Math.min(minted, expires.length) - 1],
        claims: { repository: 'octo-org/widgets' },
      };
    });
  }

  function start(expires: (number | undefined)[]): void {
    mint = fakeMint(expires);
    source = mintedCredentials(
      mint,
      (message) => logs.push(message),
      MARGIN_MS,
      () => clock,
    );
  }

  function token(password: string) {
    return { user: '__token__', password, trustedPublishing: true };
  }

  beforeEach(() => {
    clock = START;
    logs = [];
  });

  it('is a trusted-publishing source that mints nothing until asked', () => {
    start([FIRST_EXPIRES]);
    expect(source.trustedPublishing).toBe(true);
    expect(mint).not.toHaveBeenCalled();
    expect(logs).toEqual([]);
  });

  it('mints on the first current() and logs the expiry', async () => {
    start([FIRST_EXPIRES]);
    await expect(source.current()).resolves.toStrictEqual(token('pypi-1'));
    expect(mint).toHaveBeenCalledTimes(1);
    expect(logs).toEqual(['Got an upload token, valid until 2025-06-01T12:15:00.000Z.']);
  });

  const reuse: [description: string, afterMs: number][] = [
    ['at once', 0],
    ['after a minute', 60_000],
    ['with 1 ms more than the margin left', 15 * 60_000 - MARGIN_MS - 1],
  ];
  it.each(reuse)('reuses the token while more than the margin is left: %s', async (_description, afterMs) => {
    start([FIRST_EXPIRES, FIRST_EXPIRES + 900]);
    await source.current();
    clock = START + afterMs;
    await expect(source.current()).resolves.toStrictEqual(token('pypi-1'));
    await expect(source.current()).resolves.toStrictEqual(token('pypi-1'));
    expect(mint).toHaveBeenCalledTimes(1);
    expect(logs).toHaveLength(1);
  });

  const renewal: [description: string, afterMs: number][] = [
    ['with 1 ms less than the margin left', 15 * 60_000 - MARGIN_MS + 1],
    ['with a minute left', 14 * 60_000],
    ['after it expired', 20 * 60_000],
  ];
  it.each(renewal)('mints a new token when less than the margin is left: %s', async (_description, afterMs) => {
    start([FIRST_EXPIRES, START_S + afterMs / 1000 + 900]);
    await source.current();
    clock = START + afterMs;
    await expect(source.current()).resolves.toStrictEqual(token('pypi-2'));
    expect(mint).toHaveBeenCalledTimes(2);
    const secondExpiry = new Date((START_S + afterMs / 1000 + 900) * 1000).toISOString();
    expect(logs).toEqual([
      'Got an upload token, valid until 2025-06-01T12:15:00.000Z.',
      'The upload token expires at 2025-06-01T12:15:00.000Z; minting a new one.',
      `Got an upload token, valid until ${secondExpiry}.`,
    ]);
    // The new token is then reused.
    await expect(source.current()).resolves.toStrictEqual(token('pypi-2'));
    expect(mint).toHaveBeenCalledTimes(2);
  });

  it('keeps renewing through a long run', async () => {
    start([START_S + 900, START_S + 1_800, START_S + 2_700]);
    const passwords: string[] = [];
    for (let minute = 0; minute <= 36; minute += 4) {
      clock = START + minute * 60_000;
      passwords.push((await source.current()).password);
    }
    // Renewed at minute 12 (3 min left of token 1) and minute 28 (2 min left of token 2).
    expect(passwords).toEqual([
      'pypi-1',
      'pypi-1',
      'pypi-1',
      'pypi-2',
      'pypi-2',
      'pypi-2',
      'pypi-2',
      'pypi-3',
      'pypi-3',
      'pypi-3',
    ]);
    expect(mint).toHaveBeenCalledTimes(3);
  });

  it('renew() mints at once and current() then gives the new token', async () => {
    start([FIRST_EXPIRES, FIRST_EXPIRES + 60]);
    await source.current();
    await expect(source.renew()).resolves.toBe(true);
    expect(mint).toHaveBeenCalledTimes(2);
    expect(logs).toEqual([
      'Got an upload token, valid until 2025-06-01T12:15:00.000Z.',
      'Got an upload token, valid until 2025-06-01T12:16:00.000Z.',
    ]);
    await expect(source.current()).resolves.toStrictEqual(token('pypi-2'));
    expect(mint).toHaveBeenCalledTimes(2);
  });

  it('renew() before any current() mints, and current() does not mint again', async () => {
    start([FIRST_EXPIRES]);
    await expect(source.renew()).resolves.toBe(true);
    expect(mint).toHaveBeenCalledTimes(1);
    await expect(source.current()).resolves.toStrictEqual(token('pypi-1'));
    expect(mint).toHaveBeenCalledTimes(1);
  });

  it('never renews a token without expires by time, but renew() still mints', async () => {
    start([undefined]);
    await expect(source.current()).resolves.toStrictEqual(token('pypi-1'));
    expect(logs).toEqual(['Got an upload token.']);
    for (const later of [15 * 60_000, 24 * 3_600_000, 365 * 24 * 3_600_000]) {
      clock = START + later;
      await expect(source.current()).resolves.toStrictEqual(token('pypi-1'));
    }
    expect(mint).toHaveBeenCalledTimes(1);
    expect(logs).toEqual(['Got an upload token.']);
    await expect(source.renew()).resolves.toBe(true);
    await expect(source.current()).resolves.toStrictEqual(token('pypi-2'));
    expect(logs).toEqual(['Got an upload token.', 'Got an upload token.']);
  });

  it('tries minting again on the next current() after a failed mint', async () => {
    let calls = 0;
    const failingOnce = vi.fn(async (): Promise<UploadToken> => {
      calls++;
      if (calls === 1) throw new Error('mint failed');
      return { token: `pypi-${calls}`, expires: FIRST_EXPIRES, claims: {} };
    });
    const flaky = mintedCredentials(
      failingOnce,
      (message) => logs.push(message),
      MARGIN_MS,
      () => clock,
    );
    await expect(flaky.current()).rejects.toThrow('mint failed');
    expect(logs).toEqual([]);
    await expect(flaky.current()).resolves.toStrictEqual(token('pypi-2'));
    expect(failingOnce).toHaveBeenCalledTimes(2);
  });
});
