import { randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { decodeJwt, signJwt, verifyJwt, type JwtPayload } from './jwt.ts';
import { normalizeName } from './warehouse-rules.ts';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const LEEWAY_SECONDS = 30;

/** A GitHub trusted publisher as registered on the index. */
export interface TrustedPublisher {
  /** owner/name */
  repository: string;
  repositoryOwnerId: string;
  /** The workflow file name, e.g. release.yml. */
  workflow: string;
  /** Undefined or '': any environment. */
  environment?: string | undefined;
  projects: string[];
}

export type ClaimOverrides = Record<string, unknown>;

export const DEFAULT_PUBLISHER: TrustedPublisher = {
  repository: 'octo-org/sampleproject',
  repositoryOwnerId: '1234567',
  workflow: 'release.yml',
  environment: undefined,
  projects: ['sampleproject'],
};

export function defaultGithubClaims(): Record<string, string> {
  const workflowRef = 'octo-org/sampleproject/.github/workflows/release.yml@refs/tags/v1.0.0';
  return {
    sub: 'repo:octo-org/sampleproject:environment:pypi',
    repository: 'octo-org/sampleproject',
    repository_owner: 'octo-org',
    repository_owner_id: '1234567',
    repository_id: '7654321',
    workflow_ref: workflowRef,
    job_workflow_ref: workflowRef,
    ref: 'refs/tags/v1.0.0',
    sha: 'd6cd1e2bd19e03a81132a23b2025920577f84e37',
    environment: 'pypi',
    event_name: 'push',
    ref_type: 'tag',
    runner_environment: 'github-hosted',
  };
}

export interface OidcKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
}

/** An ID token as GitHub's runner endpoint issues it; `overrides` set claims, or remove them when undefined. */
export function issueGithubIdToken(
  keys: OidcKeys,
  audience: string,
  baseClaims: ClaimOverrides,
  overrides: ClaimOverrides = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const claims: JwtPayload = {
    jti: randomUUID(),
    ...defaultGithubClaims(),
    ...baseClaims,
    aud: audience,
    iss: GITHUB_ISSUER,
    nbf: now - 5,
    iat: now - 5,
    exp: now + 300,
  };
  for (const [key, value] of Object.entries(overrides)) claims[key] = value;
  for (const key of Object.keys(claims)) if (claims[key] === undefined) delete claims[key];
  return signJwt(claims, keys.privateKey, keys.kid);
}

export interface MintError {
  code: string;
  description: string;
}

export interface MintContext {
  keys: OidcKeys;
  audience: string;
  enabled: boolean;
  publisher: TrustedPublisher;
  usedJtis: Set<string>;
  /** Which claim names the workflow file: Warehouse's is job_workflow_ref. */
  workflowClaim: 'job_workflow_ref' | 'workflow_ref';
}

export type MintOutcome =
  { ok: true; claims: JwtPayload } | { ok: false; error: MintError; reason: string; claims?: JwtPayload };

/** Warehouse's mint_token_from_oidc for a GitHub token, in its order of checks; `reason` is for test logs only. */
export function checkMintRequest(body: Buffer, context: MintContext): MintOutcome {
  let token: unknown;
  try {
    token = (JSON.parse(body.toString('utf8')) as { token?: unknown } | null)?.token;
  } catch (error) {
    return fail(
      'invalid-payload',
      `1 validation error for TokenPayload\n  Invalid JSON: ${(error as Error).message}`,
      'body is not JSON',
    );
  }
  if (typeof token !== 'string') {
    const problem =
      token === undefined ? 'Field required [type=missing]' : 'Input should be a valid string [type=string_type]';
    return fail(
      'invalid-payload',
      `1 validation error for TokenPayload\ntoken\n  ${problem}`,
      'no string "token" in the body',
    );
  }
  let unverified: JwtPayload;
  try {
    unverified = decodeJwt(token).payload;
  } catch (error) {
    return fail('invalid-payload', 'malformed JWT', (error as Error).message);
  }
  // Warehouse picks the verifying service by the unverified issuer, so a foreign issuer is a payload error.
  if (unverified.iss !== GITHUB_ISSUER)
    return fail('invalid-payload', 'unknown trusted publishing issuer', `iss is ${JSON.stringify(unverified.iss)}`);
  if (!context.enabled)
    return fail('not-enabled', 'github trusted publishing functionality not enabled', 'trusted publishing is disabled');
  let claims: JwtPayload;
  try {
    claims = verifyToken(token, context);
  } catch (error) {
    return fail('invalid-token', 'malformed or invalid token', (error as Error).message);
  }
  const problem = publisherProblem(claims, context);
  if (problem === 'reused')
    return {
      ok: false,
      error: { code: 'invalid-reuse-token', description: 'invalid token: already used' },
      reason: `jti ${String(claims.jti)} was used before`,
      claims,
    };
  if (problem) {
    return {
      ok: false,
      error: {
        code: 'invalid-publisher',
        description: `valid token, but no corresponding publisher (${problem.warehouse})`,
      },
      reason: problem.detail,
      claims,
    };
  }
  context.usedJtis.add(String(claims.jti));
  return { ok: true, claims };
}

function fail(code: string, description: string, reason: string): MintOutcome {
  return { ok: false, error: { code, description }, reason };
}

