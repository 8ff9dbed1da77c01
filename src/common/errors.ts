/**
 * The one error type the action reports to the user. `message` says what went wrong and where;
 * `hint` says how to fix it. Neither may ever contain a token.
 */
export class PublishError extends Error {
  readonly hint: string | undefined;
  readonly file: string | undefined;
  /** Markdown for the job summary, when a table says more than the message (claims, problems). */
  readonly details: string | undefined;

  constructor(
    message: string,
    options: {
      hint?: string | undefined;
      file?: string | undefined;
      details?: string | undefined;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'PublishError';
    this.hint = options.hint;
    this.file = options.file;
    this.details = options.details;
  }
}

/** One error for several problems of the same phase, so that each is reported, not just the first. */
export function combineErrors(problems: PublishError[]): PublishError {
  if (problems.length === 1) return problems[0]!;
  const hints = [...new Set(problems.map((p) => p.hint).filter((h): h is string => Boolean(h)))];
  return new PublishError(problems.map((p) => `- ${p.message}`).join('\n'), { hint: hints.join('\n  ') || undefined });
}

export function formatError(error: PublishError): string {
  return error.hint ? `${error.message}\n  How to fix: ${error.hint}` : error.message;
}
