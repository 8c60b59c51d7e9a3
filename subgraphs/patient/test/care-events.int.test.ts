import { randomUUID } from 'node:crypto';
import {
  addToOutbox,
  type Database,
  httpEventSink,
  OUTBOX_MIGRATION,
  OutboxRelay,
  openDatabase,
} from '@medikamente/runtime';
import { codes, createTestDatabase } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PatientHarness, startPatientSubgraph } from './harness';

let h: PatientHarness;
let inbox: string;
let producer: Database;
let dropProducer: () => Promise<void>;
const serviceToken = () => h.tokenFor({ role: 'service', scope: 'events:write:schedule' });

beforeAll(async () => {
  h = await startPatientSubgraph();
  inbox = h.url.replace('/graphql', '/internal/events');
  // The producer (the schedule subgraph later) has its own database with an outbox.
  const db = await createTestDatabase('producer');
  dropProducer = db.drop;
  producer = await openDatabase({ url: db.url, dataDir: 'memory://', migrations: [OUTBOX_MIGRATION] });
});
afterAll(async () => {
  await producer?.close();
  await dropProducer?.();
  await h?.stop();
});

const event = (patientId: string, doctor: string, status: string, appointmentId = randomUUID()) => ({
  id: randomUUID(),
  type: `appointment.${status === 'CANCELLED' ? 'cancelled' : 'booked'}`,
  occurredAt: new Date().toISOString(),
  payload: {
    appointmentId,
    patientId,
    doctorAccountId: doctor,
    startsAt: new Date(Date.now() + 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 5_400_000).toISOString(),
    status,
  },
});
const post = async (body: unknown, token?: string) =>
  fetch(inbox, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
const HEALTH = `query($id: ID!) { patient(id: $id) { phone chronicConditions } }`;

describe('care relationships from appointment events', () => {
  it('accepts events only from service clients with events:write', async () => {
    const body = { events: [] };
    expect((await post(body)).status).toBe(401);
    expect((await post(body, await h.tokenFor({ role: 'receptionist' }))).status).toBe(403);
    expect((await post(body, await h.tokenFor({ role: 'service', scope: 'consents:read' }))).status).toBe(
      403,
    );
    expect((await post(body, await serviceToken())).status).toBe(200);
  });

  it('grants the doctor access on booking, once per event, and withdraws it on cancellation', async () => {
    const { patient } = await h.createTestPatient();
    const doctor = randomUUID();
    const doctorToken = await h.tokenFor({ role: 'doctor', sub: doctor });
    const before = await h.query(HEALTH, { id: patient.id }, doctorToken);
    expect(before.data.patient.phone).toMatch(/\*\*\*/);
    expect(codes(before)).toEqual(['FORBIDDEN']);

    const appointmentId = randomUUID();
    const booked = event(patient.id, doctor, 'BOOKED', appointmentId);
    const r1 = await post({ events: [booked] }, await serviceToken());
    expect(await r1.json()).toEqual({ received: 1, applied: 1 });
    const r2 = await post({ events: [booked] }, await serviceToken());
    expect(await r2.json()).toEqual({ received: 1, applied: 0 });
    const during = await h.query(HEALTH, { id: patient.id }, doctorToken);
    expect(during.errors).toBeUndefined();
    expect(during.data.patient).toEqual({
      phone: patient.phone,
      chronicConditions: patient.chronicConditions,
    });

    await post({ events: [event(patient.id, doctor, 'CANCELLED', appointmentId)] }, await serviceToken());
    const after = await h.query(HEALTH, { id: patient.id }, doctorToken);
    expect(codes(after)).toEqual(['FORBIDDEN']);
  });

  it('rejects a malformed event and applies nothing of it', async () => {
    const { patient } = await h.createTestPatient();
    const bad = event(patient.id, 'doc', 'BOOKED');
    (bad.payload as Record<string, unknown>).startsAt = 'tomorrow';
    const r = await post({ events: [bad] }, await serviceToken());
    expect(r.status).toBe(400);
    expect(await h.service.database.query('select 1 from inbox where event_id = $1', [bad.id])).toHaveLength(
      0,
    );
    expect(await h.service.stores.care.activeFor('doc', [patient.id])).toEqual(new Set());
  });

  it('relays the producer’s outbox at least once across a failed delivery and a restart', async () => {
    const { patient } = await h.createTestPatient();
    const doctor = randomUUID();
    await producer.tx(async (q) => {
      await addToOutbox(q, 'appointment.booked', event(patient.id, doctor, 'BOOKED').payload);
    });
    const token = await serviceToken();
    const sink = httpEventSink(inbox, { token: async () => token });
    let failNext = true;
    const relay = new OutboxRelay({
      database: producer,
      deliver: async (events) => {
        if (failNext) {
          failNext = false;
          throw new Error('consumer down');
        }
        await sink(events);
      },
    });
    expect(await relay.tick()).toBe(0);
    const [row] = await producer.query<{ attempts: number; last_error: string }>(
      'select attempts, last_error from outbox where delivered_at is null',
    );
    expect(row).toMatchObject({ attempts: 1, last_error: 'consumer down' });
    await relay.stop();
    // A new relay (a restarted process) picks the row up once its backoff has passed.
    await producer.query(`update outbox set next_attempt_at = now() where delivered_at is null`);
    const restarted = new OutboxRelay({ database: producer, deliver: sink });
    expect(await restarted.tick()).toBeGreaterThanOrEqual(1);
    expect(await restarted.tick()).toBe(0);
    await restarted.stop();
    expect(await h.service.stores.care.activeFor(doctor, [patient.id])).toEqual(new Set([patient.id]));
  });
});
