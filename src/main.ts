import { fixedCredentials, mintedCredentials, type CredentialSource } from './index/credentials.js';
import { readDistMetadata } from './dists/dist-metadata.js';
import { hashFile } from './dists/digests.js';
import { discoverDists, type DistFile } from './dists/dists.js';
import { eventRefusal, passwordModeAdvice, pinningWarning, type JobContext } from './index/diagnostics.js';
import { formatError, PublishError } from './common/errors.js';
import { outside } from './common/log-text.js';
import { DEFAULT_IDLE_TIMEOUT_MS } from './index/http.js';
import type { Inputs } from './inputs/inputs.js';
import { checkMetadata, type FormField } from './dists/metadata.js';
import { decideDryRun } from './dry-run/act.js';
import { dryRun } from './dry-run/dry-run.js';
import { MintedTokens, type BurnLog } from './index/burn.js';
import { decodeClaims, mintUploadToken, runnerIdToken, type RunnerOidc } from './index/oidc.js';
import { attestDists, isAttestationFilename, withAttestationAdvice } from './attest/attest.js';
import { fileReport, outputs, summaryMarkdown, type FileReport } from './report/report.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './index/retry.js';
import { simpleIndexFor } from './index/simple-index.js';
import { projectName, publishDist, uploadFormFields, type PreparedDist } from './index/upload.js';
import { problemsMarkdown, verifyDist, type DistProblem } from './checks/verify.js';

/** Everything the run does to the outside world besides HTTP; `@actions/core` in the action, a recorder in tests. */
export interface ActionIO {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string, title?: string): void;
  /** An error annotation; the run's failure itself is reported by the caller. */
  error(message: string, title?: string): void;
  setSecret(secret: string): void;
  setOutput(name: string, value: string): void;
  writeSummary(markdown: string): Promise<void>;
  debug?(message: string): void;
  /** The step's state, which the post step reads (the upload tokens left to revoke). */
  saveState?(name: string, value: string): void;
}

/** Timings that are not inputs; tests shorten them. */
export interface Tuning {
  retry: Omit<RetryPolicy, 'attempts'>;
  idleTimeoutMs: number;
  /** Mint a new upload token when less than this is left on the current one. */
  tokenRenewMarginMs: number;
}

export const DEFAULT_TUNING: Tuning = {
  retry: {
    baseDelayMs: DEFAULT_RETRY_POLICY.baseDelayMs,
    maxDelayMs: DEFAULT_RETRY_POLICY.maxDelayMs,
    totalMs: DEFAULT_RETRY_POLICY.totalMs,
  },
  idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MS,
  tokenRenewMarginMs: 4 * 60_000,
};

export interface RunContext {
  io: ActionIO;
  runner: RunnerOidc;
  job?: JobContext;
  tuning?: Partial<Tuning>;
  /** Environment variables (RUNNER_TEMP, Sigstore URLs); process.env unless a test gives its own. */
  env?: Record<string, string | undefined>;
}

/**
 * Publishes every dist in packages-dir. Nothing is uploaded unless every file passes pre-flight.
 * Outputs and the job summary are written however it ends.
 */
export async function run(inputs: Inputs, context: RunContext): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  const attestationPaths: string[] = [];
  const summary: { dryRunPlan?: string } = {};
  try {
    await publishAll(inputs, context, reports, attestationPaths, summary);
  } catch (error) {
    await finish(context.io, inputs, reports, attestationPaths, error, summary.dryRunPlan);
    throw error;
  }
  await finish(context.io, inputs, reports, attestationPaths, undefined, summary.dryRunPlan);
  return reports;
}

