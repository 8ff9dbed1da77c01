// The metadata checks against PyPI's own judgement: every file in test/fixtures/metadata, and the
// single values of test/fixtures/metadata-values.json plus generated License-Expression,
// Description-Content-Type, License-File and Import-Name values,
// are judged by test/python/metadata_oracle.py (packaging's Metadata validation, plus the rules of
// Warehouse's forklift/metadata.py, with the libraries Warehouse uses; License-Expression and
// Description-Content-Type also with the packaging release Warehouse pins) in one CPython 3.14 process. "Ours" is what every upload runs: checkMetadata's rule on
// fields newer than the declared Metadata-Version, and checkMetadataFields.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLicenseExpression } from '../src/checks/license-expression.js';
import { checkMetadataFields, type MetadataProblem } from '../src/checks/metadata-checks.js';
import { importNameProblem, licenseFileProblem } from '../src/checks/metadata/license-and-import-fields.js';
import { checkContentTypeValue } from '../src/checks/content-type.js';
import { checkUrl } from '../src/checks/metadata-syntax.js';
import { fieldsNewerThanDeclared, parseCoreMetadata, type CoreMetadata } from '../src/dists/metadata.js';
import { parseRequirement, specifierSetProblem } from '../src/checks/pep508.js';
import { runCPython314 } from './support/cpython314.ts';
import { contentTypeSamples } from './support/content-type-samples.ts';
import { importNameSamples, licenseExpressionSamples, licenseFileSamples } from './support/license-samples.ts';
import { ROOT } from './support/python-env.ts';
import { WAREHOUSE_PACKAGING, warehousePackagingPath } from './support/warehouse-pins.ts';

const CORPUS = join(ROOT, 'test/fixtures/metadata');
const ORACLE = join(ROOT, 'test/python/metadata_oracle.py');
const VALUES = join(ROOT, 'test/fixtures/metadata-values.json');
const LICENSE_EXPRESSIONS = licenseExpressionSamples(2500);
const CONTENT_TYPES = contentTypeSamples(3000);
// Code points tried as the first and as a later character of an Import-Name identifier.
const IDENTIFIER_POINTS = Array.from({ length: 0x30000 }, (_, point) => point).filter(
  (point) => point < 0xd800 || point > 0xdfff,
);

type ValueKind = 'requirement' | 'specifiers' | 'email' | 'url' | 'license_file' | 'import_name';

