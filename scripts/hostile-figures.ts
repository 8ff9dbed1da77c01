// `node scripts/hostile-figures.ts [bundle] [case-id…]`: runs every crafted case of test/hostile
// against a bundle (default dist/index.js) and prints exit code, wall time, peak RSS and what
// leaked, one Markdown row per case. Used for the before/after figures of issues 9 and 13.
// `node scripts/hostile-figures.ts --round-two [root] [case-id…]`: issue 13's smaller findings
// (test/hostile/round-two.ts), run through action.yml's steps in a checkout's root (default this one).
// What leaked is the output read as the runner reads it (test/support/runner-emulator.ts): commands
// from outside text it executed, and secrets it showed in clear.
import { resolve } from 'node:path';
import { CASES } from '../test/hostile/cases.ts';
import { runHostileCase, BUNDLE } from '../test/hostile/harness.ts';

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
  '| case | exit | time | peak RSS | uploads | auth elsewhere | outside commands run | secrets shown | live tokens | first error line |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |');
for (const hostile of CASES) {
  if (wanted.size && !wanted.has(hostile.id)) continue;
  const { run, uploads, leaked, log, liveTokens, unmasked } = await runHostileCase(hostile, {
    bundle,
    timeoutMs,
    measure: true,
  });
  const errorLine = (
    run.stdout.split('\n').find((l) => l.startsWith('::error')) ??
    run.stderr.split('\n').find((l) => /Error|error/.test(l)) ??
    ''
  )
    .slice(0, 110)
    .replace(/\|/g, '\\|');
  const exit = run.timedOut ? `killed at ${timeoutMs / 1000} s` : run.signal ? run.signal : String(run.code);
  const commands = log.outside.length
    ? [...new Set(log.outside.map((c) => `${c.syntax === '##[' ? '##[' : '::'}${c.name}`))].join(' ')
    : '0';
  const shown = new Set(log.leaks.map((leak) => leak.secret)).size;
  console.log(
    `| ${hostile.id} | ${exit} | ${(run.milliseconds / 1000).toFixed(2)} s | ${run.rssMiB ?? '?'} MiB | ${uploads} | ${leaked.length} | ${commands.replace(/\|/g, '\\|')} | ${shown}${unmasked ? ' (sent unmasked)' : ''} | ${liveTokens} | ${errorLine} |`,
  );
}
