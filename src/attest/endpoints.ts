import { credentialsAllowed } from '../common/urls.js';
import { PublishError } from '../common/errors.js';

export interface SigstoreEndpoints {
  fulcio: URL;
  rekor: URL;
}

/** Sigstore's public instance: the only one PyPI verifies attestations against. */
export const PUBLIC_SIGSTORE = { fulcio: 'https://fulcio.sigstore.dev', rekor: 'https://rekor.sigstore.dev' } as const;
export const FULCIO_URL_VARIABLE = 'PYPI_OIDC_PUBLISH_FULCIO_URL';
export const REKOR_URL_VARIABLE = 'PYPI_OIDC_PUBLISH_REKOR_URL';

/** The Fulcio and Rekor to use: the public instance unless both variables name another (https, or http to this machine). */
export function sigstoreEndpoints(env: Record<string, string | undefined>): {
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
    throw new PublishError(`${variable} is '${raw}', which is not a URL.`, {
      hint: 'Give the base URL of the service, for example https://fulcio.example.',
    });
  }
  // The OIDC token goes to Fulcio: the same rule as for index credentials.
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    !credentialsAllowed(url) ||
    url.username ||
    url.password
  ) {
    throw new PublishError(
      `${variable} is ${url.href}: only https:// URLs (or http:// to this machine) without a user name or password are used.`,
      { hint: `Use https://${url.host}${url.pathname}.` },
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
