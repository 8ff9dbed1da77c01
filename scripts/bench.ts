// `npm run bench`: this action against uv publish, twine and curl on the same local index, over TLS,
// on loopback and through a relay adding 20 ms of round trip. Writes docs/benchmarks.md.
// Options: --quick (3 runs, the 1 sdist + 1 wheel and 6 small dists workloads), --runs N,
// --workloads id,id, --clients a,b, --out FILE (`--out -` prints the report only), --no-relay,
// --no-profile (skips the per-module start-up profile).
import { execFile, spawn } from 'node:child_process';
import { request } from 'node:https';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLIENTS, invocation, type ClientName, type Target } from './bench/clients.ts';
import { timed, type Sample } from './bench/measure.ts';
import { renderReport, type Cell } from './bench/report.ts';
import { measureStartup } from './bench/startup.ts';
import { actionEnv, profileStartup } from './bench/startup-profile.ts';
import { makeCertificates } from './bench/tls.ts';
import { WORKLOADS, workloadDir } from './bench/workloads.ts';
import { startLocalIndex } from '../test/support/local-index.ts';
import { CACHE, ROOT, ensurePythonEnv, venvBin } from '../test/support/python-env.ts';
import { DEFAULT_PUBLISHER } from '../test/support/warehouse-oidc.ts';

const say = (text: string): void => void process.stdout.write(`${text}\n`);
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const quick = argv.includes('--quick');
const runs = Number(option('--runs') ?? (quick ? 3 : 5));
const workloads = (
  option('--workloads')?.split(',') ?? (quick ? ['release-2', 'small-6'] : WORKLOADS.map((w) => w.id))
).map((id) => WORKLOADS.find((w) => w.id === id) ?? fail(`unknown workload '${id}'`));
const clients = (option('--clients')?.split(',') ?? CLIENTS) as ClientName[];
const networks: { id: string; rttMs: number }[] = [
  { id: 'loopback', rttMs: 0 },
  ...(argv.includes('--no-relay') ? [] : [{ id: '20 ms RTT', rttMs: 20 }]),
];
const out = option('--out') ?? (quick ? '-' : join(ROOT, 'docs/benchmarks.md'));

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

