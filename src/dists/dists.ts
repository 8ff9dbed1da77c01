import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { combineErrors, PublishError } from '../common/errors.js';
import { isValidName, normalizeName, normalizeVersion } from './pep440.js';
import { outside } from '../common/log-text.js';

export type DistKind = 'wheel' | 'sdist';

/** What a dist's filename says about it. */
export interface DistFilename {
  filename: string;
  kind: DistKind;
  /** The name as spelled in the filename. */
  name: string;
  version: string;
  /** The form field `pyversion`: a wheel's python tag, `source` for an sdist. */
  pyversion: string;
  /** Wheel only: the platform tag(s), dot-separated. */
  platform?: string;
}

export interface DistFile extends DistFilename {
  path: string;
  size: number;
}

/** Files PyPI refuses outright, with the reason to tell the user. */
const REFUSED_FORMATS: [suffix: string, reason: string][] = [
  [
    '.zip',
    'PyPI accepts sdists only as .tar.gz (PEP 625); a .zip sdist is refused. Build the sdist with `python -m build --sdist`, which writes .tar.gz.',
  ],
  ['.tar.bz2', 'PyPI accepts sdists only as .tar.gz (PEP 625). Build the sdist with `python -m build --sdist`.'],
  ['.tar.xz', 'PyPI accepts sdists only as .tar.gz (PEP 625). Build the sdist with `python -m build --sdist`.'],
  [
    '.tgz',
    'PyPI accepts sdists only with the .tar.gz suffix (PEP 625). Build the sdist with `python -m build --sdist`.',
  ],
  ['.egg', 'PyPI no longer accepts eggs (since August 2023). Build a wheel instead: `python -m build --wheel`.'],
  ['.exe', 'PyPI no longer accepts bdist_wininst installers. Build a wheel instead: `python -m build --wheel`.'],
  ['.msi', 'PyPI no longer accepts bdist_msi installers. Build a wheel instead: `python -m build --wheel`.'],
  ['.rpm', 'PyPI does not accept bdist_rpm packages. Build a wheel instead: `python -m build --wheel`.'],
  ['.dmg', 'PyPI does not accept bdist_dmg packages. Build a wheel instead: `python -m build --wheel`.'],
];

export function parseDistFilename(filename: string): DistFilename {
  if (filename.endsWith('.whl')) return parseWheelFilename(filename);
  if (filename.endsWith('.tar.gz')) return parseSdistFilename(filename);
  throw new PublishError(`${filename} is not a wheel (.whl) or an sdist (.tar.gz).`, { file: filename });
}

function parseWheelFilename(filename: string): DistFilename {
  const parts = filename.slice(0, -'.whl'.length).split('-');
  const invalid = (why: string): PublishError =>
    new PublishError(`${filename} is not a valid wheel filename: ${why}.`, {
      file: filename,
      hint: 'A wheel is named {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl (PEP 427); keep the name your build tool gave it.',
    });
  if (parts.length !== 5 && parts.length !== 6)
    throw invalid(`it has ${parts.length} dash-separated parts instead of 5 or 6`);
  const [name, version, ...tags] = parts as [string, string, ...string[]];
  const [python, , platform] = tags.slice(-3) as [string, string, string];
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?$/.test(name))
    throw invalid(`the name part '${name}' has characters other than letters, digits, '.' and '_'`);
  if (!normalizeVersion(version)) throw invalid(`'${version}' is not a PEP 440 version`);
  // PEP 427 / PEP 503, enforced by Warehouse: the name part is the normalized name with '_' for '-'.
  if (name !== normalizedFilenamePart(name)) {
    const fixed = [normalizedFilenamePart(name), ...parts.slice(1)].join('-');
    throw new PublishError(
      `${filename} does not have a normalized project name: PyPI requires '${normalizedFilenamePart(name)}', not '${name}' (${fixed}.whl).`,
      {
        file: filename,
        hint: 'Rebuild the wheel with a current build backend and wheel tool (for example `python -m build --wheel` with setuptools >= 75.8 or hatchling >= 1.22), which name it correctly.',
      },
    );
  }
  if (parts.length === 6 && !/^\d/.test(parts[2]!))
    throw invalid(`the build tag '${parts[2]}' must start with a digit`);
  if (tags.some((tag) => !tag)) throw invalid('a tag is empty');
  // Tags reach logs and the upload form; PEP 425 tags are letters, digits, '_' and '.'.
  const oddTag = tags.find((tag) => !/^[A-Za-z0-9_.]+$/.test(tag));
  if (oddTag !== undefined)
    throw invalid(`the tag '${outside(oddTag)}' has characters other than letters, digits, '_' and '.'`);
  // PyPI stores the wheel's METADATA as `<filename>.metadata`, a name that must fit in 255 bytes.
  const bytes = Buffer.byteLength(filename) + '.metadata'.length;
  if (bytes > 255) {
    throw new PublishError(
      `${filename} is too long: PyPI refuses it ("Filename is too long"), since ${filename}.metadata would be ${bytes} bytes, over the 255 a file name may have.`,
      {
        file: filename,
        hint: 'Shorten the platform part: compress tag sets (for example with `wheel tags`) or build separate wheels per platform, so that the filename is at most 246 bytes.',
      },
    );
  }
  return { filename, kind: 'wheel', name, version, pyversion: python, platform };
}

