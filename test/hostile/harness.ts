// Runs dist/index.js against a crafted packages-dir and a server on 127.0.0.1 (a recording trap, or
// the local Warehouse with trusted publishing and hostile answers in places), then its post step,
// and measures what a runner would see: exit code, the log as the runner reads it (workflow
// commands executed, secrets shown), outputs, summary, wall time, peak RSS, tokens left live.
import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname, basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startLocalIndex, type LocalIndex } from '../support/local-index.ts';
import { watchMasks } from '../support/mask-witness.ts';
import { replay, RunnerEmulator, type ReplayReport } from '../support/runner-emulator.ts';
import { parseOutputFile } from '../support/bundle-runner.ts';
import { MARKER, PASSWORD, type HostileCase } from './case-types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE = join(ROOT, 'dist/index.js');

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bodyBytes: number;
}

export type Answer = (req: IncomingMessage, res: ServerResponse) => void;

export interface Trap {
  origin: string;
  port: number;
  requests: SeenRequest[];
  /** Requests that carried an Authorization header. */
  readonly authorized: SeenRequest[];
  close(): Promise<void>;
}

/** Answers uploads 200 and simple-API lookups 404 unless `answer` is given; records every request. */
export async function startTrap(answer?: Answer, host = '127.0.0.1'): Promise<Trap> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bodyBytes });
      if (answer) {
        answer(req, res);
        return;
      }
      if (req.method === 'POST') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end('OK');
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not Found');
    });
  });
  await new Promise<void>((done) => server.listen(0, host, done));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://${host}:${port}`,
    port,
    requests,
    get authorized() {
      return requests.filter((r) => r.headers.authorization !== undefined);
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => {
          done();
        });
      }),
  };
}

/** The index a case talks to, whichever kind, and a server on another origin that must never see a credential. */
export interface CaseServers {
  index: string;
  elsewhere: Trap;
  /** The local Warehouse, for trusted-publishing cases. */
  warehouse: LocalIndex | undefined;
  /** POSTs to the upload URL. */
  uploads(): number;
  /** Values that must never be shown in clear: the password, and everything the index issued. */
  secrets(): string[];
  /** The runner's OIDC variables, for trusted publishing. */
  runnerEnv: Record<string, string>;
  close(): Promise<void>;
}

export async function startCaseServers(
  hostile: HostileCase,
  unmaskedCredentials: 'refuse' | 'record' = 'refuse',
): Promise<CaseServers> {
  const elsewhere = await startTrap(undefined, 'localhost');
  if (hostile.warehouse) {
    const warehouse = await startLocalIndex({
      publisher: {
        repository: 'octo-org/demo',
        repositoryOwnerId: '1234567',
        workflow: 'release.yml',
        projects: ['demo'],
      },
      claims: {
        repository: 'octo-org/demo',
        sub: 'repo:octo-org/demo:environment:pypi',
        workflow_ref: 'octo-org/demo/.github/workflows/release.yml@refs/tags/v1.0.0',
        job_workflow_ref: 'octo-org/demo/.github/workflows/release.yml@refs/tags/v1.0.0',
      },
      unmaskedCredentials,
      ...hostile.warehouse.options,
    });
    hostile.warehouse.arrange?.(warehouse);
    return {
      index: warehouse.origin,
      elsewhere,
      warehouse,
      uploads: () => warehouse.uploads.length,
      secrets: () => [PASSWORD, ...warehouse.secrets],
      runnerEnv: {
        ACTIONS_ID_TOKEN_REQUEST_URL: warehouse.github.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: warehouse.github.requestToken,
      },
      close: async () => {
        await elsewhere.close();
        // A credential sent before it was masked makes close() reject: the case fails on it.
        await warehouse.close();
      },
    };
  }
  const answer = hostile.indexAnswer;
  const redirect: Answer | undefined = hostile.redirectLookupsElsewhere
    ? (req, res) => {
        if (req.method === 'GET') {
          res.writeHead(302, { location: `http://localhost:${elsewhere.port}${req.url ?? '/'}` });
          res.end();
        } else {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('OK');
        }
      }
    : undefined;
  const trap = await startTrap(
    hostile.serve ??
      (answer
        ? (_req, res) => {
            res.writeHead(answer.status, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ message: answer.message }));
          }
        : redirect),
  );
  return {
    index: trap.origin,
    elsewhere,
    warehouse: undefined,
    uploads: () => trap.requests.filter((r) => r.method === 'POST').length,
    secrets: () => [PASSWORD],
    runnerEnv: {},
    close: async () => {
      await elsewhere.close();
      await trap.close();
    },
  };
}

