// Issue 13's smaller findings, each as a crafted server, file or environment, run through the
// action's steps as action.yml names them: the clean error (or the clean success), bounded work and
// memory, nothing uploaded when refused, nothing where it must not be, no secret printed.
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/python-env.ts';
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
    const printed = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    for (const secret of secrets) expect(printed.filter((line) => line.includes(secret))).toEqual([]);
  });
});
