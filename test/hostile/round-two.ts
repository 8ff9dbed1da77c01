// Issue 13's smaller findings as crafted servers, files and environments, each run through the
// action's steps as action.yml names them (dist/index.js, dist/post.js) in a checkout's root: this
// one for test/hostile/round-two.test.ts, or the code before a fix for scripts/hostile-figures.ts.
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCertificates } from '../../scripts/bench/tls.ts';
import { parseOutputFile, stepEntry } from '../support/bundle-runner.ts';
import { startLocalIndex, type LocalIndex, type LocalIndexOptions } from '../support/local-index.ts';
import { startSigstore, type TestSigstore } from '../support/sigstore/sigstore.ts';
import { NAME, WHEEL, wheel } from './crafted.ts';
import { replay } from '../support/runner-emulator.ts';
import { MARKER } from './cases.ts';
import { runAction, type MeasuredRun } from './harness.ts';

export interface Outcome {
  /** The step the case is about. */
  run: MeasuredRun;
  /** Files the index stored. */
  uploads: number;
  /** What reached a place it must not (a token at another origin, a request that should not be sent). */
  leaks: string[];
  /** Values that must never be printed in clear. */
  secrets: string[];
}

export interface RoundTwoCase {
  id: string;
  title: string;
  expected: { code: 0 | 1; log: string[] };
  run(root: string): Promise<Outcome>;
}

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Recorder {
  origin: string;
  port: number;
  requests: Seen[];
  /** CONNECT targets, when it is asked to act as a proxy. */
  tunnels: string[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that records every request with its body, and answers as told (500 by default). */
async function recorder(
  answer: (seen: Seen, res: ServerResponse) => void = (_seen, res) => void res.writeHead(500).end(),
  tunnel?: (target: string) => number | undefined,
): Promise<Recorder> {
  const requests: Seen[] = [];
  const tunnels: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(seen);
      answer(seen, res);
    });
  });
  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const port = tunnel?.(req.url ?? '');
    if (port === undefined) return void socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    const upstream = connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

const PUBLISHER = {
  repository: 'octo-org/sampleproject',
  repositoryOwnerId: '1234567',
  workflow: 'release.yml',
  projects: [NAME],
};
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** What every case sets up: a scratch directory, servers to close, and a packages-dir with the wheel. */
class Setup {
  private readonly closers: (() => Promise<unknown>)[] = [];
  dir = '';
  packages = '';

  async open(): Promise<this> {
    this.dir = await mkdtemp(join(tmpdir(), 'round-two-'));
    this.packages = join(this.dir, 'dist');
    await mkdir(this.packages);
    await writeFile(join(this.packages, WHEEL), wheel());
    return this;
  }

  async index(options: LocalIndexOptions = {}): Promise<LocalIndex> {
    const index = await startLocalIndex({ publisher: PUBLISHER, ...options });
    this.closers.push(() => index.close());
    return index;
  }

  async sigstore(index: LocalIndex): Promise<TestSigstore> {
    const sigstore = await startSigstore(index);
    this.closers.push(() => sigstore.close());
    return sigstore;
  }

  async recorder(...args: Parameters<typeof recorder>): Promise<Recorder> {
    const server = await recorder(...args);
    this.closers.push(() => server.close());
    return server;
  }

  async close(): Promise<void> {
    for (const close of this.closers.reverse()) await close();
    await rm(this.dir, { recursive: true, force: true });
  }
}

const trusted = (index: LocalIndex): Record<string, string> => ({
  ACTIONS_ID_TOKEN_REQUEST_URL: index.github.requestUrl,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: index.github.requestToken,
});

/** Runs one step of the action in `root` as the runner does (dist/post.js gets the main step's state). */
function step(root: string, which: 'main' | 'post', inputs: Record<string, string>, env: Record<string, string>) {
  return runAction(inputs, { bundle: stepEntry(which, root), env, timeoutMs: 60_000 });
}

/** The main step, publishing the wheel to the local index with trusted publishing. */
function publishStep(
  root: string,
  setup: Setup,
  index: LocalIndex,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
) {
  const all = { 'repository-url': index.uploadUrl, 'packages-dir': setup.packages, retries: '0', ...inputs };
  return step(root, 'main', all, { ...trusted(index), ...env });
}

