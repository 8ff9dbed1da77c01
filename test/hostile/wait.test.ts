// `wait` through dist/index.js against simple APIs that stall, flood, fail, inject or redirect: a
// clean outcome in bounded time and memory, no credential on any GET, and no planted line on stdout
// that the runner would execute as a workflow command.
import { describe, expect, it } from 'vitest';
import { replay } from '../support/runner-emulator.ts';
import { MARKER } from './cases.ts';
import { runWaitCase, WAIT_CASES, WAIT_SECONDS } from './wait-cases.ts';

/** The wait's limit, one last try of at most as long, and the action's own start-up, with room for a loaded machine. */
const TIME_LIMIT_MS = 2 * WAIT_SECONDS * 1000 + 10_000;
const RSS_LIMIT_MIB = 300;

describe('wait against a hostile simple API', () => {
  it.each(WAIT_CASES.map((c) => [c.id, c] as const))('%s', async (_id, hostile) => {
    const { run, gets, elsewhere } = await runWaitCase(hostile);
    const log = run.stdout.replace(/%0A/g, '\n');
    expect(run.timedOut).toBe(false);
    expect(run.code, log).toBe(hostile.expected.code);
    for (const words of hostile.expected.log) expect(log).toContain(words);
    expect(log).not.toContain('Unexpected error');
    expect(run.milliseconds).toBeLessThan(TIME_LIMIT_MS);
    expect(run.rssMiB).toBeLessThan(RSS_LIMIT_MIB);
    expect(gets.length).toBeGreaterThan(0);
    expect([...gets, ...elsewhere].filter((r) => r.headers.authorization !== undefined)).toEqual([]);
    // Read as the runner reads it: nothing planted in the simple API's answers executed or unmasked.
    const read = replay([run.stdout, run.stderr], { marker: MARKER });
    expect(read.outside.map((command) => command.line)).toEqual([]);
    expect(read.ignoredMasks).toEqual([]);
    expect(run.outputs).toContain(`installable<<`);
  });
});
