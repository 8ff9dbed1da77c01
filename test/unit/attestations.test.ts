import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PublishError } from '../../src/common/errors.js';
import { describeCause, sigstoreEndpoints } from '../../src/attest/endpoints.js';
import { explainAttestationRefusal } from '../../src/attest/messages.js';
import { bundleToPep740, parsePep740, publishStatement, PUBLISH_PREDICATE_TYPE } from '../../src/attest/pep740.js';
import { attestationPolicy, reusableWorkflowSkip, TEST_INDEX_VARIABLE } from '../../src/attest/policy.js';
import { findPremadeAttestations } from '../../src/attest/premade.js';
import { ROOT } from '../support/python-env.ts';

const FIXTURES = join(ROOT, 'test/fixtures/pep740');
const WHEEL = 'rfc8785-0.1.2-py3-none-any.whl';
const WHEEL_SHA256 = 'c4e92e9ecc828bef2aa7dba1de8ac983511f7532a0df11c770d39099a25cf201';

describe('attestationPolicy', () => {
  it.each([
    ['https://upload.pypi.org/legacy/', 'PyPI'],
    ['https://test.pypi.org/legacy/', 'TestPyPI'],
  ])('attests for %s', (url, index) => {
    expect(attestationPolicy(new URL(url), true, true, {})).toEqual({ attest: true, index });
  });

  it.each([
    'https://upload.pypi.org.evil.example/legacy/',
    'https://evil.example/upload.pypi.org/legacy/',
    'https://pypi.org.example/legacy/',
    'https://upload.pypi.org:8443/legacy/',
    'http://upload.pypi.org/legacy/',
    'https://my-index.example/legacy/',
    'http://127.0.0.1:8080/legacy/',
  ])('does not attest for %s, with a notice naming the host', (url) => {
    const policy = attestationPolicy(new URL(url), true, true, {});
    expect(policy.attest).toBe(false);
    expect(!policy.attest && policy.notice).toContain(`${new URL(url).host} is not PyPI`);
  });

  it('does not attest in API-token mode, with a notice', () => {
    const policy = attestationPolicy(new URL('https://upload.pypi.org/legacy/'), false, true, {});
    expect(!policy.attest && policy.notice).toMatch(/need trusted publishing/);
  });

  it("says nothing with 'attestations: false'", () => {
    expect(attestationPolicy(new URL('https://upload.pypi.org/legacy/'), true, false, {})).toEqual({
      attest: false,
      notice: undefined,
    });
  });

  it(`honours ${TEST_INDEX_VARIABLE} only for that loopback origin`, () => {
    const local = new URL('http://127.0.0.1:8080/legacy/');
    expect(attestationPolicy(local, true, true, { [TEST_INDEX_VARIABLE]: 'http://127.0.0.1:8080' }).attest).toBe(true);
    expect(attestationPolicy(local, true, true, { [TEST_INDEX_VARIABLE]: 'http://127.0.0.1:9090' }).attest).toBe(false);
    expect(attestationPolicy(local, true, true, { [TEST_INDEX_VARIABLE]: 'not a url' }).attest).toBe(false);
    const remote = new URL('https://my-index.example/legacy/');
    expect(attestationPolicy(remote, true, true, { [TEST_INDEX_VARIABLE]: 'https://my-index.example' }).attest).toBe(
      false,
    );
  });
});

describe('reusableWorkflowSkip', () => {
  const ref = 'o/r/.github/workflows/release.yml@refs/tags/v1';
  it('is silent when the job runs in the triggered workflow', () => {
    expect(reusableWorkflowSkip({ workflow_ref: ref, job_workflow_ref: ref })).toBeUndefined();
    expect(reusableWorkflowSkip({})).toBeUndefined();
  });
  it('explains the skip for a reusable workflow', () => {
    const called = 'o/r/.github/workflows/publish.yml@refs/heads/main';
    const message = reusableWorkflowSkip({ workflow_ref: ref, job_workflow_ref: called })!;
    expect(message).toContain(`reusable workflow ${called}, called from ${ref}`);
    expect(message).toContain(`Build Config URI (https://github.com/${ref}`);
    expect(message).toContain('(publish.yml)');
    expect(message).toContain("'attestations: false'");
  });
});

