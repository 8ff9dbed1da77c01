// dist/licenses.txt, written by scripts/build.ts from the module list ncc's webpack reports
// (--stats-out). ncc's own --license option lost the entry chunk's packages: its plugin keys each
// chunk's modules by chunk name, ncc's lazy chunks have none and all write the same file, so the
// last of them replaced the list that held @actions/core, undici, hash-wasm and tunnel.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

export const LICENSE_HEADER = /^==> (\S+) (\S+) \((.+)\) <==$/;

export function licensesText(packages: BundledPackage[]): string {
  const blocks = packages.map((p) => `==> ${p.name} ${p.version} (${p.license}) <==\n${p.text}\n`);
  return `The packages bundled in this directory's JavaScript, each with its license as the package ships it.\nWritten by scripts/build.ts from the modules ncc bundled.\n\n${blocks.join('\n')}`;
}
