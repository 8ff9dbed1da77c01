import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { combineErrors, PublishError } from '../common/errors.js';
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
  const info = await stat(path);
  if (!info.isFile())
    throw new PublishError(`${file} in packages-dir is not a regular file.`, {
      file,
      hint: 'Remove it from packages-dir.',
    });
  if (info.size > MAX_ATTESTATION_BYTES) {
    throw new PublishError(
      `${file} is ${info.size} bytes, too large for a PEP 740 attestation (real ones are a few KiB).`,
      { file, hint: 'Remove it from packages-dir, or regenerate it with the tool that made it.' },
    );
  }
  const { attestation, subject } = parsePep740(await readFile(path, 'utf8'), file);
  if (subject.name !== dist.filename || subject.sha256 !== dist.sha256) {
    throw new PublishError(
      `${file} does not attest ${dist.filename}: its subject is ${subject.name} with sha256 ${subject.sha256}, but the file in packages-dir is ${dist.filename} with sha256 ${dist.sha256}.`,
      {
        file,
        hint: 'The attestation was made for another build of this file. Remove it, or re-create it for the file being uploaded (rebuilding after signing changes the sha256).',
      },
    );
  }
  if (!PYPI_PREDICATE_TYPES.includes(subject.predicateType)) {
    throw new PublishError(
      `${file} has the predicate type ${subject.predicateType}, which PyPI does not accept (only ${PYPI_PREDICATE_TYPES.join(' and ')}).`,
      {
        file,
        hint: 'Remove it from packages-dir; keep such attestations elsewhere (for example as a release asset).',
      },
    );
  }
  return { path, file, predicateType: subject.predicateType, attestation };
}

export function hasPremadePublish(list: PremadeAttestation[] | undefined): boolean {
  return Boolean(list?.some((p) => p.predicateType === PUBLISH_PREDICATE_TYPE));
}