/** Our verdict on one value: refused or not, by the same code checkMetadataFields runs. */
const OURS: Record<ValueKind, (value: string) => boolean> = {
  requirement: (value) => 'error' in parseRequirement(value),
  specifiers: (value) => specifierSetProblem(value) !== undefined,
  email: (value) =>
    checkMetadataFields(parseCoreMetadata(`Metadata-Version: 2.4\nName: x\nVersion: 1\nAuthor-email: ${value}\n`)).some(
      (p) => p.severity === 'error',
    ),
  url: (value) => checkUrl(value).error !== undefined,
  license_file: (value) => licenseFileProblem(value) !== undefined,
  import_name: (value) => importNameProblem(value) !== undefined,
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

/** Two packaging releases' verdicts on one value: Warehouse's pin (26.2) and the venv's (26.3). */
interface TwoVerdicts {
  warehouse: string | null;
  latest: string | null;
}

interface OracleAnswer {
  versions: Record<string, string>;
  verdicts: Record<string, OracleError[]>;
  values: Record<ValueKind, Record<string, string | null>> & {
    license_expression: Record<string, TwoVerdicts>;
    content_type: Record<string, TwoVerdicts>;
  };
  identifiers: { start: string; continue: string };
  spdx: { version: string; licenses: Record<string, string>; exceptions: Record<string, string> };
}

let judged: Judged[] = [];
let answer: OracleAnswer;

/** Every problem an upload of this metadata meets, with the field it names. */
function ours(metadata: CoreMetadata): MetadataProblem[] {
  const declared = metadata.headers.find(([name]) => name.toLowerCase() === 'metadata-version')?.[1];
  const tooNew = fieldsNewerThanDeclared(metadata).map(({ header, introduced }) => ({
    field: header,
    message: `${header} needs Metadata-Version ${introduced}, not ${declared}`,
    fix: '',
    severity: 'error' as const,
  }));
  return [...tooNew, ...checkMetadataFields(metadata)];
}

beforeAll(async () => {
  const files = (await readdir(CORPUS)).filter((file) => file.endsWith('.metadata')).sort();
  const values = JSON.parse(await readFile(VALUES, 'utf8')) as Record<string, string[]>;
  values.license_expression = [...(values.license_expression ?? []), ...LICENSE_EXPRESSIONS];
  values.content_type = [...(values.content_type ?? []), ...CONTENT_TYPES];
  values.license_file = [...(values.license_file ?? []), ...licenseFileSamples(1500)];
  values.import_name = [...(values.import_name ?? []), ...importNameSamples(1500)];
  const request = {
    files: files.map((file) => join(CORPUS, file)),
    values,
    identifier_points: IDENTIFIER_POINTS,
    warehouse_packaging: warehousePackagingPath(),
  };
  answer = JSON.parse(await runCPython314(ORACLE, JSON.stringify(request))) as OracleAnswer;
  judged = await Promise.all(
    files.map(async (file) => ({
      file,
      oracle: answer.verdicts[join(CORPUS, file)],
      ours: ours(parseCoreMetadata(await readFile(join(CORPUS, file), 'utf8'))),
    })),
  );
  const refused = judged.filter((j) => j.oracle.length > 0);
  const caught = refused.filter((j) => errors(j).length > 0);
  const falseAlarms = judged.filter((j) => j.oracle.length === 0 && errors(j).length > 0);
  process.stdout.write(
    `metadata differential (${Object.entries(answer.versions)
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

describe('the metadata checks against packaging + Warehouse (test/python/metadata_oracle.py)', () => {
  it("judges with CPython 3.14, and License-Expression and Description-Content-Type with Warehouse's packaging release too", () => {
    expect(answer.versions.python).toMatch(/^3\.14\./);
    expect(answer.versions["packaging (Warehouse's pin)"]).toBe(WAREHOUSE_PACKAGING.version);
  });

  it('has a corpus of at least 40 files, named for what the oracle should say', () => {
    expect(judged.length).toBeGreaterThanOrEqual(40);
    expect(judged.filter((j) => !/^(ok|bad)-/.test(j.file)).map((j) => j.file)).toEqual([]);
  });

  it('the oracle accepts every ok- file and refuses every bad- file for exactly one reason', () => {
    const surprises = judged.filter((j) => (j.file.startsWith('ok-') ? j.oracle.length !== 0 : j.oracle.length !== 1));
    expect(surprises.map((j) => `${j.file}: ${JSON.stringify(j.oracle)}`)).toEqual([]);
  });

  it('raises no error on any file PyPI accepts (no false alarms)', () => {
    const falseAlarms = judged.filter((j) => j.oracle.length === 0 && errors(j).length > 0);
    expect(falseAlarms.map(describeOurs)).toEqual([]);
  });

  it('raises an error, on the field PyPI names, for every file PyPI refuses', () => {
    const refused = judged.filter((j) => j.oracle.length > 0);
    const missed = refused.filter(
      (j) => !j.oracle.some((o) => errors(j).some((p) => p.field.toLowerCase() === o.field)),
    );
    expect(
      missed.map((j) => `${j.file}: PyPI says ${JSON.stringify(j.oracle)}; we say ${JSON.stringify(errors(j))}`),
    ).toEqual([]);
  });
});

describe('value syntax against the libraries PyPI uses (test/fixtures/metadata-values.json)', () => {
  const kinds = Object.keys(OURS) as ValueKind[];
  it.each(kinds)("%s: our verdict equals the oracle's on every value", (kind) => {
    const verdicts = Object.entries(answer.values[kind]);
    expect(verdicts.length).toBeGreaterThanOrEqual(25);
    const disagreements = verdicts
      .filter(([value, problem]) => OURS[kind](value) !== (problem !== null))
      .map(
        ([value, problem]) =>
          `${JSON.stringify(value)}: oracle ${problem === null ? 'accepts' : `refuses (${problem.split('\n')[0]})`}, we ${OURS[kind](value) ? 'refuse' : 'accept'}`,
      );
    expect(disagreements).toEqual([]);
    const refused = verdicts.filter(([, problem]) => problem !== null).length;
    process.stdout.write(`${kind}: ${verdicts.length} values, PyPI refuses ${refused}, we agree on all\n`);
  });

  it("src/checks/data/spdx.json holds the SPDX lists of Warehouse's packaging release", async () => {
    const ours = JSON.parse(await readFile(join(ROOT, 'src/checks/data/spdx.json'), 'utf8')) as {
      source: string;
      licenses: Record<string, string>;
      exceptions: Record<string, string>;
    };
    expect(ours.source).toContain(`SPDX license list ${answer.spdx.version}`);
    expect(ours.licenses).toEqual(answer.spdx.licenses);
    expect(ours.exceptions).toEqual(answer.spdx.exceptions);
  });

  it('license_expression: refused where packaging 26.2 (PyPI) refuses, warned where only 26.3 refuses', () => {
    const verdicts = Object.entries(answer.values.license_expression);
    expect(verdicts.length).toBeGreaterThan(2000);
    const disagreements = verdicts.flatMap(([value, { warehouse, latest }]: [string, TwoVerdicts]) => {
      const { refused, refusedLater } = checkLicenseExpression(value);
      const expected = warehouse !== null ? 'refused' : latest !== null ? 'refused later' : 'accepted';
      const got = refused ? 'refused' : refusedLater ? 'refused later' : 'accepted';
      return expected === got ? [] : [`${JSON.stringify(value)}: 26.2 ${warehouse}, 26.3 ${latest}; we say ${got}`];
    });
    expect(disagreements.slice(0, 20)).toEqual([]);
    const outcomes = verdicts.map(([, v]) => (v.warehouse !== null ? 'refused' : v.latest !== null ? 'later' : 'ok'));
    for (const outcome of ['refused', 'later', 'ok'])
      expect(outcomes.filter((o) => o === outcome).length).toBeGreaterThan(20);
    process.stdout.write(
      `license expressions: ${verdicts.length} values, packaging 26.2 refuses ${outcomes.filter((o) => o === 'refused').length}, only 26.3 refuses ${outcomes.filter((o) => o === 'later').length}\n`,
    );
  });

  it('content_type: refused where packaging 26.2 (PyPI) refuses, warned where only 26.3 refuses', () => {
    const verdicts = Object.entries(answer.values.content_type);
    expect(verdicts.length).toBeGreaterThan(3000);
    const expectedOf = ({ warehouse, latest }: TwoVerdicts): string =>
      warehouse !== null ? 'refused' : latest !== null ? 'refused later' : 'accepted';
    const disagreements = verdicts.flatMap(([value, theirs]) => {
      const { refused, refusedLater } = checkContentTypeValue(value);
      const got = refused ? 'refused' : refusedLater ? 'refused later' : 'accepted';
      return expectedOf(theirs) === got
        ? []
        : [`${JSON.stringify(value)}: 26.2 ${theirs.warehouse}, 26.3 ${theirs.latest}; we say ${got}`];
    });
    expect(disagreements.slice(0, 20)).toEqual([]);
    const outcomes = verdicts.map(([, theirs]) => expectedOf(theirs));
    const count = (outcome: string): number => outcomes.filter((o) => o === outcome).length;
    for (const outcome of ['refused', 'refused later', 'accepted']) expect(count(outcome)).toBeGreaterThan(100);
    // The values a colleague found refused by the old check though PyPI takes them, and the reverse.
    for (const value of ['text/markdown; =x', 'text/markdown, text/plain', 'text/markdown text/plain'])
      expect([value, expectedOf(answer.values.content_type[value])]).toEqual([value, 'refused later']);
    expect(expectedOf(answer.values.content_type['text/markdown; charset=UTF-8; charset=UTF-8'])).toBe('refused later');
    expect(expectedOf(answer.values.content_type['text/markdown; charset=utf-8'])).toBe('refused');
    process.stdout.write(
      `description content types: ${verdicts.length} values, packaging 26.2 refuses ${count('refused')}, only 26.3 refuses ${count('refused later')}, both accept ${count('accepted')}; we agree on all\n`,
    );
  });

  it('import_name: the same identifier characters as str.isidentifier (every code point of the first three planes)', () => {
    const differences = IDENTIFIER_POINTS.flatMap((point, k) => {
      const char = String.fromCodePoint(point);
      // '.' and ';' are the value's own separators, and whitespace around a name is trimmed.
      if (/^[.;]$/u.test(char) || /^\s$/u.test(char) || ' \x85\x1c\x1d\x1e\x1f'.includes(char)) return [];
      const ours = [importNameProblem(char) === undefined, importNameProblem(`x${char}`) === undefined];
      const theirs = [answer.identifiers.start[k], answer.identifiers.continue[k]];
      return [0, 1].flatMap((at) =>
        // Letters added after Python's Unicode version are identifiers to us only.
        ours[at] === (theirs[at] === '1') || (ours[at] && theirs[at] === 'u')
          ? []
          : [
              `U+${point.toString(16).toUpperCase()} ${at ? 'after a letter' : 'first'}: Python ${theirs[at]}, ours ${ours[at]}`,
            ],
      );
    });
    expect(differences.slice(0, 10)).toEqual([]);
  });
});
