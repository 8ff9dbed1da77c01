// What the real run would do about PEP 740 attestations (src/attest/), told without signing: signing
// writes to Sigstore's public transparency log, which a dry run must not do.
import { attestationPolicy } from '../attest/policy.js';
import { findPremadeAttestations, hasPremadePublish } from '../attest/premade.js';

export interface AttestationContext {
  /** The 'attestations' input. */
  enabled: boolean;
  trustedPublishing: boolean;
  repositoryUrl: URL;
  packagesDir: string;
  env: Record<string, string | undefined>;
  files: { filename: string; sha256: string }[];
}

export interface AttestationPlan {
  /** One line for the whole run, shown in the log and the job summary. */
  summary: string;
  /** Per-file notes, by filename. */
  files?: Map<string, string>;
}

export async function planAttestations(context: AttestationContext): Promise<AttestationPlan> {
  const policy = attestationPolicy(context.repositoryUrl, context.trustedPublishing, context.enabled, context.env);
  if (!policy.attest) {
    // The real run's notice, in the plan's tense.
    const why = policy.notice?.replace(/^No PEP 740 attestations were made: /, '');
    return { summary: why ? `none: ${why}` : "none ('attestations: false')" };
  }
  // The same checks the real run makes of pre-made files: a bad one fails the dry run too.
  const { byDist } = await findPremadeAttestations(context.packagesDir, context.files);
  const files = new Map<string, string>();
  for (const { filename } of context.files) {
    const premade = byDist.get(filename) ?? [];
    const notes = premade.map((p) => `${p.file} (made beforehand)`);
    if (!hasPremadePublish(premade)) notes.unshift('a publish attestation, signed at upload time');
    files.set(filename, notes.join(' + '));
  }
  return {
    summary: `PEP 740 attestations for ${policy.index}, signed with Sigstore during the real run (a dry run does not sign: that writes to the public transparency log).`,
    files,
  };
}
