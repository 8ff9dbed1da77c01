// What each part of the bundle costs at start-up. The bundle is rebuilt (scripts/build.ts) with
// webpack's stats (which name every module id) into .cache and checked to equal dist/ byte for byte; then dist/index.js runs
// N times under --cpu-prof against the local index, and every sample taken while a bundled module's
// factory ran is charged to that module (its own time: modules it requires are charged to them,
// Node's built-in modules it loads to it and to the built-in table). Each chunk's compile time is
// measured on its own: a fresh process imports the chunk file, which only compiles it and builds its
// table of module functions.
// Usage: node scripts/bench/startup-profile.ts [--runs N] (prints a Markdown report).
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from '../build.ts';
import { baseEnv, median } from './measure.ts';

export interface ModuleCost {
  /** The module's path in the bundle (`./src/…`, `./node_modules/…`), as webpack names it. */
  name: string;
  chunk: string;
  /** Median over the runs of the time its factory ran, nested bundled modules excluded. */
  evalMs: number;
}

export interface ChunkCost {
  file: string;
  bytes: number;
  /** Compile (parse) time: the entry's from the profiles, the others imported on their own. */
  compileMs: number;
  /** The entry is compiled before the first request; the others are loaded with import(). */
  entry: boolean;
  /** Whether the profiled runs loaded it at all (signing and the dry run have chunks of their own). */
  loaded: boolean;
}

export interface StartupProfile {
  runs: number;
  modules: ModuleCost[];
  chunks: ChunkCost[];
  /** Node's built-in modules loaded by the bundle (their compile and evaluation, outermost only). */
  builtins: { name: string; ms: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface Target {
  env: Record<string, string>;
}

/** Builds the bundle again with its module table; fails when dist/ is not what src/ builds. */
async function buildWithStats(root: string, work: string): Promise<Map<number, { name: string; chunk: string }>> {
  const out = join(work, 'dist');
  const statsFile = join(work, 'stats.json');
  await build(out, statsFile);
  for (const file of await readdir(out)) {
    const [built, shipped] = await Promise.all([readFile(join(out, file)), readFile(join(root, 'dist', file))]);
    if (!built.equals(shipped)) throw new Error(`dist/${file} is not what src/ builds: run npm run build first`);
  }
  const stats = JSON.parse(await readFile(statsFile, 'utf8')) as {
    modules: { id: number | null; name: string; chunks: number[] }[];
    chunks: { id: number; files: string[] }[];
  };
  const files = new Map(stats.chunks.map((c) => [c.id, c.files[0] ?? String(c.id)]));
  const modules = new Map<number, { name: string; chunk: string }>();
  for (const m of stats.modules) {
    if (m.id === null) continue;
    modules.set(m.id, { name: m.name, chunk: m.chunks.map((c) => files.get(c)).join(', ') });
  }
  return modules;
}

function spawnAndWait(command: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...baseEnv(), ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', () => {
      resolve(Buffer.concat(chunks).toString());
    });
  });
}

const isBuiltin = (frame: ProfileNode['callFrame']): boolean =>
  frame.functionName === '' && frame.url.startsWith('node:') && !frame.url.startsWith('node:internal/modules');

/** Charges every sample of one profile to the bundled module (and built-in) it was loading. */
function attribute(
  profile: CpuProfile,
  bundleFiles: Set<string>,
  moduleIds: Set<number>,
): { modules: Map<number, number>; builtins: Map<string, number>; entryCompile: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const modules = new Map<number, number>();
  const builtins = new Map<string, number>();
  let entryCompile = 0;
  const owner = new Map<number, { module?: number; builtin?: string; compile?: 'entry' | 'chunk' }>();
  const ownerOf = (nodeId: number): { module?: number; builtin?: string; compile?: 'entry' | 'chunk' } => {
    const known = owner.get(nodeId);
    if (known) return known;
    const frames: ProfileNode['callFrame'][] = [];
    for (let at: number | undefined = nodeId; at !== undefined; at = parent.get(at))
      frames.push(byId.get(at)!.callFrame);
    const result: { module?: number; builtin?: string; compile?: 'entry' | 'chunk' } = {};
    // Innermost bundled module factory; outermost built-in module below it.
    for (const [depth, frame] of frames.entries()) {
      const file = frame.url.slice(frame.url.lastIndexOf('/') + 1);
      if (/^\d+$/.test(frame.functionName) && bundleFiles.has(file) && moduleIds.has(Number(frame.functionName))) {
        result.module = Number(frame.functionName);
        const below = frames.slice(0, depth).reverse().find(isBuiltin);
        if (below) result.builtin = below.url;
        break;
      }
    }
    if (frames[0]?.functionName === 'compileSourceTextModule')
      result.compile = frames.some((f) => f.functionName === 'importModuleDynamicallyCallback') ? 'chunk' : 'entry';
    owner.set(nodeId, result);
    return result;
  };
  profile.samples.forEach((sample, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const { module, builtin, compile } = ownerOf(sample);
    if (module !== undefined) modules.set(module, (modules.get(module) ?? 0) + ms);
    if (builtin) builtins.set(builtin, (builtins.get(builtin) ?? 0) + ms);
    if (compile === 'entry') entryCompile += ms;
  });
  return { modules, builtins, entryCompile };
}

