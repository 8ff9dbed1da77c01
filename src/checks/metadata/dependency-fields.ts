// What the release depends on and offers: Requires/Provides/Obsoletes-Dist, Requires-Python, Provides-Extra.
import { getFields, type CoreMetadata } from '../../dists/metadata.js';
import { isValidName } from '../../dists/pep440.js';
import { parseRequirement, specifierSetProblem } from '../pep508.js';
import { error, show, value, type Report } from './problems.js';

export function checkRequirements(metadata: CoreMetadata, report: Report): void {
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

export function checkRequiresPython(metadata: CoreMetadata, report: Report): void {
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

export function checkExtras(metadata: CoreMetadata, report: Report): void {
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
