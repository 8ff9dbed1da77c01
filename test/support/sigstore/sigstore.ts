// A test Fulcio and Rekor for a local index, and the environment that points the action at them.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalIndex } from '../local-index.ts';
import { startFulcio, type TestFulcio } from './fulcio.ts';
import { startRekor, type TestRekor } from './rekor.ts';

export interface TestSigstore {
  fulcio: TestFulcio;
  rekor: TestRekor;
  /** RUNNER_TEMP, the Fulcio and Rekor URLs, and the local index named as PyPI for attestations. */
  env: Record<string, string>;
  runnerTemp: string;
  close(): Promise<void>;
}

export async function startSigstore(index: LocalIndex): Promise<TestSigstore> {
  const fulcio = await startFulcio({ verifyToken: (jwt) => index.verifyIdToken(jwt) });
  const rekor = await startRekor();
  const runnerTemp = await mkdtemp(join(tmpdir(), 'runner-temp-'));
  return {
    fulcio,
    rekor,
    runnerTemp,
    env: {
      RUNNER_TEMP: runnerTemp,
      PYPI_OIDC_PUBLISH_FULCIO_URL: fulcio.url,
      PYPI_OIDC_PUBLISH_REKOR_URL: rekor.url,
      PYPI_OIDC_PUBLISH_TEST_ATTESTATION_INDEX: index.origin,
    },
    close: async () => {
      await Promise.all([fulcio.close(), rekor.close()]);
    },
  };
}
