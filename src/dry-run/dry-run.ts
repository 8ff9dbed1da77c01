import { PublishError } from '../common/errors.js';
import type { CredentialSource } from '../index/credentials.js';
import type { RetryPolicy } from '../index/retry.js';
import type { HashedDist } from '../index/preparation.js';
import { projectName, releaseVersion } from '../index/upload.js';
import { describeWait } from '../confirm/wait.js';
import { planAttestations } from './attestation-plan.js';
import { lookupCredentials } from '../index/simple-index.js';
import { readIndexState } from './index-state.js';
import { planFiles } from './plan.js';
import {
  dryRunSucceeds,
  planLogLines,
  planMarkdown,
  verdict,
  type AuthCheck,
  type DryRunReport,
} from './plan-report.js';

export interface DryRunContext {
  uploadUrl: URL;
  simpleIndex: URL | undefined;
  user: string;
  password: string;
  attestations: boolean;
  packagesDir: string;
  /** The environment (the attestation policy reads its test override there). */
  env: Record<string, string | undefined>;
  /** ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN are both set. */
  hasOidc: boolean;
  credentials: CredentialSource;
  /** Revokes the tokens minted for the authentication check; best effort, never throws. */
  burnTokens: () => Promise<unknown>;
  retry: RetryPolicy;
  log: (message: string) => void;
  /** Why this is a dry run when nobody asked for one. */
  reason?: string | undefined;
  /** The `wait` input's seconds: the plan says what it would do. */
  wait?: number | undefined;
  now?: Date;
}

export interface DryRunResult {
  /** The plan, for the job summary. */
  markdown: string;
  /** Set when the real run would fail: the step fails with it, so that its exit code says so. */
  failure?: PublishError;
}

/**
 * Everything a real run would do up to the upload, read-only: the token exchange (its token burned
 * at once), then what the index has; the plan is logged.
 */
export async function dryRun(prepared: HashedDist[], context: DryRunContext): Promise<DryRunResult> {
  const auth = await checkAuthentication(context);
  const releases = prepared.map((item) => ({ project: projectName(item), version: releaseVersion(item) }));
  const state = await readIndexState(releases, {
    simpleIndex: context.simpleIndex,
    credentials: context.simpleIndex
      ? lookupCredentials(context.uploadUrl, context.simpleIndex, {
          user: context.user,
          password: context.password,
          trustedPublishing: !context.password,
        })
      : undefined,
    uploadUrl: context.uploadUrl,
    retry: context.retry,
    log: context.log,
  });
  const files = planFiles({
    files: prepared.map((item, index) => ({
      filename: item.dist.filename,
      kind: item.dist.kind,
      size: item.digests.size,
      sha256: item.digests.sha256,
      ...releases[index]!,
    })),
    ...state,
    now: context.now ?? new Date(),
  });
  const attestations = await planAttestations({
    attestations: context.attestations,
    password: context.password,
    repositoryUrl: context.uploadUrl,
    packagesDir: context.packagesDir,
    env: context.env,
    files: files.map(({ filename, sha256 }) => ({ filename, sha256 })),
  });
  const served = files.filter((file) => file.action !== 'fail').length;
  const wait =
    context.wait !== undefined && context.simpleIndex
      ? describeWait(context.wait, context.simpleIndex, served, Boolean(attestations.files?.size))
      : undefined;
  const report: DryRunReport = {
    indexUrl: context.uploadUrl,
    files,
    auth,
    attestations,
    reason: context.reason,
    unreached: state.unreached,
    wait,
  };
  for (const line of planLogLines(report)) context.log(line);
  const markdown = planMarkdown(report);
  if (dryRunSucceeds(report)) return { markdown };
  const problems = [
    ...files.filter((f) => f.action === 'fail').map((f) => `- ${f.filename}: ${f.reason}`),
    ...(auth.kind === 'failed' ? [`- authentication: ${auth.detail}`] : []),
  ];
  const failure = new PublishError(`Dry run: ${verdict(report)}\n${problems.join('\n')}`, {
    hint: 'Fix what each line above names before the real run; nothing was uploaded.',
    details: markdown,
  });
  return { markdown, failure };
}

async function checkAuthentication(context: DryRunContext): Promise<AuthCheck> {
  if (context.password) {
    return {
      kind: 'not-tried',
      detail: `with a password (user '${context.user}'), the index checks the token only when a file is uploaded, so a dry run cannot tell whether it works`,
    };
  }
  if (!context.hasOidc) {
    return {
      kind: 'not-tried',
      detail:
        'trusted publishing, but this job has no OIDC environment (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set), so the token exchange was not tried; on GitHub it needs `permissions: id-token: write`',
    };
  }
  try {
    await context.credentials.current();
    return {
      kind: 'ok',
      detail: `trusted publishing: ${context.uploadUrl.host} exchanged this job's OIDC token for an upload token (revoked again at once)`,
    };
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    return { kind: 'failed', detail: error.hint ? `${error.message} How to fix: ${error.hint}` : error.message };
  } finally {
    await context.burnTokens();
  }
}
