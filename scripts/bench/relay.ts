// A TCP relay on 127.0.0.1 that delays every chunk by half a round trip in each direction, so that a
// client behind it sees the given round-trip time (TLS passes through untouched). It runs in its own
// process, so that its work does not compete with the local index's event loop.
// Usage: node scripts/bench/relay.ts <target port> <round trip ms>; prints the port it listens on.
import { createServer, connect, type Socket } from 'node:net';

/** Writes each chunk to `to` after `delayMs`, in order; the delay line does not limit bandwidth. */
function delayed(from: Socket, to: Socket, delayMs: number): void {
  from.on('data', (chunk: Buffer) => {
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, delayMs);
  });
  from.on('end', () => setTimeout(() => to.end(), delayMs));
  from.on('error', () => to.destroy());
  from.on('close', () => setTimeout(() => to.destroy(), delayMs + 1));
}

export function startRelay(targetPort: number, roundTripMs: number): Promise<number> {
  const server = createServer((client) => {
    client.setNoDelay(true);
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    upstream.setNoDelay(true);
    delayed(client, upstream, roundTripMs / 2);
    delayed(upstream, client, roundTripMs / 2);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve((server.address() as { port: number }).port);
    }),
  );
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [target, rtt] = process.argv.slice(2).map(Number);
  const port = await startRelay(target, rtt);
  process.stdout.write(`${port}\n`);
}
