// PEP 740 attestations end to end: the action in-process against the local index, a test Fulcio
// and a test Rekor, all real HTTP servers on 127.0.0.1; pypi-attestations as the oracle.
import { execFile } from 'node:child_process';
import { createHash, generateKeyPairSync, sign, verify, X509Certificate } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/action-runner.ts';
import { startLocalIndex, type LocalIndex, type LocalIndexOptions } from '../support/local-index.ts';
import { fixtureDists, packagesDir } from '../support/packages-dir.ts';
import { ROOT, venvBin } from '../support/python-env.ts';
import { githubExtensions } from '../support/sigstore/fulcio.ts';
import { startSigstore, type TestSigstore } from '../support/sigstore/sigstore.ts';
import { uriSan } from '../support/sigstore/test-ca.ts';

const FIXTURES = join(ROOT, 'test/fixtures/pep740');
const FIXTURE_DISTS = ['pypi_attestations-0.0.19.tar.gz', 'rfc8785-0.1.2-py3-none-any.whl'];
const PUBLISH = 'https://docs.pypi.org/attestations/publish/v1';
const WORKFLOW_REF = 'octo-org/sampleproject/.github/workflows/release.yml@refs/tags/v1.0.0';
const FAST = { retry: { baseDelayMs: 1, maxDelayMs: 5, totalMs: 5_000 } };

interface Pep740 {
  version: number;
  verification_material: { certificate: string; transparency_entries: Record<string, unknown>[] };
  envelope: { statement: string; signature: string };
}

let dists: string[] = [];
let index: LocalIndex | undefined;
let sigstore: TestSigstore | undefined;

beforeAll(async () => {
  dists = await fixtureDists('sampleproject');
});

afterEach(async () => {
  await index?.close();
  await sigstore?.close();
  index = undefined;
  sigstore = undefined;
});

async function start(options: LocalIndexOptions = {}): Promise<{ idx: LocalIndex; sig: TestSigstore }> {
  index = await startLocalIndex({
    publisher: {
      repository: 'octo-org/sampleproject',
      repositoryOwnerId: '1234567',
      workflow: 'release.yml',
      projects: ['sampleproject', 'pypi-attestations', 'rfc8785'],
    },
    ...options,
  });
  sigstore = await startSigstore(index);
  return { idx: index, sig: sigstore };
}

