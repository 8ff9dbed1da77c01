import { createHash, generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTarGz } from './support/archives.ts';
import { blake2b256Hex } from './support/blake2b.ts';
import { decodeJwt, signJwt, verifyJwt } from './support/jwt.ts';
import { startLocalIndex, type LocalIndex, type LocalIndexOptions } from './support/local-index.ts';
import { parseMultipart } from './support/multipart-parser.ts';
import { watchMasks } from './support/mask-witness.ts';

const BOUNDARY = 'test-boundary-7f3a';
const WHEEL = 'sampleproject-1.0.0-py3-none-any.whl';

const open: LocalIndex[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((index) => index.close()));
});

async function start(options?: LocalIndexOptions): Promise<LocalIndex> {
  const index = await startLocalIndex(options);
  open.push(index);
  return index;
}

interface FilePart {
  filename: string;
  data: Buffer;
  contentType?: string;
}

/** A multipart/form-data body written out by hand, text values byte for byte. */
function multipart(fields: [string, string][], file?: FilePart): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    chunks.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
      Buffer.from(value, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="content"; filename="${file.filename}"\r\n`),
    );
    chunks.push(
      Buffer.from(`Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

function uploadFields(data: Buffer, overrides: Record<string, string | undefined> = {}): [string, string][] {
  const base: Record<string, string | undefined> = {
    metadata_version: '2.1',
    name: 'sampleproject',
    version: '1.0.0',
    summary: 'A sample project',
    pyversion: 'py3',
    filetype: 'bdist_wheel',
    sha256_digest: createHash('sha256').update(data).digest('hex'),
    blake2_256_digest: blake2b256Hex(data),
    ':action': 'file_upload',
    protocol_version: '1',
  };
  return Object.entries({ ...base, ...overrides }).filter((entry): entry is [string, string] => entry[1] !== undefined);
}

function basic(token: string, user = '__token__'): string {
  return `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
}

async function idToken(index: LocalIndex, audience = 'pypi'): Promise<string> {
  const response = await fetch(`${index.github.requestUrl}&audience=${audience}`, {
    headers: { authorization: `bearer ${index.github.requestToken}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: string }).value;
}

