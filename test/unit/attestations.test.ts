import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PublishError } from '../../src/common/errors.js';
import { describeCause, sigstoreEndpoints } from '../../src/attest/endpoints.js';
import { explainAttestationRefusal } from '../../src/attest/messages.js';
import { bundleToPep740, parsePep740, publishStatement, PUBLISH_PREDICATE_TYPE } from '../../src/attest/pep740.js';
import { attestationPolicy, reusableWorkflowSkip, TEST_INDEX_VARIABLE } from '../../src/attest/policy.js';
import { findPremadeAttestations } from '../../src/attest/premade.js';
import { jsonDepth } from '../../src/common/json-depth.js';
import { ROOT } from '../support/python-env.ts';

const FIXTURES = join(ROOT, 'test/fixtures/pep740');
const WHEEL = 'rfc8785-0.1.2-py3-none-any.whl';
const WHEEL_SHA256 = 'c4e92e9ecc828bef2aa7dba1de8ac983511f7532a0df11c770d39099a25cf201';

describe('attestationPolicy', () => {
  it.each([
    ['https://upload.pypi.org/legacy/', 'PyPI'],
    ['https://test.pypi.org/legacy/', 'TestPyPI'],
  ])("attests for %s, with Sigstore's public instance", (url, index) => {
    expect(attestationPolicy(new URL(url), true, true, {})).toEqual({
      attest: true,
      index,
      endpoints: { fulcio: new URL('https://fulcio.sigstore.dev'), rekor: new URL('https://rekor.sigstore.dev') },
      customSigstore: false,
    });
  });

  it.each([
    [{ PYPI_OIDC_PUBLISH_FULCIO_URL: 'http://127.0.0.1:1234', PYPI_OIDC_PUBLISH_REKOR_URL: 'http://127.0.0.1:1235' }],
    [{ PYPI_OIDC_PUBLISH_FULCIO_URL: 'https://fulcio.example' }],
    [{ PYPI_OIDC_PUBLISH_REKOR_URL: 'https://rekor.example' }],
  ])('refuses a private Sigstore for PyPI: %j', (env) => {
    for (const url of ['https://upload.pypi.org/legacy/', 'https://test.pypi.org/legacy/'])
      expect(() => attestationPolicy(new URL(url), true, true, env)).toThrow(
        /set, but this run signs for PyPI or TestPyPI, which verify attestations only against Sigstore's public instance: a private Fulcio and Rekor are used only with a local test index/,
      );
  });

  it('ignores the Sigstore variables when it does not attest', () => {
    const env = { PYPI_OIDC_PUBLISH_FULCIO_URL: 'https://fulcio.example' };
    expect(attestationPolicy(new URL('https://upload.pypi.org/legacy/'), false, true, env).attest).toBe(false);
    expect(attestationPolicy(new URL('https://upload.pypi.org/legacy/'), true, false, env).attest).toBe(false);
  });

  it('takes a private Sigstore on this machine for the local test index', () => {
    const env = {
      [TEST_INDEX_VARIABLE]: 'http://127.0.0.1:8080',
      PYPI_OIDC_PUBLISH_FULCIO_URL: 'http://127.0.0.1:1234',
      PYPI_OIDC_PUBLISH_REKOR_URL: 'http://[::1]:1235/prefix',
    };
    const policy = attestationPolicy(new URL('http://127.0.0.1:8080/legacy/'), true, true, env);
    expect(policy.attest && [policy.endpoints.fulcio.href, policy.endpoints.rekor.href, policy.customSigstore]).toEqual(
      ['http://127.0.0.1:1234/', 'http://[::1]:1235/prefix', true],
    );
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
    const { endpoints, custom } = sigstoreEndpoints({}, false);
    expect([endpoints.fulcio.href, endpoints.rekor.href, custom]).toEqual([
      'https://fulcio.sigstore.dev/',
      'https://rekor.sigstore.dev/',
      false,
    ]);
  });
  it('takes both URLs on this machine, http or https, for a test index', () => {
    const { endpoints, custom } = sigstoreEndpoints(
      { PYPI_OIDC_PUBLISH_FULCIO_URL: 'https://localhost:3001', PYPI_OIDC_PUBLISH_REKOR_URL: 'http://127.0.0.1:3000' },
      true,
    );
    expect([endpoints.fulcio.host, endpoints.rekor.host, custom]).toEqual(['localhost:3001', '127.0.0.1:3000', true]);
  });
  it.each([
    [{ PYPI_OIDC_PUBLISH_FULCIO_URL: 'http://127.0.0.1:3001' }, /Only one of/],
    [
      { PYPI_OIDC_PUBLISH_FULCIO_URL: 'https://fulcio.example', PYPI_OIDC_PUBLISH_REKOR_URL: 'http://127.0.0.1:3000' },
      /only http:\/\/ or https:\/\/ URLs on this machine/,
    ],
    [
      { PYPI_OIDC_PUBLISH_FULCIO_URL: 'http://127.0.0.2.nip.io', PYPI_OIDC_PUBLISH_REKOR_URL: 'http://127.0.0.1:3000' },
      /only http:\/\/ or https:\/\/ URLs on this machine/,
    ],
    [
      { PYPI_OIDC_PUBLISH_FULCIO_URL: 'http://u:p@127.0.0.1:1', PYPI_OIDC_PUBLISH_REKOR_URL: 'http://127.0.0.1:3000' },
      /without a user name/,
    ],
    [{ PYPI_OIDC_PUBLISH_FULCIO_URL: 'nonsense', PYPI_OIDC_PUBLISH_REKOR_URL: 'http://127.0.0.1:3000' }, /not a URL/],
  ])('refuses %j', (env, message) => {
    expect(() => sigstoreEndpoints(env, true)).toThrow(message);
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
    // Values of the wrong type are named, never a TypeError (which once hid every other problem).
    [
      object({
        envelope: {
          statement: statement({ _type: 'https://in-toto.io/Statement/v1', subject: [null] }),
          signature: 'AA==',
        },
      }),
      'its subject lacks a name',
    ],
    [
      object({
        envelope: {
          statement: statement({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'a', digest: null }] }),
          signature: 'AA==',
        },
      }),
      'its subject lacks a name',
    ],
    [object({ envelope: { statement: statement(null), signature: 'AA==' } }), 'its statement is not a JSON object'],
    [object({ envelope: null }), 'lacks a base64'],
    [object({ verification_material: null }), 'certificate" is not base64'],
    [
      object({ verification_material: { certificate: 'AA==', transparency_entries: [null] } }),
      'non-empty array of objects',
    ],
    [
      object({ verification_material: { certificate: ['AA=='], transparency_entries: [{}] } }),
      'certificate" is not base64',
    ],
    // Nesting is bounded before parsing: a real run once overflowed the stack serializing this.
    [
      object({
        verification_material: {
          certificate: 'AA==',
          transparency_entries: [JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`)],
        },
      }),
      'nests arrays or objects more than 32 deep',
    ],
    [
      object({
        envelope: {
          statement: Buffer.from(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`).toString('base64'),
          signature: 'AA==',
        },
      }),
      'its statement nests',
    ],
  ])('names what is wrong with %s', (text, message) => {
    expect(() => parsePep740(text, 'f.publish.attestation')).toThrow(message);
  });
});

