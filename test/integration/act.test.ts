// The release workflow run for real by nektos/act (built from the Go module proxy), the job on this
// host, the action resolved from this checkout by its pinned SHA: a dry run by default, a trusted-
// publishing upload with the runner's OIDC variables pointed at the local index, password mode
// against pypiserver, and the post step revoking the token of a failed upload.
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureAct, makeWorkflowRepository, runAct, stageActionCheckout, type ActOptions } from '../support/act.ts';
import { startLocalIndex, type LocalIndex } from '../support/local-index.ts';
import { startPypiServer, type PypiServer } from '../support/pypiserver.ts';
import { ROOT } from '../support/python-env.ts';

const WORKFLOW = join(ROOT, 'test/fixtures/act/release.yml');
const PROJECT = join(ROOT, 'test/fixtures/projects/sampleproject');
const ACT_TIMEOUT_MS = 180_000;

let base: Pick<ActOptions, 'act' | 'actionCheckout' | 'repository'>;
let index: LocalIndex | undefined;
/** Folders made by single tests, removed at the end. */
const scratch: string[] = [];
let pypiserver: PypiServer | undefined;

beforeAll(async () => {
  const act = await ensureAct((message) => process.stdout.write(`${message}\n`));
  base = {
    act,
    actionCheckout: await stageActionCheckout(),
    repository: await makeWorkflowRepository(PROJECT, WORKFLOW),
  };
}, 900_000);

/**
 * The action prints the sha256 of each file it read from the job's dist/ (print-hash: true); the
 * index's copy having that digest and size shows it stored exactly what the job built.
 */
function printedDigests(output: string): Map<string, string> {
  const digests = new Map<string, string>();
  for (const match of output.matchAll(/\| (\S+\.(?:whl|tar\.gz))\n.*\|\s+sha256: {6}([0-9a-f]{64})/g))
    digests.set(match[1], match[2]);
  return digests;
}

