import type { DistKind } from '../dists/dists.js';
import { normalizeName, normalizeVersion, withoutTrailingZeros } from '../dists/pep440.js';

/** What a real run would do with one file. */
export type PlannedAction = 'upload' | 'skip' | 'fail';

export interface PlannedFile {
  filename: string;
  size: number;
  sha256: string;
  action: PlannedAction;
  /** Why, in words a user acts on; for 'fail', what to do about it. */
  reason: string;
}

/** One of our files, as the plan needs it. */
export interface PlanFileInput {
  filename: string;
  kind: DistKind;
  size: number;
  sha256: string;
  project: string;
  version: string;
}

/** The files an index lists for a project (filename → sha256), or why that is not known. */
export type Listing = { kind: 'known'; files: Map<string, string | undefined> } | { kind: 'unknown'; reason: string };

/** A release as the index's JSON API describes it. */
export type ReleaseInfo =
  | { kind: 'absent' }
  | { kind: 'known'; createdAt: Date | undefined; sdists: string[] }
  | { kind: 'unknown'; reason: string };

export interface PlanInput {
  files: PlanFileInput[];
  /** By normalized project name. */
  listings: Map<string, Listing>;
  /** By releaseKey(project, version). */
  releases: Map<string, ReleaseInfo>;
  now: Date;
}

/** PyPI refuses new files for releases created longer ago than this (since July 2026). */
export const CLOSED_RELEASE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A release is its project and its version as PEP 440 compares them: 1.0 and 1.0.0 are one release. */
export function releaseKey(project: string, version: string): string {
  const normalized = normalizeVersion(version);
  const canonical = normalized === undefined ? version : withoutTrailingZeros(normalized);
  return `${normalizeName(project)} ${canonical}`;
}

/**
 * What the real run would do with each file, from what the index already has: an identical file
 * is skipped, a different one under the same name fails (files are immutable), a second sdist for a
 * release fails, and so does a new file for a release older than 14 days. Pure: the look-ups are
 * done before.
 */
export function planFiles(input: PlanInput): PlannedFile[] {
  const sdistsPlanned = new Map<string, string>();
  return input.files.map((file) => {
    const planned = (action: PlannedAction, reason: string): PlannedFile => ({
      filename: file.filename,
      size: file.size,
      sha256: file.sha256,
      action,
      reason,
    });
    const listing = input.listings.get(normalizeName(file.project)) ?? {
      kind: 'unknown',
      reason: 'the index was not asked',
    };
    const release = input.releases.get(releaseKey(file.project, file.version)) ?? {
      kind: 'unknown',
      reason: 'the index was not asked',
    };

    if (listing.kind === 'known' && listing.files.has(file.filename)) {
      const theirs = listing.files.get(file.filename);
      if (theirs === file.sha256) return planned('skip', 'the index has this file with the same sha256');
      if (theirs) {
        return planned(
          'fail',
          `the index has ${file.filename} with different content (its sha256 is ${theirs}); files on an index can never be replaced: bump the version (for example to a .post1 release) and rebuild`,
        );
      }
      return planned(
        'upload',
        'the index lists a file of this name without a sha256, so the content could not be compared: the real run sends it and the index decides',
      );
    }

    const key = releaseKey(file.project, file.version);
    if (file.kind === 'sdist') {
      const otherSdist = [
        ...sdistsOf(listing, file.project, file.version),
        ...(release.kind === 'known' ? release.sdists : []),
        ...(sdistsPlanned.has(key) ? [sdistsPlanned.get(key)!] : []),
      ].find((name) => name !== file.filename);
      if (otherSdist)
        return planned(
          'fail',
          `only one sdist may be uploaded per release, and ${file.project} ${file.version} ${sdistsPlanned.get(key) === otherSdist ? 'gets' : 'has'} ${otherSdist} already: upload only one sdist, or bump the version`,
        );
      sdistsPlanned.set(key, file.filename);
    }

    if (
      release.kind === 'known' &&
      release.createdAt &&
      input.now.getTime() - release.createdAt.getTime() > CLOSED_RELEASE_DAYS * DAY_MS
    ) {
      const age = Math.floor((input.now.getTime() - release.createdAt.getTime()) / DAY_MS);
      return planned(
        'fail',
        `${file.project} ${file.version} was released on ${release.createdAt.toISOString().slice(0, 10)} (${age} days ago), and PyPI refuses new files for releases older than ${CLOSED_RELEASE_DAYS} days: publish these files as a new version (for example a .post1 release)`,
      );
    }

    const notes = [
      listing.kind === 'unknown' ? `not compared with the index: ${listing.reason}` : 'new file',
      release.kind === 'unknown' ? `release age not checked: ${release.reason}` : undefined,
    ].filter(Boolean);
    return planned('upload', notes.join('; '));
  });
}

/** The sdists a simple-API listing shows for a version, read from their filenames. */
function sdistsOf(listing: Listing, project: string, version: string): string[] {
  if (listing.kind !== 'known') return [];
  const wanted = releaseKey(project, version);
  return [...listing.files.keys()].filter((filename) => {
    const match = /^(.+)-([^-]+)\.(?:tar\.gz|zip|tar\.bz2|tgz)$/.exec(filename);
    return match !== null && releaseKey(project, match[2]!) === wanted;
  });
}