const runnerOf = (idx: LocalIndex) => ({
  requestUrl: idx.github.requestUrl,
  requestToken: idx.github.requestToken,
  eventName: 'push',
});
/** The sampleproject dists, published with trusted publishing and the test Sigstore. */
const publishDists = async (idx: LocalIndex, sig: TestSigstore) =>
  runInProcess(
    { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists) },
    runnerOf(idx),
    FAST,
    sig.env,
  );
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const pae = (type: string, body: Buffer): Buffer =>
  Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${body.length} `), body]);
const statementOf = (a: Pep740) =>
  JSON.parse(Buffer.from(a.envelope.statement, 'base64').toString('utf8')) as {
    subject: { name: string; digest: { sha256: string } }[];
    predicateType: string;
    predicate: unknown;
  };

/** The JSON structure without values: keys, and the type of every leaf. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, shape(v)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  return value === null ? 'null' : typeof value;
}

interface OracleFile {
  parsed: boolean;
  error?: string;
  bundle?: {
    verificationMaterial: { certificate: { rawBytes: string }; tlogEntries: unknown[] };
    dsseEnvelope: { payload: string; signatures: { sig: string }[] };
  };
  san?: string[];
  extensions?: Record<string, string>;
  /** Given the dist: "ok", or why pypi-attestations' verify would refuse the subject for it. */
  subject?: string;
}

/** Attestation paths, each with the dist it should be checked against. */
async function oracle(pairs: [attestation: string, dist?: string][]): Promise<Record<string, OracleFile>> {
  const { stdout } = await promisify(execFile)(
    venvBin('python'),
    [
      join(ROOT, 'test/python/attestation_oracle.py'),
      ...pairs.map(([attestation, dist]) => (dist ? `${attestation}=${dist}` : attestation)),
    ],
    { maxBuffer: 16 << 20 },
  );
  return (JSON.parse(stdout) as { files: Record<string, OracleFile> }).files;
}

describe('PEP 740 attestations with trusted publishing', () => {
  it('signs one publish attestation per dist, with one certificate, and uploads it with the file', async () => {
    const { idx, sig } = await start();
    // The index verifies each attestation's chain and Build Config URI against the publisher, as Warehouse does.
    idx.verifyAttestationsAgainst(sig.fulcio.ca.root.der);
    const dir = await packagesDir(dists);
    const before = (await readdir(dir)).sort();
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': dir, verbose: 'true' },
      runnerOf(idx),
      FAST,
      sig.env,
    );
    expect(result.error).toBeUndefined();

    // Nothing written into packages-dir; the objects are in RUNNER_TEMP and listed in the output.
    expect((await readdir(dir)).sort()).toEqual(before);
    const paths = JSON.parse(result.outputs.attestations) as string[];
    expect(paths).toHaveLength(dists.length);
    for (const path of paths) expect(path.startsWith(sig.runnerTemp)).toBe(true);

    // One certificate for the run, one Rekor entry per file.
    expect(sig.fulcio.issued).toHaveLength(1);
    expect(sig.rekor.entries).toHaveLength(dists.length);
    const rootKey = new X509Certificate(sig.fulcio.ca.root.der).publicKey;

    for (const path of dists) {
      const filename = basename(path);
      const bytes = await readFile(path);
      const stored = idx.files.get(filename)!;
      // Exactly one attestation, a publish one, and it is the one written to RUNNER_TEMP.
      expect(stored.attestations).toHaveLength(1);
      const attestation = stored.attestations[0] as Pep740;
      const written = paths.find((p) => basename(p) === `${filename}.publish.attestation`)!;
      expect(JSON.parse(await readFile(written, 'utf8'))).toEqual(attestation);

      const statement = statementOf(attestation);
      expect(statement.subject).toEqual([{ name: filename, digest: { sha256: sha256(bytes) } }]);
      expect(statement.predicateType).toBe(PUBLISH);
      expect(statement.predicate).toBeNull();

      // The DSSE signature verifies with the certificate's key; the certificate chains to the test CA.
      const certificate = new X509Certificate(Buffer.from(attestation.verification_material.certificate, 'base64'));
      expect(certificate.verify(rootKey)).toBe(true);
      expect(certificate.checkIssued(new X509Certificate(sig.fulcio.ca.root.der))).toBe(true);
      expect(certificate.subjectAltName).toBe(`URI:https://github.com/${WORKFLOW_REF}`);
      const payload = Buffer.from(attestation.envelope.statement, 'base64');
      expect(
        verify(
          'sha256',
          pae('application/vnd.in-toto+json', payload),
          certificate.publicKey,
          Buffer.from(attestation.envelope.signature, 'base64'),
        ),
      ).toBe(true);

      // The entry carries Rekor's canonicalized body, as Rekor stored it.
      const entry = attestation.verification_material.transparency_entries[0];
      const body = Buffer.from(entry.canonicalizedBody as string, 'base64');
      expect(sig.rekor.entries.some((e) => e.body.equals(body))).toBe(true);
      const spec = (
        JSON.parse(body.toString('utf8')) as {
          spec: { payloadHash: { value: string }; signatures: { signature: string }[] };
        }
      ).spec;
      expect(spec.payloadHash.value).toBe(sha256(payload));
      expect(spec.signatures[0].signature).toBe(attestation.envelope.signature);
    }

    // The summary says which file carries which attestation; verbose logs the identity, never a token.
    expect(result.summary).toContain('| File | Size | SHA-256 | Result | Attestations |');
    expect(result.summary.match(/\| publish \|/g)).toHaveLength(dists.length);
    const identity = result.log.find((l) => l.includes('signing certificate:'))!;
    expect(identity).toContain(`SAN https://github.com/${WORKFLOW_REF}`);
    expect(identity).toContain('issuer https://token.actions.githubusercontent.com');
    expect(identity).toContain(`Build Config URI https://github.com/${WORKFLOW_REF}`);
    expect(result.secrets.filter((s) => s.split('.').length === 3).length).toBeGreaterThanOrEqual(2);
    const everything = [...result.log, result.summary, ...Object.values(result.outputs)].join('\n');
    for (const secret of result.secrets) expect(everything).not.toContain(secret);
  });

  it('makes objects that pypi-attestations parses and converts back to a Sigstore bundle, with the fixtures structure', async () => {
    const { idx, sig } = await start();
    const result = await publishDists(idx, sig);
    expect(result.error).toBeUndefined();
    const ours = JSON.parse(result.outputs.attestations) as string[];
    const fixtures = FIXTURE_DISTS.map((d) => join(FIXTURES, `${d}.publish.attestation`));
    const distOf = (path: string) => dists.find((d) => `${basename(d)}.publish.attestation` === basename(path));
    const judged = await oracle([
      ...ours.map((path): [string, string | undefined] => [path, distOf(path)]),
      ...fixtures.map((path): [string, string] => [path, path.replace(/\.publish\.attestation$/, '')]),
    ]);
    const fixtureShape = shape(JSON.parse(await readFile(fixtures[0], 'utf8')));
    expect(shape(JSON.parse(await readFile(fixtures[1], 'utf8')))).toEqual(fixtureShape);
    for (const path of ours) {
      const file = judged[path];
      expect(file.error).toBeUndefined();
      expect(file.parsed).toBe(true);
      // Its subject is the very file uploaded: name and sha256, as PyPI checks them.
      expect(distOf(path)).toBeDefined();
      expect(file.subject).toBe('ok');
      const object = JSON.parse(await readFile(path, 'utf8')) as Pep740;
      expect(shape(object)).toEqual(fixtureShape);
      // Converted back, the bundle holds exactly our certificate, entry, statement and signature.
      expect(file.bundle!.verificationMaterial.certificate.rawBytes).toBe(object.verification_material.certificate);
      expect(file.bundle!.verificationMaterial.tlogEntries).toEqual(object.verification_material.transparency_entries);
      expect(file.bundle!.dsseEnvelope.payload).toBe(object.envelope.statement);
      expect(file.bundle!.dsseEnvelope.signatures[0].sig).toBe(object.envelope.signature);
      // What PyPI checks against the publisher.
      expect(file.san).toEqual([`https://github.com/${WORKFLOW_REF}`]);
      expect(file.extensions).toMatchObject({
        issuer: 'https://token.actions.githubusercontent.com',
        source_repository_uri: 'https://github.com/octo-org/sampleproject',
        build_config_uri: `https://github.com/${WORKFLOW_REF}`,
        build_signer_uri: `https://github.com/${WORKFLOW_REF}`,
      });
    }
    for (const path of fixtures) expect(judged[path]).toMatchObject({ parsed: true, subject: 'ok' });
  });

  it('the oracle refuses a subject whose digest is not the file: one changed byte', async () => {
    const { idx, sig } = await start();
    const result = await publishDists(idx, sig);
    expect(result.error).toBeUndefined();
    const wheel = dists.find((d) => d.endsWith('.whl'))!;
    const attestation = (JSON.parse(result.outputs.attestations) as string[]).find(
      (p) => basename(p) === `${basename(wheel)}.publish.attestation`,
    )!;
    const bytes = await readFile(wheel);
    bytes[bytes.length - 1] ^= 0x01;
    const altered = join(await packagesDir([], { [basename(wheel)]: bytes }), basename(wheel));
    const judged = await oracle([[attestation, altered]]);
    expect(judged[attestation].subject).toBe('subject does not match distribution digest');
  });

  it("uploads the fixtures' real attestations lying beside their dists as they are, and signs nothing", async () => {
    const { idx, sig } = await start();
    const dir = await packagesDir(
      FIXTURE_DISTS.flatMap((d) => [join(FIXTURES, d), join(FIXTURES, `${d}.publish.attestation`)]),
    );
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': dir },
      runnerOf(idx),
      FAST,
      sig.env,
    );
    expect(result.error).toBeUndefined();
    for (const dist of FIXTURE_DISTS) {
      const fixture = JSON.parse(await readFile(join(FIXTURES, `${dist}.publish.attestation`), 'utf8')) as unknown;
      expect(idx.files.get(dist)!.attestations).toEqual([fixture]);
    }
    expect(sig.fulcio.requests).toHaveLength(0);
    expect(sig.rekor.requests).toHaveLength(0);
    expect(JSON.parse(result.outputs.attestations)).toEqual([]);
    expect(result.summary.match(/\| publish \(pre-made\) \|/g)).toHaveLength(2);
    expect(result.log.some((l) => l.includes('not distributions'))).toBe(false);
  });

  it('uploads a pre-made SLSA provenance attestation with the publish one it signs; warns about one without its dist', async () => {
    const { idx, sig } = await start();
    const wheel = dists.find((d) => d.endsWith('.whl'))!;
    const fixture = JSON.parse(
      await readFile(join(FIXTURES, 'rfc8785-0.1.2-py3-none-any.whl.publish.attestation'), 'utf8'),
    ) as Pep740;
    // Another tool's provenance for this wheel (the local index, unlike PyPI, checks no signature).
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: basename(wheel), digest: { sha256: sha256(await readFile(wheel)) } }],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: { buildDefinition: {} },
    };
    const provenance = {
      ...fixture,
      envelope: { ...fixture.envelope, statement: Buffer.from(JSON.stringify(statement)).toString('base64') },
    };
    const dir = await packagesDir(dists, {
      [`${basename(wheel)}.slsa.attestation`]: JSON.stringify(provenance),
      'gone-1.0.tar.gz.publish.attestation': '{}',
    });
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': dir },
      runnerOf(idx),
      FAST,
      sig.env,
    );
    expect(result.error).toBeUndefined();
    const stored = idx.files.get(basename(wheel))!.attestations as Pep740[];
    expect(stored.map((a) => statementOf(a).predicateType)).toEqual([PUBLISH, 'https://slsa.dev/provenance/v1']);
    expect(stored[1]).toEqual(provenance);
    expect(sig.rekor.entries).toHaveLength(dists.length);
    expect(result.summary).toContain('| publish, SLSA provenance (pre-made) |');
    expect(
      result.log.some(
        (l) => l.startsWith('warning: Not uploaded') && l.includes('gone-1.0.tar.gz.publish.attestation'),
      ),
    ).toBe(true);
  });

  it('refuses a pre-made attestation whose subject is another file, naming both, and uploads nothing', async () => {
    const { idx, sig } = await start();
    const wheel = dists.find((d) => d.endsWith('.whl'))!;
    const foreign = await readFile(join(FIXTURES, 'rfc8785-0.1.2-py3-none-any.whl.publish.attestation'));
    const dir = await packagesDir(dists, { [`${basename(wheel)}.publish.attestation`]: foreign });
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': dir },
      runnerOf(idx),
      FAST,
      sig.env,
    );
    expect(result.error?.message).toContain(
      `${basename(wheel)}.publish.attestation does not attest ${basename(wheel)}`,
    );
    expect(result.error?.message).toContain('rfc8785-0.1.2-py3-none-any.whl with sha256 c4e92e9e');
    expect(result.error?.message).toContain(sha256(await readFile(wheel)));
    expect(idx.files.size).toBe(0);
    expect(sig.fulcio.requests).toHaveLength(0);
  });
});

