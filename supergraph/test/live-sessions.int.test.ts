/**
 * Live-event sockets never outlive the rights they were opened with: closed after sign-out,
 * dismissal and token expiry; bounded in frame size, unauthenticated time and number.
 */
import { randomUUID } from 'node:crypto';
import { createTestDatabase, createTestIssuer, gql } from '@medikamente/runtime/testing';
import { createScheduleService, loadScheduleEnv, type ScheduleService } from '@medikamente/subgraph-schedule';
import { factories, localDay } from '@medikamente/subgraph-schedule/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readSupergraph } from '../src/compose';
import { createGateway } from '../src/gateway';
import { type Platform, startPlatform } from './platform';

const SUBSCRIBE = `subscription Live($branchId: ID) { appointmentEvents(branchId: $branchId) { type appointmentId } }`;
const BOOK = `mutation Book($input: BookingInput!) { bookAppointment(input: $input) { appointment { id } inputErrors { code } } }`;

function live(url: string, token: string, variables: Record<string, unknown> = {}) {
  const received: unknown[] = [];
  let closedWith: number | undefined;
  let connected = false;
  const client = createClient({
    url: url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    connectionParams: { authorization: `Bearer ${token}` },
    on: {
      connected: () => {
        connected = true;
      },
      closed: (e) => {
        closedWith = (e as { code?: number }).code ?? -1;
      },
    },
  });
  client.subscribe(
    { query: SUBSCRIBE, variables },
    { next: (v) => received.push(v), error: () => {}, complete: () => {} },
  );
  return {
    received,
    closedCode: () => closedWith,
    isConnected: () => connected,
    dispose: () => client.dispose(),
  };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return check();
};

