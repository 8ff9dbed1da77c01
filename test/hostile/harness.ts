// Runs dist/index.js against a crafted packages-dir and a recording server on 127.0.0.1, and
// measures what a runner would see: exit code, stdout, outputs, summary, wall time and peak RSS.
import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/**
 * The index a case talks to (answering as the case says, or redirecting simple-API look-ups to
 * `elsewhere`) and a server on another origin that must never see a credential.
 */
export async function startCaseServers(hostile: {
  indexAnswer?: { status: number; message: string } | undefined;
  redirectLookupsElsewhere?: boolean | undefined;
}): Promise<{ index: Trap; elsewhere: Trap }> {
  const answer = hostile.indexAnswer;
  const elsewhere = await startTrap(undefined, 'localhost');
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
  const index = await startTrap(
    answer
      ? (_req, res) => {
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: answer.message }));
        }
      : redirect,
  );
  return { index, elsewhere };
}

export interface MeasuredRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  outputs: string;
  summary: string;
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
  /** Replaces GITHUB_STEP_SUMMARY (e.g. a path that cannot be written). */
  summaryPath?: string;
  outputPath?: string;
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

/** Runs the bundle with INPUT_* variables, as the runner does. */
export async function runAction(inputs: Record<string, string>, options: RunOptions = {}): Promise<MeasuredRun> {
  const dir = await mkdtemp(join(tmpdir(), 'hostile-run-'));
  const outputPath = options.outputPath ?? join(dir, 'output');
  const summaryPath = options.summaryPath ?? join(dir, 'summary');
  const rssFile = join(dir, 'rss');
  await writeFile(join(dir, 'output'), '');
  await writeFile(join(dir, 'summary'), '');
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]),
  );
  const baseEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('INPUT_') && !k.startsWith('ACTIONS_') && !k.startsWith('GITHUB_'),
    ),
  );
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 60_000;
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
        env: { ...baseEnv, ...inputEnv, GITHUB_OUTPUT: outputPath, GITHUB_STEP_SUMMARY: summaryPath, ...options.env },
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
  });
  const milliseconds = Date.now() - started;
  const read = (path: string): Promise<string> => readFile(path, 'utf8').catch(() => '');
  const rss = await read(rssFile);
  const cpu = await read(`${rssFile}.cpu`);
  const run: MeasuredRun = {
    ...result,
    outputs: await read(join(dir, 'output')),
    summary: await read(join(dir, 'summary')),
    milliseconds,
    rssMiB: rss ? Math.round(Number(rss) / 1024) : undefined,
    cpuMs: cpu ? Math.round(Number(cpu)) : undefined,
  };
  await rm(dir, { recursive: true, force: true });
  return run;
}

/**
 * Lines of stdout that the runner would take as a workflow command carrying `marker` (outside text
 * the test planted). ::error/::warning/::notice lines are @actions/core's own, with their data escaped.
 */
export function strayCommands(stdout: string, marker: string): string[] {
  const escaped = /^::(error|warning|notice)[ :]/;
  return stdout
    .split(/\r?\n|\r/)
    .filter((line) => line.trimStart().startsWith('::') && line.includes(marker) && !escaped.test(line.trimStart()));
}