function parseSdistFilename(filename: string): DistFilename {
  const stem = filename.slice(0, -'.tar.gz'.length);
  const dash = stem.lastIndexOf('-');
  const name = stem.slice(0, dash);
  const version = stem.slice(dash + 1);
  if (dash <= 0 || !normalizeVersion(version)) {
    throw new PublishError(`${filename} is not a valid sdist filename: it must be {name}-{version}.tar.gz.`, {
      file: filename,
      hint: 'Keep the name your build tool gave it; `python -m build --sdist` writes a valid one.',
    });
  }
  if (!isValidName(name)) {
    throw new PublishError(
      `${filename} is not a valid sdist filename: '${outside(name)}' is not a valid project name (PEP 508: letters, digits, '.', '_' and '-', starting and ending with a letter or digit).`,
      {
        file: filename,
        hint: 'Keep the name your build tool gave it; `python -m build --sdist` writes a valid one.',
      },
    );
  }
  const expected = `${normalizedFilenamePart(name)}-${normalizeVersion(version)}.tar.gz`;
  if (filename !== expected) {
    throw new PublishError(`${filename} does not have a normalized name: PyPI requires ${expected} (PEP 625).`, {
      file: filename,
      hint: 'Rebuild the sdist with a current build backend (setuptools >= 69.3, hatchling >= 1.22, flit-core >= 3.10), which names it correctly.',
    });
  }
  return { filename, kind: 'sdist', name, version, pyversion: 'source' };
}

/** PEP 625 and PEP 427: the name in a dist's filename is the normalized name with `_` for `-`. */
export function normalizedFilenamePart(name: string): string {
  return normalizeName(name).replace(/-/g, '_');
}

export interface Discovery {
  dists: DistFile[];
  /** Files present that are not dists and that PyPI has no reason to see (attestations, logs, …). */
  ignored: string[];
}

/** Every wheel and sdist directly in `dir`, wheels first; refused formats and bad names are errors. */
export async function discoverDists(dir: string): Promise<Discovery> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new PublishError(`The packages directory '${dir}' does not exist.`, {
        hint: "Build your distributions into it first (for example `python -m build`, which writes to dist/), or set 'packages-dir' to where they are. If they were built in another job, download the artifact into it.",
      });
    }
    if (code === 'ENOTDIR') {
      throw new PublishError(`The packages directory '${dir}' is a file, not a directory.`, {
        hint: "Set 'packages-dir' to the directory that holds your .whl and .tar.gz files.",
      });
    }
    throw new PublishError(`The packages directory '${dir}' could not be read: ${(error as Error).message}`, {
      cause: error,
    });
  }

  const dists: DistFile[] = [];
  const ignored: string[] = [];
  const problems: PublishError[] = [];
  for (const entry of entries) {
    const filename = entry.name;
    const path = join(dir, filename);
    const refused = REFUSED_FORMATS.find(([suffix]) => filename.toLowerCase().endsWith(suffix));
    const looksLikeDist = filename.endsWith('.whl') || filename.endsWith('.tar.gz');
    if (refused && !looksLikeDist) {
      problems.push(
        new PublishError(`${filename} cannot be uploaded: ${refused[1]}`, {
          file: filename,
          hint: `Remove ${path}, or build the format PyPI accepts.`,
        }),
      );
      continue;
    }
    if (!looksLikeDist) {
      ignored.push(filename);
      continue;
    }
    const info = await stat(path);
    if (!info.isFile()) {
      ignored.push(filename);
      continue;
    }
    try {
      dists.push({ ...parseDistFilename(filename), path, size: info.size });
    } catch (error) {
      if (!(error instanceof PublishError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length > 0) throw combineErrors(problems);

  if (dists.length === 0) {
    const seen = ignored.length ? ` It holds only ${ignored.map((f) => `'${f}'`).join(', ')}.` : ' It is empty.';
    throw new PublishError(`No distributions (.whl or .tar.gz) were found in '${dir}'.${seen}`, {
      hint: "Build them before this step (for example `python -m build`), or point 'packages-dir' at the directory they were written to.",
    });
  }
  dists.sort((a, b) => (a.kind === b.kind ? a.filename.localeCompare(b.filename) : a.kind === 'wheel' ? -1 : 1));
  return { dists, ignored: ignored.sort() };
}
