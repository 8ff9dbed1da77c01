// `npm run bench:attestations` (through vitest, see bench.vitest.config.ts): what signing PEP 740 attestations costs per file. Starts the local
// index (for the runner's OIDC token), the test Fulcio and the test Rekor on 127.0.0.1, and signs
// publish statements with the action's own signer: the first file pays for the OIDC token, the key,
// the Fulcio certificate and sigstore-js's loading; every later file is one DSSE signature and one
// Rekor entry. Also times the whole action (bundle, Node 24) on the sample project with and without.
import { performance } from 'node:perf_hooks';
import { it } from 'vitest';
import { runBundle } from '../test/support/bundle-runner.ts';
import { startLocalIndex } from '../test/support/local-index.ts';
import { node24Binary } from '../test/support/node-runtimes.ts';
import { fixtureDists, packagesDir } from '../test/support/packages-dir.ts';
import { ensurePythonEnv } from '../test/support/python-env.ts';
import { startSigstore } from '../test/support/sigstore/sigstore.ts';
import { publishStatement } from '../src/attest/pep740.js';

const FILES = 50;
const ROUNDS = 5;
const say = (text: string): void => void process.stdout.write(`${text}\n`);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

it('measures what signing costs per file', async () => {
  await ensurePythonEnv(say);
  const index = await startLocalIndex({
    publisher: {
      repository: 'octo-org/sampleproject',
      repositoryOwnerId: '1234567',
      workflow: 'release.yml',
      projects: ['sampleproject'],
    },
  });
  const sigstore = await startSigstore(index);
  const loadStarted = performance.now();
  const { createPublishSigner } = await import('../src/attest/sigstore.js');
  const loadMs = performance.now() - loadStarted;

  const firsts: number[] = [];
  const laters: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const signer = createPublishSigner({
      endpoints: { fulcio: new URL(sigstore.fulcio.url), rekor: new URL(sigstore.rekor.url) },
      identityToken: async () => {
        const response = await fetch(`${index.github.requestUrl}&audience=sigstore`, {
          headers: { authorization: `bearer ${index.github.requestToken}` },
        });
        return ((await response.json()) as { value: string }).value;
      },
      call: {
        retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, totalMs: 30_000 },
        timeoutMs: 30_000,
        log: say,
      },
    });
    for (let file = 0; file < FILES; file++) {
      const started = performance.now();
      await signer.sign(publishStatement(`bench_${file}-1.0-py3-none-any.whl`, 'ab'.repeat(32)));
      (file === 0 ? firsts : laters).push(performance.now() - started);
    }
  }
  say(`signing module load (first import, from src/): ${loadMs.toFixed(0)} ms`);
  say(
    `first file (token + key + Fulcio certificate + DSSE + Rekor): median ${median(firsts).toFixed(1)} ms over ${ROUNDS} runs`,
  );
  say(`each later file (DSSE + Rekor): median ${median(laters).toFixed(1)} ms over ${laters.length} files`);

  const dists = await fixtureDists('sampleproject');
  const env = {
    ACTIONS_ID_TOKEN_REQUEST_URL: index.github.requestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: index.github.requestToken,
  };
  const timings: Record<string, number[]> = { with: [], without: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of ['with', 'without'] as const) {
      const run = await runBundle(
        node24Binary(),
        {
          'repository-url': index.uploadUrl,
          'packages-dir': await packagesDir(dists),
          'skip-existing': 'false',
          attestations: String(mode === 'with'),
        },
        { ...env, ...sigstore.env },
      );
      if (run.code !== 0 && !run.stdout.includes('File already exists')) throw new Error(run.stdout);
      timings[mode].push(run.milliseconds);
      index.files.clear();
    }
  }
  say(
    `whole action, bundle on Node 24, ${dists.length} files: median ${median(timings.with)} ms with attestations, ${median(timings.without)} ms without`,
  );
  await sigstore.close();
  await index.close();
});
