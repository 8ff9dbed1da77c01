import { readDistMetadata } from './dist-metadata.js';
import { hashFile } from './digests.js';
import { discoverDists, type DistFile } from './dists.js';
import { combineErrors, formatError, PublishError } from './errors.js';
import type { Inputs } from './inputs.js';
import { checkMetadata, getField } from './metadata.js';
import { mintUploadToken, type RunnerOidc } from './oidc.js';
import { fileReport, outputs, summaryMarkdown, type FileReport } from './report.js';
import type { FormField } from './metadata.js';
import { uploadDist, uploadFormFields, type Credentials, type PreparedDist } from './upload.js';

/** Everything the run does to the outside world besides HTTP; `@actions/core` in the action, a recorder in tests. */
export interface ActionIO {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  setSecret(secret: string): void;
  setOutput(name: string, value: string): void;
  writeSummary(markdown: string): Promise<void>;
}

export interface RunContext {
  io: ActionIO;
  runner: RunnerOidc;
}

/** Publishes every dist in packages-dir. Nothing is uploaded unless every file passes pre-flight. */
export async function run(inputs: Inputs, { io, runner }: RunContext): Promise<FileReport[]> {
  if (inputs.password) io.setSecret(inputs.password);
  const { dists, ignored } = await discoverDists(inputs.packagesDir);
  if (ignored.length) io.notice(`Ignoring files in '${inputs.packagesDir}' that are not distributions: ${ignored.join(', ')}`);

  const prepared = await preflight(dists);
  io.info(`Checked ${prepared.length} distribution${prepared.length === 1 ? '' : 's'}: ${prepared.map((p) => p.dist.filename).join(', ')}`);
  if (inputs.printHash) {
    for (const { dist, digests } of prepared) io.info(`${dist.filename}\n  sha256:      ${digests.sha256}\n  blake2_256:  ${digests.blake2_256}`);
  }

  const reports = prepared.map((p) => fileReport(p, 'not attempted', inputs.repositoryUrl));
  try {
    const credentials = await obtainCredentials(inputs, runner, io, prepared);
    for (const [index, item] of prepared.entries()) {
      io.info(`Uploading ${item.dist.filename} (${item.dist.size} bytes) to ${inputs.repositoryUrl.href}`);
      if (inputs.verbose) io.info(`  form fields: ${describeFields(uploadFormFields(item))}`);
      reports[index]!.result = 'failed';
      const { result, status, milliseconds } = await uploadDist(inputs.repositoryUrl, credentials, item, inputs.skipExisting);
      reports[index]!.result = result;
      if (inputs.verbose) io.info(`  the index answered ${status} after ${milliseconds} ms`);
      if (result === 'skipped') io.notice(`Skipped ${item.dist.filename}: the index already has a file of that name (skip-existing).`);
      else io.info(`Uploaded ${item.dist.filename}`);
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

async function obtainCredentials(inputs: Inputs, runner: RunnerOidc, io: ActionIO, prepared: PreparedDist[]): Promise<Credentials> {
  if (inputs.password) {
    io.info(`Authenticating to ${inputs.repositoryUrl.host} as '${inputs.user}' with the given password.`);
    return { user: inputs.user, password: inputs.password, trustedPublishing: false };
  }
  io.info(`Exchanging this job's OIDC token for an upload token at ${inputs.repositoryUrl.origin} (trusted publishing).`);
  const projects = [...new Set(prepared.map((p) => getField(p.metadata, 'Name') ?? p.dist.name))];
  const { token, expires, claims } = await mintUploadToken(inputs.repositoryUrl, runner, (secret) => io.setSecret(secret), projects);
  io.info(`Got an upload token${expires ? `, valid until ${new Date(expires * 1000).toISOString()}` : ''}.`);
  if (inputs.verbose) io.info(`  exchanged a GitHub token with ${Object.entries(claims).map(([k, v]) => `${k}=${String(v)}`).join(', ')}`);
  return { user: '__token__', password: token, trustedPublishing: true };
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
