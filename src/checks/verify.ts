import type { DistFile } from '../dists/dists.js';
import { checkMetadataFields } from './metadata-checks.js';
import { getField, getFields, type CoreMetadata } from '../dists/metadata.js';
import { isAcceptedPlatformTag } from './platform-tags.js';
import { markdownCell } from '../common/markdown.js';
import { checkRst } from './rst-check.js';

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
  members: string[];
}

/** verify-metadata: everything PyPI checks beyond what every upload needs (see checkMetadata). */
export function verifyDist({ dist, metadata, member, members }: VerifiableDist): DistProblem[] {
  const problems: DistProblem[] = checkMetadataFields(metadata).map((p) => ({ file: dist.filename, ...p }));
  const add = (field: string, message: string, fix: string, severity: DistProblem['severity'] = 'error'): void => {
    problems.push({ file: dist.filename, field, message, fix, severity });
  };

  const contentType = (getField(metadata, 'Description-Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType === '' || contentType === 'text/x-rst') {
    const description = metadata.body !== '' ? metadata.body : (getField(metadata, 'Description') ?? '');
    for (const problem of checkRst(description)) {
      add(
        'Description',
        `reStructuredText, line ${problem.line}: ${problem.message}`,
        `${problem.fix.replace(/\.?$/, '.')} PyPI refuses a description it cannot render.${contentType === '' ? ' If the README is Markdown, set its content type (pyproject.toml: readme = "README.md").' : ''}`,
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
    if (expected && !members.includes(expected)) {
      add(
        'License-File',
        `License-File ${licenseFile} is not in the archive (expected at ${expected}).`,
        'Rebuild with a backend that copies license files into the distribution (PEP 639), or fix license-files in pyproject.toml.',
      );
    }
  }
  return problems;
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
