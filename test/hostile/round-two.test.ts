// Issue 13's smaller findings, each as a crafted server, file or environment, run through the
// action's steps as action.yml names them: the clean error (or the clean success), bounded work and
// memory, nothing uploaded when refused, nothing where it must not be, and the output read as the runner
// reads it (test/support/runner-emulator.ts): no outside command executed, no secret shown.
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/python-env.ts';
import { replay } from '../support/runner-emulator.ts';
import { MARKER } from './cases.ts';
import { ROUND_TWO } from './round-two.ts';

/** The action's CPU time, which a loaded machine does not stretch; a hang meets the run's 60 s timeout. */
const CPU_LIMIT_MS = 20_000;
const RSS_LIMIT_MIB = 300;

describe('hostile inputs, round two (issue 13)', () => {
  it.each(ROUND_TWO.map((c) => [c.id, c] as const))('%s', async (_id, hostile) => {
    const { run, uploads, leaks, secrets } = await hostile.run(ROOT);
    const log = run.stdout.replace(/%0A/g, '\n');
    expect(run.timedOut).toBe(false);
    expect(run.signal).toBeNull();
    expect(run.code, log).toBe(hostile.expected.code);
    for (const words of hostile.expected.log) expect(log).toContain(words);
    expect(log).not.toContain('Unexpected error');
    expect(run.stderr).not.toMatch(/RangeError|TypeError|FATAL|heap out of memory/);
    expect(run.cpuMs).toBeLessThan(CPU_LIMIT_MS);
    expect(run.rssMiB).toBeLessThan(RSS_LIMIT_MIB);
    if (hostile.expected.code === 1) expect(uploads).toBe(0);
    expect(leaks).toEqual([]);
    // Read as the runner reads both streams: nothing from outside executed, no secret shown.
    const read = replay([run.stdout, run.stderr], { secrets, marker: MARKER });
    expect(read.outside.map((command) => command.line)).toEqual([]);
    expect(read.ignoredMasks).toEqual([]);
    expect(read.leaks.map((leak) => leak.shown)).toEqual([]);
  });
});