describe('sigstoreEndpoints', () => {
  it("defaults to Sigstore's public instance", () => {
    const { endpoints, custom } = sigstoreEndpoints({});
    expect([endpoints.fulcio.href, endpoints.rekor.href, custom]).toEqual([
      'https://fulcio.sigstore.dev/',
      'https://rekor.sigstore.dev/',
      false,
    ]);
  });
  it('takes both URLs, https or loopback http', () => {
    const { endpoints, custom } = sigstoreEndpoints({
      PYPI_OIDC_PUBLISH_FULCIO_URL: 'https://fulcio.example',
      PYPI_OIDC_PUBLISH_REKOR_URL: 'http://127.0.0.1:3000',
    });
    expect([endpoints.fulcio.host, endpoints.rekor.host, custom]).toEqual(['fulcio.example', '127.0.0.1:3000', true]);
  });
  it.each([
    [{ PYPI_OIDC_PUBLISH_FULCIO_URL: 'https://fulcio.example' }, /Only one of/],
    [
      { PYPI_OIDC_PUBLISH_FULCIO_URL: 'http://fulcio.example', PYPI_OIDC_PUBLISH_REKOR_URL: 'https://rekor.example' },
      /only https:\/\/ URLs/,
    ],
    [
      {
        PYPI_OIDC_PUBLISH_FULCIO_URL: 'https://u:p@fulcio.example',
        PYPI_OIDC_PUBLISH_REKOR_URL: 'https://rekor.example',
      },
      /without a user name/,
    ],
    [{ PYPI_OIDC_PUBLISH_FULCIO_URL: 'nonsense', PYPI_OIDC_PUBLISH_REKOR_URL: 'https://rekor.example' }, /not a URL/],
  ])('refuses %j', (env, message) => {
    expect(() => sigstoreEndpoints(env)).toThrow(message);
  });
});

describe('PEP 740 objects', () => {
  it('builds the statement byte for byte as the fixtures have it', async () => {
    const fixture = JSON.parse(await readFile(join(FIXTURES, `${WHEEL}.publish.attestation`), 'utf8')) as {
      envelope: { statement: string };
    };
    expect(publishStatement(WHEEL, WHEEL_SHA256).toString('base64')).toBe(fixture.envelope.statement);
  });

  it('converts a Sigstore bundle and refuses one without the parts', () => {
    const bundle = {
      verificationMaterial: { certificate: { rawBytes: 'Y2VydA==' }, tlogEntries: [{ logIndex: '7' }] },
      dsseEnvelope: { payload: 'e30=', payloadType: 'application/vnd.in-toto+json', signatures: [{ sig: 'c2ln' }] },
    };
    expect(bundleToPep740(bundle)).toEqual({
      version: 1,
      verification_material: { certificate: 'Y2VydA==', transparency_entries: [{ logIndex: '7' }] },
      envelope: { statement: 'e30=', signature: 'c2ln' },
    });
    expect(() =>
      bundleToPep740({ ...bundle, dsseEnvelope: { ...bundle.dsseEnvelope, payloadType: 'text/plain' } }),
    ).toThrow();
  });

  it('reads a real attestation', async () => {
    const { subject } = parsePep740(await readFile(join(FIXTURES, `${WHEEL}.publish.attestation`), 'utf8'), 'x');
    expect(subject).toEqual({ name: WHEEL, sha256: WHEEL_SHA256, predicateType: PUBLISH_PREDICATE_TYPE });
  });

  const statement = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
  const object = (overrides: Record<string, unknown>) =>
    JSON.stringify({
      version: 1,
      verification_material: { certificate: 'AA==', transparency_entries: [{}] },
      envelope: {
        statement: statement({
          _type: 'https://in-toto.io/Statement/v1',
          subject: [{ name: 'a', digest: { sha256: 'a'.repeat(64) } }],
          predicateType: 'p',
        }),
        signature: 'AA==',
      },
      ...overrides,
    });
  it.each([
    ['not json', 'it is not JSON'],
    ['[]', 'not a JSON object'],
    [object({ version: 2 }), '"version" is 2'],
    [object({ verification_material: { certificate: 'AA==', transparency_entries: [] } }), 'transparency_entries'],
    [object({ envelope: { statement: 'e30=' } }), 'lacks a base64'],
    [object({ envelope: { statement: statement({ _type: 'x' }), signature: 'AA==' } }), '_type is "x"'],
    [
      object({
        envelope: {
          statement: statement({ _type: 'https://in-toto.io/Statement/v1', subject: [] }),
          signature: 'AA==',
        },
      }),
      '0 subjects',
    ],
  ])('names what is wrong with %s', (text, message) => {
    expect(() => parsePep740(text, 'f.publish.attestation')).toThrow(message);
  });
});

