// `npm run build`: the bundle in dist/, as the action ships it. ncc bundles src/main-step.ts and
// splits every import() into a chunk of its own; then terser shortens each file's local names and
// drops comments and whitespace, which halves the time V8 takes to compile the chunks at start-up
// (scripts/bench/startup-profile.ts). Only that: terser's "compress" would also rewrite functions
// into shapes V8 compiles eagerly, which made start-up slower. Function and class names are kept,
// for readable stack traces; each file keeps a source map back to src/ and node_modules/.
// Options: --out DIR (default dist), --stats FILE (webpack's module table, for the start-up profile).
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { minify } from 'terser';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function build(out: string, stats?: string): Promise<void> {
  await rm(out, { recursive: true, force: true });
  await promisify(execFile)(
    join(ROOT, 'node_modules/.bin/ncc'),
    [
      'build',
      'src/main-step.ts',
      '-o',
      out,
      '--license',
      'licenses.txt',
      '--target',
      'es2022',
      '--source-map',
      '--no-source-map-register',
      '--quiet',
      ...(stats ? ['--stats-out', stats] : []),
    ],
    { cwd: ROOT, maxBuffer: 64 << 20 },
  );
  for (const file of (await readdir(out)).filter((name) => name.endsWith('.js'))) {
    const path = join(out, file);
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

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const option = (name: string): string | undefined => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const stats = option('--stats');
  await build(resolve(option('--out') ?? join(ROOT, 'dist')), stats && resolve(stats));
}
