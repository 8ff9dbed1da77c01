// `npm run build`: `node scripts/build.ts [out-dir] [--stats <file>]` writes the action into out-dir
// (default dist/): ncc's bundle of src/main-step.ts (every import() a chunk of its own), the post
// step's entry, and the licenses of every bundled package. test/integration/bundle.test.ts runs it
// into a temporary directory and compares the result with the committed dist/.
//
// After ncc, terser shortens each file's local names and drops comments and whitespace, which halves
// the time V8 takes to compile the chunks at start-up (scripts/bench/startup-profile.ts). Only that:
// terser's "compress" would rewrite functions into shapes V8 compiles eagerly, which made start-up
// slower. Function and class names are kept, for readable stack traces; each file keeps a source map
// back to src/ and node_modules/.
//
// licenses.txt is written from the module list ncc's webpack reports (--stats-out). ncc's own
// --license option lost the entry chunk's packages: its plugin keys each chunk's modules by chunk
// name, ncc's lazy chunks have none and all write the same file, so the last of them replaced the
// list that held @actions/core, undici, hash-wasm and tunnel.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { minify } from 'terser';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * action.yml's `runs.post`. It sets a flag that only code in this process can set, then runs the
 * same bundle, which then revokes leftover tokens instead of publishing (src/main-step.ts). The step
 * state or the environment cannot tell the steps apart: an earlier step can write both (GITHUB_ENV).
 * Measured against a second ncc bundle of the post step: +1.4 MB in dist/ and +7 s of build for
 * ~15 ms less CPU once per job (docs/development.md).
 */
export const POST_ENTRY = `// The action's post step (action.yml runs.post); written by scripts/build.ts.
globalThis[Symbol.for('pypi-oidc-publish.post-step')] = true;
await import('./index.js');
`;

/** Builds into a scratch directory, then replaces out-dir with it: ncc leaves earlier chunks behind. */
export async function build(outDir: string, statsFile?: string): Promise<void> {
  if (ROOT === outDir || ROOT.startsWith(`${outDir}${sep}`)) throw new Error(`Refusing to replace ${outDir}`);
  const scratch = await mkdtemp(join(tmpdir(), 'build-'));
  const built = join(scratch, 'dist');
  const stats = statsFile ?? join(scratch, 'stats.json');
  try {
    await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/ncc'),
      [
        'build',
        'src/main-step.ts',
        '-o',
        built,
        '--target',
        'es2022',
        '--source-map',
        '--no-source-map-register',
        '--stats-out',
        stats,
        '--quiet',
      ],
      { cwd: ROOT, maxBuffer: 64 << 20 },
    );
    await shortenNames(built);
    await writeFile(join(built, 'post.js'), POST_ENTRY);
    const paths = modulePaths(JSON.parse(await readFile(stats, 'utf8')) as Parameters<typeof modulePaths>[0]);
    await writeFile(join(built, 'licenses.txt'), licensesText(bundledPackages(paths, ROOT)));
    await rm(outDir, { recursive: true, force: true });
    await cp(built, outDir, { recursive: true });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** terser, mangling only (see the top of this file), each file with its source map. */
async function shortenNames(dir: string): Promise<void> {
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.js'))) {
    const path = join(dir, file);
    const result = await minify(await readFile(path, 'utf8'), {
      module: true,
      compress: false,
      mangle: { keep_fnames: true, keep_classnames: true },
      format: { comments: false },
      sourceMap: { content: await readFile(`${path}.map`, 'utf8'), url: `${file}.map` },
    });
    if (result.code === undefined || typeof result.map !== 'string') throw new Error(`terser gave nothing for ${file}`);
    await writeFile(path, result.code);
    await writeFile(`${path}.map`, result.map);
  }
}

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  /** The package's own license file, verbatim. */
  text: string;
}

interface StatsModule {
  name?: string;
  modules?: StatsModule[];
}

/** Every module path in webpack's stats JSON, concatenated modules opened up. */
export function modulePaths(stats: { modules?: StatsModule[] }): string[] {
  const paths: string[] = [];
  const visit = (module: StatsModule): void => {
    if (module.name) paths.push(module.name.replace(/ \+ \d+ modules?$/, ''));
    for (const inner of module.modules ?? []) visit(inner);
  };
  for (const module of stats.modules ?? []) visit(module);
  return paths;
}

/** The directory of the package a bundled file belongs to (the innermost node_modules/<name>). */
export function packageDirOf(modulePath: string): string | undefined {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(modulePath.replace(/\\/g, '/'));
  return match?.[1];
}

const LICENSE_FILE = /^(?:licen[cs]e|copying)(?:[.-].*)?$/i;

function licenseOf(manifest: Record<string, unknown>): string | undefined {
  const field = manifest.license ?? (manifest.licenses as unknown[] | undefined)?.[0];
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && typeof (field as { type?: unknown }).type === 'string')
    return (field as { type: string }).type;
  return undefined;
}

/**
 * The packages whose files are in the bundle, each with its license. A package without a license
 * field stops the build: every package shipped must be listed with its terms.
 */
export function bundledPackages(paths: string[], root: string): BundledPackage[] {
  const dirs = new Set(paths.map(packageDirOf).filter((dir): dir is string => dir !== undefined));
  const packages = new Map<string, BundledPackage>();
  const problems: string[] = [];
  for (const dir of dirs) {
    const absolute = join(root, dir);
    const manifestPath = join(absolute, 'package.json');
    if (!existsSync(manifestPath)) {
      problems.push(`${dir} has no package.json`);
      continue;
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    const name = typeof manifest.name === 'string' ? manifest.name : dir.split('node_modules/').pop()!;
    const version = typeof manifest.version === 'string' ? manifest.version : '0.0.0';
    const license = licenseOf(manifest);
    const file = readdirSync(absolute)
      .filter((entry) => LICENSE_FILE.test(entry))
      .sort()[0];
    if (!license) {
      problems.push(`${name} ${version} (${dir}) has no "license" in its package.json`);
      continue;
    }
    // A few packages (@npmcli/agent) ship no license file; their package.json is all there is.
    const text = file
      ? readFileSync(join(absolute, file), 'utf8').replace(/\r\n/g, '\n').trim()
      : `The package ships no license file; its package.json declares the license ${license}.`;
    packages.set(`${name} ${version}`, { name, version, license, text });
  }
  if (problems.length) throw new Error(`Cannot list the licenses of the bundle:\n${problems.join('\n')}`);
  return [...packages.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1,
  );
}

export function licensesText(packages: BundledPackage[]): string {
  const blocks = packages.map((p) => `==> ${p.name} ${p.version} (${p.license}) <==\n${p.text}\n`);
  return `The packages bundled in this directory's JavaScript, each with its license as the package ships it.\nWritten by scripts/build.ts from the modules ncc bundled.\n\n${blocks.join('\n')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const statsAt = args.indexOf('--stats');
  const statsFile = statsAt >= 0 ? resolve(args.splice(statsAt, 2)[1]) : undefined;
  await build(resolve(ROOT, args[0] ?? 'dist'), statsFile);
}
