import { PublishError } from '../common/errors.js';
import type { DistFilename } from './dists.js';
import { isValidName, normalizeName, normalizeVersion, sameVersion } from './pep440.js';
import { outside } from '../common/log-text.js';
import { normalizedFilenamePart } from './dists.js';

/** Core metadata (METADATA / PKG-INFO) as written: headers in order, names as spelled, and the body. */
export interface CoreMetadata {
  headers: [name: string, value: string][];
  body: string;
}

/** Parses the RFC 822 form of core metadata, unfolding continuation lines the way Python's email parser does. */
export function parseCoreMetadata(text: string): CoreMetadata {
  const headers: [string, string][] = [];
  // Line by line up to the blank line, never splitting the body: a crafted file of millions of
  // lines or headers must not cost memory in proportion.
  for (let start = 0, index = 0; start < text.length; index++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, newline > start && text[end - 1] === '\r' ? end - 1 : end);
    start = end + 1;
    if (line === '') break;
    if (/^[ \t]/.test(line) && headers.length > 0) {
      headers[headers.length - 1]![1] += `\n${line}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw new MetadataError(
        `line ${index + 1} is neither a 'Name: value' header nor a continuation: '${line.slice(0, 80)}'`,
      );
    }
    if (headers.length >= MAX_HEADERS) {
      throw new MetadataError(`it has more than ${MAX_HEADERS} header fields, far more than any project needs`);
    }
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).replace(/^[ \t]+/, '')]);
  }
  // The body is everything after the first blank line, byte for byte (line endings included).
  const bodyStart = findBodyStart(text);
  return { headers, body: bodyStart < 0 ? '' : text.slice(bodyStart) };
}

function findBodyStart(text: string): number {
  const match = /^\r?\n|\r?\n\r?\n/.exec(text);
  return match ? match.index + match[0].length : -1;
}

const MAX_HEADERS = 10_000;

export class MetadataError extends Error {
  override name = 'MetadataError';
}

export function getField(metadata: CoreMetadata, name: string): string | undefined {
  const lower = name.toLowerCase();
  return metadata.headers.find(([key]) => key.toLowerCase() === lower)?.[1];
}

export function getFields(metadata: CoreMetadata, name: string): string[] {
  const lower = name.toLowerCase();
  return metadata.headers.filter(([key]) => key.toLowerCase() === lower).map(([, value]) => value);
}

/** Metadata-Versions PyPI accepts; 2.0 was never a real version and is refused. */
export const ACCEPTED_METADATA_VERSIONS = ['1.0', '1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '2.5'];

/** The Metadata-Version that introduced each field (core metadata specifications, PEPs 314, 345, 566, 643, 639, 794). */
const FIELD_INTRODUCED: Record<string, string> = {
  'supported-platform': '1.1',
  classifier: '1.1',
  'download-url': '1.1',
  requires: '1.1',
  provides: '1.1',
  obsoletes: '1.1',
  maintainer: '1.2',
  'maintainer-email': '1.2',
  'requires-dist': '1.2',
  'provides-dist': '1.2',
  'obsoletes-dist': '1.2',
  'requires-python': '1.2',
  'requires-external': '1.2',
  'project-url': '1.2',
  'description-content-type': '2.1',
  'provides-extra': '2.1',
  dynamic: '2.2',
  'license-expression': '2.4',
  'license-file': '2.4',
  'import-name': '2.5',
  'import-namespace': '2.5',
};

export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/** Fields (each named once, as first spelled) that a Metadata-Version newer than the declared one introduced. */
export function fieldsNewerThanDeclared(metadata: CoreMetadata): { header: string; introduced: string }[] {
  const declared = getField(metadata, 'Metadata-Version') ?? '';
  const seen = new Set<string>();
  const found: { header: string; introduced: string }[] = [];
  for (const [header] of metadata.headers) {
    const lower = header.toLowerCase();
    const introduced = FIELD_INTRODUCED[lower];
    if (seen.has(lower) || !introduced || compareVersions(introduced, declared) <= 0) continue;
    // setuptools wrote License-File under 2.1/2.2; twine drops it there and so do we (see formFields).
    if (lower === 'license-file') continue;
    seen.add(lower);
    found.push({ header, introduced });
  }
  return found;
}

/** Where the metadata came from, for messages: the dist's filename and the member inside it. */
export interface MetadataSource {
  dist: DistFilename;
  member: string;
}

/**
 * The checks every upload needs, whatever verify-metadata says: the fields PyPI requires, a
 * Metadata-Version it accepts, no field newer than that version, and a filename that agrees.
 */
export function checkMetadata(metadata: CoreMetadata, source: MetadataSource): PublishError[] {
  const { dist, member } = source;
  const where = `${dist.filename} (${member})`;
  const problems: PublishError[] = [];
  const problem = (message: string, hint: string): void => {
    problems.push(new PublishError(`${where}: ${message}`, { file: dist.filename, hint }));
  };
  const rebuild = 'Rebuild the distribution with a current build backend (for example `python -m build`).';

  const metadataVersion = getField(metadata, 'Metadata-Version');
  const name = getField(metadata, 'Name');
  const version = getField(metadata, 'Version');
  if (!metadataVersion) problem('the Metadata-Version field is missing.', rebuild);
  if (!name)
    problem('the Name field is missing.', `Set the project name in pyproject.toml ([project] name) and rebuild.`);
  if (!version)
    problem('the Version field is missing.', `Set the version in pyproject.toml ([project] version) and rebuild.`);

  if (metadataVersion && !ACCEPTED_METADATA_VERSIONS.includes(metadataVersion)) {
    problem(
      `Metadata-Version ${metadataVersion} is not one PyPI accepts (${ACCEPTED_METADATA_VERSIONS.join(', ')}).`,
      metadataVersion === '2.0'
        ? 'Metadata-Version 2.0 was never standardised; upgrade your build backend (setuptools, hatchling, flit-core, poetry-core) and rebuild.'
        : 'Upgrade or configure your build backend to write one of those versions, and rebuild.',
    );
  } else if (metadataVersion) {
    for (const { header, introduced } of fieldsNewerThanDeclared(metadata)) {
      problem(
        `the field ${header} was introduced in Metadata-Version ${introduced}, but the file declares ${metadataVersion}; PyPI refuses it.`,
        `Upgrade your build backend so that it declares Metadata-Version ${introduced} or later, or remove ${header} from the project's metadata; then rebuild.`,
      );
    }
  }

  if (name && !isValidName(name)) {
    problem(
      `Name '${outside(name)}' is not a valid project name (PEP 508: letters, digits, '.', '_' and '-', starting and ending with a letter or digit).`,
      'Set a valid name in pyproject.toml ([project] name) and rebuild.',
    );
  } else if (name) {
    const fileName = dist.kind === 'sdist' ? dist.name : normalizeName(dist.name);
    const expected = dist.kind === 'sdist' ? normalizedFilenamePart(name) : normalizeName(name);
    if (fileName !== expected) {
      problem(
        `the filename says the project is '${dist.name}' but the metadata says '${name}'.`,
        `Rename nothing by hand: rebuild the distribution from the project's source so that both agree.`,
      );
    }
  }
  if (version) {
    const normalized = normalizeVersion(version);
    if (!normalized) {
      problem(
        `Version '${version}' is not a valid PEP 440 version.`,
        'Use a version such as 1.2.3, 1.2.3rc1 or 1.2.3.post1, then rebuild.',
      );
    } else if (dist.kind === 'wheel' ? !sameVersion(dist.version, version) : dist.version !== normalized) {
      problem(
        `the filename says version ${dist.version} but the metadata says ${version}.`,
        'Rebuild the distribution so that both agree; a file renamed by hand is refused by PyPI.',
      );
    }
  }
  return problems;
}

