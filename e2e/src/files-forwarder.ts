import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The public address of the record's and billing's file links in e2e. The subgraphs write their
 * links under FILES_PUBLIC_URL before the gateway (which serves `/files/record`, `/files/billing`)
 * has a port: this forwarder gets a port first and passes every request on to the gateway once it
 * is known — the production path (browser or app server → gateway → subgraph), with the gateway
 * on a random port.
 */
export async function startFilesForwarder() {
  let origin: string | undefined;
  const server = createServer((req, res) => {
    if (!origin) {
      res.writeHead(503).end();
      return;
    }
    const upstream = request(
      new URL(req.url ?? '/', origin),
      { method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    /** FILES_PUBLIC_URL for the record subgraph. */
    publicUrl: `http://127.0.0.1:${port}/files/record`,
    /** FILES_PUBLIC_URL for the billing subgraph (contract PDFs, tax certificates). */
    billingPublicUrl: `http://127.0.0.1:${port}/files/billing`,
    /** Starts forwarding to the gateway's origin. */
    forwardTo(gatewayOrigin: string) {
      origin = gatewayOrigin;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
