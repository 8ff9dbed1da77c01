import { explainMintError, reusableWorkflowWarning } from './diagnostics.js';
import { statusLine } from './http.js';
import { warehouseSite } from '../common/index-urls.js';
import { markdownCell } from '../common/markdown.js';

/** The claims PyPI matches a GitHub trusted publisher on; safe to show, unlike the token itself. */
export const PUBLISHER_CLAIMS = [
  'sub',
  'repository',
  'repository_owner',
  'repository_owner_id',
  'workflow_ref',
  'job_workflow_ref',
  'ref',
  'environment',
  'event_name',
] as const;

export interface PublisherFormValues {
  owner: string;
  repository: string;
  workflow: string;
  environment: string;
}

/**
 * The values to enter on the index. Warehouse finds the publisher by the workflow file in
 * `job_workflow_ref` (warehouse/oidc/models/github.py), which for a reusable workflow is the
 * called file, not the caller's.
 */
export function publisherFormValues(claims: Record<string, unknown>): PublisherFormValues {
  const text = (key: string): string => (typeof claims[key] === 'string' ? claims[key] : '');
  const repository = text('repository');
  const workflowPath = (text('job_workflow_ref') || text('workflow_ref')).split('@')[0] ?? '';
  return {
    owner: text('repository_owner') || repository.split('/')[0] || '',
    repository: repository.split('/')[1] ?? '',
    workflow: workflowPath.split('/').pop() ?? '',
    environment: text('environment'),
  };
}

/** Links to the index's publisher settings, prefilled, for each project and for a pending publisher. */
export function publisherFormLinks(
  indexUrl: URL,
  projects: string[],
  form: PublisherFormValues,
): [label: string, url: string][] {
  const site = warehouseSite(indexUrl);
  if (!site) return [];
  const query = new URLSearchParams({
    provider: 'github',
    owner: form.owner,
    repository: form.repository,
    workflow_filename: form.workflow,
    environment: form.environment,
  });
  return [
    ...projects.map((project): [string, string] => [
      `Existing project ${project}`,
      `${site}/manage/project/${project}/settings/publishing/?${query}`,
    ]),
    ['New project (pending publisher)', `${site}/manage/account/publishing/`],
  ];
}

export interface MintRefusal {
  url: URL;
  status: number;
  answer: { message?: unknown; errors?: unknown } | undefined;
  claims: Record<string, unknown>;
  indexUrl: URL;
  projects: string[];
}

/** Everything needed to fix a refused exchange: each error explained, the claims, the form values. */
export function describeMintRefusal(refusal: MintRefusal): { text: string; markdown: string } {
  const { url, status, answer, claims, indexUrl, projects } = refusal;
  const errors = (
    Array.isArray(answer?.errors) ? (answer.errors as { code?: unknown; description?: unknown }[]) : []
  ).map((e) => ({
    code: typeof e.code === 'string' ? e.code : 'error',
    description: typeof e.description === 'string' ? e.description : '',
  }));
  const form = publisherFormValues(claims);
  const links = publisherFormLinks(indexUrl, projects, form);
  const reusable = reusableWorkflowWarning(claims);
  const claimValue = (claim: string): string =>
    claims[claim] === undefined
      ? '(not set)'
      : typeof claims[claim] === 'string'
        ? claims[claim]
        : JSON.stringify(claims[claim]);
  const formRows: [string, string][] = [
    ['Owner', form.owner],
    ['Repository name', form.repository],
    ['Workflow name', form.workflow],
    ['Environment name', form.environment || '(leave empty, or name the environment the job uses)'],
  ];

  const headline = `${indexUrl.host} refused to exchange this job's OIDC token for an upload token (${url.href} answered ${statusLine(status)}${typeof answer?.message === 'string' ? `: ${answer.message}` : ''}).`;
  const lines = [headline];
  for (const error of errors) {
    lines.push(`  ${error.code}: ${error.description}`);
    const why = explainMintError(error.code);
    if (why) lines.push(`    That means ${why}`);
  }
  if (reusable) lines.push(reusable);
  lines.push("The token's claims that the index matches a publisher on:");
  for (const claim of PUBLISHER_CLAIMS) lines.push(`  ${claim}: ${claimValue(claim)}`);
  lines.push('Values for the trusted publisher form on the index (GitHub provider):');
  for (const [label, value] of formRows) lines.push(`  ${label}: ${value}`);
  for (const [label, link] of links) lines.push(`  ${label}: ${link}`);

  const markdown = [
    '#### Trusted publisher mismatch',
    '',
    ...errors.map(
      (e) =>
        `- \`${e.code}\`: ${markdownCell(e.description)}${explainMintError(e.code) ? ` — ${explainMintError(e.code)}` : ''}`,
    ),
    ...(reusable ? ['', `> ${reusable}`] : []),
    '',
    "| Claim in this job's token | Value |",
    '| --- | --- |',
    ...PUBLISHER_CLAIMS.map((claim) => `| \`${claim}\` | ${markdownCell(claimValue(claim))} |`),
    '',
    '| Enter on the index (GitHub publisher) | Value |',
    '| --- | --- |',
    ...formRows.map(([label, value]) => `| ${label} | ${markdownCell(value)} |`),
    ...(links.length ? ['', ...links.map(([label, link]) => `- [${label}](${link})`)] : []),
    '',
  ].join('\n');
  return { text: lines.join('\n'), markdown };
}
