// One timed run of a client: wall time from spawn to exit, the client's peak RSS (GNU time's %M,
// which covers the process and the children it waited for), and the CPU the in-process local index
// spent meanwhile (to tell when the server, not the client, is the bottleneck).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Invocation } from './clients.ts';

export interface Sample {
  ms: number;
  rssMiB: number | undefined;
  serverCpuMs: number;
  code: number;
  output: string;
}

const GNU_TIME = '/usr/bin/time';

export async function timed(invocation: Invocation, rssFile: string): Promise<Sample> {
  const withTime = existsSync(GNU_TIME);
  const command = withTime ? GNU_TIME : invocation.command;
  const args = withTime ? ['-f', '%M', '-o', rssFile, invocation.command, ...invocation.args] : invocation.args;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { env: { ...baseEnv(), ...invocation.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (exit) => {
      resolve({ code: exit ?? 1, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const rssKiB = withTime ? Number((await readFile(rssFile, 'utf8')).trim().split('\n').pop()) : NaN;
  return {
    ms,
    rssMiB: Number.isFinite(rssKiB) ? rssKiB / 1024 : undefined,
    serverCpuMs: (used.user + used.system) / 1000,
    code,
    output,
  };
}

/** The environment without anything that would steer a client (runner variables, proxies, inputs). */
export function baseEnv(): Record<string, string> {
  const drop =
    /^(INPUT_|ACTIONS_|GITHUB_|RUNNER_|UV_|TWINE_|HTTPS?_PROXY|ALL_PROXY|NO_PROXY|NODE_OPTIONS|SSL_CERT|REQUESTS_CA)/i;
  return Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && !drop.test(k))) as Record<
    string,
    string
  >;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
