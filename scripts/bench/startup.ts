// Time from `node dist/index.js` to the action's first request: a TCP listener in front of the local
// index notes when the first connection arrives; the clock starts just before the spawn.
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { median, baseEnv } from './measure.ts';
import { actionEnv } from './startup-profile.ts';

export interface StartupFigures {
  firstRequestMs: number;
  bareNodeMs: number;
  runs: number;
}

interface Index {
  origin: string;
  github: { requestUrl: string; requestToken: string };
}

export async function measureStartup(
  node: string,
  root: string,
  index: Index,
  dir: string,
  runs: number,
): Promise<StartupFigures> {
  const target = Number(new URL(index.origin).port);
  let firstConnection: number | undefined;
  const server = createServer((client) => {
    firstConnection ??= performance.now();
    const upstream = connect({ host: '127.0.0.1', port: target });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve();
    }),
  );
  const port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  const first: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    firstConnection = undefined;
    const started = performance.now();
    await exit(node, [join(root, 'dist/index.js')], actionEnv(index, origin, dir));
    const bareStart = performance.now();
    await exit(node, ['-e', '0'], {});
    if (i === 0 || firstConnection === undefined) continue;
    first.push(firstConnection - started);
    bare.push(performance.now() - bareStart);
  }
  server.close();
  return { firstRequestMs: median(first), bareNodeMs: median(bare), runs };
}

function exit(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...baseEnv(), ...env }, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve(code ?? 1);
    });
  });
}
