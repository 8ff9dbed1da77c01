// Issue 9's findings, each as a crafted file or server, run through dist/index.js as the runner
// runs it: the clean error (or the clean success), bounded time and memory (loose limits: a
// benchmark is not a test), nothing uploaded when refused, no credential at another origin, and no
// line on stdout that the runner would execute as a workflow command planted by outside text.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES, MARKER, PASSWORD, type HostileCase } from './cases.ts';
import { runAction, startCaseServers, strayCommands } from './harness.ts';

/**
 * Loose: the slowest case (tar-million-members) takes about 1 s of CPU; a quadratic blow-up takes
 * minutes. Bounded on the action's CPU time, which a loaded machine does not stretch (its wall time
 * reached 8.6–10.8 s on a busy 2-core machine); a hang is caught by the run's 60 s timeout.
 */
const TIME_LIMIT_MS = 20_000;
/** Loose: the target is 150 MiB; Node alone takes about 80. */
const RSS_LIMIT_MIB = 300;

async function runCase(hostile: HostileCase) {
  const { index, elsewhere } = await startCaseServers(hostile);
  const dir = await mkdtemp(join(tmpdir(), 'hostile-'));
  try {
    const context = { index: index.origin, elsewhere: { host: 'localhost', port: elsewhere.port } };
    for (const [name, data] of Object.entries(hostile.files(context))) await writeFile(join(dir, name), data);
    const run = await runAction(
      {
        'repository-url': `${index.origin}/legacy/`,
        'packages-dir': dir,
        user: '__token__',
        password: PASSWORD,
        retries: '0',
        ...hostile.inputs?.(context),
      },
      { timeoutMs: 60_000, ...(hostile.unwritableSummary ? { summaryPath: join(dir, 'missing', 'summary.md') } : {}) },
    );
    return { run, uploads: index.requests.filter((r) => r.method === 'POST').length, leaked: elsewhere.requests };
  } finally {
    await index.close();
    await elsewhere.close();
    await rm(dir, { recursive: true, force: true });
  }
}

describe('hostile inputs (issue 9)', () => {
  it.each(CASES.map((c) => [`${c.finding}: ${c.id}`, c] as const))('%s', async (_name, hostile) => {
    const { run, uploads, leaked } = await runCase(hostile);
    const log = run.stdout.replace(/%0A/g, '\n');
    expect(run.timedOut).toBe(false);
    expect(run.signal).toBeNull();
    expect(run.code, log).toBe(hostile.expected.code);
    for (const words of hostile.expected.log) expect(log).toContain(words);
    expect(log).not.toContain('Unexpected error');
    expect(run.stderr).not.toMatch(/RangeError|FATAL|heap out of memory/);
    expect(run.cpuMs).toBeLessThan(TIME_LIMIT_MS);
    expect(run.rssMiB).toBeLessThan(RSS_LIMIT_MIB);
    if (hostile.expected.code === 1 && !hostile.indexAnswer) expect(uploads).toBe(0);
    expect(leaked.filter((r) => r.headers.authorization !== undefined)).toEqual([]);
    expect(strayCommands(run.stdout, MARKER)).toEqual([]);
    const printed = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(printed.filter((line) => line.includes(PASSWORD))).toEqual([]);
    // The outputs are written however the run ends (here: wherever GITHUB_OUTPUT could be written).
    if (!hostile.inputError) expect(run.outputs).toContain('uploaded<<');
  });
});
