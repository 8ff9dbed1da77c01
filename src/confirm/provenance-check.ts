// Once the index serves the files, the provenance it shows for those uploaded with attestations:
// fetched from the file's `provenance` URL on its simple page (PEP 740), or else from PyPI's
// Integrity API, and judged by provenance.ts. A missing or mismatching provenance is a warning:
// the upload itself succeeded.
import { clipped } from '../common/log-text.js';
import { normalizeName } from '../dists/pep440.js';
import { statusLine, TransportError } from '../index/http.js';
import { fetchProvenance, integrityUrl, parseProvenance } from '../index/integrity.js';
import { isRetryableStatus } from '../index/retry.js';
import { type AwaitedFile, type PageAnswer } from './listing.js';
import { judgeProvenance, type ExpectedPublisher } from './provenance.js';
import { backoff, REQUEST_IDLE_MS, sleep, type WaitTiming } from './timing.js';

export interface ProvenanceResult {
  /** Files whose provenance was looked for (uploaded with attestations). */
  checked: number;
  confirmed: number;
}

/** What wait.ts knows that the provenance check needs. */
export interface ProvenanceRequest {
  simpleIndex: URL;
  timing: WaitTiming;
  attested: ReadonlySet<string>;
  publisher: ExpectedPublisher | undefined;
  log: { info(message: string): void; warning(message: string, title: string): void };
}

/** Provenance is stored with the file, so it is there once the file is listed; this covers a slow answer. */
const PROVENANCE_FLOOR_MS = 10_000;

type Verdict = { kind: 'confirmed' } | { kind: 'mismatch'; message: string };
type Answer = Verdict | { kind: 'unavailable'; reason: string };

export async function confirmProvenance(
  files: AwaitedFile[],
  pages: Map<string, PageAnswer>,
  request: ProvenanceRequest,
  deadline: number,
): Promise<ProvenanceResult> {
  const targets = files.filter((file) => request.attested.has(file.filename));
  if (!targets.length) return { checked: 0, confirmed: 0 };
  const until = Math.max(deadline, Date.now() + Math.min(PROVENANCE_FLOOR_MS, request.timing.timeoutMs));
  let confirmed = 0;
  for (const file of targets) {
    const page = pages.get(normalizeName(file.project));
    const listed = page?.kind === 'page' ? page.page.files.get(file.filename)?.provenance : undefined;
    const verdict = await provenanceOf(file, listed, request, until);
    if (verdict.kind === 'confirmed') confirmed++;
    else request.log.warning(verdict.message, 'Provenance');
  }
  if (confirmed) {
    const publisher = request.publisher
      ? `published by GitHub ${request.publisher.repository}, workflow ${request.publisher.workflow}`
      : 'publisher not compared (GITHUB_REPOSITORY or GITHUB_WORKFLOW_REF is not set)';
    request.log.info(
      `Provenance confirmed for ${confirmed} of ${targets.length} file${targets.length === 1 ? '' : 's'}: ${request.simpleIndex.host} shows an attestation for each file's name and sha256, ${publisher}.`,
    );
  }
  return { checked: targets.length, confirmed };
}

async function provenanceOf(
  file: AwaitedFile,
  listed: string | null | undefined,
  request: ProvenanceRequest,
  until: number,
): Promise<Verdict> {
  const host = request.simpleIndex.host;
  const name = clipped(file.filename);
  if (listed === null)
    return {
      kind: 'mismatch',
      message: `${name}: ${host} lists this file with no provenance, though it was uploaded with attestations.`,
    };
  const url = provenanceUrl(listed, file, request.simpleIndex);
  const nextPause = backoff(request.timing);
  for (;;) {
    const answer = await readProvenance(url, file, request, until);
    if (answer.kind !== 'unavailable') return answer;
    const remaining = until - Date.now();
    const pause = nextPause(remaining);
    // A try after a pause that uses up the time would be cut off before its answer.
    if (pause >= remaining)
      return {
        kind: 'mismatch',
        message: `${name}: the provenance ${host} shows could not be read within the wait (${answer.reason}).`,
      };
    await sleep(pause);
  }
}

/** The page's URL when it is on the simple API's own origin; PyPI's Integrity API there otherwise. */
function provenanceUrl(listed: string | undefined, file: AwaitedFile, simpleIndex: URL): URL {
  if (listed !== undefined) {
    try {
      const url = new URL(listed, simpleIndex);
      if (url.origin === simpleIndex.origin) return url;
    } catch {
      // not a URL: ask the Integrity API instead
    }
  }
  return integrityUrl(simpleIndex, file.project, file.version, file.filename);
}

async function readProvenance(url: URL, file: AwaitedFile, request: ProvenanceRequest, until: number): Promise<Answer> {
  const host = request.simpleIndex.host;
  const name = clipped(file.filename);
  let response;
  try {
    response = await fetchProvenance(url, {
      idleTimeoutMs: REQUEST_IDLE_MS,
      signal: AbortSignal.timeout(Math.max(1, until - Date.now())),
    });
  } catch (error) {
    if (error instanceof TransportError) return { kind: 'unavailable', reason: clipped(error.message) };
    throw error;
  }
  if (response.status === 404)
    return {
      kind: 'mismatch',
      message: `${name}: ${host} shows no provenance for this file (404 at ${clipped(url.href)}), though it was uploaded with attestations.`,
    };
  if (isRetryableStatus(response.status)) return { kind: 'unavailable', reason: statusLine(response.status) };
  const problem = (reason: string): Verdict => ({
    kind: 'mismatch',
    message: `${name}: the provenance ${host} shows could not be read: ${reason} (${clipped(url.href)}).`,
  });
  if (response.status !== 200) return problem(`it answered ${statusLine(response.status)}`);
  const parsed = parseProvenance(response.body);
  if ('problem' in parsed) return problem(parsed.problem);
  return judgeProvenance(file, parsed.bundles, request.publisher, host);
}
