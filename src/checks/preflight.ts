import type { ActionIO } from '../common/action-io.js';
import { PublishError } from '../common/errors.js';
import { readDistMetadata } from '../dists/dist-metadata.js';
import type { DistFile } from '../dists/dists.js';
import { checkMetadata, type CoreMetadata } from '../dists/metadata.js';
import { secondSdists } from './releases.js';
import { problemsMarkdown, verifyDist, type DistProblem } from './verify.js';

/** A dist whose metadata passed pre-flight, before it is hashed. */
export interface CheckedDist {
  dist: DistFile;
  metadata: CoreMetadata;
}

/** Every file read and checked before anything is sent; any error stops the run with all of them listed. */
export async function preflight(
  dists: DistFile[],
  verifyMetadata: boolean,
  io: ActionIO,
): Promise<{ checked: CheckedDist[]; warnings: DistProblem[] }> {
  const problems: DistProblem[] = [];
  const checked: CheckedDist[] = [];
  const fromError = (dist: DistFile, error: PublishError): DistProblem => ({
    file: dist.filename,
    field: 'file',
    message: error.message,
    fix: error.hint ?? '',
    severity: 'error',
  });
  for (const dist of dists) {
    try {
      const read = await readDistMetadata(dist);
      const found: DistProblem[] = [
        ...read.warnings.map((w) => ({ ...w, file: dist.filename, field: 'file', severity: 'warning' as const })),
        ...checkMetadata(read.metadata, { dist, member: read.member }).map((e) => fromError(dist, e)),
        ...(verifyMetadata ? verifyDist({ dist, ...read }) : []),
      ];
      for (const problem of found) problems.push(problem);
      if (!found.some((p) => p.severity === 'error')) checked.push({ dist, metadata: read.metadata });
    } catch (error) {
      if (!(error instanceof PublishError)) throw error;
      problems.push(fromError(dist, error));
    }
  }
  problems.push(...secondSdists(checked));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    for (const problem of errors)
      io.error(
        `${problem.field === 'file' ? '' : `${problem.field}: `}${problem.message}\nHow to fix: ${problem.fix}`,
        problem.file,
      );
    const single = errors.length === 1;
    const list = errors.map(
      (p) =>
        `- ${p.field === 'file' ? '' : `${p.field}: `}${p.message.startsWith(p.file) ? p.message : `${p.file}: ${p.message}`}${single ? '' : `\n    How to fix: ${p.fix}`}`,
    );
    throw new PublishError(
      `Nothing was uploaded: ${single ? 'a problem was' : `${errors.length} problems were`} found before the upload.\n${list.join('\n')}`,
      {
        hint: single ? errors[0]!.fix : 'Fix each problem above (usually in pyproject.toml), rebuild, and run again.',
        details: problemsMarkdown(problems),
      },
    );
  }
  return { checked, warnings: problems };
}
