/**
 * Runs `load` with `globalThis.Headers` hidden, then gives the global back, resolved on first use.
 *
 * Why: @actions/core imports @actions/http-client, which imports undici's index, whose cookie
 * helpers read `globalThis.Headers` as they load (to accept Node's own Headers too). Reading that
 * global makes Node load its built-in copy of undici, which nothing in the action uses: 16.5 MiB of
 * memory and about 15 ms at start-up (scripts/bench/startup-profile.ts). Node defines the global
 * lazily; on Node 24 even reading its descriptor loads it, so it is not saved but deleted, and put
 * back as an accessor that finds Node's Headers through Node's Response when someone asks for it.
 */
export async function withoutGlobalHeaders<T>(load: () => Promise<T>): Promise<T> {
  if (!Reflect.deleteProperty(globalThis, 'Headers')) return load();
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'Headers', {
      configurable: true,
      enumerable: false,
      get: () => settle(new Response().headers.constructor),
      set: settle,
    });
  }
}

function settle(value: unknown): unknown {
  Object.defineProperty(globalThis, 'Headers', { value, writable: true, configurable: true, enumerable: false });
  return value;
}
