// The fields that describe the release: license, version, summary, classifiers and the description's type.
import { CLASSIFIERS_SOURCE, classifierProblem } from '../classifiers.js';
import { descriptionOf, getFields, type CoreMetadata } from '../../dists/metadata.js';
import { normalizeVersion } from '../../dists/pep440.js';
import { checkContentTypeValue } from '../content-type.js';
import { error, show, value, warning, type Report } from './problems.js';

export function checkLicense(metadata: CoreMetadata, report: Report): void {
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

export function checkVersion(metadata: CoreMetadata, report: Report): void {
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

export function checkSummary(metadata: CoreMetadata, report: Report): void {
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

export function checkClassifiers(metadata: CoreMetadata, report: Report): void {
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

export function checkContentType(metadata: CoreMetadata, report: Report): void {
  const contentType = value(metadata, 'Description-Content-Type');
  if (contentType !== undefined) {
    const { refused, refusedLater } = checkContentTypeValue(contentType);
    const fix =
      'Write text/markdown, text/x-rst or text/plain, with at most "; charset=UTF-8" (in capitals) and, for Markdown, "; variant=GFM" or "; variant=CommonMark": in pyproject.toml readme = { file = "README.md", content-type = "text/markdown; charset=UTF-8" }, or just readme = "README.md" and let the build backend set it (setup.py: long_description_content_type=); then rebuild.';
    if (refused) {
      report(
        error(
          'Description-Content-Type',
          `Description-Content-Type ${show(contentType)} is not accepted: ${refused}.`,
          fix,
        ),
      );
    } else if (refusedLater) {
      report(
        warning(
          'Description-Content-Type',
          `Description-Content-Type ${show(contentType)} is refused by packaging 26.3 and later (${refusedLater}); PyPI still accepts it, until it upgrades.`,
          fix,
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