describe('when no attestations are made', () => {
  it('sends none in API-token mode and says why', async () => {
    const { idx, sig } = await start({ apiTokens: ['pypi-test-token'] });
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists), password: 'pypi-test-token' },
      runnerOf(idx),
      FAST,
      sig.env,
    );
    expect(result.error).toBeUndefined();
    expect(idx.uploads.every((u) => !u.fields.some(([name]) => name === 'attestations'))).toBe(true);
    expect(
      result.log.some((l) => l.startsWith('notice: No PEP 740 attestations were made: they need trusted publishing')),
    ).toBe(true);
    expect(sig.fulcio.requests).toHaveLength(0);
  });

  it('sends none to an index that is not PyPI and says why', async () => {
    const { idx, sig } = await start();
    const env = { ...sig.env, PYPI_OIDC_PUBLISH_TEST_ATTESTATION_INDEX: undefined };
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists) },
      runnerOf(idx),
      FAST,
      env,
    );
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(dists.length);
    expect(idx.uploads.every((u) => !u.fields.some(([name]) => name === 'attestations'))).toBe(true);
    expect(
      result.log.some((l) =>
        l.startsWith(`notice: No PEP 740 attestations were made: ${new URL(idx.uploadUrl).host} is not PyPI`),
      ),
    ).toBe(true);
    expect(sig.fulcio.requests).toHaveLength(0);
    expect(result.summary).not.toContain('Attestations |');
  });

  it("sends none with 'attestations: false', silently", async () => {
    const { idx, sig } = await start();
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists), attestations: 'false' },
      runnerOf(idx),
      FAST,
      sig.env,
    );
    expect(result.error).toBeUndefined();
    expect(idx.uploads.every((u) => !u.fields.some(([name]) => name === 'attestations'))).toBe(true);
    expect(result.log.some((l) => l.includes('PEP 740'))).toBe(false);
    expect(sig.fulcio.requests).toHaveLength(0);
  });

  it('uploads without attestations from a reusable workflow, with a warning that explains why', async () => {
    const called = 'octo-org/sampleproject/.github/workflows/publish.yml@refs/tags/v1.0.0';
    const { idx, sig } = await start({
      claims: { job_workflow_ref: called, workflow_ref: WORKFLOW_REF },
      publisher: {
        repository: 'octo-org/sampleproject',
        repositoryOwnerId: '1234567',
        workflow: 'publish.yml',
        projects: ['sampleproject'],
      },
    });
    const result = await publishDists(idx, sig);
    expect(result.error).toBeUndefined();
    expect(idx.files.size).toBe(dists.length);
    expect(idx.uploads.every((u) => !u.fields.some(([name]) => name === 'attestations'))).toBe(true);
    const warning = result.log.find((l) => l.startsWith('warning: Uploading without PEP 740 attestations'))!;
    expect(warning).toContain(`reusable workflow ${called}, called from ${WORKFLOW_REF}`);
    expect(warning).toContain('Invalid attestations supplied during upload');
    expect(sig.fulcio.requests).toHaveLength(0);
  });
});