export interface MeasuredRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  outputs: string;
  summary: string;
  /** The step's state as saved (GITHUB_STATE), for the post step. */
  state: Record<string, string>;
  milliseconds: number;
  /** Peak resident set size of the action's process, MiB; undefined if it died before reporting. */
  rssMiB: number | undefined;
  /** CPU time (user + system) of the action's process, ms: its work, which load on the machine does not stretch. */
  cpuMs: number | undefined;
  timedOut: boolean;
}

export interface RunOptions {
  bundle?: string;
  timeoutMs?: number;
  /** Replaces GITHUB_STEP_SUMMARY (e.g. a path that cannot be written); null leaves it unset. */
  summaryPath?: string | null;
  env?: Record<string, string>;
}

const WRAPPER = `
const [bundle, rssFile] = process.argv.slice(-2);
const { writeFileSync } = await import('node:fs');
const { readFileSync } = await import('node:fs');
// VmHWM is this process image's own peak (getrusage's maxRSS carries the forking parent's over exec).
const peakKiB = () => { try { return Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]); } catch { return process.resourceUsage().maxRSS; } };
process.on('exit', () => { try { writeFileSync(rssFile, String(peakKiB())); const cpu = process.cpuUsage(); writeFileSync(rssFile + '.cpu', String((cpu.user + cpu.system) / 1000)); } catch {} });
await import(bundle);
`;

/** Runs the bundle with INPUT_* variables, as the runner does; the local index sees its masks as they are printed. */
export async function runAction(inputs: Record<string, string>, options: RunOptions = {}): Promise<MeasuredRun> {
  const dir = await mkdtemp(join(tmpdir(), 'hostile-run-'));
  const summaryPath = options.summaryPath === undefined ? join(dir, 'summary') : options.summaryPath;
  const rssFile = join(dir, 'rss');
  for (const file of ['output', 'summary', 'state']) await writeFile(join(dir, file), '');
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]),
  );
  const baseEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !k.startsWith('INPUT_') && !k.startsWith('ACTIONS_') && !k.startsWith('GITHUB_') && !k.startsWith('STATE_'),
    ),
  );
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const emulator = new RunnerEmulator();
  const unwatch = watchMasks(() => emulator.masked);
  const result = await new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
    timedOut: boolean;
  }>((done) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', WRAPPER, pathToFileURL(options.bundle ?? BUNDLE).href, rssFile],
      {
        env: {
          ...baseEnv,
          ...inputEnv,
          GITHUB_OUTPUT: join(dir, 'output'),
          GITHUB_STATE: join(dir, 'state'),
          ...(summaryPath === null ? {} : { GITHUB_STEP_SUMMARY: summaryPath }),
          ...options.env,
        },
        maxBuffer: 64 << 20,
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) => {
        const code = child.exitCode;
        done({
          code,
          signal: child.signalCode,
          stdout,
          stderr,
          timedOut: Boolean(error && (error as { killed?: boolean }).killed && Date.now() - started >= timeoutMs - 50),
        });
      },
    );
    child.stdout?.on('data', (chunk: string) => {
      emulator.feed(chunk);
    });
  }).finally(unwatch);
  const milliseconds = Date.now() - started;
  const read = (path: string): Promise<string> => readFile(path, 'utf8').catch(() => '');
  const rss = await read(rssFile);
  const cpu = await read(`${rssFile}.cpu`);
  const run: MeasuredRun = {
    ...result,
    outputs: await read(join(dir, 'output')),
    summary: await read(join(dir, 'summary')),
    state: parseOutputFile(await read(join(dir, 'state'))),
    milliseconds,
    rssMiB: rss ? Math.round(Number(rss) / 1024) : undefined,
    cpuMs: cpu ? Math.round(Number(cpu)) : undefined,
  };
  await rm(dir, { recursive: true, force: true });
  return run;
}

