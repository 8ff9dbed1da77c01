// The findings of issues 9 and 13, each as a crafted file or server, run through dist/index.js as
// the runner runs it (and its post step, with trusted publishing): the clean error (or the clean
// success), bounded time and memory (loose limits: a benchmark is not a test), nothing uploaded
// when refused, no credential at another origin, no token left live, and the output read as the
// runner reads it (test/support/runner-emulator.ts): no workflow command from outside text
// executed, no secret shown in clear.
import { describe, expect, it } from 'vitest';
import { CASES, type HostileCase } from './cases.ts';
import { runHostileCase } from './harness.ts';

/**
 * Loose: the slowest case (tar-million-members) takes about 1 s of CPU, the trickled answers a few seconds of wall time; a quadratic blow-up takes
 * minutes. Bounded on the action's CPU time, which a loaded machine does not stretch (its wall time
 * reached 8.6–10.8 s on a busy 2-core machine); a hang is caught by the run's 60 s timeout.
 */
const TIME_LIMIT_MS = 20_000;
/** Loose: the target is 150 MiB; Node alone takes about 80. */
const RSS_LIMIT_MIB = 300;

describe('hostile inputs (issues 9 and 13)', () => {
  it.each(CASES.map((c) => [`${c.finding}: ${c.id}`, c] as const))('%s', async (_name, hostile: HostileCase) => {
    const { run, post, uploads, leaked, log, liveTokens, unmasked } = await runHostileCase(hostile);
    const text = run.stdout.replace(/%0A/g, '\n');
    expect(run.timedOut).toBe(false);
    expect(run.signal).toBeNull();
    expect(run.code, text).toBe(hostile.expected.code);
    for (const words of hostile.expected.log) expect(text).toContain(words);
    expect(text).not.toContain('Unexpected error');
    expect(run.stderr).not.toMatch(/RangeError|FATAL|heap out of memory/);
    expect(run.cpuMs).toBeLessThan(TIME_LIMIT_MS);
    expect(run.rssMiB).toBeLessThan(RSS_LIMIT_MIB);
    if (hostile.expected.uploads !== undefined) expect(uploads).toBe(hostile.expected.uploads);
    else if (hostile.expected.code === 1 && !hostile.indexAnswer) expect(uploads).toBe(0);
    expect(leaked).toEqual([]);
    // The runner's reading of both steps' output: nothing from outside executed, nothing shown.
    expect(log.outside.map((command) => command.line)).toEqual([]);
    expect(log.ignoredMasks).toEqual([]);
    expect(log.leaks.map((leak) => leak.shown)).toEqual([]);
    // Every credential the index received had been masked before it was sent.
    expect(unmasked).toBeUndefined();
    if (post) {
      expect(post.code).toBe(0);
      expect(post.milliseconds).toBeLessThan(TIME_LIMIT_MS);
    }
    expect(liveTokens).toBe(0);
    // The outputs are written however the run ends (here: wherever GITHUB_OUTPUT could be written).
    if (!hostile.inputError) expect(run.outputs).toContain('uploaded<<');
  });
});
