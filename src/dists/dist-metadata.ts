import type { DistFile } from './dists.js';
import { PublishError } from '../common/errors.js';
import { MetadataError, parseCoreMetadata, type CoreMetadata } from './metadata.js';
import { normalizeName, normalizeVersion } from './pep440.js';
import { listSdist } from './sdist-listing.js';
import { TarFormatError } from './tar.js';
import { outside } from '../common/log-text.js';
import { ZipFormatError, ZipReader } from './zip.js';
import { entryPointsProblem } from './entry-points.js';

export interface DistMetadata {
  metadata: CoreMetadata;
  /** The archive member it was read from, e.g. `pkg-1.0.dist-info/METADATA`. */
  member: string;
  /** Every member of the archive, for checks such as License-File. */
  members: MemberLookup;
  /** Oddities of the archive that PyPI accepts but that deserve a look. */
  warnings: ReadWarning[];
}

export interface ReadWarning {
  message: string;
  fix: string;
}

interface ReadMetadata {
  member: string;
  bytes: Buffer;
  members: MemberLookup;
  warnings?: ReadWarning[];
}

/** Which archive members exist, as far as the checks need to know (License-File). */
export interface MemberLookup {
  has(name: string): boolean;
}

const MAX_METADATA_BYTES = 16 * 1024 * 1024;

/** Reads a dist's core metadata without unpacking the archive. */
export async function readDistMetadata(dist: DistFile): Promise<DistMetadata> {
  try {
    const {
      member,
      bytes,
      members,
      warnings = [],
    } = dist.kind === 'wheel' ? await readWheelMetadata(dist) : await readSdistPkgInfo(dist);
    return { member, members, warnings, metadata: parseCoreMetadata(decodeUtf8(bytes, dist, member)) };
  } catch (error) {
    if (error instanceof PublishError) throw error;
    if (
      (error instanceof ZipFormatError || error instanceof TarFormatError) &&
      error.message.includes(' archive not accepted: ')
    ) {
      throw new PublishError(`${dist.filename}: ${error.message}.`, {
        file: dist.filename,
        hint: 'PyPI refuses archives built to be read differently by different tools (duplicate or mismatched members, trailing data, comments, sparse members, non-UTF-8 names). Rebuild the file with `python -m build` and upload it unmodified; do not append to, re-zip or re-tar it by hand.',
      });
    }
    // Whatever a crafted archive makes the readers throw (RangeError included) is the file's fault.
    if (error instanceof Error && !(error instanceof MetadataError)) {
      throw new PublishError(
        `${dist.filename} is not a valid ${dist.kind === 'wheel' ? 'wheel (zip archive)' : 'sdist (.tar.gz archive)'}: ${error.message}.`,
        {
          file: dist.filename,
          hint: 'The file is damaged or was not written by a build tool. Rebuild it (`python -m build`) and make sure it is copied whole (for example by actions/upload-artifact and actions/download-artifact).',
        },
      );
    }
    if (error instanceof MetadataError) {
      throw new PublishError(`${dist.filename}: its metadata cannot be parsed: ${error.message}.`, {
        file: dist.filename,
        hint: 'Rebuild the distribution with a current build backend.',
      });
    }
    throw error;
  }
}

function decodeUtf8(bytes: Buffer, dist: DistFile, member: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PublishError(`${dist.filename}: ${member} is not valid UTF-8.`, {
      file: dist.filename,
      hint: 'Core metadata must be UTF-8; check the encoding of your README and pyproject.toml, then rebuild.',
    });
  }
}

