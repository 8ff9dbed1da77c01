import { CLASSIFIERS_SOURCE, classifierProblem } from './classifiers.js';
import { descriptionOf, getField, getFields, type CoreMetadata } from '../dists/metadata.js';
import {
  checkUrl,
  contentTypeProblem,
  emailAddressProblem,
  splitAddressList,
  unparsableByPython,
} from './metadata-syntax.js';
import { isValidName, normalizeVersion } from '../dists/pep440.js';
import { parseRequirement, specifierSetProblem } from './pep508.js';

/** One thing in one field that PyPI would refuse (error) or that deserves a second look (warning). */
export interface MetadataProblem {
  field: string;
  message: string;
  fix: string;
  severity: 'error' | 'warning';
}

type Report = (problem: MetadataProblem) => void;

// Fields packaging reads as one value: a second occurrence makes the metadata unparsable.
const ONCE_ONLY = [
  'Metadata-Version',
  'Name',
  'Version',
  'Summary',
  'Description',
  'Description-Content-Type',
  'Keywords',
  'Home-page',
  'Download-URL',
  'Author',
  'Author-email',
  'Maintainer',
  'Maintainer-email',
  'License',
  'License-Expression',
  'Requires-Python',
];

// The fields Warehouse lets Dynamic name (warehouse/forklift/metadata.py DYNAMIC_FIELDS).
const DYNAMIC_FIELDS = new Set([
  'platform',
  'supported-platform',
  'summary',
  'description',
  'description-content-type',
  'keywords',
  'home-page',
  'download-url',
  'author',
  'author-email',
  'maintainer',
  'maintainer-email',
  'license',
  'license-expression',
  'license-file',
  'classifier',
  'requires-dist',
  'requires-python',
  'requires-external',
  'project-url',
  'provides-extra',
  'provides-dist',
  'obsoletes-dist',
  'requires',
  'provides',
  'obsoletes',
  'import-name',
  'import-namespace',
]);

/**
 * The metadata rules PyPI enforces on upload beyond the required fields (which checkMetadata in
 * metadata.ts covers): Warehouse's forklift/metadata.py on top of packaging's validation.
 */
export function checkMetadataFields(metadata: CoreMetadata): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const report: Report = (problem) => problems.push(problem);
  for (const check of [
    checkRepeats,
    checkLicense,
    checkVersion,
    checkSummary,
    checkClassifiers,
    checkUrls,
    checkEmails,
    checkRequirements,
    checkRequiresPython,
    checkExtras,
    checkDynamic,
    checkContentType,
  ]) {
    check(metadata, report);
  }
  return problems;
}

/** A single-value field as PyPI sees it: empty values and the "UNKNOWN" of old distutils are dropped. */
function value(metadata: CoreMetadata, field: string): string | undefined {
  const raw = getField(metadata, field);
  return raw === undefined || raw.trim() === '' || raw.trim() === 'UNKNOWN' ? undefined : raw;
}

/** A value quoted for a message, shortened and with line breaks made visible. */
function show(text: string): string {
  const flat = text.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  return `'${flat.length > 80 ? `${flat.slice(0, 77)}…` : flat}'`;
}

const error = (field: string, message: string, fix: string): MetadataProblem => ({
  field,
  message,
  fix,
  severity: 'error',
});
const warning = (field: string, message: string, fix: string): MetadataProblem => ({
  field,
  message,
  fix,
  severity: 'warning',
});

function checkRepeats(metadata: CoreMetadata, report: Report): void {
  for (const field of ONCE_ONLY) {
    const values = getFields(metadata, field);
    if (values.length < 2) continue;
    report(
      error(
        field,
        `${field} appears ${values.length} times (${values.map(show).join(', ')}); core metadata allows it once, and packaging refuses the file.`,
        `Set ${field} once; the build backend wrote it twice, so check pyproject.toml/setup.cfg for the value given in two places, then rebuild.`,
      ),
    );
  }
}

function checkLicense(metadata: CoreMetadata, report: Report): void {
  const license = value(metadata, 'License');
  const expression = value(metadata, 'License-Expression');
  if (license === undefined || expression === undefined) return;
  report(
    error(
      'License',
      `License (${show(license)}) and License-Expression (${show(expression)}) are both set; PyPI refuses License when License-Expression is present (PEP 639).`,
      `Keep only the SPDX expression: in pyproject.toml write license = ${JSON.stringify(expression)} and remove license = { text/file = … } (and, with setuptools, any license= in setup.py/setup.cfg), then rebuild.`,
    ),
  );
}

