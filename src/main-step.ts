// The bundle's entry, for both steps (action.yml runs it as `main` and as `post`). Network first: it
// reads the inputs and sends trusted publishing's first requests before anything heavy is loaded;
// @actions/core (with @actions/http-client and undici's index) and the pipeline (main.ts: the
// checks, hashing, the upload form, reporting) are chunks of their own, loaded with import() while
// those requests are on the network. scripts/bench/startup-profile.ts measures what each costs.
import type * as Core from '@actions/core';
import { setFlagsFromString } from 'node:v8';
import { attestationPolicy } from './attest/policy.js';
import type { ActionIO } from './common/action-io.js';
import { formatError, PublishError } from './common/errors.js';
import { withoutGlobalHeaders } from './common/global-headers.js';
import { proxySecrets } from './common/proxy-secrets.js';
import type { JobContext } from './index/diagnostics.js';
import { startOidcExchange } from './index/head-start.js';
import { nextRequestWritten } from './index/http.js';
import type { RunnerOidc } from './index/oidc.js';
import { useDeadlines, DEFAULT_DEADLINES } from './index/answer-limits.js';
import { DEFAULT_RETRY_POLICY } from './index/retry.js';
import { testTiming, TEST_TIMING_VARIABLE } from './index/test-timing.js';
import { parseInputs, readActionInput, type Inputs } from './inputs/inputs.js';
import { stepLogFor, type StepLog } from './step-log.js';

/**
 * WebAssembly (undici's HTTP parser, hash-wasm's BLAKE2b) starts on V8's baseline compiler and is
 * recompiled with the optimizing one once it has run for a while ("tiering"). With V8's budget for
 * that, parsing a few small answers is enough: the HTTP parser's large state machine is then
 * recompiled on another thread, which took 15 to 20 MiB of memory, competed with the run for the
 * CPU, and, when it happened late, held up the exit until it was done (process exit waits for V8's
 * compile jobs). With a budget this large, a run of small files recompiles nothing, and hashing a
 * large file reaches the optimized BLAKE2b after its first few MiB. Set before any WebAssembly is
 * compiled; measured in docs/development.md (Start-up, network first).
 */
setFlagsFromString('--wasm-tiering-budget=200000000');

/** Set by dist/post.js (action.yml's runs.post, written by scripts/build.ts) before it loads this bundle. */
const POST_STEP_FLAG = Symbol.for('pypi-oidc-publish.post-step');

/**
 * The post step is told apart by a flag only code in this process can set: an earlier step can
 * write both the environment and the step's state (GITHUB_ENV), and `STATE_post-step=true` once
 * turned the main step into a silent no-op.
 */
function isPostStep(): boolean {
  return (globalThis as Record<symbol, unknown>)[POST_STEP_FLAG] === true;
}

interface Loaded {
  core: typeof Core;
  log: StepLog;
}

let loaded: Loaded | undefined;
/** Lines (and state) written before @actions/core is loaded wait here, in order. */
const held: ((now: Loaded) => void)[] = [];
/** Every secret seen; those seen before @actions/core is loaded are masked first thing when it is. */
const secrets = new Set<string>();

function emit(write: (now: Loaded) => void): void {
  if (loaded) write(loaded);
  else held.push(write);
}

// Every line goes through the step's log (src/step-log.ts), the last guard before stdout.
const io: ActionIO = {
  info: (message) => {
    emit(({ log }) => {
      log.info(message);
    });
  },
  notice: (message) => {
    emit(({ log }) => {
      log.notice(message);
    });
  },
  warning: (message, title) => {
    emit(({ log }) => {
      log.warning(message, title);
    });
  },
  error: (message, title) => {
    emit(({ log }) => {
      log.error(message, title);
    });
  },
  setSecret: (secret) => {
    if (!secret || secrets.has(secret)) return;
    secrets.add(secret);
    loaded?.core.setSecret(secret);
  },
  setOutput: (name, value) => {
    emit(({ core }) => {
      core.setOutput(name, value);
    });
  },
  debug: (message) => {
    emit(({ log }) => {
      log.debug(message);
    });
  },
  // Only through the runner's state file: the older stdout command would carry the token in the log.
  saveState: (name, value) => {
    if (process.env.GITHUB_STATE)
      emit(({ core }) => {
        core.saveState(name, value);
      });
  },
  async writeSummary(markdown) {
    const { core, log } = await loadCore();
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
    else log.info(`\n${markdown}`);
  },
};

