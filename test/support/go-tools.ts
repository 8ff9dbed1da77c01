// Go programs the tests run (nektos/act, rhysd/actionlint), built from the Go module proxy with
// `go install` into the git-ignored .cache/act: binaries, module cache and build cache all stay
// there, so the first run builds them (act: about 2.5 minutes on 2 cores) and later runs do not.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CACHE } from './python-env.ts';

export const GO_TOOLS_HOME = join(CACHE, 'act');

export interface GoTool {
  /** The package to install, e.g. github.com/nektos/act. */
  pkg: string;
  version: string;
  binary: string;
}

export const ACT: GoTool = { pkg: 'github.com/nektos/act', version: 'v0.2.89', binary: 'act' };
export const ACTIONLINT: GoTool = {
  pkg: 'github.com/rhysd/actionlint/cmd/actionlint',
  version: 'v1.7.12',
  binary: 'actionlint',
};

function goEnvironment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GOBIN: join(GO_TOOLS_HOME, 'bin'),
    GOPATH: join(GO_TOOLS_HOME, 'gopath'),
    GOMODCACHE: join(GO_TOOLS_HOME, 'gopath', 'pkg', 'mod'),
    GOCACHE: join(GO_TOOLS_HOME, 'gocache'),
    // A read-write module cache, so that `rm -rf .cache` works; no toolchain download.
    GOFLAGS: '-modcacherw',
    GOTOOLCHAIN: 'local',
  };
}

/** Path to the tool's binary, building it the first time (or when its version changed). */
export async function ensureGoTool(tool: GoTool, log: (message: string) => void): Promise<string> {
  const binary = join(GO_TOOLS_HOME, 'bin', process.platform === 'win32' ? `${tool.binary}.exe` : tool.binary);
  const stamp = `${binary}.version`;
  if (existsSync(binary) && existsSync(stamp) && (await readFile(stamp, 'utf8')) === tool.version) return binary;
  await mkdir(GO_TOOLS_HOME, { recursive: true });
  log(`Building ${tool.pkg}@${tool.version} with go install into .cache/act (first run only) …`);
  const started = Date.now();
  try {
    await promisify(execFile)('go', ['install', `${tool.pkg}@${tool.version}`], {
      env: goEnvironment(),
      cwd: GO_TOOLS_HOME,
      maxBuffer: 64 << 20,
    });
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string };
    if (code === 'ENOENT') {
      throw new Error(`The Go toolchain (\`go\`) is not on PATH; the tests build ${tool.pkg} with it.`, {
        cause: error,
      });
    }
    throw new Error(`go install ${tool.pkg}@${tool.version} failed:\n${stderr ?? String(error)}`, { cause: error });
  }
  await writeFile(stamp, tool.version);
  log(`Built ${tool.binary} ${tool.version} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return binary;
}