function checkVersion(metadata: CoreMetadata, report: Report): void {
  const version = value(metadata, 'Version');
  const local = version === undefined ? undefined : /\+(.*)$/.exec(normalizeVersion(version) ?? '')?.[1];
  if (local === undefined) return;
  report(
    error(
      'Version',
      `Version ${show(version!)} has a local version label (+${local}); PyPI refuses local versions.`,
      'Build from a tagged commit, or tell your version tool to leave out the local part (setuptools-scm / hatch-vcs: local_scheme = "no-local-version"), then rebuild.',
    ),
  );
}

function checkSummary(metadata: CoreMetadata, report: Report): void {
  const summary = value(metadata, 'Summary');
  if (summary === undefined) return;
  const fix =
    'Make [project] description in pyproject.toml (or description= in setup.py) one short line, then rebuild.';
  if (/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/.test(summary)) {
    report(error('Summary', `Summary ${show(summary)} contains a line break; PyPI requires a single line.`, fix));
  }
  const length = [...summary].length;
  if (length > 512)
    report(error('Summary', `Summary ${show(summary)} is ${length} characters long; PyPI allows at most 512.`, fix));
}

function checkClassifiers(metadata: CoreMetadata, report: Report): void {
  for (const classifier of new Set(getFields(metadata, 'Classifier'))) {
    const problem = classifierProblem(classifier);
    if (!problem) continue;
    report(
      error(
        'Classifier',
        problem,
        problem.includes('deprecated')
          ? 'Replace or remove it in [project] classifiers (pyproject.toml), then rebuild.'
          : `Correct or remove it in [project] classifiers (pyproject.toml); the accepted list is at https://pypi.org/classifiers/ (this check uses ${CLASSIFIERS_SOURCE}). Then rebuild.`,
      ),
    );
  }
}

function checkUrls(metadata: CoreMetadata, report: Report): void {
  for (const field of ['Home-page', 'Download-URL']) {
    const url = value(metadata, field);
    if (url === undefined) continue;
    const { error: refused, warning: doubtful } = checkUrl(url);
    const fix = `Use a full http(s) URL in [project.urls] (pyproject.toml) or ${field === 'Home-page' ? 'url=' : 'download_url='} in setup.py, then rebuild.`;
    if (refused) report(error(field, `${field} ${show(url)} is not a valid URL: ${refused}.`, fix));
    else if (doubtful) report(warning(field, `${field} ${show(url)}: ${doubtful}.`, fix));
  }
  const labels = new Set<string>();
  for (const entry of getFields(metadata, 'Project-URL')) {
    const comma = entry.indexOf(',');
    const label = (comma < 0 ? entry : entry.slice(0, comma)).trim();
    const url = comma < 0 ? '' : entry.slice(comma + 1).trim();
    const fix =
      'Fix the entry in [project.urls] (pyproject.toml): `Label = "https://…"`, with a label of at most 32 characters; then rebuild.';
    if (labels.has(label)) {
      report(
        error('Project-URL', `Project-URL label ${show(label)} is used twice; packaging refuses repeated labels.`, fix),
      );
      continue;
    }
    labels.add(label);
    if (label === '')
      report(error('Project-URL', `Project-URL ${show(entry)} has no label; PyPI requires 'Label, URL'.`, fix));
    else if ([...label].length > 32) {
      report(
        error(
          'Project-URL',
          `Project-URL label ${show(label)} is ${[...label].length} characters long; PyPI allows at most 32.`,
          fix,
        ),
      );
    } else if (url === '')
      report(error('Project-URL', `Project-URL ${show(label)} has no URL; PyPI requires 'Label, URL'.`, fix));
    else {
      const { error: refused, warning: doubtful } = checkUrl(url);
      if (refused)
        report(
          error(
            'Project-URL',
            `Project-URL ${show(label)} has ${show(url)}, which is not a valid URL: ${refused}.`,
            fix,
          ),
        );
      else if (doubtful)
        report(warning('Project-URL', `Project-URL ${show(label)} has ${show(url)}: ${doubtful}.`, fix));
    }
  }
}