describe('findPremadeAttestations', () => {
  const fixture = () => readFile(join(FIXTURES, `${WHEEL}.publish.attestation`), 'utf8');
  const dir = async (files: Record<string, string>) => {
    const path = await mkdtemp(join(tmpdir(), 'premade-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(path, name), text);
    return path;
  };

  it('matches files to their dist and returns the others as orphans', async () => {
    const path = await dir({
      [`${WHEEL}.publish.attestation`]: await fixture(),
      'other-1.0.tar.gz.publish.attestation': '{}',
    });
    const { byDist, orphans } = await findPremadeAttestations(path, [{ filename: WHEEL, sha256: WHEEL_SHA256 }]);
    expect(byDist.get(WHEEL)?.map((p) => p.file)).toEqual([`${WHEEL}.publish.attestation`]);
    expect(orphans).toEqual(['other-1.0.tar.gz.publish.attestation']);
  });

  it('refuses two of one predicate type, and a type PyPI does not take, all at once', async () => {
    const foreign = JSON.parse(await fixture()) as { envelope: { statement: string } };
    const decoded = JSON.parse(Buffer.from(foreign.envelope.statement, 'base64').toString()) as Record<string, unknown>;
    foreign.envelope.statement = Buffer.from(
      JSON.stringify({ ...decoded, predicateType: 'https://example.com/custom/v1' }),
    ).toString('base64');
    const path = await dir({
      [`${WHEEL}.publish.attestation`]: await fixture(),
      [`${WHEEL}.copy.attestation`]: await fixture(),
      [`${WHEEL}.custom.attestation`]: JSON.stringify(foreign),
    });
    const error = await findPremadeAttestations(path, [{ filename: WHEEL, sha256: WHEEL_SHA256 }]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PublishError);
    expect((error as Error).message).toContain(`are both publish attestations for ${WHEEL}`);
    expect((error as Error).message).toContain('https://example.com/custom/v1, which PyPI does not accept');
  });
});

describe('describeCause', () => {
  it('gives the innermost message, without a token in it', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const error = new Error('error creating signing certificate', { cause: new Error(`(401) bad token ${jwt}`) });
    expect(describeCause(error)).toBe('(401) bad token ***');
  });
});

describe('explainAttestationRefusal', () => {
  it("explains PyPI's refusal and leaves other errors alone", () => {
    const refused = new PublishError(
      'upload.pypi.org refused x.whl: 400 Bad Request: Invalid attestations supplied during upload: ...',
      { file: 'x.whl', hint: 'generic' },
    );
    expect(explainAttestationRefusal(refused)?.hint).toContain("'attestations: false'");
    expect(explainAttestationRefusal(new PublishError('other'))).toBeUndefined();
  });
});