it('refuses an attestation nested 300,000 deep, before parsing it', () => {
  const text = `{"version":1,"x":${'['.repeat(300_000)}${']'.repeat(300_000)}}`;
  expect(() => parsePep740(text, 'f.publish.attestation')).toThrow('nests arrays or objects more than 32 deep');
});

describe('jsonDepth', () => {
  it.each([
    ['1', 0],
    ['[]', 1],
    ['{"a":[{"b":[]}]}', 4],
    ['["[[[[", "\\"[["]', 1],
    ['[[], [[]], []]', 3],
  ])('%s nests %i deep', (text, depth) => {
    expect(jsonDepth(text, 10)).toBe(depth);
  });
  it('stops counting past the limit, in time linear in the text', () => {
    const deep = '['.repeat(2_000_000);
    const started = process.cpuUsage();
    expect(jsonDepth(deep, 32)).toBe(33);
    expect(jsonDepth(`"${'x'.repeat(2_000_000)}"`, 32)).toBe(0);
    expect(process.cpuUsage(started).user).toBeLessThan(1_000_000);
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

describe('findPremadeAttestations reads at most the cap, from regular files only', () => {
  const dist = [{ filename: WHEEL, sha256: WHEEL_SHA256 }];
  const name = `${WHEEL}.publish.attestation`;
  const problem = async (path: string) => {
    const error = await findPremadeAttestations(path, dist).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    return (error as Error).message;
  };

  it('follows a symbolic link to a regular file, as for dists', async () => {
    const path = await mkdtemp(join(tmpdir(), 'premade-'));
    await symlink(join(FIXTURES, name), join(path, name));
    expect((await findPremadeAttestations(path, dist)).byDist.get(WHEEL)).toHaveLength(1);
  });

  it.runIf(process.platform === 'linux')(
    'stops reading past 1 MiB a file whose size says 0 (/proc/self/pagemap)',
    async () => {
      const path = await mkdtemp(join(tmpdir(), 'premade-'));
      await symlink('/proc/self/pagemap', join(path, name));
      const before = process.memoryUsage().rss;
      expect(await problem(path)).toContain(`${name} in packages-dir is more than 1048576 bytes, too large`);
      expect(process.memoryUsage().rss - before).toBeLessThan(64 << 20);
    },
  );

  it('refuses a file over 1 MiB without reading it', async () => {
    const path = await mkdtemp(join(tmpdir(), 'premade-'));
    await writeFile(join(path, name), Buffer.alloc(2 << 20, 0x20));
    expect(await problem(path)).toContain(`${name} in packages-dir is 2097152 bytes, too large`);
  });

  it.runIf(process.platform !== 'win32')(
    'refuses a FIFO, a directory and links to them, without opening them',
    async () => {
      const path = await mkdtemp(join(tmpdir(), 'premade-'));
      execFileSync('mkfifo', [join(path, `${WHEEL}.fifo.attestation`)]);
      await mkdir(join(path, `${WHEEL}.dir.attestation`));
      await symlink(join(path, `${WHEEL}.fifo.attestation`), join(path, `${WHEEL}.tofifo.attestation`));
      await symlink('/nonexistent', join(path, `${WHEEL}.dangling.attestation`));
      const message = await problem(path);
      expect(message).toContain(`${WHEEL}.fifo.attestation in packages-dir is not a regular file`);
      expect(message).toContain(`${WHEEL}.dir.attestation in packages-dir is not a regular file`);
      expect(message).toContain(
        `${WHEEL}.tofifo.attestation in packages-dir is a symbolic link to something other than a regular file`,
      );
      expect(message).toContain(
        `${WHEEL}.dangling.attestation in packages-dir is a symbolic link to something other than a regular file`,
      );
    },
  );

  it('reports every bad file at once: a TypeError in one no longer hides the others', async () => {
    const fixture = JSON.parse(await readFile(join(FIXTURES, name), 'utf8')) as { envelope: { statement: string } };
    const nullSubject = {
      ...fixture,
      envelope: {
        ...fixture.envelope,
        statement: Buffer.from(
          JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [null], predicateType: 'p' }),
        ).toString('base64'),
      },
    };
    const path = await mkdtemp(join(tmpdir(), 'premade-'));
    await writeFile(join(path, `${WHEEL}.a.attestation`), JSON.stringify(nullSubject));
    await writeFile(join(path, `${WHEEL}.b.attestation`), 'not json');
    const message = await problem(path);
    expect(message).toContain(`${WHEEL}.a.attestation is not a PEP 740 attestation: its subject lacks a name`);
    expect(message).toContain(`${WHEEL}.b.attestation is not a PEP 740 attestation: it is not JSON`);
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
