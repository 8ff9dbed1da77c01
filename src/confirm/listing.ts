// Whether the index serves a file, from one answer of its simple API. Pure: the waiting is in wait.ts.
import { ANSWER_BYTES } from '../index/answer-limits.js';
import { clipped } from '../common/log-text.js';
import { sameVersion } from '../dists/pep440.js';
import { serverMessage, statusLine, type HttpResponse } from '../index/http.js';
import { isRetryableStatus } from '../index/retry.js';
import { parseSimplePage, type SimplePage } from '../index/simple-index.js';

/** A file this run uploaded or skipped, as the simple API should list it. */
export interface AwaitedFile {
  filename: string;
  sha256: string;
  project: string;
  version: string;
}

/** One answer of the simple API for a project's page. */
export type PageAnswer =
  | { kind: 'page'; status: string; page: SimplePage }
  /** 404: no such project yet (a new project's first release). */
  | { kind: 'absent'; status: string }
  /** Worth waiting on: 408, 429, 5xx, no answer at all. */
  | { kind: 'unavailable'; reason: string }
  /** Any other answer: waiting will not change it. */
  | { kind: 'refused'; reason: string };

export type FileState =
  | { kind: 'listed'; sha256Compared: boolean }
  | { kind: 'different'; sha256: string }
  | { kind: 'missing'; why: string };

export function pageAnswer(response: HttpResponse): PageAnswer {
  const status = statusLine(response.status);
  // Part of a list would read as "not listed" for every file past the cut: not an answer to judge.
  if (response.status === 200 && response.truncated)
    return {
      kind: 'unavailable',
      reason: `${status}, but the project page is longer than ${ANSWER_BYTES.listing / (1024 * 1024)} MiB and was not read`,
    };
  if (response.status === 200) return { kind: 'page', status, page: parseSimplePage(response) };
  if (response.status === 404) return { kind: 'absent', status };
  const reason = `${status}: ${clipped(serverMessage(response))}`;
  return isRetryableStatus(response.status) ? { kind: 'unavailable', reason } : { kind: 'refused', reason };
}

/**
 * Listed with our sha256 (or without any, which cannot be compared), and, where the page has a
 * versions list (PEP 700), with the release's version in it: an installer resolving the version
 * reads that list.
 */
export function fileState(file: AwaitedFile, answer: PageAnswer): FileState {
  if (answer.kind !== 'page') return { kind: 'missing', why: 'its project page is not served yet' };
  const listed = answer.page.files.get(file.filename);
  if (!listed) return { kind: 'missing', why: 'not listed yet' };
  if (listed.sha256 && listed.sha256 !== file.sha256) return { kind: 'different', sha256: listed.sha256 };
  const versions = answer.page.versions;
  if (versions && !versions.some((version) => sameVersion(version, file.version)))
    return { kind: 'missing', why: `listed, but version ${file.version} is not in the project's versions yet` };
  return { kind: 'listed', sha256Compared: Boolean(listed.sha256) };
}

/** What the index answered, for the log and the timeout message; outside text clipped. */
export function describeAnswer(answer: PageAnswer): string {
  switch (answer.kind) {
    case 'page': {
      const count = answer.page.files.size;
      const format = answer.page.format === 'json' ? 'PEP 691 JSON' : 'PEP 503 HTML';
      return `${answer.status}, ${count} file${count === 1 ? '' : 's'} listed (${format})`;
    }
    case 'absent':
      return `${answer.status} (no such project yet)`;
    case 'unavailable':
    case 'refused':
      return answer.reason;
  }
}
