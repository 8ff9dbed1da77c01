// `node scripts/hostile-figures.ts [bundle] [case-id…]`: runs every crafted case of test/hostile
// against a bundle (default dist/index.js) and prints exit code, wall time, peak RSS and what
// leaked, one Markdown row per case. Used for the before/after figures of issue 9.
// `node scripts/hostile-figures.ts --round-two [root] [case-id…]`: the same for issue 13's cases
// (test/hostile/round-two.ts), run through action.yml's steps in a checkout's root (default this one).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CASES, MARKER, PASSWORD } from '../test/hostile/cases.ts';
import { runAction, startCaseServers, strayCommands, BUNDLE } from '../test/hostile/harness.ts';

const args = process.argv.slice(2);
if (args[0] === '--round-two') {
  const { printRoundTwoFigures } = await import('../test/hostile/round-two.ts');
  await printRoundTwoFigures(resolve(args[1] ?? '.'), new Set(args.slice(2)));
  process.exit(0);
}
const bundle = args[0]?.endsWith('.js') ? resolve(args.shift()!) : BUNDLE;
const wanted = new Set(args);
const timeoutMs = Number(process.env.HOSTILE_TIMEOUT_MS ?? 120_000);

console.log(`bundle: ${bundle}, timeout ${timeoutMs / 1000} s\n`);
console.log(
  '| case | exit | time | peak RSS | uploads | auth elsewhere | stray :: | secret shown | first error line |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
for (const hostile of CASES) {
  if (wanted.size && !wanted.has(hostile.id)) continue;
  const { index, elsewhere } = await startCaseServers(hostile);
  const context = { index: index.origin, elsewhere: { host: 'localhost', port: elsewhere.port } };
  const dir = await mkdtemp(join(tmpdir(), 'hostile-case-'));
  for (const [name, data] of Object.entries(hostile.files(context))) await writeFile(join(dir, name), data);
  const inputs = {
    'repository-url': `${index.origin}/legacy/`,
    'packages-dir': dir,
    user: '__token__',
    password: PASSWORD,
    ...hostile.inputs?.(context),
  };
  const run = await runAction(inputs, {
    bundle,
    timeoutMs,
    ...(hostile.unwritableSummary ? { summaryPath: '/nonexistent/dir/summary.md' } : {}),
  });
  const uploads = index.requests.filter((r) => r.method === 'POST').length;
  const errorLine = (
    run.stdout.split('\n').find((l) => l.startsWith('::error')) ??
    run.stderr.split('\n').find((l) => /Error|error/.test(l)) ??
    ''
  )
    .slice(0, 110)
    .replace(/\|/g, '\\|');
  const exit = run.timedOut ? `killed at ${timeoutMs / 1000} s` : run.signal ? run.signal : String(run.code);
  const printed = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
  const shown = printed.some(
    (line) => line.includes(PASSWORD) || (hostile.id === 'repository-url-password' && line.includes(MARKER)),
  )
    ? 'yes'
    : 'no';
  console.log(
    `| ${hostile.id} | ${exit} | ${(run.milliseconds / 1000).toFixed(2)} s | ${run.rssMiB ?? '?'} MiB | ${uploads} | ${elsewhere.authorized.length} | ${strayCommands(run.stdout, MARKER).length} | ${shown} | ${errorLine} |`,
  );
  await index.close();
  await elsewhere.close();
}
