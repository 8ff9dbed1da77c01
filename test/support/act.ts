// nektos/act, built from the Go module proxy into the git-ignored .cache/act on first use, and run
// without Docker: jobs on this host (-P ubuntu-latest=-self-hosted), with the SHA-pinned
// `uses: octo-org/pypi-oidc-publish@<sha>` resolved to this checkout (--local-repository).
import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { ACT, ensureGoTool } from './go-tools.ts';
import { ROOT, VENV, venvBin } from './python-env.ts';

/** The `uses:` the test workflows pin; --local-repository maps it to the staged checkout. */
export const ACTION_REPOSITORY = 'octo-org/pypi-oidc-publish';
export const ACTION_SHA = '5f1e0c3a9b7d2e4f6a8c0b1d3e5f7a9c1b3d5e7f';

/** Path to the act binary; built with `go install` the first time (about 2.5 minutes on 2 cores). */
export async function ensureAct(log: (message: string) => void): Promise<string> {
  return ensureGoTool(ACT, log);
}

/**
 * What the runner fetches for `uses: owner/repo@sha`: the repository at that commit, of which it
 * reads action.yml and runs dist/index.js. act would tar whatever folder it is given (node_modules
 * and .cache included), so it gets a copy of just those two.
 */
export async function stageActionCheckout(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'action-checkout-'));
  await cp(join(ROOT, 'action.yml'), join(dir, 'action.yml'));
  await cp(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  return dir;
}

/** A git repository holding a Python project and the release workflow, as a user's repository would. */
export async function makeWorkflowRepository(project: string, workflow: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'act-repo-'));
  await cp(project, dir, { recursive: true });
  await mkdir(join(dir, '.github', 'workflows'), { recursive: true });
  await cp(workflow, join(dir, '.github', 'workflows', 'release.yml'));
  const git = async (...args: string[]) => promisify(execFile)('git', args, { cwd: dir });
  await git('init', '-q');
  await git('add', '-A');
  await git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'release');
  return dir;
}

export interface ActRun {
  code: number;
  output: string;
  milliseconds: number;
}

export interface ActOptions {
  act: string;
  repository: string;
  actionCheckout: string;
  env?: Record<string, string>;
  vars?: Record<string, string>;
  secrets?: Record<string, string>;
}

/** `act push` on the repository's release workflow, the job on this host, the action from the staged checkout. */
export async function runAct(options: ActOptions): Promise<ActRun> {
  // A fresh one per run: act leaves each job's host workspace there.
  const actionCache = await mkdtemp(join(tmpdir(), 'act-cache-'));
  const pairs = (flag: string, values: Record<string, string> = {}) =>
    Object.entries(values).flatMap(([name, value]) => [flag, `${name}=${value}`]);
  const args = [
    'push',
    '-W',
    '.github/workflows/release.yml',
    '-P',
    'ubuntu-latest=-self-hosted',
    '--local-repository',
    `${ACTION_REPOSITORY}@${ACTION_SHA}=${options.actionCheckout}`,
    '--no-cache-server',
    '--action-cache-path',
    actionCache,
    ...pairs('--env', options.env),
    ...pairs('--var', options.vars),
    ...pairs('-s', options.secrets),
  ];
  // The job runs on this host: `python -m build` finds the test virtualenv's Python first on PATH.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${dirname(venvBin('python'))}${delimiter}${process.env.PATH ?? ''}`,
    VIRTUAL_ENV: VENV,
  };
  for (const name of Object.keys(env))
    if (name.startsWith('ACTIONS_') || name.startsWith('GITHUB_') || name === 'ACT') delete env[name];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(options.act, args, { cwd: options.repository, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => {
      const milliseconds = Date.now() - started;
      // act removes a job's host workspace when the job succeeds, and keeps it when it fails.
      void rm(actionCache, { recursive: true, force: true }).then(() => {
        resolve({ code: code ?? 1, output, milliseconds });
      }, reject);
    });
  });
}
