import type { ActionIO } from './common/action-io.js';
import { outside } from './common/log-text.js';
import { preflight } from './checks/preflight.js';
import type { Digests } from './dists/digests.js';
import { discoverDists } from './dists/dists.js';
import type { Inputs } from './inputs/inputs.js';
import { MintedTokens, type BurnLog } from './index/burn.js';
import { credentialSource } from './index/credential-source.js';
import { eventRefusal, pinningWarning, type JobContext } from './index/diagnostics.js';
import { startOidcExchange } from './index/head-start.js';
import { DEFAULT_IDLE_TIMEOUT_MS } from './index/http.js';
import { DEFAULT_DEADLINES, useDeadlines, type Deadlines } from './index/answer-limits.js';
import { decodeClaims, runnerIdToken, type OidcHeadStart, type RunnerOidc } from './index/oidc.js';
import { prepareInBackground } from './index/preparation.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './index/retry.js';
import { runFirstThenParallel } from './index/schedule.js';
import { simpleIndexFor } from './index/simple-index.js';
import { describeFields, projectName, publishDist, releaseVersion, uploadFormFields } from './index/upload.js';
import { attestDists, isAttestationFilename, withAttestationAdvice } from './attest/attest.js';
import { attestationPolicy } from './attest/policy.js';
import { DEFAULT_WAIT_BACKOFF, type WaitTiming } from './confirm/timing.js';
import { fileReport, type FileReport } from './report/report.js';
import { writeResults, type RunSummary } from './report/results.js';
import { decideDryRun } from './dry-run/act.js';

export type { ActionIO } from './common/action-io.js';

/** Timings that are not inputs; tests shorten them. */
export interface Tuning {
  retry: Omit<RetryPolicy, 'attempts'>;
  idleTimeoutMs: number;
  /** The total time a request may take (src/index/answer-limits.ts). */
  deadlines: Deadlines;
  /** Mint a new upload token when less than this is left on the current one. */
  tokenRenewMarginMs: number;
  /** `wait`'s back-off; timeoutMs, when set, replaces the input's seconds. */
  wait: Omit<WaitTiming, 'timeoutMs'> & { timeoutMs?: number };
}

export const DEFAULT_TUNING: Tuning = {
  retry: {
    baseDelayMs: DEFAULT_RETRY_POLICY.baseDelayMs,
    maxDelayMs: DEFAULT_RETRY_POLICY.maxDelayMs,
    totalMs: DEFAULT_RETRY_POLICY.totalMs,
  },
  idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MS,
  deadlines: DEFAULT_DEADLINES,
  tokenRenewMarginMs: 4 * 60_000,
  wait: DEFAULT_WAIT_BACKOFF,
};

export interface RunContext {
  io: ActionIO;
  runner: RunnerOidc;
  job?: JobContext;
  tuning?: Partial<Tuning>;
  /** Environment variables (RUNNER_TEMP, Sigstore URLs); process.env unless a test gives its own. */
  env?: Record<string, string | undefined>;
  /** The exchange's first requests, when the caller started them already (src/main-step.ts); else started here. */
  headStart?: OidcHeadStart | undefined;
  /**
   * The action's post step runs after this step and revokes the upload tokens left in its state
   * (io.saveState reaches it): the run then ends with its last upload, not with a revocation.
   */
  postStepRevokes?: boolean;
}

/**
 * Publishes every dist in packages-dir. Nothing is uploaded unless every file passes pre-flight.
 * Outputs and the job summary are written however it ends.
 */
