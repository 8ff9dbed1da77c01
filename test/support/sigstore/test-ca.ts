// A certificate authority for tests: a self-signed P-384 root, and Fulcio-shaped leaf certificates.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import {
  bitString,
  boolean,
  contextTag,
  integer,
  objectIdentifier,
  octetString,
  sequence,
  set,
  time,
  utf8String,
} from './der.ts';

const ECDSA_WITH_SHA384 = '1.2.840.10045.4.3.3';

export interface Extension {
  oid: string;
  critical?: boolean;
  /** The extnValue's contents (the DER inside the OCTET STRING). */
  value: Buffer;
}

export interface TestCa {
  root: { der: Buffer; pem: string };
  issue(publicKey: KeyObject, notBefore: Date, lifetimeMs: number, extensions: Extension[]): Buffer;
}

export function toPem(der: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END CERTIFICATE-----\n`;
}

function name(organization: string, commonName: string): Buffer {
  return sequence(
    set(sequence(objectIdentifier('2.5.4.10'), utf8String(organization))),
    set(sequence(objectIdentifier('2.5.4.3'), utf8String(commonName))),
  );
}

function keyIdentifier(publicKey: KeyObject): Buffer {
  return createHash('sha1')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest();
}

function encodeExtension({ oid, critical, value }: Extension): Buffer {
  return sequence(objectIdentifier(oid), ...(critical ? [boolean(true)] : []), octetString(value));
}

function certificate(options: {
  issuer: Buffer;
  subject: Buffer;
  publicKey: KeyObject;
  signingKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  extensions: Extension[];
}): Buffer {
  const algorithm = sequence(objectIdentifier(ECDSA_WITH_SHA384));
  const tbs = sequence(
    contextTag(0, integer(2)),
    integer(BigInt(`0x${randomBytes(16).toString('hex')}`) >> 1n),
    algorithm,
    options.issuer,
    sequence(time(options.notBefore), time(options.notAfter)),
    options.subject,
    options.publicKey.export({ type: 'spki', format: 'der' }),
    contextTag(3, sequence(...options.extensions.map(encodeExtension))),
  );
  return sequence(tbs, algorithm, bitString(sign('sha384', tbs, options.signingKey)));
}

export function createTestCa(): TestCa {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
  const issuer = name('sigstore.test', 'sigstore-test-root');
  const now = Date.now();
  const rootDer = certificate({
    issuer,
    subject: issuer,
    publicKey,
    signingKey: privateKey,
    notBefore: new Date(now - 3600_000),
    notAfter: new Date(now + 24 * 3600_000),
    extensions: [
      { oid: '2.5.29.15', critical: true, value: bitString(Buffer.from([0x06]), 1) }, // keyCertSign, cRLSign
      { oid: '2.5.29.19', critical: true, value: sequence(boolean(true), integer(1)) },
      { oid: '2.5.29.14', value: octetString(keyIdentifier(publicKey)) },
    ],
  });
  return {
    root: { der: rootDer, pem: toPem(rootDer) },
    issue(leafKey, notBefore, lifetimeMs, extensions) {
      return certificate({
        issuer,
        subject: sequence(),
        publicKey: leafKey,
        signingKey: privateKey,
        notBefore,
        notAfter: new Date(notBefore.getTime() + lifetimeMs),
        extensions: [
          { oid: '2.5.29.15', critical: true, value: bitString(Buffer.from([0x80]), 7) }, // digitalSignature
          { oid: '2.5.29.37', value: sequence(objectIdentifier('1.3.6.1.5.5.7.3.3')) }, // codeSigning
          { oid: '2.5.29.14', value: octetString(keyIdentifier(leafKey)) },
          { oid: '2.5.29.35', value: sequence(contextTag(0, keyIdentifier(publicKey), true)) },
          ...extensions,
        ],
      });
    },
  };
}

/** A SubjectAltName extension with one URI, critical as Fulcio makes it (the subject is empty). */
export function uriSan(uri: string): Extension {
  return { oid: '2.5.29.17', critical: true, value: sequence(contextTag(6, Buffer.from(uri, 'ascii'), true)) };
}