/** PyJWT's decode as Warehouse configures it: RS256, known kid, iss, strict single aud, exp/iat/nbf with leeway. */
function verifyToken(token: string, context: MintContext): JwtPayload {
  const { header, payload } = verifyJwt(token, context.keys.publicKey);
  if (header.kid !== context.keys.kid) throw new Error(`unknown key id ${JSON.stringify(header.kid)}`);
  for (const claim of ['iss', 'iat', 'exp', 'aud'])
    if (payload[claim] === undefined) throw new Error(`missing required claim ${claim}`);
  if (payload.iss !== GITHUB_ISSUER) throw new Error('invalid issuer');
  // strict_aud: exactly one audience, given as a string, not a one-element list.
  if (typeof payload.aud !== 'string') throw new Error('invalid claim format in token (strict): aud is not a string');
  if (payload.aud !== context.audience)
    throw new Error(`audience ${JSON.stringify(payload.aud)} is not ${JSON.stringify(context.audience)}`);
  const now = Date.now() / 1000;
  for (const claim of ['exp', 'iat', 'nbf']) {
    if (payload[claim] !== undefined && typeof payload[claim] !== 'number') throw new Error(`${claim} is not a number`);
  }
  if ((payload.exp as number) <= now - LEEWAY_SECONDS) throw new Error('signature has expired');
  if ((payload.iat as number) > now + LEEWAY_SECONDS) throw new Error('the token is not yet valid (iat)');
  if (payload.nbf !== undefined && (payload.nbf as number) > now + LEEWAY_SECONDS)
    throw new Error('the token is not yet valid (nbf)');
  return payload;
}

const REQUIRED_CLAIMS = [
  'repository',
  'repository_owner',
  'repository_owner_id',
  'job_workflow_ref',
  'jti',
  'event_name',
  'ref',
  'sha',
];

/** The workflow file in a workflow ref: the last `*.yml`/`*.yaml` path segment before an '@'. */
export function workflowFilename(ref: string): string | undefined {
  return /[^/]+\.(yml|yaml)(?=@)/.exec(ref)?.[0];
}

/**
 * Warehouse's GitHub publisher lookup and claim checks. Its descriptions are terse ("Publisher with
 * matching claims was not found"), so `detail` says which claim differed, for test failure output.
 */
function publisherProblem(
  claims: JwtPayload,
  context: MintContext,
): { warehouse: string; detail: string } | 'reused' | undefined {
  const text = (key: string): string => (typeof claims[key] === 'string' ? claims[key] : '');
  const workflowClaim = context.workflowClaim;
  for (const claim of [...REQUIRED_CLAIMS, workflowClaim]) {
    if (claims[claim] === undefined || claims[claim] === null)
      return { warehouse: `Missing claim '${claim}'`, detail: `the token has no ${claim} claim` };
  }
  const publisher = context.publisher;
  const [owner, name] = publisher.repository.split('/');
  const [claimOwner, claimName] = text('repository').split('/');
  const workflow = workflowFilename(text(workflowClaim));
  if (!workflow)
    return {
      warehouse: 'Could not job extract workflow filename from OIDC claims',
      detail: `${workflowClaim} ${text(workflowClaim)} names no workflow file`,
    };
  const environment = publisher.environment ?? '';
  const mismatches: string[] = [];
  if (claimOwner !== owner || claimName !== name)
    mismatches.push(`repository is '${text('repository')}', the publisher's is '${publisher.repository}'`);
  if (text('repository_owner_id') !== publisher.repositoryOwnerId)
    mismatches.push(
      `repository_owner_id is '${text('repository_owner_id')}', the publisher's is '${publisher.repositoryOwnerId}'`,
    );
  if (workflow !== publisher.workflow)
    mismatches.push(
      `the workflow file in ${workflowClaim} is '${workflow}', the publisher's is '${publisher.workflow}'`,
    );
  if (environment && text('environment').toLowerCase() !== environment.toLowerCase()) {
    mismatches.push(`environment is '${text('environment') || '(none)'}', the publisher's is '${environment}'`);
  }
  if (mismatches.length)
    return { warehouse: 'Publisher with matching claims was not found', detail: mismatches.join('; ') };
  if (text('repository_owner') !== owner)
    return {
      warehouse: "Check failed for required claim 'repository_owner'",
      detail: `repository_owner is '${text('repository_owner')}'`,
    };
  const expected = [text('ref'), text('sha')]
    .filter(Boolean)
    .map((ref) => `${publisher.repository}/.github/workflows/${publisher.workflow}@${ref}`)
    .sort();
  if (!expected.length) return { warehouse: 'The ref and sha claims are empty', detail: 'ref and sha are empty' };
  if (!expected.includes(text(workflowClaim))) {
    const warehouse = `The ${workflowClaim} claim does not match, expecting one of [${expected.map((e) => `'${e}'`).join(', ')}], got '${text(workflowClaim)}'`;
    return { warehouse, detail: warehouse };
  }
  if (context.usedJtis.has(String(claims.jti))) return 'reused';
  if (claims.event_name === 'pull_request_target') {
    const warehouse = "Publishing from a workflow invoked via 'pull_request_target' is not supported.";
    return { warehouse, detail: warehouse };
  }
  return undefined;
}

/** An upload token as the index mints it: opaque, valid for the publisher's projects until it expires. */
export interface MintedToken {
  expires: number;
  projects: Set<string>;
}

export function mintToken(
  publisher: TrustedPublisher,
  lifetimeSeconds: number,
): { token: string; minted: MintedToken } {
  const token = `pypi-AgEIcHlwaS5vcmc${randomBytes(48).toString('base64url')}`;
  return {
    token,
    minted: {
      expires: Math.floor(Date.now() / 1000) + lifetimeSeconds,
      projects: new Set(publisher.projects.map(normalizeName)),
    },
  };
}
