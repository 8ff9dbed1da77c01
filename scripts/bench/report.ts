// docs/benchmarks.md from the measurements: machine, versions, date, method, the table of medians,
// per-pair ratios, peak RSS, and the targets of issue 10 checked against the figures.
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import type { ClientName } from './clients.ts';
import { median, type Sample } from './measure.ts';
import type { StartupFigures } from './startup.ts';
import type { Workload } from './workloads.ts';

export interface Cell {
  workload: Workload;
  network: string;
  client: ClientName;
  samples: Sample[];
}

export interface ReportInput {
  cells: Cell[];
  startup: StartupFigures;
  runs: number;
  quick: boolean;
  seconds: number;
  versions: Record<'node' | 'uv' | 'twine' | 'curl' | 'action', string>;
}

const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`);
const ratio = (a: number | undefined, b: number | undefined): string =>
  a !== undefined && b !== undefined ? `${(a / b).toFixed(2)}×` : '–';

export function renderReport(input: ReportInput): string {
  const { cells, startup, versions } = input;
  const find = (w: Workload, network: string, client: ClientName): Cell | undefined =>
    cells.find((c) => c.workload.id === w.id && c.network === network && c.client === client);
  const med = (cell: Cell | undefined): number | undefined =>
    cell ? median(cell.samples.map((s) => s.ms)) : undefined;
  const rss = (cell: Cell | undefined): number | undefined =>
    cell ? Math.max(...cell.samples.map((s) => s.rssMiB ?? 0)) : undefined;
  const workloads = [...new Map(cells.map((c) => [c.workload.id, c.workload])).values()];
  const networks = [...new Set(cells.map((c) => c.network))];
  const clients = [...new Set(cells.map((c) => c.client))];

  const rows: string[] = [];
  const notes: string[] = [];
  for (const w of workloads) {
    for (const network of networks) {
      const action = find(w, network, 'action');
      const times = clients.map((c) => {
        const cell = find(w, network, c);
        return cell ? ms(med(cell)!) : '–';
      });
      const memory = clients.map((c) => {
        const value = rss(find(w, network, c));
        return value ? `${Math.round(value)}` : '–';
      });
      rows.push(
        `| ${w.title} | ${network} | ${times.join(' | ')} | ${ratio(med(action), med(find(w, network, 'uv')))} | ${ratio(med(action), med(find(w, network, 'twine')))} | ${ratio(med(action), med(find(w, network, 'curl')))} | ${memory.join(' / ')} |`,
      );
      const curl = find(w, network, 'curl');
      if (curl) {
        const share = median(curl.samples.map((s) => s.serverCpuMs / s.ms));
        if (share > 0.7) {
          notes.push(
            `- ${w.title}, ${network}: the local index was busy ${Math.round(share * 100)} % of curl's wall time (median): the server, not the client, bounds this row.`,
          );
        }
      }
    }
  }

  const targets: string[] = [];
  for (const w of workloads) {
    const relayed = networks.find((n) => n !== 'loopback');
    if (relayed) {
      const r = Number((med(find(w, relayed, 'action'))! / med(find(w, relayed, 'uv'))!).toFixed(2));
      if (Number.isFinite(r))
        targets.push(
          `- ${w.title}, ${relayed}: action / uv publish = ${r}× (target < 1): ${r < 1 ? 'met' : `missed by ${Math.round((r - 1) * 100)} %`}.`,
        );
    }
    if (w.large) {
      for (const network of networks) {
        const r = Number((med(find(w, network, 'action'))! / med(find(w, network, 'curl'))!).toFixed(2));
        if (Number.isFinite(r))
          targets.push(
            `- ${w.title}, ${network}: action / curl = ${r}× (target ≤ 1.1): ${r <= 1.1 ? 'met' : `missed by ${Math.round((r / 1.1 - 1) * 100)} %`}.`,
          );
      }
    }
  }
  const actionRss = cells.filter((c) => c.client === 'action').map((c) => rss(c) ?? 0);
  const peak = Math.max(...actionRss);
  targets.push(
    `- Time to the first request: ${Math.round(startup.firstRequestMs)} ms (target ≤ 50 ms; a bare \`node -e 0\` takes ${Math.round(startup.bareNodeMs)} ms here): ${startup.firstRequestMs <= 50 ? 'met' : `missed by ${Math.round(startup.firstRequestMs - 50)} ms`}.`,
  );
  targets.push(
    `- Peak RSS of the action: ${Math.round(peak)} MiB at most, ${Math.round(Math.min(...actionRss))} MiB at least across workloads (target ≤ 100 MiB and flat in file size): ${peak <= 100 ? 'met' : `missed by ${Math.round(peak - 100)} MiB`}.`,
  );

  const cpu = cpus();
  return `# Benchmarks

Written by \`npm run bench${input.quick ? ' -- --quick' : ''}\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, in ${Math.round(input.seconds)} s.
Do not edit by hand: run the script again.

## Machine and versions

- ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${type()} ${release()}; load average at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}.
- **Shared machine**: 2 cores, with other people's test suites running at the same time. Client, local index
  and relay share those cores, so absolute times are noisy; the runs alternate between the clients so that
  the noise falls on all of them alike, and the ratios are the figures to read.
- This action at ${versions.action} (dist/index.js on ${versions.node}), ${versions.uv}, ${versions.twine}, ${versions.curl}.

## Method

- One local index (test/support/local-index.ts: Warehouse's OIDC exchange and upload rules) over TLS from a
  throwaway CA made for the run, trusted through NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, REQUESTS_CA_BUNDLE and
  --cacert. Uploads stream to disk while the index computes md5, sha256 and blake2b-256 and checks every digest sent.
- The same project (benchproj 1.0.0, wheels with incompressible payloads) in four workloads, each on loopback
  and through a TCP relay (its own process) that holds every chunk 10 ms in each direction (20 ms round trip).
- Clients: **action** = \`node dist/index.js\` with trusted publishing (audience, runner token, mint, uploads;
  verify-metadata on, attestations off); **uv** = \`uv publish --trusted-publishing always\` with the runner's
  OIDC variables; **twine** = \`twine upload\` with a token minted before the clock starts; **curl** = one curl
  posting the prepared multipart bodies (what twine sends) over one connection, token minted beforehand: the wire ceiling.
- Each workload and network: one warm-up run of every client, then ${input.runs} counted runs, the clients' order
  rotated run by run; the index is emptied before every run. Times are medians of wall time from spawn to exit;
  peak RSS is GNU time's maximum resident set size, the largest over the runs.

## Results

| workload | network | ${clients.join(' | ')} | action/uv | action/twine | action/curl | peak RSS MiB (${clients.join(' / ')}) |
| --- | --- | ${clients.map(() => '---:').join(' | ')} | ---: | ---: | ---: | --- |
${rows.join('\n')}

Time to the first request: \`node dist/index.js\` to the first TCP connection at the index, median of
${startup.runs} runs: **${Math.round(startup.firstRequestMs)} ms** (bare \`node -e 0\`: ${Math.round(startup.bareNodeMs)} ms).

${notes.length ? `### Where the server is the bottleneck\n\n${notes.join('\n')}\n` : "The local index was never busy for more than 70 % of curl's time: the rows measure the clients.\n"}
## Targets (issue 10)

${targets.join('\n')}
`;
}
