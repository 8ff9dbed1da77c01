import { fixedCredentials, mintedCredentials, type CredentialSource } from './credentials.js';
import { readDistMetadata } from './dist-metadata.js';
import { hashFile } from './digests.js';
import { discoverDists, type DistFile } from './dists.js';
import { combineErrors, formatError, PublishError } from './errors.js';
import { DEFAULT_IDLE_TIMEOUT_MS } from './http.js';
import type { Inputs } from './inputs.js';
import { checkMetadata, getField, type FormField } from './metadata.js';
import { mintUploadToken, type RunnerOidc } from './oidc.js';
import { fileReport, outputs, summaryMarkdown, type FileReport } from './report.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import { simpleIndexFor } from './simple-index.js';
import { publishDist, uploadFormFields, type PreparedDist } from './upload.js';

/** Everything the run does to the outside world besides HTTP; `@actions/core` in the action, a recorder in tests. */
export interface ActionIO {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  setSecret(secret: string): void;
  setOutput(name: string, value: string): void;
  writeSummary(markdown: string): Promise<void>;
}

/** Timings that are not inputs; tests shorten them. */
export interface Tuning {
  retry: Omit<RetryPolicy, 'attempts'>;
  idleTimeoutMs: number;
  /** Mint a new upload token when less than this is left on the current one. */
  tokenRenewMarginMs: number;
}

export const DEFAULT_TUNING: Tuning = {
  retry: { baseDelayMs: DEFAULT_RETRY_POLICY.baseDelayMs, maxDelayMs: DEFAULT_RETRY_POLICY.maxDelayMs, totalMs: DEFAULT_RETRY_POLICY.totalMs },
  idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MS,
  tokenRenewMarginMs: 4 * 60_000,
};

export interface RunContext {
  io: ActionIO;
  runner: RunnerOidc;
  tuning?: Partial<Tuning>;
}

/** Publishes every dist in packages-dir. Nothing is uploaded unless every file passes pre-flight. */
export async function run(inputs: Inputs, { io, runner, tuning: tuningOverrides }: RunContext): Promise<FileReport[]> {
  if (inputs.password) io.setSecret(inputs.password);
  const tuning = { ...DEFAULT_TUNING, ...tuningOverrides };
  const retry: RetryPolicy = { ...tuning.retry, attempts: inputs.retries + 1 };
  const { dists, ignored } = await discoverDists(inputs.packagesDir);
  if (ignored.length) io.notice(`Ignoring files in '${inputs.packagesDir}' that are not distributions: ${ignored.join(', ')}`);

  const prepared = await preflight(dists);
  io.info(`Checked ${prepared.length} distribution${prepared.length === 1 ? '' : 's'}: ${prepared.map((p) => p.dist.filename).join(', ')}`);
  if (inputs.printHash) {
    for (const { dist, digests } of prepared) io.info(`${dist.filename}\n  sha256:      ${digests.sha256}\n  blake2_256:  ${digests.blake2_256}`);
  }

  const reports = prepared.map((p) => fileReport(p, 'not attempted', inputs.repositoryUrl));
  try {
    const context = {
      url: inputs.repositoryUrl,
      credentials: credentialSource(inputs, runner, io, prepared, retry, tuning),
      skipExisting: inputs.skipExisting,
      simpleIndex: simpleIndexFor(inputs.repositoryUrl, inputs.checkUrl),
      retry,
      idleTimeoutMs: tuning.idleTimeoutMs,
      log: (message: string) => io.info(message),
      warn: (message: string) => io.warning(message),
    };
    // Fail before the first upload, not halfway, when no token can be had.
    await context.credentials.current();
    for (const [index, item] of prepared.entries()) {
      io.info(`Uploading ${item.dist.filename} (${item.dist.size} bytes) to ${inputs.repositoryUrl.href}`);
      if (inputs.verbose) io.info(`  form fields: ${describeFields(uploadFormFields(item))}`);
      reports[index]!.result = 'failed';
      const outcome = await publishDist(context, item);
      reports[index]!.result = outcome.result;
      if (inputs.verbose) io.info(`  ${outcome.status ? `the index answered ${outcome.status}` : 'no upload needed'} after ${outcome.milliseconds} ms, ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}`);
      if (outcome.result === 'skipped') io.notice(`Skipped ${item.dist.filename}: ${outcome.note ?? 'the index already has it'}.`);
      else io.info(`Uploaded ${item.dist.filename}${outcome.note ? ` (${outcome.note})` : ''}`);
    }
  } catch (error) {
    await finish(io, inputs, reports, error instanceof PublishError ? formatError(error) : String(error));
    throw error;
  }
  await finish(io, inputs, reports);
  return reports;
}

async function preflight(dists: DistFile[]): Promise<PreparedDist[]> {
  const problems: PublishError[] = [];
  const prepared: PreparedDist[] = [];
  for (const dist of dists) {
    try {
      const { metadata, member } = await readDistMetadata(dist);
      const found = checkMetadata(metadata, { dist, member });
      problems.push(...found);
      if (found.length === 0) prepared.push({ dist, metadata, digests: await hashFile(dist.path) });
    } catch (error) {
      if (!(error instanceof PublishError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length) {
    const error = combineErrors(problems);
    throw new PublishError(`Nothing was uploaded: ${problems.length === 1 ? 'a distribution failed' : `${problems.length} problems were found in`} the pre-flight check.\n${error.message}`, { hint: error.hint });
  }
  return prepared;
}

function credentialSource(inputs: Inputs, runner: RunnerOidc, io: ActionIO, prepared: PreparedDist[], retry: RetryPolicy, tuning: Tuning): CredentialSource {
  if (inputs.password) {
    io.info(`Authenticating to ${inputs.repositoryUrl.host} as '${inputs.user}' with the given password.`);
    return fixedCredentials(inputs.user, inputs.password);
  }
  const projects = [...new Set(prepared.map((p) => getField(p.metadata, 'Name') ?? p.dist.name))];
  const log = (message: string): void => io.info(message);
  const mint = async () => {
    io.info(`Exchanging this job's OIDC token for an upload token at ${inputs.repositoryUrl.origin} (trusted publishing).`);
    const token = await mintUploadToken(inputs.repositoryUrl, runner, { mask: (secret) => io.setSecret(secret), projects, retry, log });
    if (inputs.verbose) io.info(`  exchanged a GitHub token with ${Object.entries(token.claims).map(([k, v]) => `${k}=${String(v)}`).join(', ')}`);
    return token;
  };
  return mintedCredentials(mint, log, tuning.tokenRenewMarginMs);
}

async function finish(io: ActionIO, inputs: Inputs, reports: FileReport[], error?: string): Promise<void> {
  const { uploaded, skipped } = outputs(reports);
  io.setOutput('uploaded', uploaded);
  io.setOutput('skipped', skipped);
  await io.writeSummary(summaryMarkdown(inputs.repositoryUrl, reports, error));
}

/** Field names with short values; long ones (the description) only by length. */
function describeFields(fields: FormField[]): string {
  return fields.map(([name, value]) => (value.length > 80 || value.includes('\n') ? `${name}=<${value.length} characters>` : `${name}=${value}`)).join(', ');
}
