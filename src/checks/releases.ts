import { getField, type CoreMetadata } from '../dists/metadata.js';
import type { DistFile } from '../dists/dists.js';
import { releaseKey } from '../dists/pep440.js';
import type { DistProblem } from './verify.js';

/**
 * Warehouse takes one sdist per release ("Only one sdist may be uploaded per release."), comparing
 * versions as PEP 440 does: demo-1.0.tar.gz and demo-1.0.0.tar.gz are two sdists of one release.
 * Caught before anything is sent; else the first is uploaded and the second refused, half-way.
 */
export function secondSdists(checked: { dist: DistFile; metadata: CoreMetadata }[]): DistProblem[] {
  const first = new Map<string, string>();
  const problems: DistProblem[] = [];
  for (const { dist, metadata } of checked) {
    if (dist.kind !== 'sdist') continue;
    const project = getField(metadata, 'Name') ?? dist.name;
    const version = getField(metadata, 'Version') ?? dist.version;
    const key = releaseKey(project, version);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, dist.filename);
      continue;
    }
    problems.push({
      file: dist.filename,
      field: 'file',
      message: `${dist.filename} is a second sdist of ${project} ${version}, after ${earlier}: PyPI takes only one sdist per release.`,
      fix: `Keep one of ${earlier} and ${dist.filename} in packages-dir (versions that differ only by trailing zeros, like 1.0 and 1.0.0, are one release).`,
      severity: 'error',
    });
  }
  return problems;
}
