// `npm run build`: `node scripts/build.ts [out-dir] [--stats <file>]` writes the action into out-dir
// (default dist/): ncc's bundle of src/main-step.ts, the post step's entry, and the licenses of
// every bundled package. test/integration/bundle.test.ts runs it into a temporary directory and
// compares the result with the committed dist/.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bundledPackages, licensesText, modulePaths } from './licenses.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * action.yml's `runs.post`. It sets a flag that only code in this process can set, then runs the
 * same bundle, which then revokes leftover tokens instead of publishing (src/main-step.ts). The step
 * state or the environment cannot tell the steps apart: an earlier step can write both (GITHUB_ENV).
 * Measured against a second ncc bundle of the post step: +1.4 MB in dist/ and +7 s of build for
 * 25 ms less start-up once per job (docs/notes-h13b.md).
 */
export const POST_ENTRY = `// The action's post step (action.yml runs.post); written by scripts/build.ts.
globalThis[Symbol.for('pypi-oidc-publish.post-step')] = true;
await import('./index.js');
`;

export async function build(outDir: string, statsFile?: string): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'build-stats-'));
  const stats = statsFile ?? join(scratch, 'stats.json');
  try {
    await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/ncc'),
      ['build', 'src/main-step.ts', '-o', outDir, '--target', 'es2022', '--stats-out', stats, '--quiet'],
      { cwd: ROOT, maxBuffer: 64 << 20 },
    );
    // After ncc, which empties the directory of earlier .js files.
    await writeFile(join(outDir, 'post.js'), POST_ENTRY);
    const paths = modulePaths(JSON.parse(await readFile(stats, 'utf8')) as Parameters<typeof modulePaths>[0]);
    await writeFile(join(outDir, 'licenses.txt'), licensesText(bundledPackages(paths, ROOT)));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const statsAt = args.indexOf('--stats');
  const statsFile = statsAt >= 0 ? resolve(args.splice(statsAt, 2)[1]!) : undefined;
  await build(resolve(ROOT, args[0] ?? 'dist'), statsFile);
}