async function mintRequest(index: LocalIndex, body: string): Promise<{ status: number; json: any }> {
  const response = await fetch(`${index.origin}/_/oidc/mint-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, json: await response.json() };
}

async function mintUploadToken(index: LocalIndex): Promise<string> {
  const { status, json } = await mintRequest(index, JSON.stringify({ token: await idToken(index) }));
  expect(status, JSON.stringify(json)).toBe(200);
  return json.token as string;
}

async function upload(
  index: LocalIndex,
  token: string | undefined,
  form: { body: Buffer; contentType: string },
  json = true,
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': form.contentType };
  if (token !== undefined) headers.authorization = basic(token);
  if (json) headers.accept = 'application/json';
  return fetch(index.uploadUrl, { method: 'POST', headers, body: new Uint8Array(form.body) });
}

async function uploadWheel(
  index: LocalIndex,
  token: string,
  data: Buffer,
  overrides: Record<string, string | undefined> = {},
  filename = WHEEL,
): Promise<Response> {
  return upload(index, token, multipart(uploadFields(data, overrides), { filename, data }));
}

const now = (): number => Math.floor(Date.now() / 1000);

describe('GitHub OIDC token endpoint', () => {
  it('requires the bearer request token', async () => {
    const index = await start();
    expect(index.github.requestUrl).toContain('?');
    expect((await fetch(`${index.github.requestUrl}&audience=pypi`)).status).toBe(401);
    expect(
      (await fetch(`${index.github.requestUrl}&audience=pypi`, { headers: { authorization: 'bearer wrong' } })).status,
    ).toBe(401);
    const first = decodeJwt(await idToken(index));
    const second = decodeJwt(await idToken(index, 'testpypi'));
    expect(first.header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(first.payload).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'pypi',
      repository: 'octo-org/sampleproject',
      repository_owner: 'octo-org',
      repository_owner_id: '1234567',
      environment: 'pypi',
      event_name: 'push',
      ref: 'refs/tags/v1.0.0',
      sub: 'repo:octo-org/sampleproject:environment:pypi',
      workflow_ref: 'octo-org/sampleproject/.github/workflows/release.yml@refs/tags/v1.0.0',
    });
    expect((first.payload.exp as number) - now()).toBeGreaterThan(290);
    expect(second.payload.aud).toBe('testpypi');
    expect(second.payload.jti).not.toBe(first.payload.jti);
  });

  it('takes claim overrides, and removes claims set to undefined', async () => {
    const index = await start({ claims: { repository: 'octo-org/other', environment: undefined } });
    const { payload } = decodeJwt(await idToken(index));
    expect(payload.repository).toBe('octo-org/other');
    expect('environment' in payload).toBe(false);
    expect(decodeJwt(index.issueIdToken({ event_name: 'workflow_dispatch' })).payload.event_name).toBe(
      'workflow_dispatch',
    );
  });
});

describe('trusted publishing on the index', () => {
  it('announces its audience, or says it is disabled or absent', async () => {
    expect(await (await fetch(`${(await start()).origin}/_/oidc/audience`)).json()).toEqual({ audience: 'pypi' });
    expect(await (await fetch(`${(await start({ audience: 'testpypi' })).origin}/_/oidc/audience`)).json()).toEqual({
      audience: 'testpypi',
    });
    const disabled = await fetch(`${(await start({ trustedPublishing: 'disabled' })).origin}/_/oidc/audience`);
    expect([disabled.status, await disabled.json()]).toEqual([
      403,
      { message: 'Trusted publishing functionality not enabled' },
    ]);
    const absent = await fetch(`${(await start({ trustedPublishing: 'absent' })).origin}/_/oidc/audience`, {
      headers: { accept: 'application/json' },
    });
    expect(absent.status).toBe(404);
    expect(await absent.text()).toContain('Not Found');
  });

  it('mints a token once per ID token: a reused jti is refused', async () => {
    const index = await start();
    const jwt = await idToken(index);
    const first = await mintRequest(index, JSON.stringify({ token: jwt }));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ success: true });
    expect(first.json.token).toMatch(/^pypi-/);
    expect(first.json.expires - now()).toBeGreaterThan(890);
    const again = await mintRequest(index, JSON.stringify({ token: jwt }));
    expect(again).toEqual({
      status: 422,
      json: {
        message: 'Token request failed',
        errors: [{ code: 'invalid-reuse-token', description: 'invalid token: already used' }],
      },
    });
    expect(index.mintedTokens).toBe(1);
  });

  it('refuses a token from another repository as invalid-publisher', async () => {
    const index = await start();
    const { status, json } = await mintRequest(
      index,
      JSON.stringify({ token: index.issueIdToken({ repository: 'mallory/sampleproject' }) }),
    );
    expect(status).toBe(422);
    expect(json.errors).toEqual([
      {
        code: 'invalid-publisher',
        description: 'valid token, but no corresponding publisher (Publisher with matching claims was not found)',
      },
    ]);
    expect(index.mints.at(-1)?.reason).toContain("repository is 'mallory/sampleproject'");
  });

  it('checks the workflow file, the environment and the event like Warehouse', async () => {
    const index = await start({
      publisher: {
        repository: 'octo-org/sampleproject',
        repositoryOwnerId: '1234567',
        workflow: 'release.yml',
        environment: 'pypi',
        projects: ['sampleproject'],
      },
    });
    const other = 'octo-org/sampleproject/.github/workflows/other.yml@refs/tags/v1.0.0';
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { job_workflow_ref: other, workflow_ref: other },
        'invalid-publisher',
        'Publisher with matching claims was not found',
      ],
      [{ environment: 'staging' }, 'invalid-publisher', 'Publisher with matching claims was not found'],
      [{ environment: 'PyPI' }, '', ''],
      [{ event_name: 'pull_request_target' }, 'invalid-publisher', 'pull_request_target'],
      [{ sha: undefined }, 'invalid-publisher', "Missing claim 'sha'"],
    ];
    for (const [claims, code, text] of cases) {
      const { status, json } = await mintRequest(index, JSON.stringify({ token: index.issueIdToken(claims) }));
      if (!code) expect(status, JSON.stringify(claims)).toBe(200);
      else
        expect([status, json.errors[0].code, json.errors[0].description.includes(text)], JSON.stringify(json)).toEqual([
          422,
          code,
          true,
        ]);
    }
  });

  it('refuses an expired JWT as invalid-token, within a 30 s leeway', async () => {
    const index = await start();
    const expired = index.issueIdToken({ iat: now() - 600, nbf: now() - 600, exp: now() - 60 });
    expect((await mintRequest(index, JSON.stringify({ token: expired }))).json.errors).toEqual([
      { code: 'invalid-token', description: 'malformed or invalid token' },
    ]);
    expect(index.mints.at(-1)?.reason).toContain('expired');
    const justExpired = index.issueIdToken({ iat: now() - 600, nbf: now() - 600, exp: now() - 10 });
    expect((await mintRequest(index, JSON.stringify({ token: justExpired }))).status).toBe(200);
  });

  it('refuses tampered tokens, wrong audiences and malformed payloads', async () => {
    const index = await start();
    const [header, payload, signature] = index.issueIdToken().split('.') as [string, string, string];
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    const forged = Buffer.from(
      JSON.stringify({ ...decodeJwt(`${header}.${payload}.x`).payload, repository: 'mallory/x' }),
    ).toString('base64url');
    const foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const foreign = signJwt(
      decodeJwt(index.issueIdToken()).payload,
      foreignKey,
      decodeJwt(index.issueIdToken()).header.kid as string,
    );
    for (const token of [
      `${header}.${payload}.${flipped}`,
      `${header}.${forged}.${signature}`,
      foreign,
      index.issueIdToken({ aud: 'testpypi' }),
      index.issueIdToken({ aud: ['pypi'] }),
    ]) {
      expect((await mintRequest(index, JSON.stringify({ token }))).json.errors[0].code).toBe('invalid-token');
    }
    expect(index.mints.map((m) => m.reason).slice(0, 3)).toEqual(['bad signature', 'bad signature', 'bad signature']);
    for (const body of ['not json', '{}', '{"token": 5}', '{"token": "abc"}']) {
      expect((await mintRequest(index, body)).json.errors[0].code).toBe('invalid-payload');
    }
    expect(
      (await mintRequest(index, JSON.stringify({ token: index.issueIdToken({ iss: 'https://example.com' }) }))).json
        .errors[0].description,
    ).toBe('unknown trusted publishing issuer');
    const disabled = await start({ trustedPublishing: 'disabled' });
    expect((await mintRequest(disabled, JSON.stringify({ token: disabled.issueIdToken() }))).json.errors[0].code).toBe(
      'not-enabled',
    );
  });
});

describe('legacy upload API', () => {
  it('redirects /legacy to /legacy/ with 308 and answers GET with 405', async () => {
    const index = await start();
    const redirect = await fetch(`${index.origin}/legacy`, { method: 'POST', redirect: 'manual', body: 'x' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([308, '/legacy/']);
    expect((await fetch(index.uploadUrl)).status).toBe(405);
  });

  it('answers a POST without :action=file_upload with the landing page, storing nothing', async () => {
    const index = await start({ apiTokens: ['pypi-token'] });
    const data = Buffer.from('fake');
    const response = await upload(
      index,
      'pypi-token',
      multipart(uploadFields(data, { ':action': undefined }), { filename: WHEEL, data }),
    );
    expect(response.status).toBe(200);
    expect(index.files.size).toBe(0);
    expect(index.uploads.at(-1)).toMatchObject({ status: 200, message: expect.stringContaining('nothing stored') });
  });

  it('refuses uploads without valid credentials with 403', async () => {
    const index = await start({ apiTokens: ['pypi-user-token'] });
    const data = Buffer.from('fake wheel');
    const form = multipart(uploadFields(data), { filename: WHEEL, data });
    const missing = await upload(index, undefined, form);
    const message = `Invalid or non-existent authentication information. See ${index.origin}/help/#invalid-auth for more information.`;
    expect([missing.status, missing.statusText, await missing.json()]).toEqual([
      403,
      message,
      { message, code: `403 ${message}`, title: 'Forbidden' },
    ]);
    expect((await upload(index, 'pypi-unknown', form)).status).toBe(403);
    const password = await fetch(index.uploadUrl, {
      method: 'POST',
      headers: { 'content-type': form.contentType, authorization: basic('hunter2', 'alice') },
      body: new Uint8Array(form.body),
    });
    expect([password.status, password.statusText]).toEqual([
      403,
      expect.stringContaining('Username/Password authentication is no longer supported'),
    ]);
    expect((await upload(index, 'pypi-user-token', form)).status).toBe(200);
  });

  it('stores an upload with a minted token and lists it on the simple index', async () => {
    const index = await start();
    const token = await mintUploadToken(index);
    const data = Buffer.from('PK fake wheel bytes');
    const response = await uploadWheel(index, token, data, { classifiers: 'Programming Language :: Python :: 3' });
    expect(response.status, response.statusText).toBe(200);
    const stored = index.files.get(WHEEL)!;
    expect(stored.bytes.equals(data)).toBe(true);
    expect(stored.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect([stored.project, stored.version]).toEqual(['sampleproject', '1.0.0']);
    expect(stored.fields.map(([name]) => name)).toEqual(uploadFields(data, { classifiers: 'x' }).map(([name]) => name));
    expect(index.uploads.at(-1)).toMatchObject({
      filename: WHEEL,
      status: 200,
      contentLength: String(
        multipart(uploadFields(data, { classifiers: 'Programming Language :: Python :: 3' }), { filename: WHEEL, data })
          .body.length,
      ),
    });
    const simple = await (
      await fetch(`${index.origin}/simple/SampleProject/`, {
        headers: { accept: 'application/vnd.pypi.simple.v1+json' },
      })
    ).json();
    expect(simple.files).toEqual([expect.objectContaining({ filename: WHEEL, hashes: { sha256: stored.sha256 } })]);
    expect(await (await fetch(`${index.origin}/simple/sampleproject/`)).text()).toContain(
      `${WHEEL}#sha256=${stored.sha256}`,
    );
    expect(Buffer.from(await (await fetch(`${index.origin}/files/${WHEEL}`)).arrayBuffer()).equals(data)).toBe(true);
    expect(index.requests.map((r) => [r.method, r.path.split('?')[0], r.status])).toContainEqual([
      'POST',
      '/legacy/',
      200,
    ]);
  });

  it('refuses a wrong digest with 400 and a Warehouse-shaped answer', async () => {
    const index = await start();
    const token = await mintUploadToken(index);
    const data = Buffer.from('fake wheel');
    const response = await uploadWheel(index, token, data, { sha256_digest: 'ab'.repeat(32) });
    const message = 'The digest supplied does not match a digest calculated from the uploaded file.';
    expect([response.status, response.statusText, await response.json()]).toEqual([
      400,
      message,
      { message, code: `400 ${message}`, title: 'Bad Request' },
    ]);
    const html = await upload(
      index,
      token,
      multipart(uploadFields(data, { blake2_256_digest: '00'.repeat(32) }), { filename: WHEEL, data }),
      false,
    );
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain(message);
    expect(index.files.size).toBe(0);
    const pyramid = await start({ jsonErrorStyle: 'pyramid' });
    const verbose = await uploadWheel(pyramid, await mintUploadToken(pyramid), data, {
      sha256_digest: 'ab'.repeat(32),
    });
    expect(((await verbose.json()) as { message: string }).message).toMatch(
      /^The server could not comply .*\n\n\nThe digest supplied/s,
    );
  });

  it('answers 200 to an identical re-upload and 400 to other content under the same name', async () => {
    const index = await start();
    const token = await mintUploadToken(index);
    const data = Buffer.from('fake wheel v1');
    expect((await uploadWheel(index, token, data)).status).toBe(200);
    expect((await uploadWheel(index, token, data)).status).toBe(200);
    expect(index.files.get(WHEEL)!.bytes.equals(data)).toBe(true);
    const other = Buffer.from('fake wheel v2');
    const response = await uploadWheel(index, token, other);
    const message = `File already exists ('${WHEEL}', with blake2_256 hash '${blake2b256Hex(other)}'). See ${index.origin}/help/#file-name-reuse for more information.`;
    expect([response.status, ((await response.json()) as { message: string }).message]).toEqual([400, message]);
    expect(index.files.get(WHEEL)!.bytes.equals(data)).toBe(true);
  });

  it("limits a minted token to its publisher's projects and lifetime", async () => {
    const index = await start({ existingProjects: ['otherproject'] });
    const token = await mintUploadToken(index);
    const data = Buffer.from('fake');
    const other = await uploadWheel(
      index,
      token,
      data,
      { name: 'OtherProject' },
      'otherproject-1.0.0-py3-none-any.whl',
    );
    expect([other.status, other.statusText]).toEqual([
      403,
      "Invalid API Token: project-scoped token is not valid for project: 'otherproject'",
    ]);
    const unknown = await uploadWheel(index, token, data, { name: 'newproject' }, 'newproject-1.0.0-py3-none-any.whl');
    expect([unknown.status, unknown.statusText]).toEqual([
      400,
      expect.stringContaining('Non-user identities cannot create new projects'),
    ]);
    const shortLived = await start({ tokenLifetimeSeconds: 0 });
    const expired = await uploadWheel(shortLived, await mintUploadToken(shortLived), data);
    expect([expired.status, expired.statusText]).toEqual([403, 'Invalid API Token: token is expired']);
  });

  it("applies Warehouse's form, metadata and filename rules", async () => {
    const index = await start({ maxFileSize: 4096 });
    const token = await mintUploadToken(index);
    const data = Buffer.from('fake');
    const members = (top: string) => [
      { name: `${top}/PKG-INFO`, data: 'Metadata-Version: 2.1\nName: sampleproject\nVersion: 1.0\n' },
      { name: `${top}/setup.py`, data: '' },
    ];
    const sdist = (filename: string, overrides: Record<string, string | undefined> = {}, content: Buffer = data) =>
      uploadWheel(index, token, content, { filetype: 'sdist', pyversion: 'source', ...overrides }, filename);
    const refusals: [Promise<Response>, string][] = [
      [
        uploadWheel(index, token, data, { version: '1.0.0+local' }),
        "The use of local versions in '1.0.0+local' is not allowed.",
      ],
      [uploadWheel(index, token, data, { metadata_version: '2.0' }), "'2.0' is not a valid metadata version."],
      [
        uploadWheel(index, token, data, { pyversion: undefined }),
        'Python version is required for binary distribution uploads.',
      ],
      [
        uploadWheel(index, token, data, { sha256_digest: undefined, blake2_256_digest: undefined }),
        'Include at least one message digest.',
      ],
      [
        uploadWheel(index, token, data, { ':action': 'file_upload', name: 'sample project' }),
        "'sample project' is an invalid value for Name.",
      ],
      [
        uploadWheel(index, token, data, {}, 'SampleProject-1.0.0-py3-none-any.whl'),
        "should contain the normalized project name 'sampleproject'",
      ],
      [
        uploadWheel(index, token, data, {}, 'sampleproject-1.0.1-py3-none-any.whl'),
        "Version in filename should be '1.0.0' not '1.0.1'.",
      ],
      [
        uploadWheel(index, token, data, {}, 'sampleproject-1.0.0-cp312-cp312-linux_x86_64.whl'),
        "unsupported platform tag 'linux_x86_64'",
      ],
      [
        sdist('sampleproject-1.0.0.zip'),
        "Filename 'sampleproject-1.0.0.zip' is invalid, should be 'sampleproject-1.0.0.tar.gz'.",
      ],
      [sdist('sampleproject-1.0.0.egg'), 'Invalid file extension'],
      [sdist('sampleproject-1.0.tar.gz', { version: '1.0' }), 'Invalid distribution file. File is not a tarfile'],
      [
        sdist('sampleproject-1.0.tar.gz', { version: '1.0' }, makeTarGz(members('./sampleproject-1.0'))),
        'Invalid distribution file. PKG-INFO not found at sampleproject-1.0/PKG-INFO',
      ],
      [sdist('sampleproject-1.0.tar.gz', { version: '1.0' }, makeTarGz(members('sampleproject-1.0'))), ''],
      [uploadWheel(index, token, Buffer.alloc(4097)), "File too large. Limit for project 'sampleproject' is 0 MB."],
    ];
    for (const [pending, expected] of refusals) {
      const response = await pending;
      if (!expected) expect(response.status, response.statusText).toBe(200);
      else expect([response.status, response.statusText]).toEqual([400, expect.stringContaining(expected)]);
    }
    expect([...index.files.keys()]).toEqual(['sampleproject-1.0.tar.gz']);
  });

  it('lets a test answer in place of the index through override()', async () => {
    const index = await start();
    let calls = 0;
    const remove = index.override('audience', (_req, res) => {
      if (calls++ > 0) return false;
      res.writeHead(500, 'Boom').end('down');
      return true;
    });
    expect((await fetch(`${index.origin}/_/oidc/audience`)).status).toBe(500);
    expect((await fetch(`${index.origin}/_/oidc/audience`)).status).toBe(200);
    remove();
    index.override('upload', (_req, res, body) => {
      res.writeHead(503, `got ${body.length} bytes`).end();
      return true;
    });
    const data = Buffer.from('fake');
    const response = await uploadWheel(index, 'pypi-anything', data);
    expect(response.status).toBe(503);
    expect(index.uploads.at(-1)).toMatchObject({ filename: WHEEL, status: 503, message: response.statusText });
    expect(index.requests.map((r) => r.status)).toEqual([500, 200, 503]);
  });
});

