// What the runner masks so far in each run under way in this process, so that the local index can
// check, as a request arrives, that the credential it carries was masked before it was sent. The run
// harnesses register a view: runInProcess the secrets its ActionIO recorded, the bundle runners a
// RunnerEmulator fed with the child's stdout as it arrives.

export type MaskedSoFar = () => ReadonlySet<string>;

const runs = new Set<MaskedSoFar>();

/** Registers a run's view of its masks; returns the function that ends it. */
export function watchMasks(masked: MaskedSoFar): () => void {
  runs.add(masked);
  return () => runs.delete(masked);
}

/**
 * Lets output already written by a child process reach its emulator first. A child writes its
 * `::add-mask::` line to the stdout pipe (synchronously, on Linux) before it opens the request, so
 * by the time the request is read here the line is in the pipe: polled in the same or an earlier
 * turn of the event loop, and handled before these turns end.
 */
export async function outputSettled(): Promise<void> {
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** The credentials among `values` that no run under way has masked; undefined when no run is watched. */
export function unmaskedAmong(values: string[]): string[] | undefined {
  if (!runs.size) return undefined;
  return values.filter((value) => value && ![...runs].some((masked) => masked().has(value)));
}