describe('signing failures', () => {
  it('Fulcio answering 401: its own message, the way out, nothing uploaded', async () => {
    const { idx, sig } = await start();
    sig.fulcio.failNext(
      401,
      { code: 16, message: 'There was an error processing the identity token', details: [] },
      10,
    );
    const result = await publishDists(idx, sig);
    expect(result.error?.message).toMatch(
      /^Nothing was uploaded: signing the PEP 740 attestation for \S+ failed at Sigstore's certificate authority, Fulcio \(http:\/\/127\.0\.0\.1:\d+\/\)/,
    );
    expect(result.error?.message).toContain(
      'Fulcio answered 401 Unauthorized: There was an error processing the identity token',
    );
    expect((result.error as { hint?: string }).hint).toContain("'attestations: false'");
    expect(idx.uploads).toHaveLength(0);
    expect(sig.rekor.requests).toHaveLength(0);
    expect(JSON.parse(result.outputs.attestations)).toEqual([]);
  });

  it('Rekor answering 500: its own message, the way out, nothing uploaded', async () => {
    const { idx, sig } = await start();
    sig.rekor.failNext(500, { code: 500, message: 'error communicating with backend' }, 10);
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': await packagesDir(dists), retries: '1' },
      runnerOf(idx),
      FAST,
      sig.env,
    );
    expect(result.error?.message).toMatch(
      /failed at Sigstore's transparency log, Rekor \(http:\/\/127\.0\.0\.1:\d+\/\), which did not record the signature/,
    );
    expect(result.error?.message).toContain(
      'Rekor answered 500 Internal Server Error: error communicating with backend (gave up after 2 attempts)',
    );
    expect((result.error as { hint?: string }).hint).toContain("'attestations: false'");
    expect(sig.rekor.requests).toHaveLength(2);
    expect(idx.uploads).toHaveLength(0);
  });

  it('the runner giving no token for Sigstore: names that step', async () => {
    const { idx, sig } = await start();
    let calls = 0;
    idx.override('github-token', (req, res) => {
      if (!req.url?.includes('audience=sigstore')) return false;
      calls++;
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Resource not accessible by integration' }));
      return true;
    });
    const result = await publishDists(idx, sig);
    expect(calls).toBe(1);
    expect(result.error?.message).toContain(
      "failed at the first step, getting an OIDC token for Sigstore (audience 'sigstore') from GitHub's runner",
    );
    expect(idx.uploads).toHaveLength(0);
    expect(sig.fulcio.requests).toHaveLength(0);
  });

  it('explains PyPI refusing an attestation signed in another workflow (the index verifies identity, as Warehouse does)', async () => {
    const { idx, sig } = await start();
    idx.verifyAttestationsAgainst(sig.fulcio.ca.root.der);
    const wheel = dists.find((d) => d.endsWith('.whl'))!;
    // A publish attestation for this very wheel, certified by the same Fulcio for another workflow.
    const nightly = 'octo-org/sampleproject/.github/workflows/nightly.yml@refs/heads/main';
    const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const claims = {
      iss: 'https://token.actions.githubusercontent.com',
      repository: 'octo-org/sampleproject',
      workflow_ref: nightly,
      job_workflow_ref: nightly,
    };
    const der = sig.fulcio.ca.issue(key.publicKey, new Date(), 600_000, [
      uriSan(`https://github.com/${nightly}`),
      ...githubExtensions(claims),
    ]);
    const statement = Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: basename(wheel), digest: { sha256: sha256(await readFile(wheel)) } }],
        predicateType: PUBLISH,
        predicate: null,
      }),
    );
    const signature = sign('sha256', pae('application/vnd.in-toto+json', statement), key.privateKey);
    const foreign = {
      version: 1,
      verification_material: { certificate: der.toString('base64'), transparency_entries: [{ logIndex: '1' }] },
      envelope: { statement: statement.toString('base64'), signature: signature.toString('base64') },
    };
    const dir = await packagesDir(dists, { [`${basename(wheel)}.publish.attestation`]: JSON.stringify(foreign) });
    const result = await runInProcess(
      { 'repository-url': idx.uploadUrl, 'packages-dir': dir },
      runnerOf(idx),
      FAST,
      sig.env,
    );
    expect(result.error?.message).toContain(
      `refused ${basename(wheel)}: 400 Bad Request: Invalid attestations supplied during upload: Could not verify the uploaded artifact using the included attestation: Verification failed: Certificate's Build Config URI (https://github.com/${nightly}) does not match expected Trusted Publisher (release.yml @ octo-org/sampleproject)`,
    );
    const hint = (result.error as { hint?: string }).hint!;
    expect(hint).toContain('a pre-made attestation in packages-dir signed elsewhere');
    expect(hint).toContain("'verbose: true'");
    expect(hint).toContain("'attestations: false'");
    expect(idx.files.size).toBe(0);
  });
});
