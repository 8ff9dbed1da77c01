import { PublishError } from '../common/errors.js';
import { outside } from '../common/log-text.js';
import { isLoopbackHost, withoutUserinfo } from '../common/urls.js';

export interface SigstoreEndpoints {
  fulcio: URL;
  rekor: URL;
}

/** Sigstore's public instance: the only one PyPI verifies attestations against. */
export const PUBLIC_SIGSTORE = { fulcio: 'https://fulcio.sigstore.dev', rekor: 'https://rekor.sigstore.dev' } as const;
export const FULCIO_URL_VARIABLE = 'PYPI_OIDC_PUBLISH_FULCIO_URL';
export const REKOR_URL_VARIABLE = 'PYPI_OIDC_PUBLISH_REKOR_URL';
/**
 * Test-only: the origin of a local index on this machine to treat like PyPI for attestations.
 * Honoured only when it equals the repository URL's origin and that is a loopback address, so it
 * cannot make the action send attestations (or an OIDC token to Fulcio) anywhere it would not anyway.
 */
export const TEST_INDEX_VARIABLE = 'PYPI_OIDC_PUBLISH_TEST_ATTESTATION_INDEX';

/**
 * The Fulcio and Rekor to use. Sigstore's public instance is the only one PyPI and TestPyPI verify,
 * so the two variables are honoured only for the local test index (policy.ts), and only with URLs on
 * this machine: they exist for the action's own tests. Anywhere else they stop the run before the
 * runner's OIDC token is asked for: an earlier step can set them (GITHUB_ENV), and the token would
 * go to the host they name.
 */
export function sigstoreEndpoints(
  env: Record<string, string | undefined>,
  testIndex: boolean,
): {
  endpoints: SigstoreEndpoints;
  custom: boolean;
} {
  const fulcio = env[FULCIO_URL_VARIABLE]?.trim();
  const rekor = env[REKOR_URL_VARIABLE]?.trim();
  if (!fulcio && !rekor)
    return {
      endpoints: { fulcio: new URL(PUBLIC_SIGSTORE.fulcio), rekor: new URL(PUBLIC_SIGSTORE.rekor) },
      custom: false,
    };
  if (!testIndex) {
    throw new PublishError(
      `${[fulcio && FULCIO_URL_VARIABLE, rekor && REKOR_URL_VARIABLE].filter(Boolean).join(' and ')} ${fulcio && rekor ? 'are' : 'is'} set, but this run signs for PyPI or TestPyPI, which verify attestations only against Sigstore's public instance: a private Fulcio and Rekor are used only with a local test index (${TEST_INDEX_VARIABLE}). Nothing was sent to them.`,
      {
        hint: "Remove these variables from the job's environment (if you did not set them, find the step that did, for example by writing to GITHUB_ENV), or set 'attestations: false'.",
      },
    );
  }
  if (!fulcio || !rekor) {
    throw new PublishError(
      `Only one of ${FULCIO_URL_VARIABLE} and ${REKOR_URL_VARIABLE} is set; a private Sigstore deployment needs both.`,
      {
        hint: "Set both (or neither, for Sigstore's public instance, the only one PyPI accepts).",
      },
    );
  }
  return {
    endpoints: { fulcio: endpointUrl(FULCIO_URL_VARIABLE, fulcio), rekor: endpointUrl(REKOR_URL_VARIABLE, rekor) },
    custom: true,
  };
}

function endpointUrl(variable: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PublishError(`${variable} is '${outside(withoutUserinfo(raw))}', which is not a URL.`, {
      hint: 'Give the base URL of the service on this machine, for example http://127.0.0.1:8080.',
    });
  }
  // The runner's OIDC token goes to Fulcio: with a test index, nowhere but this machine.
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    !isLoopbackHost(url.hostname) ||
    url.username ||
    url.password
  ) {
    throw new PublishError(
      `${variable} is ${outside(withoutUserinfo(url.href))}: with a local test index, only http:// or https:// URLs on this machine (localhost, 127.0.0.1, ::1) without a user name or password are used.`,
      { hint: `Point ${variable} at the test Fulcio or Rekor on this machine.` },
    );
  }
  return url;
}

export type SigningStep = 'token' | 'fulcio' | 'rekor';

/** A signing failure and the step it happened in: the runner's OIDC token, Fulcio or Rekor. */
export class SigningFailure extends Error {
  constructor(
    readonly step: SigningStep,
    cause: unknown,
  ) {
    super(`${step}: ${describeCause(cause)}`, { cause });
    this.name = 'SigningFailure';
  }
}

/**
 * The innermost useful message of sigstore-js's errors (InternalError wrapping an HTTPError), with
 * anything shaped like a JWT blanked: sigstore-js puts the identity token into some messages.
 */
export function describeCause(error: unknown): string {
  const messages: string[] = [];
  for (let current: unknown = error; current instanceof Error && messages.length < 4; current = current.cause) {
    if (current instanceof PublishError) return current.message;
    messages.push(current.message);
  }
  return (messages.at(-1) ?? String(error)).replace(/eyJ[\w-]*\.[\w-]+\.[\w-]*/g, '***');
}