describe('live sockets through the gateway', () => {
  let p: Platform;
  let branch: { id: string; timeZone: string };
  let service: { id: string };
  let doctor: { id: string };
  let slot = 0;

  beforeAll(async () => {
    p = await startPlatform({ gateway: { maxSocketsPerAccount: 3 } });
    const f = factories(p.schedule);
    branch = await f.branch('Europe/Moscow');
    service = await f.service(30);
    doctor = await f.doctor(branch.id, [service.id]);
  });
  afterAll(() => p?.stop());

  const book = async () => {
    const patient = await p.account('patient');
    const n = slot++;
    const minutes = 9 * 60 + (n % 18) * 30;
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${minutes % 60 === 0 ? '00' : '30'}`;
    const r = await p.query(
      BOOK,
      {
        input: {
          specialistId: doctor.id,
          branchId: branch.id,
          serviceId: service.id,
          startsAt: `${localDay(branch.timeZone, 3 + Math.floor(n / 18))}T${time}`,
          idempotencyKey: `k-${randomUUID()}`,
        },
      },
      patient.token,
    );
    expect(r.data.bookAppointment.appointment).not.toBeNull();
  };

  const receiving = async (s: ReturnType<typeof live>) => {
    for (let attempt = 0; attempt < 8; attempt++) {
      await book();
      if (await until(() => s.received.length > 0, 2000)) return true;
    }
    return false;
  };

  it('a dismissed receptionist stops receiving the branch events at once (4403)', async () => {
    const reception = await p.account('receptionist', { branchIds: [branch.id] });
    const admin = await p.account('it_admin');
    const s = live(p.url, reception.token, { branchId: branch.id });
    expect(await until(s.isConnected)).toBe(true);
    // The ack says the socket is up, not that the gateway's subscription to the subgraph is
    // listening yet (slow on a loaded embedded database): book until an event arrives.
    expect(await receiving(s)).toBe(true);
    const before = s.received.length;
    const dismissed = await p.query(
      'mutation($id: ID!) { dismissStaff(accountId: $id) { ok } }',
      { id: reception.accountId },
      admin.token,
    );
    expect(dismissed.data.dismissStaff.ok).toBe(true);
    // Within the revocation poll interval (100 ms here) plus one check.
    expect(await until(() => s.closedCode() !== undefined, 3000)).toBe(true);
    expect(s.closedCode()).toBe(4403);
    await book();
    await new Promise((r) => setTimeout(r, 300));
    expect(s.received).toHaveLength(before);
    await s.dispose();
  });

  it('a patient who signs out loses the socket too', async () => {
    const patient = await p.account('patient');
    const s = live(p.url, patient.token);
    expect(await until(s.isConnected)).toBe(true);
    const out = await p.query('mutation { signOut { ok } }', {}, patient.token);
    expect(out.data.signOut.ok).toBe(true);
    expect(await until(() => s.closedCode() !== undefined, 3000)).toBe(true);
    expect(s.closedCode()).toBe(4403);
    await s.dispose();
  });

  it('one account holds a bounded number of sockets', async () => {
    const reception = await p.account('receptionist', { branchIds: [branch.id] });
    const sockets = Array.from({ length: 4 }, () => live(p.url, reception.token, { branchId: branch.id }));
    expect(
      await until(() => sockets.filter((s) => s.isConnected() || s.closedCode() !== undefined).length === 4),
    ).toBe(true);
    expect(sockets.filter((s) => s.isConnected())).toHaveLength(3);
    expect(sockets.filter((s) => s.closedCode() === 4403)).toHaveLength(1);
    for (const s of sockets) await s.dispose();
  });

  it('a frame over the limit closes the socket before it is parsed (1009)', async () => {
    const ws = new WebSocket(p.url.replace('http', 'ws'), 'graphql-transport-ws');
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send(JSON.stringify({ type: 'connection_init', payload: { x: 'a'.repeat(200_000) } }));
    expect(await closed).toBe(1009);
  });

  it('a socket that never authenticates is closed after the init timeout (4408)', async () => {
    const ws = new WebSocket(p.url.replace('http', 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    expect(await closed).toBe(4408);
  });
});

describe('token expiry closes the socket (4401), on the gateway and on the subgraph', () => {
  let issuer: Awaited<ReturnType<typeof createTestIssuer>>;
  let schedule: ScheduleService;
  let scheduleUrl: string;
  let gatewayUrl: string;
  const closers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    issuer = await createTestIssuer();
    const db = await createTestDatabase('live_expiry');
    schedule = await createScheduleService(
      loadScheduleEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: 'memory://',
        REMINDERS_ENABLED: 'false',
        ...(db.url ? { SCHEDULE_DATABASE_URL: db.url } : {}),
      }),
      { verifier: issuer.verifier },
    );
    const s = await schedule.subgraph.listen(0);
    scheduleUrl = `${s.url}/graphql`;
    const gateway = await createGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: { identity: scheduleUrl, patient: scheduleUrl, schedule: scheduleUrl },
      verifier: issuer.verifier,
      limits: { maxDepth: 10, maxAliases: 15, maxCost: 20000 },
      production: false,
      logLevel: 'silent',
    });
    const g = await gateway.listen(0);
    gatewayUrl = `${g.url}/graphql`;
    closers.push(g.close, s.close, () => schedule.close(), db.drop);
  });
  afterAll(async () => {
    for (const c of closers) await c();
  });

  it('closes at expiry, with 4401 so the client refreshes and reconnects', async () => {
    for (const url of [gatewayUrl, scheduleUrl]) {
      const token = await issuer.sign({ role: 'patient', pid: randomUUID() }, { expiresInSec: 1 });
      const s = live(url, token);
      expect(await until(s.isConnected), url).toBe(true);
      // Expiry (1 s) + the verifier's clock tolerance (5 s) + one check.
      expect(await until(() => s.closedCode() !== undefined, 9000), url).toBe(true);
      expect(s.closedCode(), url).toBe(4401);
      await s.dispose();
    }
    const r = await gql(scheduleUrl, '{ __typename }');
    expect(r.status).toBe(200);
  });
});
