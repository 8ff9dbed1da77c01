// What the real run would do about PEP 740 attestations (src/attest/), told without signing: signing
// writes to Sigstore's public transparency log, which a dry run must not do.
import { hasPremadePublish } from '../attest/premade.js';
import { prepareAttestations, type AttestationSettings } from '../attest/prepare.js';

export interface AttestationContext extends AttestationSettings {
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
  // The real run's own preparation: a pre-made file it would refuse, or a Sigstore it may not use,
  // fails the dry run too.
  const work = await prepareAttestations(context.files, context, context.env);
  if (!work.attest) {
    // The real run's notice, in the plan's tense.
    const why = work.notice?.replace(/^No PEP 740 attestations were made: /, '');
    return { summary: why ? `none: ${why}` : "none ('attestations: false')" };
  }
  const files = new Map<string, string>();
  for (const { filename } of context.files) {
    const premade = work.premade.get(filename) ?? [];
    const notes = premade.map((p) => `${p.file} (made beforehand)`);
    if (!hasPremadePublish(premade)) notes.unshift('a publish attestation, signed at upload time');
    files.set(filename, notes.join(' + '));
  }
  return {
    summary: `PEP 740 attestations for ${work.index}, signed with Sigstore during the real run (a dry run does not sign: that writes to the public transparency log).`,
    files,
  };
}
