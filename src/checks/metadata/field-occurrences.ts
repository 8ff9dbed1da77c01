// Which fields may appear at all, and how often: fields given twice, and what Dynamic may name.
import { getFields, type CoreMetadata } from '../../dists/metadata.js';
import { error, show, type Report } from './problems.js';

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

export function checkRepeats(metadata: CoreMetadata, report: Report): void {
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

export function checkDynamic(metadata: CoreMetadata, report: Report): void {
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