say('Preparing: Python tools (.venv), Node 24, certificates, dists …');
await ensurePythonEnv(say);
const node = join(ROOT, 'node_modules/node/bin/node');
const work = join(CACHE, 'bench');
const spoolDir = join(work, 'spool');
await mkdir(spoolDir, { recursive: true });
await mkdir(join(work, 'tls'), { recursive: true });
const certificates = await makeCertificates(join(work, 'tls'));
const index = await startLocalIndex({
  tls: { key: certificates.key, cert: certificates.cert },
  spoolDir,
  maxFileSize: 1024 * 1024 * 1024,
  publisher: { ...DEFAULT_PUBLISHER, projects: ['benchproj'] },
});
/** A relay in its own process, in front of the index, adding `rttMs` of round trip; it goes when the bench goes. */
async function relayTo(rttMs: number): Promise<number> {
  const relay = spawn(
    node,
    [
      '--disable-warning=ExperimentalWarning',
      join(ROOT, 'scripts/bench/relay.ts'),
      new URL(index.origin).port,
      String(rttMs),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.on('exit', () => relay.kill());
  return new Promise<number>((resolve) =>
    relay.stdout.once('data', (d: Buffer) => {
      resolve(Number(d.toString().trim()));
    }),
  );
}
const relayPort = await relayTo(20);
// The runner's token endpoint is on another host than the index's on GitHub: the clients reach it
// at an origin of its own (another port), so that none can reuse its connection to the index.
const runnerPorts = new Map([
  [0, await relayTo(0)],
  [20, await relayTo(20)],
]);
const targetFor = (rttMs: number): Target => {
  const origin = rttMs ? `https://127.0.0.1:${relayPort}` : index.origin;
  return {
    origin,
    caFile: certificates.caFile,
    github: {
      ...index.github,
      requestUrl: index.github.requestUrl.replace(index.origin, `https://127.0.0.1:${runnerPorts.get(rttMs)!}`),
    },
  };
};

const dirs = new Map<string, string>();
for (const workload of workloads) dirs.set(workload.id, await workloadDir(CACHE, workload));

async function reset(): Promise<void> {
  index.files.clear();
  for (const name of await readdir(spoolDir)) await rm(join(spoolDir, name), { force: true });
}

/** A token minted the way a runner would, for the clients that do not do trusted publishing. */
function mintToken(): Promise<string> {
  const body = JSON.stringify({ token: index.issueIdToken() });
  return new Promise((resolve, reject) => {
    const req = request(
      `${index.origin}/_/oidc/mint-token`,
      { method: 'POST', ca: certificates.ca, headers: { 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const token = (JSON.parse(Buffer.concat(chunks).toString()) as { token?: string }).token;
          if (token) resolve(token);
          else reject(new Error(`mint failed: ${Buffer.concat(chunks).toString()}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function runOnce(client: ClientName, workloadId: string, rttMs: number): Promise<Sample> {
  await reset();
  const dir = dirs.get(workloadId)!;
  const token = client === 'twine' || client === 'curl' ? await mintToken() : undefined;
  const call = await invocation(
    client,
    { root: ROOT, node, venvBin, cache: CACHE },
    targetFor(rttMs),
    dir,
    token,
    join(work, 'github-output'),
  );
  await writeFile(join(work, 'github-output'), '');
  const sample = await timed(call, join(work, 'rss'));
  const expected = (await readdir(dir)).filter((n) => n.endsWith('.whl') || n.endsWith('.tar.gz')).length;
  if (sample.code !== 0 || index.files.size !== expected) {
    say(sample.output.slice(-3000));
    fail(
      `${client} on ${workloadId} (${rttMs} ms): exit ${sample.code}, ${index.files.size} of ${expected} files stored`,
    );
  }
  return sample;
}

const cells: Cell[] = [];
const started = Date.now();
const loadAtStart = loadavg();
for (const workload of workloads) {
  for (const network of networks) {
    say(
      `\n${workload.title}, ${network.id}: warm-up, then ${runs} runs of ${clients.join(', ')} (order rotated each run)`,
    );
    for (const client of clients) await runOnce(client, workload.id, network.rttMs);
    const samples = new Map<ClientName, Sample[]>(clients.map((c) => [c, []]));
    for (let run = 0; run < runs; run++) {
      const order = clients.map((_, i) => clients[(i + run) % clients.length]);
      for (const client of order) samples.get(client)!.push(await runOnce(client, workload.id, network.rttMs));
      say(`  run ${run + 1}: ${order.map((c) => `${c} ${Math.round(samples.get(c)!.at(-1)!.ms)} ms`).join(', ')}`);
    }
    for (const [client, list] of samples) cells.push({ workload, network: network.id, client, samples: list });
  }
}

say('\nTime to the first request (node dist/index.js, loopback, plain http) …');
const plainIndex = await startLocalIndex({ publisher: { ...DEFAULT_PUBLISHER, projects: ['benchproj'] } });
const startupDir = dirs.get(workloads[0].id)!;
const startup = await measureStartup(node, ROOT, plainIndex, startupDir, quick ? 5 : 15);
say('Start-up costs per module (--cpu-prof) …');
const profile = argv.includes('--no-profile')
  ? undefined
  : await profileStartup(
      node,
      ROOT,
      { env: actionEnv(plainIndex, plainIndex.origin, startupDir) },
      quick ? 5 : 15,
      say,
    );
await plainIndex.close();
await index.close();

const run = promisify(execFile);
const version = async (command: string, args: string[]): Promise<string> =>
  (await run(command, args)).stdout.split('\n')[0].trim();
const report = renderReport({
  cells,
  startup,
  profile,
  loadAtStart,
  runs,
  quick,
  seconds: (Date.now() - started) / 1000,
  versions: {
    node: await version(node, ['--version']),
    uv: await version(venvBin('uv'), ['--version']),
    twine: (await version(venvBin('twine'), ['--version'])).replace(/ \(.*$/, ''),
    curl: (await version('curl', ['--version'])).split(' ').slice(0, 2).join(' '),
    action: await version('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
  },
});
if (out === '-') say(`\n${report}`);
else {
  await mkdir(join(out, '..'), { recursive: true });
  await writeFile(out, report);
  say(`\nWrote ${out}`);
}
process.exit(0);
