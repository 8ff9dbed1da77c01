// The project's own workflows (.github/), the workflows users copy (docs/) and the act tests'
// workflow, checked by actionlint (built with go install) and zizmor (from the Python registry),
// and by the project's own rules: every action pinned by full commit SHA, permissions declared.
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIONLINT, ensureGoTool } from '../support/go-tools.ts';
import { ROOT, venvBin } from '../support/python-env.ts';

const WORKFLOW_DIRS = ['.github/workflows', 'docs', 'test/fixtures/act'];
let workflows: string[] = [];
let actionlint = '';

beforeAll(async () => {
  actionlint = await ensureGoTool(ACTIONLINT, (message) => process.stdout.write(`${message}\n`));
  for (const dir of WORKFLOW_DIRS) {
    const names = (await readdir(join(ROOT, dir))).filter((name) => name.endsWith('.yml'));
    workflows.push(...names.map((name) => join(ROOT, dir, name)));
  }
  workflows = workflows.sort();
}, 600_000);

async function runTool(command: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd: ROOT, maxBuffer: 16 << 20 });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const { code, stdout, stderr } = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof code === 'number' ? code : 1, output: `${stdout ?? ''}${stderr ?? ''}` };
  }
}

describe('workflows', () => {
  it('finds the project, docs and act workflows', () => {
    const names = workflows.map((path) => relative(ROOT, path));
    expect(names).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml',
        'docs/release.yml',
        'docs/release-testpypi.yml',
        'docs/release-wait.yml',
        'test/fixtures/act/release.yml',
      ]),
    );
  });

  it('pass actionlint', async () => {
    const result = await runTool(actionlint, ['-no-color', ...workflows]);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('pass zizmor (offline), Dependabot configuration included', async () => {
    const result = await runTool(venvBin('zizmor'), ['--offline', '--no-progress', '.github', ...workflows]);
    expect(result.output).toContain('No findings to report.');
    expect(result.code).toBe(0);
  });

  it('pin every action by full commit SHA, and declare permissions at the top', async () => {
    const problems: string[] = [];
    for (const path of workflows) {
      const text = await readFile(path, 'utf8');
      const name = relative(ROOT, path);
      if (!/^permissions:/m.test(text)) problems.push(`${name}: no top-level permissions:`);
      for (const match of text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)/gm)) {
        const uses = match[1];
        if (uses.startsWith('./')) continue;
        if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(uses))
          problems.push(`${name}: ${uses} is not pinned by commit SHA`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps Dependabot on npm and GitHub Actions', async () => {
    const text = await readFile(join(ROOT, '.github/dependabot.yml'), 'utf8');
    expect(text).toContain('package-ecosystem: npm');
    expect(text).toContain('package-ecosystem: github-actions');
  });
});
