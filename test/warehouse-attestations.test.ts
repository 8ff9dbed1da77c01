// The local index's check of the `attestations` upload field, against Warehouse's messages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAttestations } from './support/warehouse-attestations.ts';
import { ROOT } from './support/python-env.ts';
import { createTestCa } from './support/sigstore/test-ca.ts';

const WHEEL = 'rfc8785-0.1.2-py3-none-any.whl';
const SHA256 = 'c4e92e9ecc828bef2aa7dba1de8ac983511f7532a0df11c770d39099a25cf201';
const real = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/pep740', `${WHEEL}.publish.attestation`), 'utf8')) as {
  envelope: { statement: string };
};

function withStatement(change: Record<string, unknown>): unknown {
  const statement = JSON.parse(Buffer.from(real.envelope.statement, 'base64').toString('utf8')) as Record<
    string,
    unknown
  >;
  return {
    ...real,
    envelope: {
      ...real.envelope,
      statement: Buffer.from(JSON.stringify({ ...statement, ...change })).toString('base64'),
    },
  };
}

const slsa = withStatement({ predicateType: 'https://slsa.dev/provenance/v1' });
const check = (value: unknown, trusted = true) =>
  checkAttestations(typeof value === 'string' ? value : JSON.stringify(value), trusted, WHEEL, SHA256);

describe('checkAttestations (Warehouse rules)', () => {
  it('with a trust root, refuses a certificate that does not chain to it', () => {
    const trust = { root: createTestCa().root.der, repository: 'octo-org/sampleproject', workflow: 'release.yml' };
    const result = checkAttestations(JSON.stringify([real]), true, WHEEL, SHA256, trust);
    expect(!result.ok && result.message).toContain(
      'Verification failed: the certificate does not chain to the Fulcio root',
    );
  });

  it('accepts a publish and an SLSA provenance attestation for the file', () => {
    expect(check([real, slsa])).toEqual({ ok: true, attestations: [real, slsa] });
  });

  it.each([
    ['an API-token upload', [real], false, 'Attestations are only supported when using Trusted Publishing'],
    ['not JSON', '[', true, 'Malformed attestations: '],
    ['not a list', { ...real }, true, 'Malformed attestations: Input should be a valid list'],
    ['an empty list', [], true, 'an empty attestation set is not permitted'],
    ['three attestations', [real, slsa, real], true, 'A maximum of 2 attestations per file are supported'],
    [
      'two of one predicate type',
      [real, real],
      true,
      'Multiple attestations for the same file with the same predicate type (https://docs.pypi.org/attestations/publish/v1)',
    ],
    [
      'another file as subject',
      [withStatement({ subject: [{ name: 'other-1.0.tar.gz', digest: { sha256: SHA256 } }] })],
      true,
      'subject does not match distribution name or digest',
    ],
    [
      'another digest',
      [withStatement({ subject: [{ name: WHEEL, digest: { sha256: '0'.repeat(64) } }] })],
      true,
      'subject does not match',
    ],
    [
      'an unsupported predicate type',
      [withStatement({ predicateType: 'https://example.com/v1' })],
      true,
      'Attestation with unsupported predicate type: https://example.com/v1',
    ],
    ['a wrong version', [{ ...real, version: 2 }], true, 'version: Input should be 1'],
  ])('refuses %s', (_what, value, trusted, message) => {
    const result = check(value, trusted);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Invalid attestations supplied during upload: /);
    expect(!result.ok && result.message).toContain(message);
  });
});
