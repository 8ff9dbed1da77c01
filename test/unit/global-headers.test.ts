import { describe, expect, it } from 'vitest';
import { withoutGlobalHeaders } from '../../src/common/global-headers.js';

describe('withoutGlobalHeaders', () => {
  it('hides globalThis.Headers while loading, then gives back Node’s own Headers on first use', async () => {
    const seen = await withoutGlobalHeaders(async () => typeof globalThis.Headers);
    expect(seen).toBe('undefined');
    const headers = new globalThis.Headers({ 'x-test': '1' });
    expect(headers.get('x-test')).toBe('1');
    expect(globalThis.Headers).toBe(new Response().headers.constructor);
    expect(Object.getOwnPropertyDescriptor(globalThis, 'Headers')).toMatchObject({
      writable: true,
      configurable: true,
      enumerable: false,
    });
  });

  it('puts it back when the load fails, and an assignment before first use wins', async () => {
    await expect(
      withoutGlobalHeaders(async () => {
        throw new Error('load failed');
      }),
    ).rejects.toThrow('load failed');
    const replacement = { replaced: true };
    (globalThis as { Headers: unknown }).Headers = replacement;
    expect(globalThis.Headers).toBe(replacement);
    (globalThis as { Headers: unknown }).Headers = new Response().headers.constructor;
  });
});
