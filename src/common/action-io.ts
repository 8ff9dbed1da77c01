/** Everything the run does to the outside world besides HTTP; `@actions/core` in the action, a recorder in tests. */
export interface ActionIO {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string, title?: string): void;
  /** An error annotation; the run's failure itself is reported by the caller. */
  error(message: string, title?: string): void;
  setSecret(secret: string): void;
  setOutput(name: string, value: string): void;
  writeSummary(markdown: string): Promise<void>;
  debug?(message: string): void;
  /** The step's state, which the post step reads (the upload tokens left to revoke). */
  saveState?(name: string, value: string): void;
}