function checkEmails(metadata: CoreMetadata, report: Report): void {
  for (const field of ['Author-email', 'Maintainer-email']) {
    const text = value(metadata, field);
    if (text === undefined) continue;
    const entries = splitAddressList(text);
    const who = field === 'Author-email' ? 'authors' : 'maintainers';
    const fix = `Fix the address in [project] ${who} (pyproject.toml: { name = "…", email = "someone@example.org" }), then rebuild.`;
    for (const entry of entries) {
      const problem = emailAddressProblem(entry.address);
      if (!problem) continue;
      // Warehouse validates the field only when Python's strict parseaddr finds exactly one address in
      // it: a list passes unchecked, and so does a value that parser gives up on.
      if (entries.length > 1) {
        report(
          warning(
            field,
            `${field} lists ${show(entry.text)}, which is not a valid e-mail address: ${problem} (PyPI does not check addresses in a list).`,
            fix,
          ),
        );
      } else if (unparsableByPython(entry)) {
        report(
          warning(
            field,
            `${field} ${show(entry.text)} is not a valid e-mail address: ${problem} (PyPI's address parser gives up on it, so PyPI lets it through).`,
            fix,
          ),
        );
      } else {
        report(error(field, `${field} ${show(entry.text)} is not a valid e-mail address: ${problem}.`, fix));
      }
    }
  }
}

function checkRequirements(metadata: CoreMetadata, report: Report): void {
  for (const field of ['Requires-Dist', 'Provides-Dist', 'Obsoletes-Dist']) {
    for (const text of getFields(metadata, field)) {
      const parsed = parseRequirement(text);
      if ('error' in parsed) {
        report(
          error(
            field,
            `${field} ${show(text)} is not a valid PEP 508 dependency specifier: ${parsed.error}.`,
            'Fix the entry in [project] dependencies / optional-dependencies (pyproject.toml), e.g. `requests>=2.31; python_version >= "3.9"`, then rebuild.',
          ),
        );
      } else if (parsed.requirement.url !== undefined) {
        // PyPI refuses direct references so that what it serves installs the same from the index alone.
        report(
          error(
            field,
            `${field} ${show(text)} is a direct URL reference; PyPI refuses dependencies on URLs.`,
            `Depend on a released version instead (e.g. \`${parsed.requirement.name}>=1.0\`), publishing it to PyPI first if needed; keep URL dependencies for local requirements files.`,
          ),
        );
      }
    }
  }
}

function checkRequiresPython(metadata: CoreMetadata, report: Report): void {
  const text = value(metadata, 'Requires-Python');
  const problem = text === undefined ? undefined : specifierSetProblem(text);
  if (!problem) return;
  report(
    error(
      'Requires-Python',
      `Requires-Python ${show(text!)} is not a valid version specifier set: ${problem}.`,
      'Write requires-python in [project] (pyproject.toml) as specifiers such as ">=3.9" or ">=3.9,<4", then rebuild.',
    ),
  );
}

function checkExtras(metadata: CoreMetadata, report: Report): void {
  for (const extra of getFields(metadata, 'Provides-Extra')) {
    if (isValidName(extra)) continue;
    report(
      error(
        'Provides-Extra',
        `Provides-Extra ${show(extra)} is not a valid extra name (letters, digits, '.', '_' and '-', starting and ending with a letter or digit).`,
        'Rename the extra in [project.optional-dependencies] (pyproject.toml), then rebuild.',
      ),
    );
  }
}

function checkDynamic(metadata: CoreMetadata, report: Report): void {
  for (const field of getFields(metadata, 'Dynamic')) {
    const lower = field.trim().toLowerCase();
    const fix =
      'Remove it from the dynamic list (pyproject.toml [project] dynamic, or the backend that writes it), then rebuild.';
    if (['name', 'version', 'metadata-version'].includes(lower)) {
      report(error('Dynamic', `Dynamic names ${show(field)}, which may never be dynamic (PEP 643).`, fix));
    } else if (!DYNAMIC_FIELDS.has(lower)) {
      report(
        error('Dynamic', `Dynamic names ${show(field)}, which is not a core metadata field PyPI allows there.`, fix),
      );
    }
  }
}

function checkContentType(metadata: CoreMetadata, report: Report): void {
  const contentType = value(metadata, 'Description-Content-Type');
  if (contentType !== undefined) {
    const problem = contentTypeProblem(contentType);
    if (problem) {
      report(
        error(
          'Description-Content-Type',
          `Description-Content-Type ${show(contentType)} is not accepted: ${problem}.`,
          'Use text/markdown, text/x-rst or text/plain (pyproject.toml: readme = "README.md" sets text/markdown), then rebuild.',
        ),
      );
    }
    return;
  }
  const description = descriptionOf(metadata).text ?? '';
  if (['', 'UNKNOWN'].includes(description.trim())) return;
  report(
    warning(
      'Description-Content-Type',
      'Description-Content-Type is missing, so PyPI renders the description as reStructuredText (and refuses the upload if it does not render).',
      'Declare the README\'s format: pyproject.toml readme = "README.md" (or "README.rst"), or long_description_content_type= in setup.py; then rebuild.',
    ),
  );
}
