import { constants } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { combineErrors, PublishError } from '../common/errors.js';
import { outside } from '../common/log-text.js';
import {
  parsePep740,
  predicateLabel,
  PUBLISH_PREDICATE_TYPE,
  PYPI_PREDICATE_TYPES,
  type Pep740Attestation,
} from './pep740.js';

/** An attestation file made by another tool, lying beside its dist as `<dist>.<kind>.attestation`. */
export interface PremadeAttestation {
  path: string;
  file: string;
  predicateType: string;
  attestation: Pep740Attestation;
  /** The object as the upload's `attestations` field carries it, serialized when read. */
  json: string;
}

export interface DistDigest {
  filename: string;
  sha256: string;
}

/** No real attestation comes near this; a bigger file is not read into memory. */
const MAX_ATTESTATION_BYTES = 1024 * 1024;

const KIND_SUFFIX = /^[A-Za-z0-9_-]+\.attestation$/;

export function isAttestationFilename(name: string): boolean {
  return /^.+\.[A-Za-z0-9_-]+\.attestation$/.test(name);
}

/**
 * Reads every `<dist>.<kind>.attestation` in packages-dir and checks it against its dist: the
 * subject's name and sha256 must be the dist's, at most one per predicate type, only types PyPI
 * accepts. Every problem is reported at once; files without a dist are returned as orphans.
 */
export async function findPremadeAttestations(
  directory: string,
  dists: DistDigest[],
): Promise<{ byDist: Map<string, PremadeAttestation[]>; orphans: string[] }> {
  const names = (await readdir(directory)).filter(isAttestationFilename).sort();
  const byDist = new Map<string, PremadeAttestation[]>();
  const orphans: string[] = [];
  const problems: PublishError[] = [];
  for (const file of names) {
    const dist = dists.find(
      (d) => file.startsWith(`${d.filename}.`) && KIND_SUFFIX.test(file.slice(d.filename.length + 1)),
    );
    if (!dist) {
      orphans.push(file);
      continue;
    }
    try {
      const premade = await readPremade(join(directory, file), file, dist);
      const list = byDist.get(dist.filename) ?? [];
      const twin = list.find((other) => other.predicateType === premade.predicateType);
      if (twin) {
        throw new PublishError(
          `${twin.file} and ${file} are both ${predicateLabel(premade.predicateType)} attestations for ${dist.filename}; PyPI takes one per predicate type.`,
          {
            file,
            hint: 'Keep one of them in packages-dir.',
          },
        );
      }
      byDist.set(dist.filename, [...list, premade]);
    } catch (error) {
      if (!(error instanceof PublishError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length) throw combineErrors(problems);
  return { byDist, orphans };
}

async function readPremade(path: string, file: string, dist: DistDigest): Promise<PremadeAttestation> {
  const { attestation, subject } = parsePep740(await readBounded(path, file), file);
  if (subject.name !== dist.filename || subject.sha256 !== dist.sha256) {
    throw new PublishError(
      `${file} does not attest ${dist.filename}: its subject is ${outside(subject.name)} with sha256 ${subject.sha256}, but the file in packages-dir is ${dist.filename} with sha256 ${dist.sha256}.`,
      {
        file,
        hint: 'The attestation was made for another build of this file. Remove it, or re-create it for the file being uploaded (rebuilding after signing changes the sha256).',
      },
    );
  }
  if (!PYPI_PREDICATE_TYPES.includes(subject.predicateType)) {
    throw new PublishError(
      `${file} has the predicate type ${outside(subject.predicateType)}, which PyPI does not accept (only ${PYPI_PREDICATE_TYPES.join(' and ')}).`,
      {
        file,
        hint: 'Remove it from packages-dir; keep such attestations elsewhere (for example as a release asset).',
      },
    );
  }
  return { path, file, predicateType: subject.predicateType, attestation, json: JSON.stringify(attestation) };
}

const READ_CHUNK = 64 * 1024;

/**
 * The file's text, read from a regular file and never more than the cap. A symbolic link is
 * followed only to a regular file, as for the dists themselves; what the size says is not trusted
 * (files under /proc say 0 and read on for hundreds of MiB), so the read itself stops past the cap.
 * Opened non-blocking, so that a FIFO swapped in after the check cannot hang the run.
 */
async function readBounded(path: string, file: string): Promise<string> {
  const refuse = (why: string, hint = 'Remove it from packages-dir.'): PublishError =>
    new PublishError(`${file} in packages-dir ${why}.`, { file, hint });
  const tooLarge = (size: string): PublishError =>
    refuse(
      `is ${size}, too large for a PEP 740 attestation (real ones are a few KiB; at most ${MAX_ATTESTATION_BYTES} bytes are read)`,
      'Remove it from packages-dir, or regenerate it with the tool that made it.',
    );
  const link = await lstat(path).catch((error: unknown) => {
    throw refuse(`could not be read: ${(error as Error).message}`);
  });
  if (link.isSymbolicLink()) {
    const target = await stat(path).catch(() => undefined);
    if (!target?.isFile()) throw refuse('is a symbolic link to something other than a regular file');
  } else if (!link.isFile()) {
    throw refuse('is not a regular file');
  }
  let handle;
  try {
    // Windows has no O_NONBLOCK (undefined, which | reads as 0), nor FIFOs in a directory.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw refuse(`could not be opened: ${(error as Error).message}`);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw refuse('is not a regular file');
    if (opened.size > MAX_ATTESTATION_BYTES) throw tooLarge(`${opened.size} bytes`);
    const chunks: Buffer[] = [];
    let total = 0;
    // Whole chunks of a multiple of 8 bytes: some files under /proc refuse other read sizes.
    while (total <= MAX_ATTESTATION_BYTES) {
      const chunk = Buffer.alloc(READ_CHUNK);
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(chunk, 0, READ_CHUNK, null));
      } catch (error) {
        throw refuse(`could not be read: ${(error as Error).message}`);
      }
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > MAX_ATTESTATION_BYTES) throw tooLarge(`more than ${MAX_ATTESTATION_BYTES} bytes`);
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

export function hasPremadePublish(list: PremadeAttestation[] | undefined): boolean {
  return Boolean(list?.some((p) => p.predicateType === PUBLISH_PREDICATE_TYPE));
}
