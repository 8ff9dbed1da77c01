/**
 * Runs `task` for every item: the first alone (its answer surfaces authentication and name problems
 * before anything else is sent), then up to `parallel` at once, started in the items' order. After a
 * failure no new task starts, and those under way finish; then the first failure is thrown.
 */
export async function runFirstThenParallel<T>(
  items: readonly T[],
  parallel: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const [first, ...rest] = items;
  if (first === undefined) return;
  await task(first, 0);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < rest.length) {
      const index = next++;
      try {
        await task(rest[index]!, index + 1);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, parallel), rest.length) }, worker));
  if (failure) throw failure.error;
}
