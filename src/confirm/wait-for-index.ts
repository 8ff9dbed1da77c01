// `wait` for a finished run: the files it uploaded or skipped, the provenance of those uploaded with
// attestations (made only for indexes that keep them, src/attest/policy.ts), and what to report.
import type { ActionIO } from '../common/action-io.js';
import { expectedPublisher } from './provenance.js';
import { seconds, type WaitTiming } from './timing.js';
import { waitSummaryLine, waitUntilServed } from './wait.js';

/** A file as the run left it. */
export interface PublishedFile {
  filename: string;
  sha256: string;
  project: string;
  version: string;
  result: 'uploaded' | 'skipped' | 'failed' | 'not attempted';
  /** Uploaded with attestations. */
  attested: boolean;
}

export interface WaitReport {
  /** Seconds after the uploads, per file waited for. */
  installableAfterS: Map<string, number>;
  /** "installable after 7 s; provenance confirmed for 2 files" */
  line: string;
}

export async function waitForIndex(
  files: PublishedFile[],
  context: { simpleIndex: URL; timing: WaitTiming; env: Record<string, string | undefined>; io: ActionIO },
): Promise<WaitReport> {
  const { io } = context;
  const done = files.filter((file) => file.result === 'uploaded' || file.result === 'skipped');
  const result = await waitUntilServed(done, {
    simpleIndex: context.simpleIndex,
    timing: context.timing,
    attested: new Set(done.filter((f) => f.result === 'uploaded' && f.attested).map((f) => f.filename)),
    publisher: expectedPublisher(context.env),
    log: {
      info: (message) => {
        io.info(message);
      },
      debug: (message) => io.debug?.(message),
      warning: (message, title) => {
        io.warning(message, title);
      },
    },
  });
  return {
    installableAfterS: new Map([...result.servedAfterMs].map(([filename, ms]) => [filename, seconds(ms)])),
    line: waitSummaryLine(result),
  };
}