async function publishAll(
  inputs: Inputs,
  {
    io,
    runner,
    job = { eventName: runner.eventName, actionRef: undefined, actionRepository: undefined },
    tuning: tuningOverrides,
    env = process.env,
  }: RunContext,
  reports: FileReport[],
  attestationPaths: string[],
  summary: { dryRunPlan?: string },
): Promise<void> {
  if (inputs.password) io.setSecret(inputs.password);
  const hasOidc = Boolean(runner.requestUrl && runner.requestToken);
  const underAct = env.ACT === 'true';
  const mode = decideDryRun({ requested: inputs.dryRun, underAct, hasPassword: Boolean(inputs.password), hasOidc });
  if (mode.notice) io.notice(mode.notice);
  const pinning = pinningWarning(job);
  if (pinning) io.warning(pinning, 'Pin actions by commit SHA');
  const tuning = { ...DEFAULT_TUNING, ...tuningOverrides };
  const retry: RetryPolicy = { ...tuning.retry, attempts: inputs.retries + 1 };
  const { dists, ignored: others } = await discoverDists(inputs.packagesDir);
  const ignored = others.filter((name) => !isAttestationFilename(name));
  if (ignored.length)
    io.notice(`Ignoring files in '${inputs.packagesDir}' that are not distributions: ${ignored.join(', ')}`);

  const { prepared, warnings } = await preflight(dists, inputs.verifyMetadata, io);
  for (const problem of warnings)
    io.warning(`${problem.file}: ${problem.field}: ${problem.message} ${problem.fix}`, 'Metadata');
  io.info(
    `Checked ${prepared.length} distribution${prepared.length === 1 ? '' : 's'}: ${prepared.map((p) => outside(p.dist.filename)).join(', ')}`,
  );
  if (inputs.printHash) {
    for (const { dist, digests } of prepared)
      io.info(`${outside(dist.filename)}\n  sha256:      ${digests.sha256}\n  blake2_256:  ${digests.blake2_256}`);
  }

  for (const item of prepared) reports.push(fileReport(item, 'not attempted', inputs.repositoryUrl));
  const refusal = eventRefusal(job, !inputs.password);
  if (refusal) throw refusal;
  const minted = new MintedTokens(inputs.repositoryUrl, (name, value) => io.saveState?.(name, value));
  const burnLog: BurnLog = {
    info: (message) => {
      io.info(message);
    },
    debug: (message) => io.debug?.(message),
    warning: (message) => {
      io.warning(message, 'Upload token');
    },
  };
  const credentials = credentialSource(inputs, runner, io, prepared, retry, tuning, minted);
  if (mode.dryRun) {
    const plan = await dryRun(prepared, {
      ...inputs,
      uploadUrl: inputs.repositoryUrl,
      simpleIndex: simpleIndexFor(inputs.repositoryUrl, inputs.checkUrl),
      hasOidc,
      credentials,
      burnTokens: () => minted.burnAll(burnLog),
      retry,
      env,
      log: (message) => {
        io.info(message);
      },
      reason: mode.notice,
    });
    summary.dryRunPlan = plan.markdown;
    if (plan.failure) throw plan.failure;
    return;
  }
  const context = {
    url: inputs.repositoryUrl,
    credentials,
    skipExisting: inputs.skipExisting,
    simpleIndex: simpleIndexFor(inputs.repositoryUrl, inputs.checkUrl),
    retry,
    idleTimeoutMs: tuning.idleTimeoutMs,
    log: (message: string) => {
      io.info(message);
    },
    warn: (message: string) => {
      io.warning(message);
    },
  };
  // Fail before the first upload, not halfway, when no token can be had.
  await context.credentials.current();
  const attested = await attestDists(
    prepared.map(({ dist, digests }) => ({ filename: dist.filename, sha256: digests.sha256 })),
    inputs,
    {
      identityToken: (audience) =>
        runnerIdToken(runner, audience, {
          mask: (s) => {
            io.setSecret(s);
          },
          retry,
          log: context.log,
        }),
      claimsOf: decodeClaims,
      retryDelayMs: tuning.retry.baseDelayMs,
      env,
      io,
    },
  );
  attestationPaths.push(...attested.written);
  for (const [index, item] of prepared.entries()) {
    item.attestations = attested.byFile.get(item.dist.filename)?.field;
    reports[index]!.attestations = attested.byFile.get(item.dist.filename)?.labels;
  }
  for (const [index, item] of prepared.entries()) {
    io.info(`Uploading ${outside(item.dist.filename)} (${item.dist.size} bytes) to ${inputs.repositoryUrl.href}`);
    if (inputs.verbose) io.info(`  form fields: ${describeFields(uploadFormFields(item))}`);
    reports[index]!.result = 'failed';
    const outcome = await publishDist(context, item).catch((error: unknown) => {
      throw withAttestationAdvice(error);
    });
    reports[index]!.result = outcome.result;
    if (inputs.verbose)
      io.info(
        `  ${outcome.status ? `the index answered ${outcome.status}` : 'no upload needed'} after ${outcome.milliseconds} ms, ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}`,
      );
    if (outcome.result === 'skipped')
      io.notice(`Skipped ${item.dist.filename}: ${outcome.note ?? 'the index already has it'}.`);
    else io.info(`Uploaded ${outside(item.dist.filename)}${outcome.note ? ` (${outside(outcome.note)})` : ''}`);
  }
  // After a failure the post step (src/post.ts) revokes them, from the step's state.
  await minted.burnAll(burnLog);
}

