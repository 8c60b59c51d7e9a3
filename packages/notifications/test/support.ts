import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Database, openDatabase } from '@medikamente/runtime';
import { createTestDatabase } from '@medikamente/runtime/testing';
import { NOTIFICATIONS_MIGRATION, type Recipient } from '../src/index';

export { startSmtp } from '../src/testing';

export type ProviderRequest = {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  json(): any;
};

/**
 * A local HTTP server standing in for an SMS/voice/push provider. `answer` decides the status of
 * each request (default 200), so a test can make the provider fail.
 */
export async function startProvider(answer: (req: ProviderRequest, n: number) => number = () => 200) {
  const requests: ProviderRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const r: ProviderRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        json: () => JSON.parse(body.toString('utf8')),
      };
      requests.push(r);
      const status = answer(r, requests.length);
      const id = `msg-${requests.length}`;
      res.writeHead(status, { 'content-type': 'application/json', location: `/messages/${id}` });
      res.end(JSON.stringify(status < 300 ? { id } : { error: 'provider failure' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fresh database (real Postgres when available, else in-memory PGlite) with the notification tables. */
export async function openTestDatabase(
  label: string,
): Promise<{ database: Database; url: string | undefined; drop(): Promise<void> }> {
  const db = await createTestDatabase(label);
  const database = await openDatabase({
    url: db.url,
    dataDir: 'memory://',
    migrations: [NOTIFICATIONS_MIGRATION],
  });
  return {
    database,
    url: db.url,
    drop: async () => {
      await database.close();
      await db.drop();
    },
  };
}

/** A recipient with unique addresses, so that parallel tests never share one. */
export function testRecipient(overrides: Partial<Recipient> = {}): Recipient {
  const id = randomUUID();
  return {
    ref: id,
    email: `p-${id.slice(0, 8)}@example.test`,
    phone: `+7999${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
    push: null,
    timeZone: 'Europe/Moscow',
    preferred: ['email', 'sms', 'push', 'voice'],
    ...overrides,
  };
}

/** Captures log calls, to check that no personal data reaches the logs. */
export function captureLogger() {
  const lines: unknown[] = [];
  const log = (fields: unknown, msg?: string) => {
    lines.push({ fields, msg });
  };
  return { lines, logger: { info: log, warn: log } as never, text: () => JSON.stringify(lines) };
}

/** Polls `check` until it holds (a guard against hanging, not a timing assertion). */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 45_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