describe('what the simple API and the Integrity API serve (for wait)', () => {
  const SDIST = 'sampleproject-1.0.0.tar.gz';
  const simpleJson = async (index: LocalIndex): Promise<any> =>
    (
      await fetch(`${index.origin}/simple/sampleproject/`, {
        headers: { accept: 'application/vnd.pypi.simple.v1+json' },
      })
    ).json();

  it('holds a new file back from its simple page and versions for holdBackMs after its upload', async () => {
    const index = await start({ holdBackMs: 60_000 });
    index.seed('sampleproject-0.9.tar.gz', Buffer.from('old sdist'), new Date(Date.now() - 61_000));
    index.seed(WHEEL, Buffer.from('new wheel'), new Date(Date.now() - 59_000));
    const page = await simpleJson(index);
    expect(page.files.map((f: { filename: string }) => f.filename)).toEqual(['sampleproject-0.9.tar.gz']);
    expect(page.versions).toEqual(['0.9']);
    expect(await (await fetch(`${index.origin}/simple/sampleproject/`)).text()).not.toContain(WHEEL);
  });

  it('answers a route with a status a given number of times (failWith), then normally', async () => {
    const index = await start();
    index.failWith('simple', 2, 503);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${index.origin}/simple/sampleproject/`)).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('lists a file with another sha256 once told to (misreportSha256), in JSON and HTML', async () => {
    const index = await start();
    index.seed(WHEEL, Buffer.from('wheel'));
    index.misreportSha256(WHEEL, 'ab'.repeat(32));
    expect((await simpleJson(index)).files[0].hashes).toEqual({ sha256: 'ab'.repeat(32) });
    expect(await (await fetch(`${index.origin}/simple/sampleproject/`)).text()).toContain(`#sha256=${'ab'.repeat(32)}`);
    expect(index.files.get(WHEEL)!.sha256).toBe(createHash('sha256').update('wheel').digest('hex'));
  });

  const attestation = (filename: string, data: Buffer) => ({
    version: 1,
    verification_material: { certificate: 'AA==', transparency_entries: [{}] },
    envelope: {
      statement: Buffer.from(
        JSON.stringify({
          _type: 'https://in-toto.io/Statement/v1',
          subject: [{ name: filename, digest: { sha256: createHash('sha256').update(data).digest('hex') } }],
          predicateType: 'https://docs.pypi.org/attestations/publish/v1',
          predicate: null,
        }),
      ).toString('base64'),
      signature: 'AA==',
    },
  });

  async function uploadAttested(index: LocalIndex): Promise<unknown> {
    const data = Buffer.from('PK attested wheel');
    const attestations = [attestation(WHEEL, data)];
    const response = await uploadWheel(index, await mintUploadToken(index), data, {
      attestations: JSON.stringify(attestations),
    });
    expect(response.status, response.statusText).toBe(200);
    return attestations;
  }

  it('serves the provenance of uploaded attestations, naming the trusted publisher, as Warehouse does', async () => {
    const index = await start();
    const attestations = await uploadAttested(index);
    index.seed(SDIST, Buffer.from('sdist without attestations'));
    const files = (await simpleJson(index)).files as { filename: string; provenance: string | null }[];
    const url = `${index.origin}/integrity/sampleproject/1.0.0/${WHEEL}/provenance`;
    expect(files.map((f) => [f.filename, f.provenance])).toEqual([
      [WHEEL, url],
      [SDIST, null],
    ]);
    expect(await (await fetch(`${index.origin}/simple/sampleproject/`)).text()).toContain(`data-provenance="${url}"`);
    const response = await fetch(url);
    expect(response.headers.get('content-type')).toBe('application/vnd.pypi.integrity.v1+json');
    expect(await response.json()).toEqual({
      version: 1,
      attestation_bundles: [
        {
          publisher: {
            kind: 'GitHub',
            repository: 'octo-org/sampleproject',
            workflow: 'release.yml',
            environment: null,
          },
          attestations,
        },
      ],
    });
    const none = await fetch(`${index.origin}/integrity/sampleproject/1.0.0/${SDIST}/provenance`);
    expect([none.status, await none.json()]).toEqual([404, { message: `No provenance available for ${SDIST}` }]);
    // The project and version must be the file's.
    expect((await fetch(`${index.origin}/integrity/sampleproject/2.0/${WHEEL}/provenance`)).status).toBe(404);
    expect((await fetch(`${index.origin}/integrity/other/1.0.0/${WHEEL}/provenance`)).status).toBe(404);
  });

  it('names another publisher (provenancePublisher), or shows none (keepProvenance: false)', async () => {
    const other = { kind: 'GitHub', repository: 'octo-org/other', workflow: 'deploy.yml', environment: 'pypi' };
    const named = await start({ provenancePublisher: other });
    await uploadAttested(named);
    const provenance = await (await fetch(`${named.origin}/integrity/sampleproject/1.0.0/${WHEEL}/provenance`)).json();
    expect(provenance.attestation_bundles[0].publisher).toEqual(other);

    const dropped = await start({ keepProvenance: false });
    await uploadAttested(dropped);
    expect(dropped.files.get(WHEEL)!.attestations).toHaveLength(1);
    expect((await simpleJson(dropped)).files[0].provenance).toBeNull();
    expect((await fetch(`${dropped.origin}/integrity/sampleproject/1.0.0/${WHEEL}/provenance`)).status).toBe(404);
  });
});

