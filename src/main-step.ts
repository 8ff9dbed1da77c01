import * as core from '@actions/core';
import { formatError, PublishError } from './common/errors.js';
import { commandSafe } from './common/log-text.js';
import { proxySecrets } from './common/proxy-secrets.js';
import { parseInputs } from './inputs/inputs.js';
import { run, type ActionIO } from './main.js';
import { isPostStep, revokeLeftoverTokens } from './post.js';

const io: ActionIO = {
  // The last guard: no line of an info message may read as a workflow command.
  info: (message) => {
    core.info(commandSafe(message));
  },
  notice: (message) => {
    core.notice(message);
  },
  warning: (message, title) => {
    core.warning(message, title ? { title } : {});
  },
  error: (message, title) => {
    core.error(message, title ? { title } : {});
  },
  setSecret: (secret) => {
    core.setSecret(secret);
  },
  setOutput: (name, value) => {
    core.setOutput(name, value);
  },
  debug: (message) => {
    core.debug(message);
  },
  // Only through the runner's state file: the older stdout command would carry the token in the log.
  saveState: (name, value) => {
    if (process.env.GITHUB_STATE) core.saveState(name, value);
  },
  async writeSummary(markdown) {
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
    else core.info(commandSafe(`\n${markdown}`));
  },
};

async function main(): Promise<void> {
  // Masked before anything else can print it.
  const password = core.getInput('password');
  if (password) core.setSecret(password);
  try {
    const inputs = parseInputs(
      (name) => core.getInput(name),
      (message) => {
        io.warning(message);
      },
    );
    await run(inputs, {
      io,
      runner: {
        requestUrl: process.env.ACTIONS_ID_TOKEN_REQUEST_URL,
        requestToken: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
        getIdToken: (audience) => core.getIDToken(audience),
        eventName: process.env.GITHUB_EVENT_NAME,
      },
      job: {
        eventName: process.env.GITHUB_EVENT_NAME,
        actionRef: process.env.GITHUB_ACTION_REF,
        actionRepository: process.env.GITHUB_ACTION_REPOSITORY,
      },
    });
  } catch (error) {
    core.setFailed(
      error instanceof PublishError
        ? formatError(error)
        : `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}

// Both steps send requests, perhaps through a proxy whose credentials an agent's debug output shows.
for (const secret of proxySecrets(process.env)) core.setSecret(secret);
// action.yml runs this bundle twice: as the main step (dist/index.js), and as the post step through
// dist/post.js, which flags it in this process.
if (isPostStep()) await revokeLeftoverTokens();
else await main();