async function readWheelMetadata(dist: DistFile): Promise<ReadMetadata> {
  const zip = await ZipReader.open(dist.path);
  try {
    const distInfoDirs = new Set(
      zip.entries.map((e) => /^([^/]+\.dist-info)\//.exec(e.name)?.[1]).filter((d): d is string => d !== undefined),
    );
    const expected = `${normalizeName(dist.name)}-${normalizeVersion(dist.version)}`;
    const matching = [...distInfoDirs].filter((dir) => {
      const stem = dir.slice(0, -'.dist-info'.length);
      const dash = stem.lastIndexOf('-');
      return `${normalizeName(stem.slice(0, dash))}-${normalizeVersion(stem.slice(dash + 1))}` === expected;
    });
    const dir = matching[0] ?? (distInfoDirs.size === 1 ? [...distInfoDirs][0] : undefined);
    if (!dir) {
      const found = distInfoDirs.size
        ? ` It has ${[...distInfoDirs].join(', ')}.`
        : ' It has no .dist-info directory at all.';
      throw new PublishError(`${dist.filename} has no ${dist.name}-${dist.version}.dist-info directory.${found}`, {
        file: dist.filename,
        hint: 'A wheel must carry {name}-{version}.dist-info/ with METADATA, WHEEL and RECORD. Rebuild it with `python -m build --wheel`.',
      });
    }
    const missing = ['METADATA', 'WHEEL', 'RECORD'].filter(
      (file) => !zip.entries.some((e) => e.name === `${dir}/${file}`),
    );
    if (missing.length) {
      throw new PublishError(`${dist.filename} has no ${missing.map((f) => `${dir}/${f}`).join(', ')}.`, {
        file: dist.filename,
        hint: 'PyPI refuses a wheel without METADATA, WHEEL and RECORD in its .dist-info directory. Rebuild it with `python -m build --wheel`.',
      });
    }
    await zip.checkFraming();
    const entryPoints = zip.entries.find((e) => e.name === `${dir}/entry_points.txt`);
    if (entryPoints) checkEntryPoints(dist, entryPoints.name, await zip.read(entryPoints, MAX_METADATA_BYTES));
    const member = `${dir}/METADATA`;
    const entry = zip.entries.find((e) => e.name === member)!;
    // Only what the License-File check looks for: the licenses folder of the .dist-info directory.
    const members = new Set(zip.entries.filter((e) => e.name.startsWith(`${dir}/licenses/`)).map((e) => e.name));
    return { member, bytes: await zip.read(entry, MAX_METADATA_BYTES), members };
  } finally {
    await zip.close();
  }
}

function checkEntryPoints(dist: DistFile, member: string, bytes: Buffer): void {
  let problem: string | undefined;
  try {
    // Warehouse decodes with bytes.decode(), which keeps a byte order mark (and then fails on it).
    problem = entryPointsProblem(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    problem = 'it is not valid UTF-8';
  }
  if (problem) {
    throw new PublishError(
      `${dist.filename} has invalid entry points: ${member}, ${problem}. PyPI refuses such a wheel.`,
      {
        file: dist.filename,
        hint: 'Fix [project.scripts], [project.gui-scripts] and [project.entry-points] in pyproject.toml (script names: letters, digits, _ . - only, no paths), then rebuild.',
      },
    );
  }
}

async function readSdistPkgInfo(dist: DistFile): Promise<ReadMetadata> {
  const listing = await listSdist(dist.path);
  const { commonPath, pkgInfo } = listing;
  const rebuild = 'Build the sdist with `python -m build --sdist` instead of packing it by hand.';
  if (commonPath === undefined) {
    throw new PublishError(`${dist.filename} mixes absolute and relative member names, which PyPI cannot read.`, {
      file: dist.filename,
      hint: rebuild,
    });
  }
  if (commonPath === '' || commonPath === '/') {
    const tops = [...listing.topLevel].map(outside);
    const found =
      tops.length > 1
        ? `${tops.length} top-level entries (${tops.slice(0, 5).join(', ')}${tops.length > 5 ? ', …' : ''})`
        : tops.length === 1
          ? `a member for the archive's root ('.' or '/') beside ${tops[0]}/, so its members share no top-level folder`
          : 'no entries at all';
    throw new PublishError(
      `${dist.filename} has ${found}; an sdist must hold exactly one top-level directory, ${dist.name}-${dist.version}/ (PyPI: "Incorrect number of top-level directories in sdist").`,
      { file: dist.filename, hint: rebuild },
    );
  }
  const expected = `${outside(commonPath)}/PKG-INFO`;
  if (!pkgInfo) {
    const dotted = listing.names.has(`./${commonPath}/PKG-INFO`);
    const single =
      listing.names.count === 1
        ? ` (its only member, ${outside(commonPath)}, is what PyPI takes for the top-level folder)`
        : '';
    throw new PublishError(
      dotted
        ? `${dist.filename} stores its members as ./${outside(commonPath)}/…, and PyPI looks for PKG-INFO by the exact name ${expected}, so it refuses the file ("PKG-INFO not found at ${expected}").`
        : `${dist.filename} has no ${expected}${single}, so PyPI cannot read its metadata ("PKG-INFO not found at ${expected}").`,
      {
        file: dist.filename,
        hint: dotted
          ? `Rebuild the sdist with \`python -m build --sdist\`. If you pack it yourself, name the folder, not '.': \`tar -czf ${dist.filename} ${outside(commonPath)}\`, not \`tar -czf ${dist.filename} ./${outside(commonPath)}\` or \`-C ${outside(commonPath)}/.. .\`.`
          : 'Build the sdist with `python -m build --sdist`, which writes PKG-INFO.',
      },
    );
  }
  if (pkgInfo.data === undefined) {
    throw new PublishError(`${dist.filename}: ${expected} is not a regular file, so its metadata cannot be read.`, {
      file: dist.filename,
      hint: rebuild,
    });
  }
  const warnings: ReadWarning[] = [];
  if (pkgInfo.copies > 1) {
    warnings.push({
      message: `${dist.filename} holds ${expected} ${pkgInfo.copies} times${pkgInfo.identical ? ' (all copies alike)' : ', and the copies differ'}. PyPI, pip and twine read the last one, and so does this action; a tool that reads the first ${pkgInfo.identical ? 'sees the same' : 'sees other'} metadata.`,
      fix: 'Rebuild the sdist with `python -m build --sdist` and upload it unmodified; do not append to an existing archive (tar -r).',
    });
  }
  return { member: `${commonPath}/PKG-INFO`, bytes: pkgInfo.data, members: listing.names, warnings };
}
