// Rekor's POST /api/v1/log/entries for a "dsse" entry (rekor's pkg/types/dsse, v0.0.1): the signed
// envelope and the certificate that verifies it go in; the entry comes back with a signed entry
// timestamp and an inclusion proof, which the attestation carries as its transparency entry.
import type { Envelope, TransparencyLogEntry } from '@sigstore/bundle';
import { envelopeToJSON } from '@sigstore/bundle';
import { PublishError } from '../common/errors.js';
import { postJson, serviceUrl, type ServiceCall } from './sigstore-http.js';

/** Records the envelope in Rekor; `certificatePem` is the signing certificate, which Rekor verifies the signature with. */
export async function recordDsseEntry(
  rekor: URL,
  envelope: Envelope,
  certificatePem: string,
  call: ServiceCall,
): Promise<TransparencyLogEntry> {
  const answer = await postJson(
    'Rekor',
    serviceUrl(rekor, '/api/v1/log/entries'),
    {
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: {
        proposedContent: {
          envelope: JSON.stringify(envelopeToJSON(envelope)),
          verifiers: [Buffer.from(certificatePem, 'utf8').toString('base64')],
        },
      },
    },
    call,
  );
  return transparencyLogEntry(answer);
}

const invalid = (why: string): PublishError => new PublishError(`Rekor's answer is not a log entry: ${why}.`);

function integer(value: unknown, name: string): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw invalid(`${name} is not a whole number`);
  return String(value);
}

function text(value: unknown, name: string, pattern: RegExp): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw invalid(`${name} is missing or malformed`);
  return value;
}

const HEX = /^(?:[0-9a-f]{2})+$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Rekor v1's answer, `{ <uuid>: { body, integratedTime, logID, logIndex, verification } }`, as the
 * bundle's TransparencyLogEntry: numbers as decimal strings, hex and base64 as bytes, and the kind
 * and version read from the canonicalized body Rekor stored.
 */
export function transparencyLogEntry(answer: Record<string, unknown>): TransparencyLogEntry {
  const entries = Object.values(answer);
  if (entries.length !== 1) throw invalid(`it holds ${entries.length} entries, not one`);
  const entry = entries[0] as Record<string, unknown> | null;
  if (!entry || typeof entry !== 'object') throw invalid('the entry is not an object');
  const body = Buffer.from(text(entry.body, 'body', BASE64), 'base64');
  let kind: unknown;
  let version: unknown;
  try {
    ({ kind, apiVersion: version } = JSON.parse(body.toString('utf8')) as Record<string, unknown>);
  } catch {
    throw invalid('its body is not JSON');
  }
  if (typeof kind !== 'string' || typeof version !== 'string') throw invalid('its body has no kind and apiVersion');
  const verification = (entry.verification ?? {}) as Record<string, unknown>;
  const proof = verification.inclusionProof as Record<string, unknown> | undefined;
  const timestamp = verification.signedEntryTimestamp;
  if (!proof && timestamp === undefined)
    throw invalid('it has neither an inclusion proof nor a signed entry timestamp');
  let hashes: Buffer[] = [];
  if (proof) {
    if (!Array.isArray(proof.hashes)) throw invalid('inclusionProof.hashes is not an array');
    hashes = proof.hashes.map((hash: unknown) => Buffer.from(text(hash, 'inclusionProof.hashes', HEX), 'hex'));
  }
  return {
    logIndex: integer(entry.logIndex, 'logIndex'),
    logId: { keyId: Buffer.from(text(entry.logID, 'logID', HEX), 'hex') },
    kindVersion: { kind, version },
    integratedTime: integer(entry.integratedTime, 'integratedTime'),
    inclusionPromise:
      timestamp === undefined
        ? undefined
        : { signedEntryTimestamp: Buffer.from(text(timestamp, 'signedEntryTimestamp', BASE64), 'base64') },
    inclusionProof: proof
      ? {
          logIndex: integer(proof.logIndex, 'inclusionProof.logIndex'),
          rootHash: Buffer.from(text(proof.rootHash, 'inclusionProof.rootHash', HEX), 'hex'),
          treeSize: integer(proof.treeSize, 'inclusionProof.treeSize'),
          hashes,
          checkpoint: { envelope: text(proof.checkpoint, 'inclusionProof.checkpoint', /\S/) },
        }
      : undefined,
    canonicalizedBody: body,
  };
}