async function withSetup(body: (setup: Setup) => Promise<Outcome>): Promise<Outcome> {
  const setup = await new Setup().open();
  try {
    return await body(setup);
  } finally {
    await setup.close();
  }
}

/** A pre-made attestation for the wheel whose first transparency entry is `entry`, otherwise well-formed. */
function premade(entry: unknown, subject: unknown = { name: WHEEL, digest: { sha256: sha256(wheel()) } }): string {
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [subject],
    predicateType: 'https://docs.pypi.org/attestations/publish/v1',
    predicate: null,
  };
  return `{"version":1,"verification_material":{"certificate":"AAAA","transparency_entries":[${typeof entry === 'string' ? entry : JSON.stringify(entry)}]},"envelope":{"statement":"${Buffer.from(JSON.stringify(statement)).toString('base64')}","signature":"AAAA"}}`;
}

/** A trusted-publishing run to the local index with the test Sigstore, after `prepare` changed what it needs. */
function attestingRun(
  root: string,
  prepare: (setup: Setup, index: LocalIndex, sigstore: TestSigstore) => Promise<Record<string, string>>,
  inputs: Record<string, string> = {},
): Promise<Outcome> {
  return withSetup(async (setup) => {
    const index = await setup.index();
    const sigstore = await setup.sigstore(index);
    const run = await publishStep(root, setup, index, inputs, {
      ...sigstore.env,
      ...(await prepare(setup, index, sigstore)),
    });
    return { run, uploads: index.files.size, leaks: [], secrets: [index.github.requestToken] };
  });
}

/** Fulcio or Rekor answering every request with a 307 to another origin, which must see nothing. */
function redirectElsewhere(service: 'Fulcio' | 'Rekor', failure: string): RoundTwoCase {
  return {
    id: `${service.toLowerCase()}-redirect`,
    title: `${service} answers 307 to another origin (plain http, another port)`,
    expected: { code: 1, log: [failure, 'which is not followed'] },
    run: (root) =>
      withSetup(async (setup) => {
        const elsewhere = await setup.recorder();
        const redirector = await setup.recorder((seen, res) =>
          res.writeHead(307, { location: `http://127.0.0.1:${elsewhere.port}${seen.url}` }).end(),
        );
        const variable = service === 'Fulcio' ? 'PYPI_OIDC_PUBLISH_FULCIO_URL' : 'PYPI_OIDC_PUBLISH_REKOR_URL';
        const outcome = await attestingRun(root, async () => ({ [variable]: redirector.origin }));
        const leaks = elsewhere.requests.map((r) =>
          JWT.test(r.body)
            ? "the runner's Sigstore token at the redirect's target"
            : `a ${r.method} at the redirect's target`,
        );
        return { ...outcome, leaks };
      }),
  };
}

const DEEP_ENTRY = `${'['.repeat(300_000)}${']'.repeat(300_000)}`;