export interface Description {
  text: string | undefined;
  /** The text came from a Description header whose continuation lines were indented (old setuptools) and was dedented. */
  unindented: boolean;
}

/**
 * The description as PyPI should render it: the message body, else the Description header.
 * Old setuptools wrote the header with every line after the first indented by 8 spaces; like
 * setuptools' own reader (rfc822_unescape) and pkginfo, the first line loses its leading
 * whitespace and the others their common indentation. twine 7 sends the indentation along, and
 * PyPI then fails to render the README.
 */
export function descriptionOf(metadata: CoreMetadata): Description {
  if (metadata.body !== '') return { text: metadata.body, unindented: false };
  const header = getField(metadata, 'Description');
  if (header === undefined) return { text: undefined, unindented: false };
  const [first = '', ...rest] = header.split(/\r?\n/);
  if (rest.length === 0) return { text: first.trimStart(), unindented: false };
  const text = `${first.trimStart()}\n${dedent(rest)}`;
  return { text, unindented: text !== header };
}

/** Python's textwrap.dedent: whitespace-only lines become empty; the common leading whitespace of the rest goes. */
function dedent(lines: string[]): string {
  const cleaned = lines.map((line) => (/^[ \t]+$/.test(line) ? '' : line));
  let margin: string | undefined;
  for (const line of cleaned) {
    if (line === '') continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (margin === undefined) margin = indent;
    else {
      let common = 0;
      while (common < margin.length && common < indent.length && margin[common] === indent[common]) common++;
      margin = margin.slice(0, common);
    }
  }
  return cleaned.map((line) => (margin && line.startsWith(margin) ? line.slice(margin.length) : line)).join('\n');
}
