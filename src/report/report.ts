import { projectName, releaseVersion, type UploadResult, type PreparedDist } from '../index/upload.js';
import { markdownCell } from '../common/markdown.js';
import { warehouseSite } from '../common/index-urls.js';

export interface FileReport {
  filename: string;
  size: number;
  sha256: string;
  blake2_256: string;
  result: UploadResult | 'failed' | 'not attempted';
  /** The release page, for PyPI and TestPyPI. */
  url?: string;
  /** The attestations sent with the file, by kind ("publish", "SLSA provenance (pre-made)"). */
  attestations?: string[] | undefined;
  /** With `wait`: seconds from the end of the uploads until the index served the file. */
  installableAfterS?: number | undefined;
}

/** A file's line in the outputs and the summary; its digests are empty until known. */
export function fileReport(prepared: PreparedDist, result: FileReport['result'], indexUrl: URL): FileReport {
  const site = warehouseSite(indexUrl);
  const name = projectName(prepared);
  const version = releaseVersion(prepared);
  return {
    filename: prepared.dist.filename,
    size: prepared.digests?.size ?? prepared.dist.size,
    sha256: prepared.digests?.sha256 ?? '',
    blake2_256: prepared.digests?.blake2_256 ?? '',
    result,
    ...(site ? { url: `${site}/project/${encodeURIComponent(name)}/${encodeURIComponent(version)}/` } : {}),
  };
}

/** The `uploaded` and `skipped` outputs: JSON arrays of { filename, size, sha256, url?, installable_after_s? }. */
export function outputs(reports: FileReport[]): { uploaded: string; skipped: string } {
  const pick = (result: UploadResult): string =>
    JSON.stringify(
      reports
        .filter((r) => r.result === result)
        .map(({ filename, size, sha256, url, installableAfterS }) => ({
          filename,
          size,
          sha256,
          ...(url ? { url } : {}),
          ...(installableAfterS === undefined ? {} : { installable_after_s: installableAfterS }),
        })),
    );
  return { uploaded: pick('uploaded'), skipped: pick('skipped') };
}

const RESULT_LABEL: Record<FileReport['result'], string> = {
  uploaded: '✅ uploaded',
  skipped: '⏭️ skipped (already there)',
  failed: '❌ failed',
  'not attempted': '⏸️ not attempted',
};

export interface FailureReport {
  message: string;
  /** Markdown that says it better than the message (tables of claims or problems). */
  details?: string | undefined;
}

/** `waitLine`: what `wait` found ("installable after 7 s; provenance confirmed for 2 files"). */
export function summaryMarkdown(
  indexUrl: URL,
  reports: FileReport[],
  failure?: FailureReport,
  waitLine?: string,
): string {
  const lines = [`### Publishing to ${indexUrl.host}`, ''];
  if (failure) {
    const [headline = '', ...rest] = failure.message.split('\n');
    lines.push(`**Failed:** ${markdownCell(headline)}`, '');
    if (failure.details) lines.push(failure.details, '');
    else if (rest.length) lines.push('```text', ...rest.map((line) => line.replace(/```/g, "'''")), '```', '');
  }
  if (reports.length) {
    // The attestations column only when some file carries one; otherwise a notice says why none.
    const attested = reports.some((r) => r.attestations?.length);
    lines.push(
      `| File | Size | SHA-256 | Result |${attested ? ' Attestations |' : ''}`,
      `| --- | ---: | --- | --- |${attested ? ' --- |' : ''}`,
    );
    for (const report of reports) {
      const file = report.url && report.result !== 'failed' ? `[${report.filename}](${report.url})` : report.filename;
      const attestations = attested ? ` ${markdownCell(report.attestations?.join(', ') || 'none')} |` : '';
      lines.push(
        `| ${markdownCell(file)} | ${formatSize(report.size)} | \`${report.sha256}\` | ${RESULT_LABEL[report.result]} |${attestations}`,
      );
    }
  }
  if (waitLine) lines.push('', `**${markdownCell(waitLine.charAt(0).toUpperCase() + waitLine.slice(1))}**`);
  return `${lines.join('\n')}\n`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (Number(value.toFixed(1)) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