afterAll(async () => {
  for (const dir of [base.actionCheckout, base.repository, ...scratch]) await rm(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await index?.close();
  await pypiserver?.close();
  index = undefined;
  pypiserver = undefined;
});

async function startIndex(): Promise<LocalIndex> {
  index = await startLocalIndex();
  return index;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const indexVars = (idx: LocalIndex) => ({ REPOSITORY_URL: idx.uploadUrl, CHECK_URL: `${idx.origin}/simple/` });
const oidcEnv = (idx: LocalIndex) => ({
  ACTIONS_ID_TOKEN_REQUEST_URL: idx.github.requestUrl,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: idx.github.requestToken,
});

describe('the release workflow under act', () => {
  it(
    'is a dry run by default: the plan is printed, nothing is uploaded, exit code 0',
    async () => {
      const idx = await startIndex();
      const run = await runAct({ ...base, vars: indexVars(idx) });

      expect(run.output).toContain(
        'Running under act (ACT=true) without OIDC variables or a password, so this is a dry run',
      );
      expect(run.output).toMatch(
        /sampleproject-1\.0\.0-py3-none-any\.whl \(\d+ bytes, sha256 [0-9a-f]{64}\): would upload: new file/,
      );
      expect(run.output).toMatch(
        /sampleproject-1\.0\.0\.tar\.gz \(\d+ bytes, sha256 [0-9a-f]{64}\): would upload: new file/,
      );
      expect(run.output).toContain(
        'Authentication: not tried: trusted publishing, but this job has no OIDC environment',
      );
      expect(run.output).toContain(
        'The real run would succeed (2 to upload, 0 to skip, 0 to fail), if authentication works (not tried).',
      );
      expect(run.output).toContain('Job succeeded');
      expect(run.code).toBe(0);
      expect(idx.requests.some((r) => r.path.startsWith('/legacy'))).toBe(false);
      expect(idx.files.size).toBe(0);
    },
    ACT_TIMEOUT_MS,
  );

  it(
    'exits non-zero with the error when a dist is broken',
    async () => {
      const idx = await startIndex();
      const broken = await makeWorkflowRepository(PROJECT, WORKFLOW);
      scratch.push(broken);
      const pyproject = join(broken, 'pyproject.toml');
      await writeFile(
        pyproject,
        (await readFile(pyproject, 'utf8')).replace('version = "1.0.0"', 'version = "1.0.0+local.build"'),
      );
      const run = await runAct({ ...base, repository: broken, vars: indexVars(idx) });

      expect(run.code).not.toBe(0);
      expect(run.output).toContain('Nothing was uploaded: 2 problems were found before the upload.');
      expect(run.output).toContain('1.0.0+local.build');
      expect(run.output).toContain('Job failed');
      expect(idx.requests).toHaveLength(0);
    },
    ACT_TIMEOUT_MS,
  );

  it(
    "uploads with trusted publishing when the runner's OIDC variables point at the local index",
    async () => {
      const idx = await startIndex();
      const run = await runAct({ ...base, vars: indexVars(idx), env: oidcEnv(idx) });

      expect(run.output).toContain('Job succeeded');
      expect(run.code).toBe(0);
      expect(run.output).not.toContain('dry run');
      expect(idx.mints.map((m) => m.status)).toEqual([200]);
      const printed = printedDigests(run.output);
      expect([...printed.keys()].sort()).toEqual([
        'sampleproject-1.0.0-py3-none-any.whl',
        'sampleproject-1.0.0.tar.gz',
      ]);
      expect([...idx.files.keys()].sort()).toEqual([...printed.keys()].sort());
      for (const [filename, digest] of printed) expect(sha256(idx.files.get(filename)!.bytes)).toBe(digest);
      // The main step ends with its last upload and leaves the token to the post step, which act runs.
      expect(idx.burns).toEqual([{ status: 202, known: true }]);
      expect(idx.liveTokens).toBe(0);
      expect(run.output).toContain("The upload token is revoked by this action's post step, at the end of the job.");
      expect(run.output).toContain('Revoking the upload token the main step minted.');
    },
    ACT_TIMEOUT_MS,
  );

  it(
    'revokes the token in the post step when an upload failed',
    async () => {
      const idx = await startIndex();
      idx.override('upload', (_req, res) => {
        res.writeHead(400, 'Invalid distribution file.', { 'content-type': 'text/plain' });
        res.end('400 Invalid distribution file.');
        return true;
      });
      const run = await runAct({ ...base, vars: indexVars(idx), env: oidcEnv(idx) });

      expect(run.code).not.toBe(0);
      expect(run.output).toContain('refused sampleproject-1.0.0-py3-none-any.whl: 400');
      expect(run.output).toContain('Revoking the upload token the main step minted.');
      expect(idx.burns).toEqual([{ status: 202, known: true }]);
      expect(idx.files.size).toBe(0);
    },
    ACT_TIMEOUT_MS,
  );

  it(
    'uploads to pypiserver with a password',
    async () => {
      pypiserver = await startPypiServer();
      const run = await runAct({
        ...base,
        vars: { REPOSITORY_URL: pypiserver.url, CHECK_URL: `${pypiserver.url}simple/`, INDEX_USER: pypiserver.user },
        secrets: { INDEX_PASSWORD: pypiserver.password },
      });

      expect(run.output).toContain('Job succeeded');
      expect(run.code).toBe(0);
      expect(run.output).not.toContain(pypiserver.password);
      const printed = printedDigests(run.output);
      expect([...printed.keys()].sort()).toEqual([
        'sampleproject-1.0.0-py3-none-any.whl',
        'sampleproject-1.0.0.tar.gz',
      ]);
      expect((await readdir(pypiserver.packagesDir)).sort()).toEqual([...printed.keys()].sort());
      for (const [filename, digest] of printed) {
        expect(sha256(await readFile(join(pypiserver.packagesDir, filename)))).toBe(digest);
      }
    },
    ACT_TIMEOUT_MS,
  );
});
