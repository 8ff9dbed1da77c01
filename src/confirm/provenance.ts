// Whether the provenance an index shows for a file is what this run uploaded: an attestation whose
// statement names the file and its sha256, in a bundle whose publisher is this repository and
// workflow (PEP 740; Warehouse builds the publisher from the trusted publisher that minted the
// upload token: repository owner/name and the workflow's file name).
import { clipped } from '../common/log-text.js';
import type { ProvenanceBundle, ProvenancePublisher } from '../index/integrity.js';

/** This run's repository and workflow file, as PyPI records a GitHub trusted publisher. */
export interface ExpectedPublisher {
  repository: string;
  workflow: string;
}

/**
 * From the runner's GITHUB_REPOSITORY and GITHUB_WORKFLOW_REF (owner/repo/.github/workflows/<file>@<ref>),
 * the same values as the OIDC token's repository and workflow_ref claims; undefined off a runner.
 */
export function expectedPublisher(env: Record<string, string | undefined>): ExpectedPublisher | undefined {
  const repository = env.GITHUB_REPOSITORY;
  const workflow = /\/\.github\/workflows\/([^/@]+)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1];
  return repository && workflow ? { repository, workflow } : undefined;
}

export type ProvenanceVerdict = { kind: 'confirmed' } | { kind: 'mismatch'; message: string };

/** The file's attestations among the bundles, and whether one of them comes from this publisher. */
export function judgeProvenance(
  file: { filename: string; sha256: string },
  bundles: ProvenanceBundle[],
  expected: ExpectedPublisher | undefined,
  host: string,
): ProvenanceVerdict {
  const about = bundles.filter((bundle) =>
    bundle.attestations.some((a) => a.subjects.some((s) => s.name === file.filename && s.sha256 === file.sha256)),
  );
  if (!about.length) {
    const named = bundles.flatMap((b) => b.attestations.flatMap((a) => a.subjects));
    const shown = named.length
      ? `it names ${named
          .slice(0, 3)
          .map((s) => `${clipped(s.name, 120)} (sha256 ${clipped(s.sha256 ?? 'none', 64)})`)
          .join(', ')}${named.length > 3 ? ` and ${named.length - 3} more` : ''}`
      : 'it names no file';
    return {
      kind: 'mismatch',
      message: `${clipped(file.filename)}: the provenance ${host} shows holds no attestation for this file's name and sha256 ${file.sha256}; ${shown}.`,
    };
  }
  if (!expected || about.some((bundle) => isThisPublisher(bundle.publisher, expected))) return { kind: 'confirmed' };
  const publishers = [...new Set(about.map((bundle) => describePublisher(bundle.publisher)))];
  return {
    kind: 'mismatch',
    message: `${clipped(file.filename)}: ${host} shows its attestations as published by ${publishers.join('; ')}, not by this repository and workflow (GitHub ${expected.repository}, workflow ${expected.workflow}).`,
  };
}

/** GitHub repository names are case-insensitive; workflow file names are not. */
function isThisPublisher(publisher: ProvenancePublisher | undefined, expected: ExpectedPublisher): boolean {
  return (
    publisher?.kind === 'GitHub' &&
    publisher.repository?.toLowerCase() === expected.repository.toLowerCase() &&
    publisher.workflow === expected.workflow
  );
}

export function describePublisher(publisher: ProvenancePublisher | undefined): string {
  if (!publisher) return 'no publisher';
  return [
    `${clipped(publisher.kind, 40)}${publisher.repository === undefined ? '' : ` ${clipped(publisher.repository, 120)}`}`,
    ...(publisher.workflow === undefined ? [] : [`workflow ${clipped(publisher.workflow, 120)}`]),
    ...(publisher.environment ? [`environment ${clipped(publisher.environment, 80)}`] : []),
  ].join(', ');
}
