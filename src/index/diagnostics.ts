import { PublishError } from '../common/errors.js';
import { warehouseSite } from '../common/index-urls.js';

/** What the runner tells about the job, for advice before anything is sent. */
export interface JobContext {
  eventName: string | undefined;
  /** GITHUB_ACTION_REF: the ref this action was referenced by in `uses:`. */
  actionRef: string | undefined;
  actionRepository: string | undefined;
}

const TRUSTED_PUBLISHING_DOCS = 'https://docs.pypi.org/trusted-publishers/adding-a-publisher/';

/** `uses: owner/action@v1` can be moved under you; a full commit SHA cannot. */
export function pinningWarning(job: JobContext): string | undefined {
  const ref = job.actionRef?.trim();
  if (!ref || /^[0-9a-f]{40}$/i.test(ref)) return undefined;
  const action = job.actionRepository || 'this action';
  return `${action} is referenced by '${ref}', a tag or branch that can be moved to other code, which would then run with your id-token permission. Pin it by full commit SHA: \`uses: ${action}@<40-character commit SHA> # ${ref}\`.`;
}

/** PyPI refuses OIDC tokens from `pull_request_target` (Warehouse's GitHub publisher). */
export function eventRefusal(job: JobContext, trustedPublishing: boolean): PublishError | undefined {
  if (!trustedPublishing || job.eventName !== 'pull_request_target') return undefined;
  return new PublishError(
    "This run was triggered by 'pull_request_target', and PyPI refuses trusted-publishing tokens from it: such runs execute with the base repository's permissions on behalf of a pull request.",
    {
      hint: 'Publish from a push of a tag, a release, or workflow_dispatch instead.',
    },
  );
}

export interface PasswordAdvice {
  notices: string[];
  warnings: string[];
}

/** Advice for password mode; a plain user name and password on PyPI is an error (PyPI dropped them). */
export function passwordModeAdvice(indexUrl: URL, user: string, password: string): PasswordAdvice {
  const site = warehouseSite(indexUrl);
  const advice: PasswordAdvice = { notices: [], warnings: [] };
  if (site && user !== '__token__') {
    throw new PublishError(
      `${site.replace('https://', '')} no longer accepts a user name and password for uploads ('user' is '${user}').`,
      {
        hint: `Use trusted publishing (leave 'password' empty and give the job 'permissions: id-token: write'), or an API token: 'user: __token__' and 'password: \${{ secrets.PYPI_API_TOKEN }}'.`,
      },
    );
  }
  if (site) {
    advice.notices.push(
      `Publishing to ${site.replace('https://', '')} with an API token. Trusted publishing needs no long-lived secret: add this repository and workflow as a trusted publisher (${TRUSTED_PUBLISHING_DOCS}), give the job 'permissions: id-token: write', and remove 'password'.`,
    );
  }
  if (user === '__token__' && !password.startsWith('pypi-')) {
    advice.warnings.push(
      "'password' does not look like a PyPI API token (those start with 'pypi-'); with user __token__ the index will probably refuse it. Check that the right secret is passed.",
    );
  }
  return advice;
}

const MINT_ERROR_EXPLANATIONS: Record<string, string> = {
  'invalid-publisher':
    'no trusted publisher registered on the index matches this workflow run (owner, repository, workflow file, environment must all match exactly).',
  'invalid-pending-publisher':
    'a pending publisher matched, but it cannot create the project (for example, the name was taken in the meantime); register a new pending publisher or use the existing project.',
  'invalid-token':
    "the index could not verify GitHub's token (expired, issued for another audience, or the clocks disagree); re-run the job, and check that nothing else requested the token with another audience.",
  'invalid-payload':
    'the index could not read the request (an unknown token issuer, or a bug in this action); please report it with the log.',
  'not-enabled': 'trusted publishing is turned off on this index; try again later or use an API token.',
  'invalid-reuse-token':
    'this GitHub token was already exchanged once; re-run the job (each attempt asks GitHub for a new token).',
};

export function explainMintError(code: string): string | undefined {
  return MINT_ERROR_EXPLANATIONS[code];
}

/**
 * A reusable workflow makes job_workflow_ref (the called file) differ from workflow_ref (the
 * caller). Warehouse matches the publisher on job_workflow_ref, in the caller's repository.
 */
export function reusableWorkflowWarning(claims: Record<string, unknown>): string | undefined {
  const caller = typeof claims.workflow_ref === 'string' ? claims.workflow_ref.split('@')[0] : undefined;
  const called = typeof claims.job_workflow_ref === 'string' ? claims.job_workflow_ref.split('@')[0] : undefined;
  if (!caller || !called || caller === called) return undefined;
  const calledFile = called.split('/').pop();
  const repository = typeof claims.repository === 'string' ? claims.repository : '';
  const sameRepository = called.startsWith(`${repository}/`);
  return (
    `This job runs the reusable workflow ${called}, called from ${caller}. PyPI matches the publisher's workflow file against the reusable workflow (job_workflow_ref), so register '${calledFile}' as the workflow name` +
    (sameRepository
      ? '.'
      : `; and because it lives outside ${repository || 'the calling repository'}, PyPI cannot match it at all: move the publishing job into ${repository || 'the calling repository'}.`)
  );
}
