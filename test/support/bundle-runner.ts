// Runs the action's steps as users run them: the file action.yml names for the step, INPUT_*
// variables, and the runner's output and summary files. Free of src/ imports so that the demo can
// use it under plain `node`.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './python-env.ts';
import { watchMasks } from './mask-witness.ts';
import { RunnerEmulator } from './runner-emulator.ts';

export interface BundleRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  milliseconds: number;
}

/** The file action.yml (in `root`) runs for a step: `runs.main` or `runs.post`. */
export function stepEntry(step: 'main' | 'post', root = ROOT): string {
  const match = new RegExp(`^  ${step}: (\\S+)$`, 'm').exec(readFileSync(join(root, 'action.yml'), 'utf8'));
  if (!match) throw new Error(`action.yml has no runs.${step}`);
  return join(root, match[1]);
}

/** Runs a step the way the runner does: inputs as INPUT_<NAME>, outputs and summary via files. */
export async function runBundle(
  node: string,
  inputs: Record<string, string>,
  env: Record<string, string | undefined>,
  step: 'main' | 'post' = 'main',
): Promise<BundleRun> {
  const dir = await mkdtemp(join(tmpdir(), 'bundle-run-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]),
  );
  const baseEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('INPUT_') && !k.startsWith('ACTIONS_') && !k.startsWith('GITHUB_'),
    ),
  );
  const started = Date.now();
  // The runner's view of the output as it arrives, for the local index's check of each credential.
  const emulator = new RunnerEmulator();
  const unwatch = watchMasks(() => emulator.masked);
  const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      node,
      [stepEntry(step)],
      {
        env: { ...baseEnv, ...inputEnv, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, ...env },
        maxBuffer: 16 << 20,
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
    child.stdout?.on('data', (chunk: string) => {
      emulator.feed(chunk);
    });
  }).finally(unwatch);
  const milliseconds = Date.now() - started;
  return {
    ...result,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    milliseconds,
  };
}

/** GITHUB_OUTPUT's format: `name<<DELIMITER`, the value's lines, `DELIMITER`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!match) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]);
    outputs[match[1]] = value.join('\n');
  }
  return outputs;
}
