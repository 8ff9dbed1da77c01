// `node scripts/wait-figures.ts`: runs dist/index.js with `wait` against each hostile simple API of
// test/hostile/wait-cases.ts and prints one Markdown row per case: exit code, wall time, peak RSS,
// GETs made, GETs carrying credentials, planted commands the runner would execute (test/support/runner-emulator.ts), and the error line.
import { MARKER } from '../test/hostile/cases.ts';
import { replay } from '../test/support/runner-emulator.ts';
import { runWaitCase, WAIT_CASES, WAIT_SECONDS } from '../test/hostile/wait-cases.ts';

console.log(`wait: ${WAIT_SECONDS} s\n`);
console.log('| case | exit | time | peak RSS | GETs | with credentials | planted commands | error line |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const hostile of WAIT_CASES) {
  const { run, gets, elsewhere } = await runWaitCase(hostile);
  const planted = replay([run.stdout, run.stderr], { marker: MARKER }).outside.length;
  const error = (run.stdout.split('\n').find((line) => line.startsWith('::error')) ?? '')
    .slice(0, 100)
    .replace(/\|/g, '\\|');
  const credentialed = [...gets, ...elsewhere].filter((r) => r.headers.authorization !== undefined).length;
  console.log(
    `| ${hostile.id} | ${run.code} | ${(run.milliseconds / 1000).toFixed(2)} s | ${run.rssMiB ?? '?'} MiB | ${gets.length} | ${credentialed} | ${planted} | ${error} |`,
  );
}