export const ROUND_TWO: RoundTwoCase[] = [
  {
    id: 'sigstore-env-with-pypi',
    title:
      'PYPI_OIDC_PUBLISH_FULCIO_URL/_REKOR_URL set while publishing to PyPI (PyPI played by the local index behind a proxy)',
    expected: { code: 1, log: ['are set, but this run signs for PyPI or TestPyPI', 'Nothing was sent to them.'] },
    run: (root) =>
      withSetup(async (setup) => {
        const certificates = await makeCertificates(setup.dir, ['upload.pypi.org']);
        const index = await setup.index({ tls: { key: certificates.key, cert: certificates.cert } });
        const indexPort = Number(new URL(index.origin).port);
        const proxy = await setup.recorder(undefined, (target) =>
          target === 'upload.pypi.org:443'
            ? indexPort
            : target.startsWith('127.0.0.1:')
              ? Number(target.split(':')[1])
              : undefined,
        );
        const fulcio = await setup.recorder();
        const rekor = await setup.recorder();
        const run = await step(
          root,
          'main',
          { 'repository-url': 'https://upload.pypi.org/legacy/', 'packages-dir': setup.packages, retries: '0' },
          {
            ...trusted(index),
            HTTPS_PROXY: proxy.origin,
            NODE_EXTRA_CA_CERTS: certificates.caFile,
            RUNNER_TEMP: setup.dir,
            PYPI_OIDC_PUBLISH_FULCIO_URL: fulcio.origin,
            PYPI_OIDC_PUBLISH_REKOR_URL: rekor.origin,
          },
        );
        // Directly, or through the proxy (sigstore-js's agent sent plain http through HTTPS_PROXY).
        const atFulcio = [...fulcio.requests, ...proxy.requests.filter((r) => r.url.includes(`:${fulcio.port}/`))];
        const leaks = [
          ...atFulcio.filter((r) => JWT.test(r.body)).map(() => "the runner's Sigstore token at the named Fulcio"),
          ...(index.requests.length ? [`${index.requests.length} requests to the index before the run stopped`] : []),
        ];
        return { run, uploads: index.files.size, leaks, secrets: [index.github.requestToken] };
      }),
  },
  redirectElsewhere('Fulcio', "failed at Sigstore's certificate authority, Fulcio"),
  redirectElsewhere('Rekor', "failed at Sigstore's transparency log, Rekor"),
  {
    id: 'post-step-marker-in-env',
    title: "STATE_post-step=true in the main step's environment (an earlier step wrote it to GITHUB_ENV)",
    expected: { code: 0, log: [`Uploaded ${WHEEL}`] },
    run: (root) =>
      withSetup(async (setup) => {
        const index = await setup.index();
        const run = await publishStep(root, setup, index, {}, { 'STATE_post-step': 'true' });
        return {
          run,
          uploads: index.files.size,
          leaks: index.files.size ? [] : ['nothing published, and the step succeeded'],
          secrets: [index.github.requestToken],
        };
      }),
  },
  {
    id: 'post-step-two-tokens',
    title: 'the post step after a failed main step that had renewed its token (two tokens left)',
    expected: { code: 0, log: ['Revoking the 2 upload tokens the main step minted.'] },
    run: (root) =>
      withSetup(async (setup) => {
        // 60 s tokens are renewed before each upload (4-minute margin); every upload is refused.
        const index = await setup.index({ tokenLifetimeSeconds: 60 });
        index.override('upload', (_req, res) => {
          res
            .writeHead(400, 'Invalid distribution file.', { 'content-type': 'text/plain' })
            .end('Invalid distribution file.');
          return true;
        });
        const state = join(setup.dir, 'state');
        await writeFile(state, '');
        const inputs = { 'repository-url': index.uploadUrl, 'packages-dir': setup.packages, retries: '0' };
        await step(root, 'main', inputs, { ...trusted(index), GITHUB_STATE: state });
        const saved = parseOutputFile(await readFile(state, 'utf8'));
        const run = await step(
          root,
          'post',
          inputs,
          Object.fromEntries(Object.entries(saved).map(([name, value]) => [`STATE_${name}`, value])),
        );
        const leaks = index.liveTokens ? [`${index.liveTokens} of ${index.mintedTokens} upload tokens left alive`] : [];
        return { run, uploads: index.files.size, leaks, secrets: [index.github.requestToken] };
      }),
  },
  {
    id: 'premade-proc-pagemap',
    title: 'a pre-made attestation that is a symbolic link to /proc/self/pagemap (size 0, reads on for GiB)',
    expected: { code: 1, log: [`${WHEEL}.publish.attestation in packages-dir is more than 1048576 bytes, too large`] },
    run: (root) =>
      attestingRun(root, async (setup) => {
        await symlink('/proc/self/pagemap', join(setup.packages, `${WHEEL}.publish.attestation`));
        return {};
      }),
  },
  ...(['false', 'true'] as const).map((dryRun): RoundTwoCase => ({
    id: `premade-300000-deep${dryRun === 'true' ? '-dry-run' : ''}`,
    title: `a pre-made attestation whose transparency entry nests 300,000 arrays${dryRun === 'true' ? ' (dry run)' : ''}`,
    expected: { code: 1, log: ['is not a PEP 740 attestation: it nests arrays or objects more than 32 deep'] },
    run: (root) =>
      attestingRun(
        root,
        async (setup) => {
          await writeFile(join(setup.packages, `${WHEEL}.publish.attestation`), premade(DEEP_ENTRY));
          return {};
        },
        { 'dry-run': dryRun },
      ),
  })),
  {
    id: 'premade-null-subject',
    title: 'a pre-made attestation with subject [null], beside another that is not JSON',
    expected: {
      code: 1,
      log: [
        `${WHEEL}.a.attestation is not a PEP 740 attestation: its subject lacks a name`,
        `${WHEEL}.b.attestation is not a PEP 740 attestation: it is not JSON`,
      ],
    },
    run: (root) =>
      attestingRun(root, async (setup) => {
        await writeFile(join(setup.packages, `${WHEEL}.a.attestation`), premade({ logIndex: '1' }, null));
        await writeFile(join(setup.packages, `${WHEEL}.b.attestation`), 'not json');
        return {};
      }),
  },
  {
    id: 'proxy-credentials-debug',
    title: 'DEBUG=* with HTTPS_PROXY/HTTP_PROXY carrying a user and password',
    expected: { code: 0, log: [`Uploaded ${WHEEL}`] },
    run: (root) =>
      withSetup(async (setup) => {
        const proxy = await setup.recorder();
        const user = 'proxy-user-7f3a';
        const password = 'proxy-pass-9c1e';
        const proxyUrl = `http://${user}:${password}@127.0.0.1:${proxy.port}`;
        const outcome = await attestingRun(root, async () => ({
          HTTPS_PROXY: proxyUrl,
          HTTP_PROXY: proxyUrl,
          DEBUG: '*',
          NODE_DEBUG: 'undici,fetch',
        }));
        // Registered before anything else is printed: the first lines are the masks.
        const lines = outcome.run.stdout.split('\n');
        const firstOther = lines.findIndex((line) => !line.startsWith('::add-mask::'));
        const masked = lines.slice(0, firstOther).map((line) => line.slice('::add-mask::'.length));
        const leaks = [user, password, `${user}:${password}`]
          .filter((secret) => !masked.includes(secret))
          .map((secret) => `'${secret}' not masked before the first line of output`);
        return { ...outcome, leaks, secrets: [...outcome.secrets, password, `${user}:${password}`] };
      }),
  },
  {
    id: 'lookup-without-token',
    title: "skip-existing against an index whose simple API shares the upload URL's origin (as TestPyPI's)",
    expected: { code: 0, log: [`Uploaded ${WHEEL}`] },
    run: (root) =>
      withSetup(async (setup) => {
        const index = await setup.index();
        const run = await publishStep(root, setup, index, {
          'skip-existing': 'true',
          'check-url': `${index.origin}/simple/`,
        });
        const lookups = index.requests.filter((r) => r.path.startsWith('/simple/'));
        const leaks = [
          ...lookups.filter((r) => r.headers.authorization).map(() => 'the upload token on a simple-API GET'),
          ...(lookups.length ? [] : ['no look-up was made']),
        ];
        return { run, uploads: index.files.size, leaks, secrets: [index.github.requestToken] };
      }),
  },
];

