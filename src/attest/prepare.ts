// What a run does about attestations before it signs anything, shared by the real run (attest.ts)
// and the dry run (dry-run/attestation-plan.ts), so that a dry run passes exactly what the real run
// would: the policy and its Sigstore, and every pre-made file read and checked the same way.
import { readdir } from 'node:fs/promises';
import type { Inputs } from '../inputs/inputs.js';
import type { SigstoreEndpoints } from './endpoints.js';
import { attestationPolicy } from './policy.js';
import {
  findPremadeAttestations,
  hasPremadePublish,
  isAttestationFilename,
  type DistDigest,
  type PremadeAttestation,
} from './premade.js';

export type AttestationWork =
  | {
      attest: false;
      notice: string | undefined;
      /** Attestation files lying in packages-dir, which are not uploaded either. */
      unused: string[];
    }
  | {
      attest: true;
      index: string;
      endpoints: SigstoreEndpoints;
      customSigstore: boolean;
      premade: Map<string, PremadeAttestation[]>;
      /** Attestation files whose names match no dist. */
      orphans: string[];
      /** The dists without a pre-made publish attestation, which this run signs one for. */
      toSign: DistDigest[];
    };

export type AttestationSettings = Pick<Inputs, 'repositoryUrl' | 'packagesDir' | 'attestations' | 'password'>;

export async function prepareAttestations(
  dists: DistDigest[],
  inputs: AttestationSettings,
  env: Record<string, string | undefined>,
): Promise<AttestationWork> {
  const policy = attestationPolicy(inputs.repositoryUrl, !inputs.password, inputs.attestations, env);
  if (!policy.attest) {
    const unused = (await readdir(inputs.packagesDir)).filter(isAttestationFilename).sort();
    return { attest: false, notice: policy.notice, unused };
  }
  const { byDist: premade, orphans } = await findPremadeAttestations(inputs.packagesDir, dists);
  const toSign = dists.filter((dist) => !hasPremadePublish(premade.get(dist.filename)));
  return { ...policy, premade, orphans, toSign };
}
