// The action's post step (runs.post): burns the upload tokens a failed or cancelled main step left
// in its state. A main step that finished burns its own tokens and leaves the state empty.
import * as core from '@actions/core';
import { BURN_STATE, burnToken } from './index/burn.js';
import { stepLog } from './step-log.js';

/**
 * Set by dist/post.js (action.yml's runs.post, written by scripts/build.ts) before it loads the
 * bundle. Neither the step's state nor the environment can tell the steps apart: an earlier step
 * writes both through GITHUB_ENV (`STATE_post-step=true` once turned the main step into a no-op).
 */
const POST_STEP_FLAG = Symbol.for('pypi-oidc-publish.post-step');

export function isPostStep(): boolean {
  return (globalThis as Record<symbol, unknown>)[POST_STEP_FLAG] === true;
}

/** Never fails the job: revoking is a courtesy, the token expires by itself. */
export async function revokeLeftoverTokens(): Promise<void> {
  await post().catch((error: unknown) => {
    stepLog.warning(`Revoking the upload token failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}

async function post(): Promise<void> {
  const raw = core.getState(BURN_STATE.tokens);
  // Masked before anything else can print them (a post step's log is a new log).
  if (raw) core.setSecret(raw);
  const tokens = parseTokens(raw);
  for (const token of tokens) core.setSecret(token);
  if (!tokens.length) {
    stepLog.debug('No upload token is left to revoke.');
    return;
  }
  let indexUrl: URL;
  try {
    indexUrl = new URL(core.getState(BURN_STATE.indexUrl));
  } catch {
    stepLog.warning(
      'The upload token could not be revoked: the main step saved no valid index URL. It expires by itself within 15 minutes.',
    );
    return;
  }
  stepLog.info(
    `The main step ended before revoking ${tokens.length === 1 ? 'its upload token' : `${tokens.length} upload tokens`}; revoking now.`,
  );
  for (const token of tokens) await burnToken(indexUrl, token, stepLog);
}

function parseTokens(raw: string): string[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string' && t.length > 0) : [];
  } catch {
    return [];
  }
}