/**
 * @actions/core, once every secret known so far is masked; then the lines held until now are
 * written. Started by whoever needs it first.
 */
let coreLoaded: Promise<Loaded> | undefined;
function loadCore(): Promise<Loaded> {
  coreLoaded ??= withoutGlobalHeaders(() => import('@actions/core')).then((core) => {
    for (const secret of secrets) core.setSecret(secret);
    const now = { core, log: stepLogFor(core) };
    loaded = now;
    for (const write of held.splice(0)) write(now);
    return now;
  });
  return coreLoaded;
}

/** How long the chunks wait at most for the first request to be written (its connection may hang). */
const FIRST_REQUEST_WAIT_MS = 1000;

function nothing(): void {
  // A failed audience request is reported by the exchange that awaits it.
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function failure(error: unknown): string {
  return error instanceof PublishError
    ? formatError(error)
    : `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

async function main(): Promise<void> {
  // Masked before anything else can print them (nothing is printed before @actions/core is loaded,
  // and then these are its first lines): a workflow command slipped into the log can stop the
  // runner from reading later `::add-mask::` lines, never unmask earlier ones. The proxy's
  // credentials too: an agent's debug output shows them.
  io.setSecret(readActionInput('password'));
  io.setSecret(process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '');
  for (const secret of proxySecrets(process.env)) io.setSecret(secret);
  // The hostile tests shorten the deadlines of every request, the head start's included.
  const tuning = testTiming(process.env[TEST_TIMING_VARIABLE]);
  useDeadlines({ ...DEFAULT_DEADLINES, ...tuning.deadlines });
  const runner: RunnerOidc = {
    requestUrl: process.env.ACTIONS_ID_TOKEN_REQUEST_URL,
    requestToken: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    getIdToken: async (audience) => (await loadCore()).core.getIDToken(audience),
    eventName: process.env.GITHUB_EVENT_NAME,
  };
  const job: JobContext = {
    eventName: process.env.GITHUB_EVENT_NAME,
    actionRef: process.env.GITHUB_ACTION_REF,
    actionRepository: process.env.GITHUB_ACTION_REPOSITORY,
  };
  let inputs: Inputs;
  try {
    inputs = parseInputs(readActionInput, (message) => {
      io.warning(message);
    });
    // An environment that names a Sigstore the run may not use stops it before any request.
    attestationPolicy(inputs.repositoryUrl, !inputs.password, inputs.attestations, process.env);
  } catch (error) {
    (await loadCore()).log.fail(failure(error));
    return;
  }
  const headStart = startOidcExchange(inputs, runner, job, {
    mask: (secret) => {
      io.setSecret(secret);
    },
    retry: { ...DEFAULT_RETRY_POLICY, attempts: inputs.retries + 1 },
    log: (message) => {
      io.info(message);
    },
  });
  // import() compiles a chunk before it returns, blocking the thread for tens of milliseconds: the
  // first request's connection and TLS handshake go first (they need the event loop), and the
  // chunks are compiled while its answer travels. @actions/core first (the runner's ID token needs
  // it), then the pipeline.
  try {
    if (headStart)
      await Promise.race([nextRequestWritten(FIRST_REQUEST_WAIT_MS), headStart.audience.then(nothing, nothing)]);
    await loadCore();
    await nextTurn();
    const { run } = await import('./main.js');
    await run(inputs, { io, runner, job, headStart, tuning, postStepRevokes: Boolean(process.env.GITHUB_STATE) });
  } catch (error) {
    (await loadCore()).log.fail(failure(error));
  }
}

if (isPostStep()) {
  const { revokeLeftoverTokens } = await import('./post.js');
  await revokeLeftoverTokens();
} else {
  await main();
}