/** Median time for a fresh process to import the file, less the time for an empty module. */
async function compileCost(node: string, file: string, empty: string, runs: number): Promise<number> {
  const script =
    'const t = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t));';
  const time = async (path: string): Promise<number> => {
    const values: number[] = [];
    for (let i = 0; i < runs; i++)
      values.push(Number(await spawnAndWait(node, ['--input-type=module', '-e', script, path], {})));
    return median(values);
  };
  return Math.max(0, (await time(file)) - (await time(empty)));
}

export async function profileStartup(
  node: string,
  root: string,
  target: Target,
  runs: number,
  say: (line: string) => void,
): Promise<StartupProfile> {
  const work = join(root, '.cache', 'bench', 'startup-profile');
  await mkdir(work, { recursive: true });
  say('  building the bundle again with its module table …');
  const table = await buildWithStats(root, work);
  const dist = join(root, 'dist');
  const bundleFiles = new Set((await readdir(dist)).filter((f) => f.endsWith('.js')));
  const moduleIds = new Set(table.keys());
  const profiles = join(work, 'profiles');
  await rm(profiles, { recursive: true, force: true });
  say(`  ${runs} profiled runs of dist/index.js …`);
  for (let i = 0; i < runs; i++)
    await spawnAndWait(
      node,
      ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', profiles, join(dist, 'index.js')],
      target.env,
    );
  const perModule = new Map<number, number[]>();
  const ran = new Set<string>();
  const perBuiltin = new Map<string, number[]>();
  const entryCompile: number[] = [];
  const files = await readdir(profiles);
  for (const [runIndex, file] of files.entries()) {
    const profile = JSON.parse(await readFile(join(profiles, file), 'utf8')) as CpuProfile;
    for (const node of profile.nodes) ran.add(node.callFrame.url.slice(node.callFrame.url.lastIndexOf('/') + 1));
    const costs = attribute(profile, bundleFiles, moduleIds);
    entryCompile.push(costs.entryCompile);
    for (const [id, ms] of costs.modules) (perModule.get(id) ?? perModule.set(id, []).get(id)!)[runIndex] = ms;
    for (const [name, ms] of costs.builtins)
      (perBuiltin.get(name) ?? perBuiltin.set(name, []).get(name)!)[runIndex] = ms;
  }
  const medianOfRuns = (values: number[]): number =>
    median(Array.from({ length: files.length }, (_, i) => values[i] ?? 0));
  say('  compiling each chunk on its own …');
  const empty = join(work, 'empty.mjs');
  await writeFile(empty, '');
  const chunks: ChunkCost[] = [];
  for (const file of [...bundleFiles].sort()) {
    const bytes = (await stat(join(dist, file))).size;
    const entry = file === 'index.js';
    chunks.push({
      file,
      bytes,
      entry,
      loaded: entry || ran.has(file),
      compileMs: entry ? median(entryCompile) : await compileCost(node, join(dist, file), empty, 7),
    });
  }
  return {
    runs: files.length,
    modules: [...perModule]
      .map(([id, values]) => ({ ...table.get(id)!, evalMs: medianOfRuns(values) }))
      .sort((a, b) => b.evalMs - a.evalMs),
    chunks,
    builtins: [...perBuiltin].map(([name, values]) => ({ name, ms: medianOfRuns(values) })).sort((a, b) => b.ms - a.ms),
  };
}

