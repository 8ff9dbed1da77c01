// The metadata part of the upload form: the fields as twine names and sends them, which is what
// Warehouse's parse_form_metadata reads (for sdists, PyPI builds its metadata from these, not from PKG-INFO).
import { compareVersions, descriptionOf, getField, type CoreMetadata } from './metadata.js';

/** Header → upload form field, for fields sent once. */
const SINGLE_FIELDS: Record<string, string> = {
  'metadata-version': 'metadata_version',
  name: 'name',
  version: 'version',
  summary: 'summary',
  'description-content-type': 'description_content_type',
  'home-page': 'home_page',
  'download-url': 'download_url',
  author: 'author',
  'author-email': 'author_email',
  maintainer: 'maintainer',
  'maintainer-email': 'maintainer_email',
  license: 'license',
  'license-expression': 'license_expression',
  'requires-python': 'requires_python',
};

/** Header → upload form field, for fields that repeat as one part each. */
const MULTIPLE_FIELDS: Record<string, string> = {
  platform: 'platform',
  'supported-platform': 'supported_platform',
  classifier: 'classifiers',
  requires: 'requires',
  provides: 'provides',
  obsoletes: 'obsoletes',
  'requires-dist': 'requires_dist',
  'provides-dist': 'provides_dist',
  'obsoletes-dist': 'obsoletes_dist',
  'requires-external': 'requires_external',
  'project-url': 'project_urls',
  'provides-extra': 'provides_extra',
  dynamic: 'dynamic',
  'license-file': 'license_file',
  // Metadata 2.5 (PEP 794); Warehouse's parse_form_metadata reads these names (twine 7 sends neither).
  'import-name': 'import_name',
  'import-namespace': 'import_namespace',
};

export type FormField = [name: string, value: string];

/** The metadata part of the upload form, as twine sends it (what Warehouse's parse_form_metadata reads). */
export function metadataFormFields(metadata: CoreMetadata): FormField[] {
  const fields: FormField[] = [];
  const metadataVersion = getField(metadata, 'Metadata-Version') ?? '0';
  const sent = new Set<string>();
  for (const [header, value] of metadata.headers) {
    const lower = header.toLowerCase();
    const single = SINGLE_FIELDS[lower];
    if (single) {
      if (sent.has(single)) continue;
      sent.add(single);
      // Twine's "safe name"; Warehouse normalizes it again.
      fields.push([single, lower === 'name' ? value.replace(/[^A-Za-z0-9.]+/g, '-') : value]);
    } else if (lower === 'keywords') {
      if (sent.has('keywords')) continue;
      sent.add('keywords');
      fields.push([
        'keywords',
        value
          .split(',')
          .map((k) => k.trim())
          .join(', '),
      ]);
    } else if (lower === 'project-url') {
      const comma = value.indexOf(',');
      const label = comma < 0 ? value : value.slice(0, comma);
      const url = comma < 0 ? '' : value.slice(comma + 1);
      fields.push(['project_urls', `${label.trim()}, ${url.trim()}`]);
    } else if (lower === 'license-file' && compareVersions(metadataVersion, '2.4') < 0) {
      continue;
    } else if (MULTIPLE_FIELDS[lower]) {
      fields.push([MULTIPLE_FIELDS[lower], value]);
    }
  }
  const description = descriptionOf(metadata).text;
  if (description !== undefined) fields.push(['description', description]);
  return fields;
}
