// The action's post step (runs.post): burns the upload tokens a failed or cancelled main step left
// in its state. A main step that finished burns its own tokens and leaves the state empty.
import * as core from '@actions/core';
import { BURN_STATE, burnToken } from './index/burn.js';
import { stepLog } from './step-log.js';

/** Saved by the main step first thing: one bundle serves both steps, and this tells them apart. */
const POST_MARKER = 'post-step';

export function isPostStep(): boolean {
  return core.getState(POST_MARKER) === 'true';
}

export function markMainStepStarted(): void {
  if (process.env.GITHUB_STATE) core.saveState(POST_MARKER, 'true');
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
