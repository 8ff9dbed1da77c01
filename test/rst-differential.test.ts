// checkRst against readme_renderer itself: every file in test/fixtures/rst is rendered by
// readme_renderer.rst.render (the function PyPI calls) in one Python process of the test venv, and
// checkRst must find a problem exactly when that render fails, except for the known gaps below.
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRst, RST_CHECKS_NOT_DONE, type RstProblem } from '../src/checks/rst-check.js';
import { ROOT, venvBin } from './support/python-env.ts';

const CORPUS = join(ROOT, 'test/fixtures/rst');

/** Files readme_renderer refuses that checkRst lets through, each with the start of the RST_CHECKS_NOT_DONE entry that explains it. */
const KNOWN_GAPS: Record<string, string> = {
  'bad-grid-table-malformed.rst': 'tables:',
  'bad-list-table-uneven-rows.rst': 'the shape of list-table content',
  'bad-bibliographic-field.rst': 'bibliographic fields',
};

// `.. role::` registers roles for the whole Python process, so each description starts from a clean registry.
const ORACLE = `
import importlib.metadata, io, json, sys
from docutils.parsers.rst import roles
from readme_renderer.rst import render
verdicts = {}
for path in sys.argv[1:]:
    roles._roles.clear()
    with open(path, encoding='utf-8') as f:
        text = f.read()
    stream = io.StringIO()
    verdicts[path] = {'renders': render(text, stream=stream) is not None, 'messages': stream.getvalue()}
versions = {name: importlib.metadata.version(name) for name in ('readme_renderer', 'docutils')}
print(json.dumps({'versions': versions, 'verdicts': verdicts}))
`;

interface Judged {
  file: string;
  renders: boolean;
  messages: string;
  ours: RstProblem[];
}

let judged: Judged[] = [];

beforeAll(async () => {
  const files = (await readdir(CORPUS)).filter((file) => file.endsWith('.rst')).sort();
  const paths = files.map((file) => join(CORPUS, file));
  const answer = JSON.parse(
    execFileSync(venvBin('python'), ['-c', ORACLE, ...paths], { encoding: 'utf8', maxBuffer: 16 << 20 }),
  ) as {
    versions: Record<string, string>;
    verdicts: Record<string, { renders: boolean; messages: string }>;
  };
  judged = await Promise.all(
    files.map(async (file, k) => ({
      file,
      ...answer.verdicts[paths[k]],
      ours: checkRst(await readFile(paths[k], 'utf8')),
    })),
  );
  const good = judged.filter((j) => j.renders);
  const refused = judged.filter((j) => !j.renders);
  process.stdout.write(
    `rst differential (${Object.entries(answer.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}): ${judged.length} files; ` +
      `readme_renderer refuses ${refused.length}, checkRst catches ${refused.filter((j) => j.ours.length > 0).length} (${Object.keys(KNOWN_GAPS).length} known gaps); ` +
      `readme_renderer renders ${good.length}, checkRst finds nothing in ${good.filter((j) => j.ours.length === 0).length}\n`,
  );
});

const firstMessage = (j: Judged): string => j.messages.split('\n')[0];
const describeOurs = (j: Judged): string =>
  `${j.file}: ${j.ours.map((p) => `line ${p.line}: ${p.message}`).join(' | ')}`;

describe('checkRst against readme_renderer (the renderer PyPI runs)', () => {
  it('has a corpus of at least 40 descriptions, named good- or bad-', () => {
    expect(judged.length).toBeGreaterThanOrEqual(40);
    expect(judged.filter((j) => !/^(good|bad)-[a-z0-9-]+\.rst$/.test(j.file)).map((j) => j.file)).toEqual([]);
  });

  it('readme_renderer renders every good- file and refuses every bad- file', () => {
    const misnamed = judged.filter((j) => j.file.startsWith('good-') !== j.renders);
    expect(misnamed.map((j) => `${j.file}: ${j.renders ? 'renders' : `refused (${firstMessage(j)})`}`)).toEqual([]);
  });

  it('finds no problem in any file readme_renderer renders (no false alarm)', () => {
    expect(judged.filter((j) => j.renders && j.ours.length > 0).map(describeOurs)).toEqual([]);
  });

  it('finds a problem in every file readme_renderer refuses, except the known gaps', () => {
    const missed = judged.filter((j) => !j.renders && j.ours.length === 0 && !(j.file in KNOWN_GAPS));
    expect(missed.map((j) => `${j.file}: readme_renderer says ${firstMessage(j)}`)).toEqual([]);
  });

  it('reports every problem on a line of the file', async () => {
    for (const j of judged) {
      const lines = (await readFile(join(CORPUS, j.file), 'utf8')).split('\n').length;
      expect(
        j.ours.filter((p) => p.line < 1 || p.line > lines || !p.message || !p.fix),
        j.file,
      ).toEqual([]);
    }
  });

  it('still misses each known gap, and each gap is explained by an entry of RST_CHECKS_NOT_DONE', () => {
    for (const [file, entry] of Object.entries(KNOWN_GAPS)) {
      const j = judged.find((candidate) => candidate.file === file);
      expect(j, `${file} is listed in KNOWN_GAPS but is not in the corpus`).toBeDefined();
      expect(j!.renders, `${file} is no longer refused by readme_renderer`).toBe(false);
      expect(j!.ours, `${file} is now caught; remove it from KNOWN_GAPS`).toEqual([]);
      expect(
        RST_CHECKS_NOT_DONE.filter((done) => done.startsWith(entry)),
        `${file}: no RST_CHECKS_NOT_DONE entry starts with '${entry}'`,
      ).toHaveLength(1);
    }
  });
});
