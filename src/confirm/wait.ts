// `wait`: after the upload, poll the index's simple API until it serves every file of the run with
// this run's sha256 (and the release's version), then confirm the provenance of the files uploaded
// with attestations. Every request is public (no credentials) and asks past any cache; the wait's
// own deadline ends every request and the loop.
import { clipped } from '../common/log-text.js';
import { PublishError } from '../common/errors.js';
import { normalizeName } from '../dists/pep440.js';
import { TransportError } from '../index/http.js';
import { fetchProjectPage, projectPageUrl } from '../index/simple-index.js';
import { describeAnswer, fileState, pageAnswer, type AwaitedFile, type FileState, type PageAnswer } from './listing.js';
import { confirmProvenance, type ProvenanceRequest, type ProvenanceResult } from './provenance-check.js';
import { backoff, REQUEST_IDLE_MS, seconds, sleep, type WaitTiming } from './timing.js';

export type { AwaitedFile } from './listing.js';
export type { WaitTiming } from './timing.js';

/** A try started at the deadline still gets this long (at most the whole limit) to be answered. */
const LAST_TRY_MS = 5_000;

export interface WaitLog {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string, title: string): void;
}

export interface WaitRequest extends ProvenanceRequest {
  log: WaitLog;
}

export interface WaitResult {
  /** Per file, how long after the wait began the index first served it. */
  servedAfterMs: Map<string, number>;
  /** When the index served every file. */
  elapsedMs: number;
  tries: number;
  provenance: ProvenanceResult;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Throws a PublishError when the time runs out, the index serves other bytes, or it refuses to answer. */
export async function waitUntilServed(files: AwaitedFile[], request: WaitRequest): Promise<WaitResult> {
  const { timing, log } = request;
  const started = Date.now();
  const deadline = started + timing.timeoutMs;
  const projects = [...new Set(files.map((file) => normalizeName(file.project)))];
  const servedAfterMs = new Map<string, number>();
  const host = request.simpleIndex.host;
  log.info(
    `Waiting up to ${seconds(timing.timeoutMs)} s for ${request.simpleIndex.href} to serve ${plural(files.length, 'file')} with this run's sha256.`,
  );
  const nextPause = backoff(timing);
  for (let tries = 1; ; tries++) {
    const answers = new Map(
      await Promise.all(
        projects.map(
          async (project) => [project, await readPage(request.simpleIndex, project, deadline, timing)] as const,
        ),
      ),
    );
    const elapsed = Date.now() - started;
    const states = files.map((file) => ({ file, state: fileState(file, answers.get(normalizeName(file.project))!) }));
    const missing = states.filter((s) => s.state.kind !== 'listed');
    const remaining = deadline - Date.now();
    const pause = nextPause(remaining);
    const stopping =
      missing.some((s) => s.state.kind === 'different') || [...answers.values()].some((a) => a.kind === 'refused');
    log.debug(
      `wait: try ${tries} after ${seconds(elapsed)} s: ${[...answers].map(([project, answer]) => `${clipped(project, 100)}: ${describeAnswer(answer)}`).join('; ')}; ${files.length - missing.length} of ${files.length} files served${missing.length && remaining > 0 && !stopping ? `; next try in ${seconds(pause)} s` : ''}`,
    );
    for (const { file, state } of states) {
      if (state.kind === 'different') throw differentBytes(host, file, state.sha256);
      if (state.kind === 'listed' && !servedAfterMs.has(file.filename)) servedAfterMs.set(file.filename, elapsed);
    }
    const refused = [...answers].find(([, answer]) => answer.kind === 'refused');
    if (refused) throw refusedAnswer(request.simpleIndex, refused[0], refused[1]);
    if (!missing.length) {
      warnUncompared(states, host, log);
      log.info(
        `Installable after ${seconds(elapsed)} s (${tries === 1 ? '1 try' : `${tries} tries`}): ${host} serves all ${plural(files.length, 'file')} with this run's sha256, and lists ${releases(files)}.`,
      );
      const provenance = await confirmProvenance(files, answers, request, deadline);
      return { servedAfterMs, elapsedMs: elapsed, tries, provenance };
    }
    if (remaining <= 0) throw timedOut(request.simpleIndex, timing.timeoutMs, missing, answers);
    await sleep(pause);
  }
}

async function readPage(simpleIndex: URL, project: string, deadline: number, timing: WaitTiming): Promise<PageAnswer> {
  const timeLeft = Math.max(deadline - Date.now(), Math.min(LAST_TRY_MS, timing.timeoutMs));
  try {
    const response = await fetchProjectPage(simpleIndex, project, {
      idleTimeoutMs: REQUEST_IDLE_MS,
      signal: AbortSignal.timeout(timeLeft),
    });
    return pageAnswer(response);
  } catch (error) {
    if (error instanceof TransportError) return { kind: 'unavailable', reason: clipped(error.message) };
    throw error;
  }
}

function releases(files: AwaitedFile[]): string {
  const names = [...new Set(files.map((file) => `${clipped(file.project, 100)} ${clipped(file.version, 60)}`))];
  return `${names.length === 1 ? 'the release' : 'the releases'} ${names.join(', ')}`;
}

function warnUncompared(states: { file: AwaitedFile; state: FileState }[], host: string, log: WaitLog): void {
  const uncompared = states.filter((s) => s.state.kind === 'listed' && !s.state.sha256Compared);
  if (uncompared.length)
    log.warning(
      `${host} lists ${uncompared.map((s) => clipped(s.file.filename)).join(', ')} without a sha256, so what it serves could not be compared with this run's files.`,
      'Wait',
    );
}

const NOTHING_TO_REUPLOAD = 'The upload itself succeeded: nothing needs re-uploading.';

function timedOut(
  simpleIndex: URL,
  timeoutMs: number,
  missing: { file: AwaitedFile; state: FileState }[],
  answers: Map<string, PageAnswer>,
): PublishError {
  const still = missing.map(
    ({ file, state }) => `${clipped(file.filename)} (${state.kind === 'missing' ? state.why : ''})`,
  );
  const last = [...answers].map(
    ([project, answer]) => `${projectPageUrl(simpleIndex, project).href} answered ${describeAnswer(answer)}`,
  );
  return new PublishError(
    `Waited ${seconds(timeoutMs)} s, but ${simpleIndex.host} does not serve every file yet: ${still.join(', ')}. Last: ${last.join('; ')}. ${NOTHING_TO_REUPLOAD}`,
    {
      hint: "If the index is slow to publish, raise 'wait' (a number of seconds, up to 3600); re-running the job with 'skip-existing: true' waits again without uploading anything. If 'check-url' is a mirror, it may lag behind the index.",
    },
  );
}

function differentBytes(host: string, file: AwaitedFile, theirs: string): PublishError {
  return new PublishError(
    `${host} serves ${clipped(file.filename)} with sha256 ${clipped(theirs, 64)}, but this run's file has ${file.sha256}: the index serves different bytes.`,
    {
      file: file.filename,
      hint: "Do not install this release until this is explained: compare the file on the index with this run's (print-hash: true). If 'check-url' is a mirror or proxy, it serves another copy than the index holds. A file on PyPI can never be replaced: if the index's copy is wrong, publish a new version.",
    },
  );
}

function refusedAnswer(simpleIndex: URL, project: string, answer: PageAnswer): PublishError {
  return new PublishError(
    `While waiting for the release, ${projectPageUrl(simpleIndex, project).href} answered ${describeAnswer(answer)}; waiting longer would not change that. ${NOTHING_TO_REUPLOAD}`,
    {
      hint: "The wait reads the simple API without credentials: set 'check-url' to a simple API anyone can read (for PyPI and TestPyPI it is known), or leave 'wait' off.",
    },
  );
}

/** The job summary's line: "installable after 7 s; provenance confirmed for 2 files". */
export function waitSummaryLine(result: WaitResult): string {
  const { checked, confirmed } = result.provenance;
  const provenance = checked
    ? `; provenance confirmed for ${confirmed === checked ? plural(checked, 'file') : `${confirmed} of ${plural(checked, 'file')} (see the warnings)`}`
    : '';
  return `installable after ${seconds(result.elapsedMs)} s${provenance}`;
}

/** What a dry run says `wait` would do. */
export function describeWait(limitSeconds: number, simpleIndex: URL, fileCount: number, attested: boolean): string {
  return `would then wait up to ${limitSeconds} s for ${simpleIndex.href} to serve the ${plural(fileCount, 'file')} with this run's sha256${attested ? ', and confirm the provenance of the files uploaded with attestations' : ''}; a dry run does not wait`;
}