/** The post step's entry (action.yml `runs.post`), beside the main bundle being measured. */
function postEntry(bundle: string): string {
  const post = /^\s+post:\s*(\S+)\s*$/m.exec(readFileSync(join(ROOT, 'action.yml'), 'utf8'))?.[1] ?? 'dist/index.js';
  return join(dirname(bundle), basename(post));
}

/** Runs the post step as the runner does after the main step: the main step's state as STATE_* variables. */
export async function runPostStep(main: MeasuredRun, env: Record<string, string>, options: RunOptions = {}) {
  const state = Object.fromEntries(Object.entries(main.state).map(([name, value]) => [`STATE_${name}`, value]));
  return runAction({}, { ...options, bundle: postEntry(options.bundle ?? BUNDLE), env: { ...env, ...state } });
}

export interface CaseOutcome {
  run: MeasuredRun;
  /** The post step, after a trusted-publishing case. */
  post: MeasuredRun | undefined;
  uploads: number;
  /** Requests to the other origin that carried credentials. */
  leaked: SeenRequest[];
  /** The main step's output, then the post step's, as the runner reads them. */
  log: ReplayReport;
  /** Upload tokens the index still accepts after both steps. */
  liveTokens: number;
  /** Credentials the index received before they were masked (close() rejected). */
  unmasked: string | undefined;
}

/**
 * Runs one case: its servers, its files, the main step and (with trusted publishing) the post step.
 * `measure` records credentials sent before they were masked instead of refusing them, so that a
 * run goes on as it would and shows all it leaks.
 */
export async function runHostileCase(
  hostile: HostileCase,
  options: RunOptions & { measure?: boolean } = {},
): Promise<CaseOutcome> {
  const servers = await startCaseServers(hostile, options.measure ? 'record' : 'refuse');
  const dir = await mkdtemp(join(tmpdir(), 'hostile-'));
  let closing: Promise<string | undefined> | undefined;
  const close = (): Promise<string | undefined> =>
    (closing ??= servers.close().then(
      () => undefined,
      (error: unknown) => (error as Error).message,
    ));
  try {
    const context = { index: servers.index, elsewhere: { host: 'localhost', port: servers.elsewhere.port } };
    for (const [name, data] of Object.entries(hostile.files(context))) await writeFile(join(dir, name), data);
    const env = {
      ...servers.runnerEnv,
      ...(hostile.timing ? { PYPI_OIDC_PUBLISH_TEST_TIMING: JSON.stringify(hostile.timing) } : {}),
    };
    const run = await runAction(
      {
        'repository-url': `${servers.index}/legacy/`,
        'packages-dir': dir,
        ...(hostile.warehouse ? {} : { user: '__token__', password: PASSWORD }),
        retries: '0',
        ...hostile.inputs?.(context),
      },
      {
        timeoutMs: 60_000,
        ...options,
        env: { ...env, ...options.env },
        ...(hostile.unwritableSummary ? { summaryPath: join(dir, 'missing', 'summary.md') } : {}),
        ...(hostile.noSummaryFile ? { summaryPath: null } : {}),
      },
    );
    const post = hostile.warehouse ? await runPostStep(run, env, options) : undefined;
    const streams = [run.stdout, run.stderr, ...(post ? [post.stdout, post.stderr] : [])];
    const log = replay(streams, { secrets: [...servers.secrets(), ...(hostile.secrets ?? [])], marker: MARKER });
    const liveTokens = servers.warehouse?.liveTokens ?? 0;
    return {
      run,
      post,
      uploads: servers.uploads(),
      leaked: servers.elsewhere.authorized,
      log,
      liveTokens,
      unmasked: await close(),
    };
  } finally {
    await close();
    await rm(dir, { recursive: true, force: true });
  }
}
