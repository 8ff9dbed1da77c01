// The action's post step (runs.post): burns the upload tokens the main step left in its state. It
// leaves them there on purpose (src/main.ts: its run then ends with its last upload), and a failed
// or cancelled main step leaves them too; a main step without a state file burns its own.
import * as core from '@actions/core';
import { proxySecrets } from './common/proxy-secrets.js';
import { BURN_STATE, burnToken } from './index/burn.js';
import { stepLogFor } from './step-log.js';

const stepLog = stepLogFor(core);

/** Never fails the job: revoking is a courtesy, the token expires by itself. */
export async function revokeLeftoverTokens(): Promise<void> {
  await post().catch((error: unknown) => {
    stepLog.warning(`Revoking the upload token failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}

async function post(): Promise<void> {
  // Masked before anything else can print them (a post step's log is a new log). The proxy's too:
  // the burn request may go through it, and an agent's debug output shows its credentials.
  for (const secret of proxySecrets(process.env)) core.setSecret(secret);
  const raw = core.getState(BURN_STATE.tokens);
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
    `Revoking ${tokens.length === 1 ? 'the upload token' : `the ${tokens.length} upload tokens`} the main step minted.`,
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