export async function run(inputs: Inputs, context: RunContext): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  const attestationPaths: string[] = [];
  const summary: RunSummary = {};
  const background: Promise<unknown>[] = [];
  try {
    await publishAll(inputs, context, reports, attestationPaths, summary, background);
  } catch (error) {
    await Promise.allSettled(background);
    await writeResults(context.io, inputs.repositoryUrl, reports, attestationPaths, error, summary);
    throw error;
  }
  await Promise.allSettled(background);
  await writeResults(context.io, inputs.repositoryUrl, reports, attestationPaths, undefined, summary);
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
    headStart: startedHeadStart,
    postStepRevokes = false,
  }: RunContext,
  reports: FileReport[],
  attestationPaths: string[],
  summary: RunSummary,
  background: Promise<unknown>[],
): Promise<void> {
  // Both masked before any line that could carry outside text (see src/common/log-text.ts).
  if (inputs.password) io.setSecret(inputs.password);
  if (runner.requestToken) io.setSecret(runner.requestToken);
  const tuning = { ...DEFAULT_TUNING, ...tuningOverrides };
  useDeadlines({ ...DEFAULT_DEADLINES, ...tuningOverrides?.deadlines });
  const retry: RetryPolicy = { ...tuning.retry, attempts: inputs.retries + 1 };
  // Network first: the exchange's first requests leave before the dists are even found.
  const headStart =
    startedHeadStart ??
    startOidcExchange(inputs, runner, job, {
      mask: (secret) => {
        io.setSecret(secret);
      },
      retry,
      log: (message) => {
        io.info(message);
      },
    });
  const hasOidc = Boolean(runner.requestUrl && runner.requestToken);
  const underAct = env.ACT === 'true';
  const mode = decideDryRun({ requested: inputs.dryRun, underAct, hasPassword: Boolean(inputs.password), hasOidc });
  if (mode.notice) io.notice(mode.notice);
  // Asked to wait, a run that ends before the index serves every file says so: false, not empty.
  if (inputs.wait !== undefined && !mode.dryRun) summary.installable = false;
  const pinning = pinningWarning(job);
  if (pinning) io.warning(pinning, 'Pin actions by commit SHA');
  const { dists, ignored: others } = await discoverDists(inputs.packagesDir);
  const ignored = others.filter((name) => !isAttestationFilename(name));
  if (ignored.length)
    io.notice(`Ignoring files in '${inputs.packagesDir}' that are not distributions: ${ignored.join(', ')}`);

  const refusal = eventRefusal(job, !inputs.password);
  if (refusal) throw refusal;
  // Decided before anything is sent: it refuses a Sigstore named by the environment where none may be used.
  const signing = attestationPolicy(inputs.repositoryUrl, !inputs.password, inputs.attestations, env).attest;
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
  // The token exchange runs while the files are checked; its outcome counts only once they all pass.
  // (A token minted for a run that then fails pre-flight is revoked by the post step.)
  const credentials = credentialSource(inputs, runner, io, dists, retry, tuning.tokenRenewMarginMs, minted, headStart);
  const firstCredentials = credentials.current();
  background.push(firstCredentials.catch(() => undefined));

  const { checked, warnings } = await preflight(dists, inputs.verifyMetadata, io);
  for (const problem of warnings) {
    // An archive's warning names the file itself; a field's names the field.
    const where = problem.field === 'file' ? '' : `${problem.file}: ${problem.field}: `;
    io.warning(`${where}${problem.message} ${problem.fix}`, problem.field === 'file' ? 'Archive' : 'Metadata');
  }
  io.info(
    `Checked ${checked.length} distribution${checked.length === 1 ? '' : 's'}: ${checked.map((p) => outside(p.dist.filename)).join(', ')}`,
  );
  for (const item of checked) reports.push(fileReport(item, 'not attempted', inputs.repositoryUrl));
  const noteDigests = (index: number, { sha256, blake2_256 }: Digests): void => {
    const report = reports[index]!;
    if (report.sha256) return;
    report.sha256 = sha256;
    report.blake2_256 = blake2_256;
    if (inputs.printHash)
      io.info(`${outside(report.filename)}\n  sha256:      ${sha256}\n  blake2_256:  ${blake2_256}`);
  };
  const preparation = prepareInBackground(checked, noteDigests);
  background.push(preparation.settled);

  if (mode.dryRun) {
    // Loaded only when used: a real run has nothing of the dry run on its path, and vice versa.
    const { dryRun } = await import('./dry-run/dry-run.js');
    const plan = await dryRun(await preparation.all(), {
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
      wait: inputs.wait,
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
  await firstCredentials;
  // Signing covers every file at once, so with attestations the uploads wait for all digests.
  const attested = await attestDists(
    signing
      ? (await preparation.all()).map(({ dist, digests }) => ({ filename: dist.filename, sha256: digests.sha256 }))
      : [],
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
      retry,
      env,
      io,
    },
  );
  attestationPaths.push(...attested.written);
  for (const [index, item] of checked.entries()) {
    const attestation = attested.byFile.get(item.dist.filename);
    if (attestation) reports[index]!.attestations = attestation.labels;
  }
  await runFirstThenParallel(checked, inputs.parallel, async (_checked, index) => {
    const item = await preparation.at(index);
    item.attestations = attested.byFile.get(item.dist.filename)?.field;
    const report = reports[index]!;
    io.info(`Uploading ${outside(item.dist.filename)} (${item.dist.size} bytes) to ${inputs.repositoryUrl.href}`);
    if (inputs.verbose)
      io.info(
        `  form fields: ${describeFields(uploadFormFields(item))}${item.digests ? '' : '; after the file: sha256_digest, blake2_256_digest (hashed as it is sent)'}`,
      );
    report.result = 'failed';
    const outcome = await publishDist(context, item).catch((error: unknown) => {
      throw withAttestationAdvice(error);
    });
    report.result = outcome.result;
    // A large file's digests come from its upload, which hashed it on the way.
    if (outcome.digests) noteDigests(index, outcome.digests);
    if (inputs.verbose)
      io.info(
        `  ${outside(item.dist.filename)}: ${outcome.status ? `the index answered ${outcome.status}` : 'no upload needed'} after ${outcome.milliseconds} ms, ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}`,
      );
    if (outcome.result === 'skipped')
      io.notice(`Skipped ${outside(item.dist.filename)}: ${outcome.note ?? 'the index already has it'}.`);
    else io.info(`Uploaded ${outside(item.dist.filename)}${outcome.note ? ` (${outside(outcome.note)})` : ''}`);
  });
  // The step's state holds the tokens until they are burned (MintedTokens), and the post step
  // (src/post.ts) burns what it finds there: after a failure, and after a success too when there is
  // a post step, so that this run ends with its last upload instead of one more round trip. Not
  // when the run goes on to wait for the index: one round trip is nothing beside the wait, and the
  // token should not outlive the uploads by minutes.
  if (postStepRevokes && inputs.wait === undefined) {
    if (minted.count)
      io.info(
        `The upload token${minted.count === 1 ? ' is' : 's are'} revoked by this action's post step, at the end of the job.`,
      );
  } else await minted.burnAll(burnLog);
  if (inputs.wait === undefined) return;
  const prepared = await preparation.all();
  const { waitForIndex } = await import('./confirm/wait-for-index.js');
  const waited = await waitForIndex(
    reports.map((report, index) => ({
      ...report,
      project: projectName(prepared[index]!),
      version: releaseVersion(prepared[index]!),
      attested: Boolean(report.attestations?.length),
    })),
    {
      // parseInputs refuses `wait` where this is not known.
      simpleIndex: simpleIndexFor(inputs.repositoryUrl, inputs.checkUrl)!,
      timing: { ...tuning.wait, timeoutMs: tuning.wait.timeoutMs ?? inputs.wait * 1000 },
      env,
      io,
    },
  );
  for (const report of reports) report.installableAfterS = waited.installableAfterS.get(report.filename);
  summary.waitLine = waited.line;
  summary.installable = true;
}
