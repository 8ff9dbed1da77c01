import { createHash, sign, verify, type KeyObject } from 'node:crypto';

export type JwtHeader = Record<string, unknown> & { alg?: unknown; kid?: unknown; typ?: unknown };
export type JwtPayload = Record<string, unknown>;

export class JwtError extends Error {
  override name = 'JwtError';
}

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodeSegment(segment: string, what: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) throw new JwtError(`malformed JWT: the ${what} is not base64url`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new JwtError(`malformed JWT: the ${what} is not JSON`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new JwtError(`malformed JWT: the ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function split(token: string): [string, string, string] {
  const segments = token.split('.');
  if (segments.length !== 3) throw new JwtError(`malformed JWT: ${segments.length} segments instead of 3`);
  return segments as [string, string, string];
}

/** A key id derived from the public key, the way JWKS key ids usually are: stable per key. */
export function keyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64url')
    .slice(0, 16);
}

/** Signs `payload` with RS256; the header is {alg, typ, kid?} as GitHub's tokens have it. */
export function signJwt(payload: JwtPayload, privateKey: KeyObject, kid?: string): string {
  const header: JwtHeader = { typ: 'JWT', alg: 'RS256' };
  if (kid !== undefined) header.kid = kid;
  const signingInput = `${encodeSegment(header)}.${encodeSegment(payload)}`;
  const signature = sign('RSA-SHA256', Buffer.from(signingInput, 'ascii'), privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** The header and payload without checking the signature: only to pick a key or show claims. */
export function decodeJwt(token: string): { header: JwtHeader; payload: JwtPayload } {
  const [header, payload] = split(token);
  return { header: decodeSegment(header, 'header'), payload: decodeSegment(payload, 'payload') };
}

/** Checks the RS256 signature against `publicKey`; claims (exp, aud, …) are the caller's business. */
export function verifyJwt(token: string, publicKey: KeyObject): { header: JwtHeader; payload: JwtPayload } {
  const [headerSegment, payloadSegment, signatureSegment] = split(token);
  const header = decodeSegment(headerSegment, 'header');
  // Only RS256: accepting the header's own choice of algorithm is the classic "alg: none" hole.
  if (header.alg !== 'RS256') throw new JwtError(`not RS256: the header says alg ${JSON.stringify(header.alg)}`);
  const payload = decodeSegment(payloadSegment, 'payload');
  if (!/^[A-Za-z0-9_-]+$/.test(signatureSegment)) throw new JwtError('malformed JWT: the signature is not base64url');
  const signingInput = Buffer.from(`${headerSegment}.${payloadSegment}`, 'ascii');
  if (!verify('RSA-SHA256', signingInput, publicKey, Buffer.from(signatureSegment, 'base64url')))
    throw new JwtError('bad signature');
  return { header, payload };
}
