import { createHash } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestIssuer } from '@medikamente/runtime/testing';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSupergraph } from '../src/compose';
import { createGateway } from '../src/gateway';

/**
 * The gateway's pass-through of subgraph file routes (`/files/<subgraph>/…` → `/files/…`), against
 * a stand-in for the record subgraph that records what reaches it.
 */
type Seen = { method: string; path: string; headers: Record<string, string | string[] | undefined> };
const seen: Seen[] = [];
const FILE = Buffer.alloc(3 * 1024 * 1024, 7);
FILE.write('%PDF-1.4', 0, 'latin1');

function upstreamApp() {
  const app = express();
  app.use((req, _res, next) => {
    seen.push({ method: req.method, path: req.originalUrl, headers: { ...req.headers } });
    next();
  });
  app.get('/files/download/:token', (_req, res) => {
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': "attachment; filename*=UTF-8''%D0%90.pdf",
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'sandbox',
      'Cache-Control': 'no-store',
      'Set-Cookie': 'upstream=1',
      'X-Upstream-Secret': 'internal',
    });
    res.end(FILE);
  });
  app.post('/files/upload/:token', (req, res) => {
    const hash = createHash('sha256');
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      hash.update(c);
    });
    req.on('end', () => res.status(201).json({ size, sha256: hash.digest('hex') }));
  });
  // As the billing subgraph serves a contract's PDF.
  app.get('/files/contracts/:id/pdf', (req, res) => {
    res
      .set({ 'Content-Type': 'application/pdf', 'Cache-Control': 'no-store' })
      .end(`contract ${req.params.id}`);
  });
  app.post('/files/too-large/:token', (_req, res) => {
    // As the record subgraph does: the answer at once, the unread body dropped.
    res.status(413).json({ errors: [{ message: 'big', extensions: { code: 'FILE_TOO_LARGE' } }] });
  });
  app.use(
    (_req, res) =>
      void res.status(404).json({ errors: [{ message: 'no', extensions: { code: 'NOT_FOUND' } }] }),
  );
  return app;
}

let issuer: Awaited<ReturnType<typeof createTestIssuer>>;
let upstream: ReturnType<ReturnType<typeof express>['listen']>;
let gateway: { url: string; close(): Promise<void> };
let token: string;

beforeAll(async () => {
  issuer = await createTestIssuer();
  upstream = upstreamApp().listen(0, '127.0.0.1');
  await new Promise((r) => upstream.once('listening', r));
  const base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const g = await createGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: { record: `${base}/graphql`, patient: `${base}/graphql`, billing: `${base}/graphql` },
    verifier: issuer.verifier,
    limits: { maxDepth: 10, maxAliases: 15, maxCost: 20000 },
    production: false,
    logLevel: 'silent',
    serviceToken: async () => 'gateway-service-token',
  });
  gateway = await g.listen(0);
  token = await issuer.sign({ role: 'patient', sub: 'account-1', pid: crypto.randomUUID() });
});
afterAll(async () => {
  await gateway?.close();
  upstream?.closeAllConnections();
  await new Promise((r) => upstream?.close(r));
});

const files = (path: string) => `${gateway.url}/files/${path}`;

describe('gateway file pass-through', () => {
  it('refuses a request without a valid token at the edge; nothing reaches the subgraph', async () => {
    seen.length = 0;
    const none = await fetch(files('record/download/abc'));
    expect(none.status).toBe(401);
    const forged = await fetch(files('record/download/abc'), {
      headers: { authorization: `Bearer ${await issuer.forge({ role: 'patient' })}` },
    });
    expect(forged.status).toBe(401);
    expect(seen).toEqual([]);
  });

  it("streams a download with the file's headers only, forwarding the caller's token and the gateway's metadata", async () => {
    seen.length = 0;
    const res = await fetch(files('record/download/tok-1'), {
      headers: {
        authorization: `Bearer ${token}`,
        cookie: 'portal-session=secret',
        'x-client-address': '6.6.6.6',
        'x-gateway-authorization': 'Bearer forged',
      },
    });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(FILE)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''%D0%90.pdf");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-upstream-secret')).toBeNull();
    expect(seen).toHaveLength(1);
    const { path, headers } = seen[0]!;
    expect(path).toBe('/files/download/tok-1');
    expect(headers.authorization).toBe(`Bearer ${token}`);
    expect(headers['x-gateway-authorization']).toBe('Bearer gateway-service-token');
    expect(headers['x-client-address']).toBe('127.0.0.1');
    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.cookie).toBeUndefined();
  });

  it("passes the billing subgraph's contract PDFs through with the caller's token", async () => {
    seen.length = 0;
    const id = crypto.randomUUID();
    const res = await fetch(files(`billing/contracts/${id}/pdf`), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(`contract ${id}`);
    expect(seen.map((s) => [s.path, s.headers.authorization])).toEqual([
      [`/files/contracts/${id}/pdf`, `Bearer ${token}`],
    ]);
  });

  it('streams an upload body through unchanged, with the file name header', async () => {
    seen.length = 0;
    const res = await fetch(files('record/upload/tok-2'), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'x-file-name': '%D0%90.pdf',
        'content-type': 'application/pdf',
      },
      body: FILE,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      size: FILE.length,
      sha256: createHash('sha256').update(FILE).digest('hex'),
    });
    expect(seen[0]!.headers['x-file-name']).toBe('%D0%90.pdf');
  });

  it("passes a subgraph's early refusal of an upload on", async () => {
    const res = await fetch(files('record/too-large/tok-3'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: FILE,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'FILE_TOO_LARGE' } }] });
  });

  it('reaches only the file routes of subgraphs that serve files', async () => {
    // Sent as written (fetch would resolve the dot segments itself).
    const raw = (path: string, method = 'GET') =>
      new Promise<number>((resolve, reject) => {
        const { hostname, port } = new URL(gateway.url);
        const options = { hostname, port, path, method, headers: { authorization: `Bearer ${token}` } };
        const req = request(options, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    seen.length = 0;
    for (const path of [
      '/files/patient/download/x',
      '/files/record/%2e%2e/graphql',
      '/files/record/%2E%2E/%2e%2e/healthz',
      '/files/record/..%2fgraphql',
      '/files/record/download/tok?x=1',
      '/files/nope/x',
      '/files/billing/contracts/x.pdf',
      '/files/billing/%2e%2e/graphql',
    ])
      expect([path, await raw(path)]).toEqual([path, 404]);
    expect(await raw('/files/record/upload/x', 'PUT')).toBe(404);
    expect(seen).toEqual([]);
  });
});
