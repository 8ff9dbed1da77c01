import { buildFixture, ensurePythonEnv, FIXTURE_PROJECTS } from './python-env.ts';

/** Installs the Python tools and builds the fixture dists once, before any test file runs. */
export default async function setup(): Promise<void> {
  const started = Date.now();
  await ensurePythonEnv((message) => process.stdout.write(`${message}\n`));
  await Promise.all(FIXTURE_PROJECTS.map((project) => buildFixture(project)));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Python tools and fixture dists ready (${seconds} s)\n`);
}
