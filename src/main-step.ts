import * as core from '@actions/core';
import { formatError, PublishError } from './common/errors.js';
import { proxySecrets } from './common/proxy-secrets.js';
import { parseInputs } from './inputs/inputs.js';
import { run, testTiming, TEST_TIMING_VARIABLE, type ActionIO } from './main.js';
import { isPostStep, revokeLeftoverTokens } from './post.js';
import { stepLog } from './step-log.js';

const io: ActionIO = {
  // Every line goes through stepLog, the last guard before stdout (src/step-log.ts).
  info: stepLog.info,
  notice: (message) => {
    stepLog.notice(message);
  },
  warning: stepLog.warning,
  error: stepLog.error,
  setSecret: (secret) => {
    core.setSecret(secret);
  },
  setOutput: (name, value) => {
    core.setOutput(name, value);
  },
  debug: stepLog.debug,
  // Only through the runner's state file: the older stdout command would carry the token in the log.
  saveState: (name, value) => {
    if (process.env.GITHUB_STATE) core.saveState(name, value);
  },
  async writeSummary(markdown) {
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
    else stepLog.info(`\n${markdown}`);
  },
};

async function main(): Promise<void> {
  // Masked before any line that could carry outside text: a workflow command slipped into the log
  // can stop the runner from reading later `::add-mask::` lines, never unmask earlier ones.
  const password = core.getInput('password');
  if (password) core.setSecret(password);
  const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (requestToken) core.setSecret(requestToken);
  try {
    const inputs = parseInputs(
      (name) => core.getInput(name),
      (message) => {
        io.warning(message);
      },
    );
    await run(inputs, {
      io,
      tuning: testTiming(process.env[TEST_TIMING_VARIABLE]),
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
    stepLog.fail(
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
