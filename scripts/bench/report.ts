// docs/benchmarks.md from the measurements: machine, versions, date, method, the table of medians,
// per-pair ratios, peak RSS, per-module start-up costs, and the targets of issue 16 checked against the figures.
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import type { ClientName } from './clients.ts';
import { median, type Sample } from './measure.ts';
import type { StartupFigures } from './startup.ts';
import { renderStartupProfile, type StartupProfile } from './startup-profile.ts';
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
  /** Per-module start-up costs (scripts/bench/startup-profile.ts). */
  profile?: StartupProfile | undefined;
  /** The load average when the runs started (the report notes it at the end too). */
  loadAtStart: number[];
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
  const serverBound = new Set<string>();
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
          serverBound.add(`${w.id} ${network}`);
          notes.push(
            `- ${w.title}, ${network}: the local index was busy ${Math.round(share * 100)} % of curl's wall time (median): the server, not the client, bounds this row.`,
          );
        }
      }
    }
  }

  const targets = targetLines(input, med, rss, find, networks, workloads, serverBound);
  const cpu = cpus();
  return `# Benchmarks

Written by \`npm run bench${input.quick ? ' -- --quick' : ''}\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, in ${Math.round(input.seconds)} s.
Do not edit by hand: run the script again.

## Machine and versions

- ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${type()} ${release()}; load average (1 / 5 / 15 min) at the start ${input.loadAtStart
    .map((l) => l.toFixed(1))
    .join(' / ')}, at the end ${loadavg()
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
- The same project (benchproj 1.0.0, wheels with incompressible payloads) in ${workloads.length} workloads, each on loopback
  and through a TCP relay (its own process) that holds every chunk 10 ms in each direction (20 ms round trip).
  The runner's token endpoint (the index's GitHub-like endpoint) is reached at an origin of its own, through a
  second relay (0 or 20 ms), as on GitHub, where it is on another host than the index: no client can reuse its
  connection to the index for it.
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
## Start-up, module by module

${input.profile ? renderStartupProfile(input.profile) : 'Not measured in this run.\n'}
## Targets (issue 16)

${targets.join('\n')}
`;
}

type Med = (cell: Cell | undefined) => number | undefined;
type Find = (w: Workload, network: string, client: ClientName) => Cell | undefined;

/** Issue 16's targets, each with the figure, and by how much it is missed. */
function targetLines(
  input: ReportInput,
  med: Med,
  rss: Med,
  find: Find,
  networks: string[],
  workloads: Workload[],
  serverBound: Set<string>,
): string[] {
  const lines: string[] = [];
  const ratio = (w: Workload, network: string, peer: ClientName): number =>
    Number(((med(find(w, network, 'action')) ?? NaN) / (med(find(w, network, peer)) ?? NaN)).toFixed(2));
  const verdict = (value: number, limit: number, strict = false): string =>
    (strict ? value < limit : value <= limit) ? 'met' : `missed by ${Math.round((value / limit - 1) * 100)} %`;
  const relayed = networks.find((n) => n !== 'loopback');
  for (const w of workloads) {
    if (relayed) {
      const r = ratio(w, relayed, 'uv');
      if (Number.isFinite(r))
        lines.push(`- ${w.title}, ${relayed}: action / uv publish = ${r}× (target < 1): ${verdict(r, 1, true)}.`);
    }
    if ((w.id === 'release-2' || w.id === 'small-6') && networks.includes('loopback')) {
      const r = ratio(w, 'loopback', 'uv');
      if (Number.isFinite(r))
        lines.push(`- ${w.title}, loopback: action / uv publish = ${r}× (target ≤ 1.5): ${verdict(r, 1.5)}.`);
    }
    if (w.id === 'wheel-200m' && relayed) {
      const r = ratio(w, relayed, 'curl');
      const bound = serverBound.has(`${w.id} ${relayed}`)
        ? ' The local index is the bottleneck of this row (see above).'
        : '';
      if (Number.isFinite(r))
        lines.push(`- ${w.title}, ${relayed}: action / curl = ${r}× (target ≤ 1.1): ${verdict(r, 1.1)}.${bound}`);
    }
  }
  const { startup } = input;
  lines.push(
    `- Time to the first request: ${Math.round(startup.firstRequestMs)} ms on Node 24 (target ≤ 60 ms; a bare \`node -e 0\` takes ${Math.round(startup.bareNodeMs)} ms here): ${Math.round(startup.firstRequestMs) <= 60 ? 'met' : `missed by ${Math.round(startup.firstRequestMs - 60)} ms`}.`,
  );
  const peakOf = (predicate: (w: Workload) => boolean): number | undefined => {
    const values = input.cells
      .filter((c) => c.client === 'action' && predicate(c.workload))
      .map((c) => rss(c))
      .filter((v): v is number => v !== undefined);
    return values.length ? Math.max(...values) : undefined;
  };
  const small = peakOf((w) => !w.large);
  if (small !== undefined)
    lines.push(
      `- Peak RSS of the action on small releases: ${Math.round(small)} MiB (target ≤ 80 MiB): ${small <= 80 ? 'met' : `missed by ${Math.round(small - 80)} MiB`}.`,
    );
  const large = peakOf((w) => w.id === 'wheel-200m');
  if (large !== undefined)
    lines.push(
      `- Peak RSS of the action with the 200 MiB wheel: ${Math.round(large)} MiB (target ≤ 100 MiB, flat in file size${small !== undefined ? `: ${Math.round(large - small)} MiB above the small releases'` : ''}): ${large <= 100 ? 'met' : `missed by ${Math.round(large - 100)} MiB`}.`,
    );
  return lines;
}
