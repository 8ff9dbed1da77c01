/** What decides whether a run is a dry run: the input, and the environment act gives a job. */
export interface DryRunSignals {
  /** The 'dry-run' input. */
  requested: boolean;
  /** ACT=true: the job runs under nektos/act, on a developer's machine. */
  underAct: boolean;
  hasPassword: boolean;
  /** Both ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are set. */
  hasOidc: boolean;
}

export interface DryRunDecision {
  dryRun: boolean;
  /** Why the run became a dry run without being asked to, and how to do a real one. */
  notice?: string;
}

/**
 * act has no OIDC: a job there with neither the runner's variables nor a password could only fail
 * with advice about `id-token: write` that is wrong under act (the workflow has it). So it becomes a
 * dry run, which is what running a release workflow locally is for. With a password or with OIDC
 * variables supplied, act runs do what they are asked.
 */
export function decideDryRun(signals: DryRunSignals): DryRunDecision {
  if (signals.requested) return { dryRun: true };
  if (!signals.underAct || signals.hasPassword || signals.hasOidc) return { dryRun: false };
  return {
    dryRun: true,
    notice:
      'Running under act (ACT=true) without OIDC variables or a password, so this is a dry run: everything is checked, nothing is uploaded. ' +
      'act gives jobs no OIDC token, whatever `permissions: id-token: write` says. For a real upload from your machine, pass an API token as the `password` input (`act -s PYPI_API_TOKEN` with `password: ${{ secrets.PYPI_API_TOKEN }}`), ' +
      "or point the runner's OIDC variables at a local index (`act --env ACTIONS_ID_TOKEN_REQUEST_URL=… --env ACTIONS_ID_TOKEN_REQUEST_TOKEN=…` with `repository-url` at that index).",
  };
}
