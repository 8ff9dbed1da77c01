// checkMetadataFields against PyPI's own judgement: every file in test/fixtures/metadata is judged by
// test/python/metadata_oracle.py (packaging's Metadata.from_email(validate=True) plus the rules of
// Warehouse's forklift/metadata.py, with the libraries Warehouse uses) in one CPython 3.14 process.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMetadataFields, type MetadataProblem } from '../src/checks/metadata-checks.js';
import { checkUrl, contentTypeProblem } from '../src/checks/metadata-syntax.js';
import { parseCoreMetadata } from '../src/dists/metadata.js';
import { parseRequirement, specifierSetProblem } from '../src/checks/pep508.js';
import { runCPython314 } from './support/cpython314.ts';
import { ROOT } from './support/python-env.ts';

const CORPUS = join(ROOT, 'test/fixtures/metadata');
const ORACLE = join(ROOT, 'test/python/metadata_oracle.py');
const VALUES = join(ROOT, 'test/fixtures/metadata-values.json');

/** Files PyPI refuses that checkMetadataFields lets through, and why; each must stay uncaught. */
const KNOWN_GAPS: Record<string, string> = {
  'gap-license-expression-not-spdx.metadata':
    'License-Expression is not checked against the SPDX license list (packaging does that).',
  'gap-field-newer-than-metadata-version.metadata':
    'a field newer than the declared Metadata-Version is refused by checkMetadata in src/metadata.ts, which every upload runs; checkMetadataFields leaves it to that.',
  'gap-license-file-parent.metadata': "License-File paths ('..', '*', absolute, backslashes) are not checked here.",
  'gap-import-name-invalid.metadata': 'Import-Name / Import-Namespace (Metadata-Version 2.5) are not checked.',
};

/** Single values (test/fixtures/metadata-values.json) where our verdict differs from the oracle's, and why. */
const VALUE_GAPS: Record<string, Record<string, string>> = {};

type ValueKind = 'requirement' | 'specifiers' | 'email' | 'url' | 'content_type';

/** Our verdict on one value: refused or not, by the same code checkMetadataFields runs. */
const OURS: Record<ValueKind, (value: string) => boolean> = {
  requirement: (value) => 'error' in parseRequirement(value),
  specifiers: (value) => specifierSetProblem(value) !== undefined,
  email: (value) =>
    checkMetadataFields(parseCoreMetadata(`Metadata-Version: 2.4\nName: x\nVersion: 1\nAuthor-email: ${value}\n`)).some(
      (p) => p.severity === 'error',
    ),
  url: (value) => checkUrl(value).error !== undefined,
  content_type: (value) => contentTypeProblem(value) !== undefined,
};

interface OracleError {
  by: 'packaging' | 'warehouse';
  field: string;
  message: string;
}

interface Judged {
  file: string;
  oracle: OracleError[];
  ours: MetadataProblem[];
}

interface OracleAnswer {
  versions: Record<string, string>;
  verdicts: Record<string, OracleError[]>;
  values: Record<ValueKind, Record<string, string | null>>;
}

let judged: Judged[] = [];
let versions: Record<string, string> = {};
let valueVerdicts = {} as OracleAnswer['values'];

async function runOracle(request: { files: string[]; values: Record<ValueKind, string[]> }): Promise<OracleAnswer> {
  return JSON.parse(await runCPython314(ORACLE, JSON.stringify(request))) as OracleAnswer;
}

beforeAll(async () => {
  const files = (await readdir(CORPUS)).filter((file) => file.endsWith('.metadata')).sort();
  const values = JSON.parse(await readFile(VALUES, 'utf8')) as Record<ValueKind, string[]>;
  const result = await runOracle({ files: files.map((file) => join(CORPUS, file)), values });
  versions = result.versions;
  valueVerdicts = result.values;
  judged = await Promise.all(
    files.map(async (file) => ({
      file,
      oracle: result.verdicts[join(CORPUS, file)],
      ours: checkMetadataFields(parseCoreMetadata(await readFile(join(CORPUS, file), 'utf8'))),
    })),
  );
  const refused = judged.filter((j) => j.oracle.length > 0);
  const caught = refused.filter((j) => errors(j).length > 0);
  const falseAlarms = judged.filter((j) => j.oracle.length === 0 && errors(j).length > 0);
  process.stdout.write(
    `metadata differential (${Object.entries(versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}): ` +
      `${judged.length} files, PyPI refuses ${refused.length}, we catch ${caught.length}, false alarms ${falseAlarms.length}\n`,
  );
});

