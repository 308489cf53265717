import { createServer } from 'node:net';

/**
 * Fails at once, with Node's own EADDRINUSE/EACCES error, when the HTTP port cannot be bound — so
 * `start` says so before it spends seconds opening the database and starting workers.
 * Port 0 (any free port) always works.
 */
export async function assertPortFree(address: { host: string; port: number }): Promise<void> {
  if (address.port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ host: address.host, port: address.port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
