import type { DistFile } from '../dists/dists.js';
import type { MemberLookup } from '../dists/dist-metadata.js';
import { checkMetadataFields } from './metadata-checks.js';
import { descriptionOf, getField, getFields, type CoreMetadata } from '../dists/metadata.js';
import { isAcceptedPlatformTag } from './platform-tags.js';
import { markdownCell } from '../common/markdown.js';
import { checkRstWithin } from './rst-check.js';

/** One thing PyPI would refuse (error) or render badly (warning), in one file's one field. */
export interface DistProblem {
  file: string;
  field: string;
  message: string;
  fix: string;
  severity: 'error' | 'warning';
}

export interface VerifiableDist {
  dist: DistFile;
  metadata: CoreMetadata;
  /** The member the metadata came from: `{name}-{version}.dist-info/METADATA` or `{top}/PKG-INFO`. */
  member: string;
  /** Every archive member, as listed by the archive. */
  members: MemberLookup;
}

/** One slow check must not hold up a release: past this, the check says that it stopped. */
const RST_BUDGET_MS = 2_000;
/** Per field: a crafted file must not produce 25,000 annotations. */
const MAX_PROBLEMS_PER_FIELD = 20;
const UNINDENTED =
  "That indentation was removed before the check and the upload, as setuptools' own reader does (twine 7 sends it as is, and PyPI then fails to render the README); rebuild with a current setuptools to write the description as the message body.";

/** verify-metadata: everything PyPI checks beyond what every upload needs (see checkMetadata). */
export function verifyDist({ dist, metadata, member, members }: VerifiableDist): DistProblem[] {
  const problems: DistProblem[] = checkMetadataFields(metadata).map((p) => ({ file: dist.filename, ...p }));
  const add = (field: string, message: string, fix: string, severity: DistProblem['severity'] = 'error'): void => {
    problems.push({ file: dist.filename, field, message, fix, severity });
  };

  const contentType = (getField(metadata, 'Description-Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType === '' || contentType === 'text/x-rst') {
    const description = descriptionOf(metadata);
    const unindented = description.unindented ? ` ${UNINDENTED}` : '';
    const rst = checkRstWithin(description.text ?? '', RST_BUDGET_MS);
    for (const problem of rst.problems) {
      add(
        'Description',
        `reStructuredText, line ${problem.line}: ${problem.message}`,
        `${problem.fix.replace(/\.?$/, '.')} PyPI refuses a description it cannot render.${contentType === '' ? ' If the README is Markdown, set its content type (pyproject.toml: readme = "README.md").' : ''}${unindented}`,
      );
    }
    if (rst.stopped) {
      add(
        'Description',
        `the reStructuredText check did not look at all of it (${rst.stopped}).`,
        'Nothing to do unless PyPI refuses the upload; then check the README with `python -m readme_renderer README.rst`.',
        'warning',
      );
    }
    if (description.unindented) {
      add(
        'Description',
        `${dist.kind === 'sdist' ? 'PKG-INFO' : 'METADATA'} indents every description line after the first by 8 spaces, as old setuptools wrote it.`,
        UNINDENTED,
        'warning',
      );
    }
  }

  if (dist.kind === 'wheel' && dist.platform) {
    for (const tag of dist.platform.split('.')) {
      if (isAcceptedPlatformTag(tag)) continue;
      add(
        'platform tag',
        `the wheel's platform tag '${tag}' is not one PyPI accepts${tag.startsWith('linux_') ? ' (a plain linux tag says nothing about the C library; PyPI takes manylinux and musllinux wheels)' : ''}.`,
        tag.startsWith('linux_')
          ? 'Repair the wheel with auditwheel (`auditwheel repair`) or build it with cibuildwheel, which produce manylinux/musllinux wheels.'
          : 'Build the wheel for a platform PyPI supports, or do not upload this file.',
      );
    }
  }

  for (const licenseFile of getFields(metadata, 'License-File')) {
    const expected = licenseFilePath(dist, metadata, member, licenseFile);
    if (expected && !members.has(expected)) {
      add(
        'License-File',
        `License-File ${licenseFile} is not in the archive (expected at ${expected}).`,
        'Rebuild with a backend that copies license files into the distribution (PEP 639), or fix license-files in pyproject.toml.',
      );
    }
  }
  return capPerField(problems);
}

/** At most MAX_PROBLEMS_PER_FIELD problems of each severity per field, then one saying how many more. */
export function capPerField(problems: DistProblem[]): DistProblem[] {
  const seen = new Map<string, number>();
  const kept: DistProblem[] = [];
  for (const problem of problems) {
    const key = `${problem.severity}\0${problem.field}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count <= MAX_PROBLEMS_PER_FIELD) kept.push(problem);
  }
  for (const [key, count] of seen) {
    if (count <= MAX_PROBLEMS_PER_FIELD) continue;
    const [severity, field] = key.split('\0') as [DistProblem['severity'], string];
    const file = problems[0]!.file;
    kept.push({
      file,
      field,
      severity,
      message: `and ${count - MAX_PROBLEMS_PER_FIELD} more problems of the same kind in ${field}.`,
      fix: 'Fix the ones above and run again to see the rest.',
    });
  }
  return kept;
}

/** PEP 639: wheels carry license files under .dist-info/licenses/; sdists at the path, in the top folder. */
function licenseFilePath(
  dist: DistFile,
  metadata: CoreMetadata,
  member: string,
  licenseFile: string,
): string | undefined {
  const metadataVersion = getField(metadata, 'Metadata-Version') ?? '';
  // Before 2.4 setuptools wrote License-File with another meaning; twine and we do not send it.
  if (!/^2\.([4-9]|\d\d)$/.test(metadataVersion)) return undefined;
  const folder = member.slice(0, member.lastIndexOf('/'));
  return dist.kind === 'wheel' ? `${folder}/licenses/${licenseFile}` : `${folder}/${licenseFile}`;
}

/** The job summary's table of problems. */
export function problemsMarkdown(problems: DistProblem[]): string {
  return [
    '#### Problems found before upload',
    '',
    '| File | Field | Problem | How to fix |',
    '| --- | --- | --- | --- |',
    ...problems.map(
      (p) =>
        `| ${markdownCell(p.file)} | ${markdownCell(p.field)} | ${p.severity === 'warning' ? '⚠️ ' : ''}${markdownCell(p.message)} | ${markdownCell(p.fix)} |`,
    ),
    '',
  ].join('\n');
}