describe('multipart parser', () => {
  const values: [string, string][] = [
    ['description', 'Line one\nline two\r\nline three\r\n\r\n'],
    ['summary', 'Ünïcödé — 日本語 ✓'],
    ['keywords', '  spaced  '],
    ['empty', ''],
    ['classifiers', 'A :: B'],
    ['classifiers', 'C :: D'],
  ];

  it('round-trips values byte for byte, including LF, CRLF and non-ASCII text', () => {
    const file = Buffer.from([0x0d, 0x0a, 0x2d, 0x2d, 0x00, 0xff, 0x0d, 0x0a]);
    const { body, contentType } = multipart(values, { filename: 'x-1.0.tar.gz', data: file });
    const parts = parseMultipart(body, contentType);
    expect(parts.slice(0, -1).map((part) => [part.name, part.data.toString('utf8')])).toEqual(values);
    const content = parts.at(-1)!;
    expect([content.name, content.filename, content.contentType, content.data.equals(file)]).toEqual([
      'content',
      'x-1.0.tar.gz',
      'application/octet-stream',
      true,
    ]);
    expect(parseMultipart(body, `multipart/form-data; boundary="${BOUNDARY}"`)).toHaveLength(values.length + 1);
  });

  it('refuses malformed bodies with a clear error', () => {
    const { body, contentType } = multipart([['a', 'b']]);
    expect(() => parseMultipart(body, 'multipart/form-data')).toThrow(/no boundary/);
    expect(() => parseMultipart(body, 'application/json')).toThrow(/not multipart\/form-data/);
    expect(() => parseMultipart(body.subarray(0, body.length - 4), contentType)).toThrow(/closing boundary/);
    expect(() => parseMultipart(Buffer.concat([Buffer.from('preamble\r\n'), body]), contentType)).toThrow(
      /does not start with the boundary/,
    );
    expect(() => parseMultipart(Buffer.from(body.toString().replace('\r\n\r\n', '\n\n')), contentType)).toThrow(
      /blank line/,
    );
    expect(() =>
      parseMultipart(Buffer.from(body.toString().replace('form-data; name="a"', 'attachment')), contentType),
    ).toThrow(/not form-data/);
  });

  it('keeps every value the server receives exactly as sent', async () => {
    const index = await start({ apiTokens: ['pypi-token'] });
    const data = Buffer.from('fake');
    const fields = [...uploadFields(data, { summary: undefined }), ...values];
    const response = await upload(index, 'pypi-token', multipart(fields, { filename: WHEEL, data }));
    expect(response.status, response.statusText).toBe(200);
    expect(index.files.get(WHEEL)!.fields).toEqual(fields);
  });
});