/** Every file read and checked before anything is sent; any error stops the run with all of them listed. */
async function preflight(
  dists: DistFile[],
  verifyMetadata: boolean,
  io: ActionIO,
): Promise<{ prepared: PreparedDist[]; warnings: DistProblem[] }> {
  const problems: DistProblem[] = [];
  const prepared: PreparedDist[] = [];
  const fromError = (dist: DistFile, error: PublishError): DistProblem => ({
    file: dist.filename,
    field: 'file',
    message: error.message,
    fix: error.hint ?? '',
    severity: 'error',
  });
  for (const dist of dists) {
    try {
      const read = await readDistMetadata(dist);
      const found = [
        ...checkMetadata(read.metadata, { dist, member: read.member }).map((e) => fromError(dist, e)),
        ...(verifyMetadata ? verifyDist({ dist, ...read }) : []),
      ];
      for (const problem of found) problems.push(problem);
      if (!found.some((p) => p.severity === 'error'))
        prepared.push({ dist, metadata: read.metadata, digests: await hashFile(dist.path) });
    } catch (error) {
      if (!(error instanceof PublishError)) throw error;
      problems.push(fromError(dist, error));
    }
  }
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    for (const problem of errors)
      io.error(
        `${problem.field === 'file' ? '' : `${problem.field}: `}${problem.message}\nHow to fix: ${problem.fix}`,
        problem.file,
      );
    const single = errors.length === 1;
    const list = errors.map(
      (p) =>
        `- ${p.field === 'file' ? '' : `${p.field}: `}${p.message.startsWith(p.file) ? p.message : `${p.file}: ${p.message}`}${single ? '' : `\n    How to fix: ${p.fix}`}`,
    );
    throw new PublishError(
      `Nothing was uploaded: ${single ? 'a problem was' : `${errors.length} problems were`} found before the upload.\n${list.join('\n')}`,
      {
        hint: single ? errors[0]!.fix : 'Fix each problem above (usually in pyproject.toml), rebuild, and run again.',
        details: problemsMarkdown(problems),
      },
    );
  }
  return { prepared, warnings: problems };
}

function credentialSource(
  inputs: Inputs,
  runner: RunnerOidc,
  io: ActionIO,
  prepared: PreparedDist[],
  retry: RetryPolicy,
  tuning: Tuning,
  minted: MintedTokens,
): CredentialSource {
  if (inputs.password) {
    const advice = passwordModeAdvice(inputs.repositoryUrl, inputs.user, inputs.password);
    for (const notice of advice.notices) io.notice(notice);
    for (const warning of advice.warnings) io.warning(warning);
    io.info(`Authenticating to ${inputs.repositoryUrl.host} as '${outside(inputs.user)}' with the given password.`);
    return fixedCredentials(inputs.user, inputs.password);
  }
  const projects = [...new Set(prepared.map(projectName))];
  const log = (message: string): void => {
    io.info(message);
  };
  const warned = new Set<string>();
  const warnOnce = (message: string): void => {
    if (!warned.has(message)) io.warning(message);
    warned.add(message);
  };
  const mint = async () => {
    io.info(
      `Exchanging this job's OIDC token for an upload token at ${inputs.repositoryUrl.origin} (trusted publishing).`,
    );
    const token = await mintUploadToken(inputs.repositoryUrl, runner, {
      mask: (secret) => {
        io.setSecret(secret);
      },
      projects,
      retry,
      log,
      warn: warnOnce,
    });
    minted.remember(token.token);
    if (inputs.verbose)
      io.info(
        `  exchanged a GitHub token with ${Object.entries(token.claims)
          .map(([k, v]) => `${outside(k)}=${outside(String(v))}`)
          .join(', ')}`,
      );
    return token;
  };
  return mintedCredentials(mint, log, tuning.tokenRenewMarginMs);
}

/** Outputs and the job summary. Failing to write them is a warning: it never changes the run's result or hides its error. */
async function finish(
  io: ActionIO,
  inputs: Inputs,
  reports: FileReport[],
  attestationPaths: string[],
  error?: unknown,
  dryRunPlan?: string,
): Promise<void> {
  const unwritten = (what: string, cause: unknown): void => {
    io.warning(
      `Could not write ${what}: ${outside(cause instanceof Error ? cause.message : String(cause))}. The run's result is not affected.`,
    );
  };
  try {
    const { uploaded, skipped } = outputs(reports);
    io.setOutput('uploaded', uploaded);
    io.setOutput('skipped', skipped);
    io.setOutput('attestations', JSON.stringify(attestationPaths));
  } catch (cause) {
    unwritten("the step's outputs (GITHUB_OUTPUT)", cause);
  }
  try {
    const failure =
      error === undefined
        ? undefined
        : error instanceof PublishError
          ? { message: formatError(error), details: error.details }
          : { message: error instanceof Error ? String(error) : JSON.stringify(error) };
    await io.writeSummary(dryRunPlan ?? summaryMarkdown(inputs.repositoryUrl, reports, failure));
  } catch (cause) {
    unwritten('the job summary (GITHUB_STEP_SUMMARY)', cause);
  }
}

/** Field names with short values; long ones (the description) only by length. */
function describeFields(fields: FormField[]): string {
  return fields
    .map(([name, value]) =>
      value.length > 80 || /[\r\n]/.test(value) ? `${name}=<${value.length} characters>` : `${name}=${outside(value)}`,
    )
    .join(', ');
}
