import type { DistFile } from './dists.js';
import { PublishError } from '../common/errors.js';
import { MetadataError, parseCoreMetadata, type CoreMetadata } from './metadata.js';
import { normalizeName, normalizeVersion } from './pep440.js';
import { listSdist, TarFormatError } from './tar.js';
import { ZipFormatError, ZipReader } from './zip.js';
import { entryPointsProblem } from './entry-points.js';

export interface DistMetadata {
  metadata: CoreMetadata;
  /** The archive member it was read from, e.g. `pkg-1.0.dist-info/METADATA`. */
  member: string;
  /** Every member of the archive, for checks such as License-File. */
  members: MemberLookup;
}

/** Which archive members exist, as far as the checks need to know (License-File). */
export interface MemberLookup {
  has(name: string): boolean;
}

const MAX_METADATA_BYTES = 16 * 1024 * 1024;

/** Reads a dist's core metadata without unpacking the archive. */
export async function readDistMetadata(dist: DistFile): Promise<DistMetadata> {
  try {
    const { member, bytes, members } =
      dist.kind === 'wheel' ? await readWheelMetadata(dist) : await readSdistPkgInfo(dist);
    return { member, members, metadata: parseCoreMetadata(decodeUtf8(bytes, dist, member)) };
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

async function readWheelMetadata(dist: DistFile): Promise<{ member: string; bytes: Buffer; members: MemberLookup }> {
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
    problem = entryPointsProblem(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
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

async function readSdistPkgInfo(dist: DistFile): Promise<{ member: string; bytes: Buffer; members: MemberLookup }> {
  const listing = await listSdist(dist.path);
  const tops = [...listing.topLevel];
  if (tops.length !== 1) {
    const found = tops.length
      ? `${tops.length} top-level entries (${tops.slice(0, 5).join(', ')}${tops.length > 5 ? ', …' : ''})`
      : 'no entries at all';
    throw new PublishError(
      `${dist.filename} has ${found}; an sdist must hold exactly one top-level directory, ${dist.name}-${dist.version}/.`,
      {
        file: dist.filename,
        hint: 'Build the sdist with `python -m build --sdist` instead of packing it by hand.',
      },
    );
  }
  const top = tops[0]!;
  const bytes = listing.pkgInfo.get(top);
  if (!bytes) {
    throw new PublishError(`${dist.filename} has no ${top}/PKG-INFO, so PyPI cannot read its metadata.`, {
      file: dist.filename,
      hint: 'Build the sdist with `python -m build --sdist`, which writes PKG-INFO.',
    });
  }
  return { member: `${top}/PKG-INFO`, bytes, members: listing.names };
}