describe('JWT and BLAKE2b helpers', () => {
  it('signs and verifies RS256, naming what is wrong', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = signJwt({ sub: 'x' }, privateKey, 'k1');
    expect(verifyJwt(token, publicKey)).toEqual({
      header: { typ: 'JWT', alg: 'RS256', kid: 'k1' },
      payload: { sub: 'x' },
    });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect(() => verifyJwt(token, other)).toThrow('bad signature');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${token.split('.')[1]}.`;
    expect(() => verifyJwt(none, publicKey)).toThrow(/not RS256/);
    expect(() => verifyJwt('a.b', publicKey)).toThrow(/malformed/);
  });

  it('computes BLAKE2b-256 as Warehouse does', () => {
    expect(blake2b256Hex(Buffer.from('abc'))).toBe('bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319');
    expect(blake2b256Hex(Buffer.alloc(0))).toBe('0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8');
  });
});

describe('credentials masked before they are sent (test/support/mask-witness.ts)', () => {
  it('refuses, and remembers, each credential a watched run had not masked when it arrived', async () => {
    const index = await startLocalIndex();
    const masked = new Set<string>();
    const unwatch = watchMasks(() => masked);
    try {
      const early = await fetch(`${index.github.requestUrl}&audience=pypi`, {
        headers: { authorization: `bearer ${index.github.requestToken}` },
      });
      expect(early.status).toBe(500);
      expect(index.unmasked).toEqual([
        "the runner's request token (ACTIONS_ID_TOKEN_REQUEST_TOKEN) reached GET /github/token before its ::add-mask:: line",
      ]);
      masked.add(index.github.requestToken);
      const id = await idToken(index);
      expect((await mintRequest(index, JSON.stringify({ token: id }))).status).toBe(500);
      masked.add(id);
      const minted = await mintRequest(index, JSON.stringify({ token: id }));
      expect(minted.status).toBe(200);
      expect((await uploadWheel(index, minted.json.token as string, Buffer.from('wheel'))).status).toBe(500);
      expect(index.unmasked.slice(1)).toEqual([
        'a GitHub ID token reached POST /_/oidc/mint-token before its ::add-mask:: line',
        'a minted upload token reached POST /legacy/ before its ::add-mask:: line',
      ]);
    } finally {
      unwatch();
    }
    await expect(index.close()).rejects.toThrow(/sent before they were masked/);
  });

  it('checks nothing while no run is watched', async () => {
    const index = await start();
    await idToken(index);
    expect(index.unmasked).toEqual([]);
  });
});