const errors = (j: Judged): MetadataProblem[] => j.ours.filter((p) => p.severity === 'error');
const describeOurs = (j: Judged): string =>
  `${j.file}: ${errors(j)
    .map((p) => p.message)
    .join(' | ')}`;

describe('checkMetadataFields against packaging + Warehouse (test/python/metadata_oracle.py)', () => {
  it('has a corpus of at least 40 files, named for what the oracle should say', () => {
    expect(judged.length).toBeGreaterThanOrEqual(40);
    expect(judged.filter((j) => !/^(ok|bad|gap)-/.test(j.file)).map((j) => j.file)).toEqual([]);
    expect(versions).toHaveProperty('packaging');
  });

  it('the oracle accepts every ok- file and refuses every bad-/gap- file for exactly one reason', () => {
    const surprises = judged.filter((j) => (j.file.startsWith('ok-') ? j.oracle.length !== 0 : j.oracle.length !== 1));
    expect(surprises.map((j) => `${j.file}: ${JSON.stringify(j.oracle)}`)).toEqual([]);
  });

  it('raises no error on any file PyPI accepts (no false alarms)', () => {
    const falseAlarms = judged.filter((j) => j.oracle.length === 0 && errors(j).length > 0);
    expect(falseAlarms.map(describeOurs)).toEqual([]);
  });

  it('raises an error, on the field PyPI names, for every file PyPI refuses (except the known gaps)', () => {
    const refused = judged.filter((j) => j.oracle.length > 0 && !(j.file in KNOWN_GAPS));
    const missed = refused.filter(
      (j) => !j.oracle.some((o) => errors(j).some((p) => p.field.toLowerCase() === o.field)),
    );
    expect(
      missed.map((j) => `${j.file}: PyPI says ${JSON.stringify(j.oracle)}; we say ${JSON.stringify(errors(j))}`),
    ).toEqual([]);
  });

  it('still misses each known gap (a gap that is caught must leave KNOWN_GAPS)', () => {
    for (const [file, reason] of Object.entries(KNOWN_GAPS)) {
      const entry = judged.find((j) => j.file === file);
      expect(entry, `${file} is listed in KNOWN_GAPS but is not in the corpus`).toBeDefined();
      expect(entry!.oracle.length, `${file} is no longer refused by the oracle`).toBeGreaterThan(0);
      expect(errors(entry!), `${file} is now caught (${reason}); remove it from KNOWN_GAPS`).toEqual([]);
    }
  });
});

describe('value syntax against the libraries PyPI uses (test/fixtures/metadata-values.json)', () => {
  const kinds = Object.keys(OURS) as ValueKind[];
  it.each(kinds)("%s: our verdict equals the oracle's on every value (except VALUE_GAPS)", (kind) => {
    const verdicts = Object.entries(valueVerdicts[kind] ?? {});
    expect(verdicts.length).toBeGreaterThanOrEqual(25);
    const gaps = VALUE_GAPS[kind] ?? {};
    const disagreements = verdicts
      .filter(([value, problem]) => OURS[kind](value) !== (problem !== null) && !(value in gaps))
      .map(
        ([value, problem]) =>
          `${JSON.stringify(value)}: oracle ${problem === null ? 'accepts' : `refuses (${problem.split('\n')[0]})`}, we ${OURS[kind](value) ? 'refuse' : 'accept'}`,
      );
    expect(disagreements).toEqual([]);
    for (const [value, reason] of Object.entries(gaps)) {
      expect(
        OURS[kind](value) !== (valueVerdicts[kind][value] !== null),
        `${JSON.stringify(value)} now agrees (${reason}); remove it from VALUE_GAPS`,
      ).toBe(true);
    }
  });
});
