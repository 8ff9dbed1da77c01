// The bundle's entry, for both steps (action.yml runs it as `main` and as `post`). Network first: it
// reads the inputs and sends trusted publishing's first requests before anything heavy is loaded;
// @actions/core (with @actions/http-client and undici's index) and the pipeline (main.ts: the
// checks, hashing, the upload form, reporting) are chunks of their own, loaded with import() while
// those requests are on the network. scripts/bench/startup-profile.ts measures what each costs.
import type * as Core from '@actions/core';
import { setFlagsFromString } from 'node:v8';
import type { ActionIO } from './common/action-io.js';
import { formatError, PublishError } from './common/errors.js';
import { withoutGlobalHeaders } from './common/global-headers.js';
import { commandSafe } from './common/log-text.js';
import type { JobContext } from './index/diagnostics.js';
import { startOidcExchange } from './index/head-start.js';
import { nextRequestWritten } from './index/http.js';
import type { RunnerOidc } from './index/oidc.js';
import { DEFAULT_RETRY_POLICY } from './index/retry.js';
import { parseInputs, readActionInput, type Inputs } from './inputs/inputs.js';

/**
 * WebAssembly (undici's HTTP parser, hash-wasm's BLAKE2b) starts on V8's baseline compiler and is
 * recompiled with the optimizing one once it has run for a while ("tiering"). With V8's budget for
 * that, parsing a few small answers is enough: the HTTP parser's large state machine is then
 * recompiled on another thread, which took 15 to 20 MiB of memory, competed with the run for the
 * CPU, and, when it happened late, held up the exit until it was done (process exit waits for V8's
 * compile jobs). With a budget this large, a run of small files recompiles nothing, and hashing a
 * large file reaches the optimized BLAKE2b after its first few MiB. Set before any WebAssembly is
 * compiled; measured in docs/notes-h16.md.
 */
setFlagsFromString('--wasm-tiering-budget=200000000');

/** Saved by the main step as soon as it can: one bundle serves both steps, and this tells them apart. */
const POST_MARKER = 'post-step';

let core: typeof Core | undefined;
/** Lines (and state) written before @actions/core is loaded wait here, in order. */
const held: ((loaded: typeof Core) => void)[] = [];
/** Every secret seen; those seen before @actions/core is loaded are masked first thing when it is. */
const secrets = new Set<string>();

function emit(write: (loaded: typeof Core) => void): void {
  if (core) write(core);
  else held.push(write);
}

const io: ActionIO = {
  // The last guard: no line of an info message may read as a workflow command.
  info: (message) => {
    emit((loaded) => {
      loaded.info(commandSafe(message));
    });
  },
  notice: (message) => {
    emit((loaded) => {
      loaded.notice(message);
    });
  },
  warning: (message, title) => {
    emit((loaded) => {
      loaded.warning(message, title ? { title } : {});
    });
  },
  error: (message, title) => {
    emit((loaded) => {
      loaded.error(message, title ? { title } : {});
    });
  },
  setSecret: (secret) => {
    if (!secret || secrets.has(secret)) return;
    secrets.add(secret);
    core?.setSecret(secret);
  },
  setOutput: (name, value) => {
    emit((loaded) => {
      loaded.setOutput(name, value);
    });
  },
  debug: (message) => {
    emit((loaded) => {
      loaded.debug(message);
    });
  },
  // Only through the runner's state file: the older stdout command would carry the token in the log.
  saveState: (name, value) => {
    if (process.env.GITHUB_STATE)
      emit((loaded) => {
        loaded.saveState(name, value);
      });
  },
  async writeSummary(markdown) {
    const loaded = await loadCore();
    if (process.env.GITHUB_STEP_SUMMARY) await loaded.summary.addRaw(markdown).write();
    else loaded.info(commandSafe(`\n${markdown}`));
  },
};

/**
 * @actions/core, once the post marker is saved and every secret known so far is masked; then the
 * lines held until now are written. Started by whoever needs it first.
 */
let coreLoaded: Promise<typeof Core> | undefined;
function loadCore(): Promise<typeof Core> {
  coreLoaded ??= withoutGlobalHeaders(() => import('@actions/core')).then((loaded) => {
    if (process.env.GITHUB_STATE) loaded.saveState(POST_MARKER, 'true');
    for (const secret of secrets) loaded.setSecret(secret);
    core = loaded;
    for (const write of held.splice(0)) write(loaded);
    return loaded;
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

/** core.getState's rule, read directly: the post step is known before anything is loaded. */
function isPostStep(): boolean {
  return process.env[`STATE_${POST_MARKER}`] === 'true';
}

function failure(error: unknown): string {
  return error instanceof PublishError
    ? formatError(error)
    : `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

async function main(): Promise<void> {
  // Masked before anything else can print them (nothing is printed before @actions/core is loaded).
  io.setSecret(readActionInput('password'));
  io.setSecret(process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '');
  const runner: RunnerOidc = {
    requestUrl: process.env.ACTIONS_ID_TOKEN_REQUEST_URL,
    requestToken: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    getIdToken: async (audience) => (await loadCore()).getIDToken(audience),
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
  } catch (error) {
    (await loadCore()).setFailed(failure(error));
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
    await run(inputs, { io, runner, job, headStart, postStepRevokes: Boolean(process.env.GITHUB_STATE) });
  } catch (error) {
    (await loadCore()).setFailed(failure(error));
  }
}

if (isPostStep()) {
  const { revokeLeftoverTokens } = await import('./post.js');
  await revokeLeftoverTokens();
} else {
  await main();
}