/** node_modules/<package> or the folder under src/, for the totals by part. */
export function partOf(name: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name)?.[1];
  if (pkg) return pkg;
  const src = /\.\/src\/(?:([^/]+)\/)?/.exec(name);
  return src ? `src/${src[1] ?? ''}` : name;
}

export function renderStartupProfile(profile: StartupProfile): string {
  const ms = (v: number): string => v.toFixed(1);
  const chunkRows = profile.chunks
    .filter((c) => c.compileMs >= 0.05 || c.entry)
    .sort((a, b) => Number(b.entry) - Number(a.entry) || b.compileMs - a.compileMs)
    .map(
      (c) =>
        `| ${c.file} | ${Math.round(c.bytes / 1024)} KiB | ${ms(c.compileMs)} | ${c.entry ? 'before the first request' : c.loaded ? 'import(), while the network answers' : 'not in this run (signing, dry run, …)'} |`,
    );
  const parts = new Map<string, { ms: number; chunks: Set<string> }>();
  for (const m of profile.modules) {
    const part = parts.get(partOf(m.name)) ?? { ms: 0, chunks: new Set<string>() };
    part.ms += m.evalMs;
    for (const chunk of m.chunk.split(', ')) part.chunks.add(chunk);
    parts.set(partOf(m.name), part);
  }
  const partRows = [...parts]
    .filter(([, p]) => p.ms >= 0.1)
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([name, p]) => `| ${name} | ${ms(p.ms)} | ${[...p.chunks].sort().join(', ')} |`);
  const moduleRows = profile.modules
    .filter((m) => m.evalMs >= 0.2)
    .slice(0, 20)
    .map((m) => `| ${m.name.replace(/^\.\//, '')} | ${ms(m.evalMs)} | ${m.chunk} |`);
  const builtinRows = profile.builtins
    .filter((b) => b.ms >= 0.2)
    .slice(0, 12)
    .map((b) => `| ${b.name} | ${ms(b.ms)} |`);
  return `Medians of ${profile.runs} runs of \`node dist/index.js\` under \`--cpu-prof --cpu-prof-interval 100\`
(a small release, trusted publishing, plain http on loopback); scripts/bench/startup-profile.ts.

Compile time per chunk:

| chunk | size | compile ms | loaded |
| --- | ---: | ---: | --- |
${chunkRows.join('\n')}

Evaluation by part (module factories' own time, with the Node built-ins they load):

| part | ms | chunks |
| --- | ---: | --- |
${partRows.join('\n')}

The costliest modules:

| module | ms | chunk |
| --- | ---: | --- |
${moduleRows.join('\n')}

Node's built-in modules the bundle loads (compiled on first use, not in Node's snapshot):

| built-in | ms |
| --- | ---: |
${builtinRows.join('\n')}
`;
}

/** The environment of a run against the index: trusted publishing, no attestations. */
export function actionEnv(
  index: { origin: string; github: { requestUrl: string; requestToken: string } },
  uploadOrigin: string,
  dir: string,
): Record<string, string> {
  return {
    'INPUT_REPOSITORY-URL': `${uploadOrigin}/legacy/`,
    'INPUT_PACKAGES-DIR': dir,
    INPUT_ATTESTATIONS: 'false',
    ACTIONS_ID_TOKEN_REQUEST_URL: index.github.requestUrl.replace(index.origin, uploadOrigin),
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: index.github.requestToken,
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { startLocalIndex } = await import('../../test/support/local-index.ts');
  const { CACHE, ROOT } = await import('../../test/support/python-env.ts');
  const { DEFAULT_PUBLISHER } = await import('../../test/support/warehouse-oidc.ts');
  const { WORKLOADS, workloadDir } = await import('./workloads.ts');
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : 15;
  const index = await startLocalIndex({ publisher: { ...DEFAULT_PUBLISHER, projects: ['benchproj'] } });
  const dir = await workloadDir(
    CACHE,
    WORKLOADS.find((w) => w.id === 'release-2')!,
  );
  const node = join(ROOT, 'node_modules/node/bin/node');
  const say = (line: string): void => void process.stderr.write(`${line}\n`);
  const profile = await profileStartup(node, ROOT, { env: actionEnv(index, index.origin, dir) }, runs, say);
  await index.close();
  process.stdout.write(renderStartupProfile(profile));
}
