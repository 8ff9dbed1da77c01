// The wait's clock: its limit, and a gentle back-off between tries (1 s, 2 s, 4 s, … up to 10 s).

export interface WaitTiming {
  timeoutMs: number;
  /** The pause after the first try; it doubles after each try, up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_WAIT_BACKOFF: Omit<WaitTiming, 'timeoutMs'> = { firstDelayMs: 1_000, maxDelayMs: 10_000 };

/** Each call gives the next pause, never past the time remaining. */
export function backoff(timing: Omit<WaitTiming, 'timeoutMs'>): (remainingMs: number) => number {
  let delay = timing.firstDelayMs;
  return (remainingMs) => {
    const pause = Math.max(0, Math.min(delay, remainingMs));
    delay = Math.min(delay * 2, timing.maxDelayMs);
    return pause;
  };
}

/** One idle timeout for every request of the wait, so that they share one connection pool; the deadline ends them sooner. */
export const REQUEST_IDLE_MS = 30_000;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds as seconds with one decimal at most: 7 s, 0.4 s. */
export const seconds = (ms: number): number => Math.round(ms / 100) / 10;
