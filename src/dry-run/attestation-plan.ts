// The hook through which attestation signing (src/attest/, issue 7) tells a dry run what the real
// run would sign. Replace planAttestations' body there; the plan prints whatever it returns.

export interface AttestationContext {
  /** The 'attestations' input. */
  enabled: boolean;
  trustedPublishing: boolean;
  files: { filename: string; sha256: string }[];
}

export interface AttestationPlan {
  /** One line for the whole run, shown in the log and the job summary. */
  summary: string;
  /** Optional per-file notes, by filename. */
  files?: Map<string, string>;
}

export function planAttestations(context: AttestationContext): AttestationPlan {
  if (!context.enabled) return { summary: "none ('attestations: false')" };
  if (!context.trustedPublishing)
    return {
      summary:
        'none: PEP 740 attestations need trusted publishing; with a password the files are uploaded without them',
    };
  return {
    summary:
      'none: PEP 740 attestations are not implemented in this version yet; the files would be uploaded without them',
  };
}
