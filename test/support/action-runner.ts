// Runs the action in-process through run(), with a recording ActionIO instead of @actions/core.
import { parseInputs } from '../../src/inputs/inputs.js';
import { run, type ActionIO, type Tuning } from '../../src/main.js';
import type { RunnerOidc } from '../../src/index/oidc.js';
import type { FileReport } from '../../src/report/report.js';
import { watchMasks } from './mask-witness.ts';

export interface RecordedRun {
  /** Every line logged, of every level, in order, prefixed `info:`, `notice:`, `warning:`, `debug:`. */
  log: string[];
  secrets: string[];
  outputs: Record<string, string>;
  summary: string;
  /** The step's state as last saved (what the post step would read). */
  state: Record<string, string>;
  error?: Error;
  reports?: FileReport[];
}

export async function runInProcess(
  inputs: Record<string, string>,
  runner: RunnerOidc,
  tuning?: Partial<Tuning>,
  /** Environment variables the run sees instead of process.env (RUNNER_TEMP, Sigstore URLs). */
  env?: Record<string, string | undefined>,
  /** As the action with a state file: the tokens are left to the post step (src/post.ts). */
  postStepRevokes?: boolean,
): Promise<RecordedRun> {
  const recorded: RecordedRun = { log: [], secrets: [], outputs: {}, summary: '', state: {} };
  const masked = new Set<string>();
  const io: ActionIO = {
    info: (m) => recorded.log.push(`info: ${m}`),
    notice: (m) => recorded.log.push(`notice: ${m}`),
    warning: (m) => recorded.log.push(`warning: ${m}`),
    error: (m, title) => recorded.log.push(`error: ${title ? `${title}: ` : ''}${m}`),
    setSecret: (s) => {
      recorded.secrets.push(s);
      masked.add(s);
    },
    setOutput: (name, value) => (recorded.outputs[name] = value),
    writeSummary: async (markdown) => void (recorded.summary += markdown),
    debug: (m) => recorded.log.push(`debug: ${m}`),
    saveState: (name, value) => (recorded.state[name] = value),
  };
  // The local index checks each credential it receives against what this run had masked by then.
  const unwatch = watchMasks(() => masked);
  try {
    const parsed = parseInputs(
      (name) => inputs[name] ?? '',
      (message) => {
        io.warning(message);
      },
    );
    recorded.reports = await run(parsed, {
      io,
      runner,
      ...(tuning ? { tuning } : {}),
      ...(env ? { env } : {}),
      ...(postStepRevokes ? { postStepRevokes } : {}),
    });
  } catch (error) {
    recorded.error = error as Error;
  } finally {
    unwatch();
  }
  return recorded;
}
