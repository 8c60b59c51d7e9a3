import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { body: any; remote: string };

/** Our side of the webhook: a plain HTTP server that records what arrives and from where. */
export async function startNotificationReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        remote: req.socket.remoteAddress ?? '',
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/yookassa`;
  const waitFor = async (event: string, objectId: string) => {
    for (let i = 0; i < 200; i++) {
      const hit = received.find((n) => n.body.event === event && n.body.object?.id === objectId);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no ${event} for ${objectId}`);
  };
  return { url, received, waitFor, close: () => closeServer(server) };
}

export function closeServer(server: Server) {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
}
