// `npm run demo`: the action end to end on this machine. Builds the sample project's wheel and sdist
// with `python -m build`, starts the project's local index (Warehouse's OIDC and upload rules, plus a
// GitHub-like OIDC token endpoint) on 127.0.0.1, runs dist/index.js exactly as a runner would, and
// shows the log, the outputs, the job summary and what the index stored. The index holds new files
// back from its simple API for a few seconds, as PyPI's CDN may, and the run has `wait: true`: it
// ends when the release is installable and PyPI (here: the local index) shows its provenance.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { runBundle } from '../test/support/bundle-runner.ts';
import { startLocalIndex } from '../test/support/local-index.ts';
import { node24Binary } from '../test/support/node-runtimes.ts';
import { fixtureDists, packagesDir } from '../test/support/packages-dir.ts';
import { ensurePythonEnv } from '../test/support/python-env.ts';
import { startSigstore } from '../test/support/sigstore/sigstore.ts';

const say = (text: string): void => void process.stdout.write(`${text}\n`);
const heading = (text: string): void => {
  say(`\n\x1b[1m== ${text}\x1b[0m`);
};

heading('1. Building real distributions (python -m build, hatchling)');
await ensurePythonEnv(say);
const dists = await fixtureDists('sampleproject');
const dir = await packagesDir(dists);
for (const dist of dists) say(`  ${basename(dist)}`);

heading('2. Starting the local index on 127.0.0.1');
const HOLD_BACK_MS = 4_000;
const index = await startLocalIndex({
  holdBackMs: HOLD_BACK_MS,
  publisher: {
    repository: 'octo-org/sampleproject',
    repositoryOwnerId: '1234567',
    workflow: 'release.yml',
    projects: ['sampleproject'],
  },
});
say(`  upload URL:          ${index.uploadUrl}`);
say(`  trusted publisher:   octo-org/sampleproject, workflow release.yml`);
say(`  GitHub token (fake): ${index.github.requestUrl}`);
say(`  simple API:          ${index.origin}/simple/ (new files held back ${HOLD_BACK_MS / 1000} s)`);
// A test Fulcio and Rekor, and the local index treated like PyPI for PEP 740 attestations.
const sigstore = await startSigstore(index);
say(`  Fulcio (test CA):    ${sigstore.fulcio.url}`);
say(`  Rekor (test log):    ${sigstore.rekor.url}`);

try {
  heading('3. Running dist/index.js as the runner would (trusted publishing)');
  const run = await runBundle(
    node24Binary(),
    {
      'repository-url': index.uploadUrl,
      'packages-dir': dir,
      'print-hash': 'true',
      wait: 'true',
      'check-url': `${index.origin}/simple/`,
    },
    {
      ACTIONS_ID_TOKEN_REQUEST_URL: index.github.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: index.github.requestToken,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'octo-org/sampleproject',
      GITHUB_WORKFLOW_REF: 'octo-org/sampleproject/.github/workflows/release.yml@refs/tags/v1.0.0',
      ...sigstore.env,
    },
  );
  // The runner hides ::add-mask:: lines and masks their values; do the same here.
  const masks = [...run.stdout.matchAll(/^::add-mask::(.+)$/gm)].map((m) => m[1]);
  const log = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::') && line !== '')
    .map((line) => masks.reduce((text, mask) => text.split(mask).join('***'), line));
  for (const line of log) say(`  | ${line}`);
  if (run.stderr) say(run.stderr);
  say(`  exit code ${run.code}, ${run.milliseconds} ms`);

  heading('4. Outputs');
  for (const [name, value] of Object.entries(run.outputs)) say(`  ${name} = ${value}`);

  heading('5. Job summary');
  say(run.summary);

  heading('6. What the index stored');
  for (const [filename, file] of index.files) {
    const built = dists.find((d) => basename(d) === filename);
    const identical = built !== undefined && (await readFile(built)).equals(file.bytes);
    say(
      `  ${filename}  ${file.bytes.length} bytes  sha256 ${createHash('sha256').update(file.bytes).digest('hex').slice(0, 16)}…  ${identical ? 'byte-identical to the build' : 'DIFFERS from the build'}, ${file.attestations.length} attestation(s)`,
    );
  }
  if (run.code !== 0 || index.files.size !== dists.length) {
    say('\nThe demo did not publish every file: see the log above.');
    process.exitCode = 1;
  } else {
    say(`\nPublished ${index.files.size} files to the local index.`);
  }
} finally {
  await sigstore.close();
  await index.close();
}