/** One Markdown row per case, run against the checkout in `root` (scripts/hostile-figures.ts --round-two). */
export async function printRoundTwoFigures(root: string, wanted: Set<string>): Promise<void> {
  console.log(`root: ${root}\n`);
  console.log('| case | exit | wall | CPU | peak RSS | uploads | leaked | secret shown | first error line |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |');
  for (const hostile of ROUND_TWO) {
    if (wanted.size && !wanted.has(hostile.id)) continue;
    const { run, uploads, leaks, secrets } = await hostile.run(root);
    const shown = new Set(replay([run.stdout, run.stderr], { secrets, marker: MARKER }).leaks.map((l) => l.secret))
      .size;
    const errorLine = (
      run.stdout.split('\n').find((l) => l.startsWith('::error')) ??
      run.stderr.split('\n').find((l) => l.includes('Error')) ??
      ''
    )
      .slice(0, 120)
      .replace(/\|/g, '\\|');
    const exit = run.timedOut ? 'killed at 60 s' : (run.signal ?? String(run.code));
    console.log(
      `| ${hostile.id} | ${exit} | ${(run.milliseconds / 1000).toFixed(2)} s | ${run.cpuMs === undefined ? '?' : `${(run.cpuMs / 1000).toFixed(2)} s`} | ${run.rssMiB ?? '?'} MiB | ${uploads} | ${leaks.join('; ').replace(/\|/g, '\\|') || 'nothing'} | ${shown ? `${shown} secret(s)` : 'no'} | ${errorLine} |`,
    );
  }
}
