// Rekor's POST /api/v1/log/entries for "dsse" entries as production answers: it verifies the
// signatures, stores the canonicalized body (envelopeHash, payloadHash, signatures with verifier),
// not the proposed entry, and returns a signed entry timestamp and an RFC 6962 inclusion proof
// with a signed checkpoint.
import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  X509Certificate,
} from 'node:crypto';
import { startJsonServer, type JsonServer } from './http-server.ts';

export interface RekorEntry {
  uuid: string;
  logIndex: number;
  body: Buffer;
  integratedTime: number;
}

export interface TestRekor extends JsonServer {
  entries: RekorEntry[];
  publicKey: ReturnType<typeof createPublicKey>;
  logId: string;
}

const sha256 = (...parts: Buffer[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const leafHash = (data: Buffer): Buffer => sha256(Buffer.from([0]), data);
const nodeHash = (left: Buffer, right: Buffer): Buffer => sha256(Buffer.from([1]), left, right);

/** The largest power of two smaller than n (RFC 6962's k). */
const split = (n: number): number => 2 ** Math.floor(Math.log2(n - 1));

export function merkleRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0];
  const k = split(leaves.length);
  return nodeHash(merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

export function inclusionPath(index: number, leaves: Buffer[]): Buffer[] {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return index < k
    ? [...inclusionPath(index, leaves.slice(0, k)), merkleRoot(leaves.slice(k))]
    : [...inclusionPath(index - k, leaves.slice(k)), merkleRoot(leaves.slice(0, k))];
}

/** RFC 8785 for the values Rekor bodies hold (strings, integers, objects, arrays). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function pae(payloadType: string, payload: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${payload.length} `),
    payload,
  ]);
}

export async function startRekor(): Promise<TestRekor> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const logId = sha256(publicKey.export({ type: 'spki', format: 'der' })).toString('hex');
  const origin = 'rekor.test - 1193050959916656506';
  const entries: RekorEntry[] = [];
  // A log in service is never empty: an entry at index 0 or in a one-leaf tree has zero-valued
  // fields that protobuf JSON leaves out (logIndex, hashes), which real entries never lack.
  const leaves: Buffer[] = Array.from({ length: 1000 }, () => leafHash(randomBytes(32)));
  const refuse = (status: number, message: string) => ({ status, body: { code: status, message } });

  const server = await startJsonServer((req, body) => {
    if (req.method !== 'POST' || req.url !== '/api/v1/log/entries') return refuse(404, 'Not Found');
    const proposed = JSON.parse(body.toString('utf8')) as {
      apiVersion?: string;
      kind?: string;
      spec?: { proposedContent?: { envelope?: string; verifiers?: string[] } };
    };
    if (proposed.kind !== 'dsse' || proposed.apiVersion !== '0.0.1')
      return refuse(400, `unsupported entry kind ${proposed.kind} ${proposed.apiVersion}`);
    const envelopeText = proposed.spec?.proposedContent?.envelope ?? '';
    const verifiers = proposed.spec?.proposedContent?.verifiers ?? [];
    let envelope: { payload: string; payloadType: string; signatures: { sig: string }[] };
    try {
      envelope = JSON.parse(envelopeText) as typeof envelope;
    } catch {
      return refuse(400, 'the envelope is not JSON');
    }
    const payload = Buffer.from(envelope.payload, 'base64');
    const signatures: { signature: string; verifier: string }[] = [];
    for (const { sig } of envelope.signatures) {
      const verifier = verifiers.find((pem) => {
        const key = new X509Certificate(Buffer.from(pem, 'base64')).publicKey;
        return verify('sha256', pae(envelope.payloadType, payload), key, Buffer.from(sig, 'base64'));
      });
      if (!verifier) return refuse(400, 'a signature in the envelope does not verify with any verifier');
      signatures.push({ signature: sig, verifier });
    }
    const canonical = Buffer.from(
      canonicalJson({
        apiVersion: '0.0.1',
        kind: 'dsse',
        spec: {
          envelopeHash: { algorithm: 'sha256', value: sha256(Buffer.from(envelopeText)).toString('hex') },
          payloadHash: { algorithm: 'sha256', value: sha256(payload).toString('hex') },
          signatures,
        },
      }),
    );
    const logIndex = leaves.length;
    const integratedTime = Math.floor(Date.now() / 1000);
    const leaf = leafHash(canonical);
    leaves.push(leaf);
    const uuid = leaf.toString('hex');
    entries.push({ uuid, logIndex, body: canonical, integratedTime });
    const treeSize = leaves.length;
    const rootHash = merkleRoot(leaves);
    const note = `${origin}\n${treeSize}\n${rootHash.toString('base64')}\n`;
    const keyHint = sha256(Buffer.from(`${origin}\n`), publicKey.export({ type: 'spki', format: 'der' })).subarray(
      0,
      4,
    );
    const checkpoint = `${note}\n\u2014 ${origin} ${Buffer.concat([keyHint, sign('sha256', Buffer.from(note), privateKey)]).toString('base64')}\n`;
    const entry = { body: canonical.toString('base64'), integratedTime, logID: logId, logIndex };
    return {
      status: 201,
      headers: { location: `/api/v1/log/entries/${uuid}`, etag: uuid },
      body: {
        [uuid]: {
          ...entry,
          verification: {
            inclusionProof: {
              checkpoint,
              hashes: inclusionPath(logIndex, leaves).map((h) => h.toString('hex')),
              logIndex,
              rootHash: rootHash.toString('hex'),
              treeSize,
            },
            signedEntryTimestamp: sign('sha256', Buffer.from(canonicalJson(entry)), privateKey).toString('base64'),
          },
        },
      },
    };
  });
  return Object.assign(server, { entries, publicKey, logId });
}
