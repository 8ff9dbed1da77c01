import { outside } from '../common/log-text.js';
import { markdownCell } from '../common/markdown.js';
import { formatSize } from '../report/report.js';
import type { AttestationPlan } from './attestation-plan.js';
import type { PlannedFile, PlannedAction } from './plan.js';

/** Whether the credentials would work, as far as a dry run can tell without uploading. */
export type AuthCheck =
  { kind: 'ok'; detail: string } | { kind: 'failed'; detail: string } | { kind: 'not-tried'; detail: string };

export interface DryRunReport {
  indexUrl: URL;
  files: PlannedFile[];
  auth: AuthCheck;
  attestations: AttestationPlan;
  /** Why the run is a dry run when nobody asked for one (under act). */
  reason?: string | undefined;
  /** Why the index could not be reached, when it could not: what it has is then unknown. */
  unreached?: string | undefined;
  /** What `wait` would do after the upload, when it is set. */
  wait?: string | undefined;
}

const VERB: Record<PlannedAction, string> = { upload: 'would upload', skip: 'would skip', fail: 'would FAIL' };
const LABEL: Record<PlannedAction, string> = {
  upload: '⬆️ would upload',
  skip: '⏭️ would skip',
  fail: '❌ would fail',
};
const AUTH_LABEL: Record<AuthCheck['kind'], string> = { ok: 'works', failed: 'FAILS', 'not-tried': 'not tried' };

export function dryRunSucceeds(report: Pick<DryRunReport, 'files' | 'auth'>): boolean {
  return report.auth.kind !== 'failed' && report.files.every((file) => file.action !== 'fail');
}

/** The plan as log lines: one block per file, then authentication, attestations and the verdict. */
export function planLogLines(report: DryRunReport): string[] {
  const lines = [`Dry run: nothing is uploaded to ${report.indexUrl.href}. The plan:`];
  for (const file of report.files) {
    lines.push(
      `  ${outside(file.filename)} (${file.size} bytes, sha256 ${file.sha256}): ${VERB[file.action]}: ${outside(file.reason)}`,
    );
    const attestation = report.attestations.files?.get(file.filename);
    if (attestation) lines.push(`    attestation: ${outside(attestation)}`);
  }
  if (report.unreached) lines.push(`  Index: not reached: ${outside(report.unreached)}`);
  lines.push(`  Authentication: ${AUTH_LABEL[report.auth.kind]}: ${outside(report.auth.detail)}`);
  lines.push(`  Attestations: ${report.attestations.summary}`);
  if (report.wait) lines.push(`  Wait: ${report.wait}`);
  lines.push(verdict(report));
  return lines;
}

export function verdict(report: Pick<DryRunReport, 'files' | 'auth' | 'unreached'>): string {
  const count = (action: PlannedAction): number => report.files.filter((f) => f.action === action).length;
  const tally = `${count('upload')} to upload, ${count('skip')} to skip, ${count('fail')} to fail`;
  if (!dryRunSucceeds(report))
    return `The real run would FAIL (${tally}${report.auth.kind === 'failed' ? '; authentication fails' : ''}).`;
  if (report.unreached)
    return (
      `The index could not be reached, so this plan (${tally}) is only what the files themselves allow: ` +
      'whether the index already has any of them, with the same or other content, and whether their releases still take new files, is unknown' +
      `${report.auth.kind === 'not-tried' ? ', and authentication was not tried' : ''}. Run the dry run again where the index can be reached.`
    );
  return `The real run would succeed (${tally})${report.auth.kind === 'not-tried' ? ', if authentication works (not tried)' : ''}.`;
}

export function planMarkdown(report: DryRunReport): string {
  const lines = [`### Dry run: publishing to ${report.indexUrl.host}`, ''];
  if (report.reason) lines.push(`> ${markdownCell(report.reason)}`, '');
  lines.push(`**${markdownCell(verdict(report))}** Nothing was uploaded.`, '');
  lines.push('| File | Size | SHA-256 | Plan | Why |', '| --- | ---: | --- | --- | --- |');
  for (const file of report.files) {
    const attestation = report.attestations.files?.get(file.filename);
    lines.push(
      `| ${markdownCell(file.filename)} | ${formatSize(file.size)} | \`${file.sha256}\` | ${LABEL[file.action]} | ${markdownCell(file.reason)}${attestation ? `; attestation: ${markdownCell(attestation)}` : ''} |`,
    );
  }
  lines.push(
    '',
    ...(report.unreached ? [`- **Index:** not reached: ${markdownCell(report.unreached)}`] : []),
    `- **Authentication:** ${AUTH_LABEL[report.auth.kind]}: ${markdownCell(report.auth.detail)}`,
    `- **Attestations:** ${markdownCell(report.attestations.summary)}`,
    ...(report.wait ? [`- **Wait:** ${markdownCell(report.wait)}`] : []),
  );
  return `${lines.join('\n')}\n`;
}
