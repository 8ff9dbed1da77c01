// The size and time an answer may take: a cap on the bytes read, and a deadline for the whole
// request (issue 13: an index that never ends its answer, or trickles it, must not keep a run alive).

/**
 * What an answer is, for its size cap and deadline: an API answer (audience, mint-token, burn-token,
 * the JSON API, an error page), a simple-API file list (PyPI's largest are megabytes), or the
 * answer to an upload (which comes after the file is sent).
 */
export type AnswerKind = 'api' | 'listing' | 'upload';

/** Bytes kept of an answer; reading stops and the connection is closed past this. */
export const ANSWER_BYTES: Record<AnswerKind, number> = {
  api: 1024 * 1024,
  listing: 32 * 1024 * 1024,
  upload: 1024 * 1024,
};

/**
 * How long a request may take in all, so that an index that trickles its answer a byte at a time, or
 * never ends it, cannot keep a run alive (the idle timeout alone never fires then).
 */
export interface Deadlines {
  /** An API answer, from the request's start to the answer's last byte. */
  apiMs: number;
  /** A file list, from the request's start to its last byte (32 MiB over a slow link). */
  listingMs: number;
  /**
   * An upload's answer, from the last byte of the file sent: the index checks and stores the file
   * before it answers. Sending the file is not counted here (see minUploadBytesPerSecond).
   */
  uploadAnswerMs: number;
  /**
   * Sending a file may take apiMs plus its size at this rate: a slow link is never cut off by a
   * deadline meant for answers, and a server that reads a byte now and then still ends.
   */
  minUploadBytesPerSecond: number;
}

export const DEFAULT_DEADLINES: Deadlines = {
  apiMs: 60_000,
  listingMs: 120_000,
  uploadAnswerMs: 300_000,
  minUploadBytesPerSecond: 32 * 1024,
};

let deadlines: Deadlines = DEFAULT_DEADLINES;

/** The deadlines of every request from now on in this process (one run per process; tests shorten them). */
export function useDeadlines(chosen: Deadlines): void {
  deadlines = chosen;
}

/** A request that ran past its deadline; the message says which and how long. */
export class DeadlineExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * The deadlines of one request: while a streamed body is sent, time in proportion to its size;
 * from its last byte (or from the start, without one), the answer's deadline. Either aborts the
 * request through `signal`.
 */
export class RequestClock {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private answerDue = false;
  private stopped = false;
  private readonly answerMs: number;

  constructor(kind: AnswerKind, deadlineMs: number | undefined) {
    const byKind =
      kind === 'listing' ? deadlines.listingMs : kind === 'upload' ? deadlines.uploadAnswerMs : deadlines.apiMs;
    this.answerMs = Math.min(byKind, deadlineMs ?? Infinity);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  sending(bytes: number): void {
    const ms = deadlines.apiMs + Math.ceil((bytes / deadlines.minUploadBytesPerSecond) * 1000);
    this.arm(
      ms,
      `the body (${bytes} bytes) was not sent within ${seconds(ms)} (the index read it slower than ${Math.round(deadlines.minUploadBytesPerSecond / 1024)} KiB/s)`,
    );
  }

  answering(): void {
    if (this.answerDue) return;
    this.answerDue = true;
    this.arm(
      this.answerMs,
      `no complete answer within ${seconds(this.answerMs)}; the index kept the connection open without finishing its answer`,
    );
  }

  /** Passes the body's chunks on, and starts the answer's deadline once the last one is handed over. */
  async *whenSent(body: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
    yield* body;
    this.answering();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private arm(ms: number, message: string): void {
    // A body still being pulled after the request ended must not start a timer that holds the process.
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.controller.abort(new DeadlineExceeded(message));
    }, ms);
  }
}

const seconds = (ms: number): string => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

/**
 * The body up to `maxBytes`; past that, reading stops and the stream is destroyed (which closes the
 * connection), and only the first MiB is kept: a cut answer is good for a message, not for parsing.
 */
export async function readLimited(
  body: AsyncIterable<Buffer>,
  maxBytes: number,
): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    length += chunk.length;
    chunks.push(chunk);
    if (length > maxBytes) {
      const kept = Buffer.concat(chunks, Math.min(maxBytes, ANSWER_BYTES.api));
      return { text: kept.toString('utf8'), truncated: true };
    }
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}

/** Words to add to a message about an answer that was cut at its cap. */
export function truncationNote(response: { truncated?: boolean }, kind: AnswerKind = 'api'): string {
  return response.truncated
    ? ` (the answer was longer than ${ANSWER_BYTES[kind] / (1024 * 1024)} MiB and was not read further)`
    : '';
}
