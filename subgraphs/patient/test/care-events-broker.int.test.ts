import { randomUUID } from 'node:crypto';
import {
  addToOutbox,
  amqpEventSink,
  type Database,
  OUTBOX_MIGRATION,
  OutboxRelay,
  openDatabase,
} from '@medikamente/runtime';
import {
  codes,
  createTestBroker,
  createTestDatabase,
  type TestBroker,
  until,
} from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broker as patientBroker } from '../src/broker';
import { type PatientHarness, startPatientSubgraph } from './harness';

/* The patient subgraph configured with EVENTS_AMQP_URL takes schedule's events from its queue. */

// The patient subgraph's own declaration (what `pnpm broker:setup` creates).
const broker = await createTestBroker([{ name: 'schedule', produces: true }, patientBroker]);
const skipped = 'unavailable' in broker ? broker.unavailable : undefined;
if (skipped) console.warn(`RabbitMQ tests skipped: ${skipped}`);
const b = broker as TestBroker;

let h: PatientHarness;
let producer: Database;
let dropProducer: () => Promise<void>;
let relay: OutboxRelay;
let sink: ReturnType<typeof amqpEventSink>;

beforeAll(async () => {
  if (skipped) return;
  h = await startPatientSubgraph({ EVENTS_AMQP_URL: b.urls.patient! });
  await h.service.broker!.ready;
  const db = await createTestDatabase('producer');
  dropProducer = db.drop;
  producer = await openDatabase({ url: db.url, dataDir: 'memory://', migrations: [OUTBOX_MIGRATION] });
  sink = amqpEventSink({ url: b.urls.schedule!, service: 'schedule' });
  relay = new OutboxRelay({ database: producer, deliver: sink, intervalMs: 50 });
  relay.start();
}, 120_000);
afterAll(async () => {
  await relay?.stop();
  await sink?.close();
  await producer?.close();
  await dropProducer?.();
  await h?.stop();
  if (!skipped) await b.drop();
}, 120_000);

const HEALTH = `query($id: ID!) { patient(id: $id) { phone chronicConditions } }`;

describe.skipIf(skipped)('care relationships from schedule’s events through RabbitMQ', () => {
  it('grants the doctor access on booking and withdraws it on cancellation', async () => {
    const { patient } = await h.createTestPatient();
    const doctor = randomUUID();
    const appointment = {
      appointmentId: randomUUID(),
      patientId: patient.id,
      doctorAccountId: doctor,
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 5_400_000).toISOString(),
    };
    const care = () => h.service.stores.care.activeFor(doctor, [patient.id]);
    await producer.tx((q) => addToOutbox(q, 'appointment.booked', { ...appointment, status: 'BOOKED' }));
    await until('care relationship granted', async () => (await care()).size === 1);
    const token = await h.tokenFor({ role: 'doctor', sub: doctor });
    const during = await h.query(HEALTH, { id: patient.id }, token);
    expect(during.errors).toBeUndefined();
    expect(during.data.patient.chronicConditions).toEqual(patient.chronicConditions);

    await producer.tx((q) =>
      addToOutbox(q, 'appointment.cancelled', { ...appointment, status: 'CANCELLED' }),
    );
    await until('care relationship withdrawn', async () => (await care()).size === 0);
    expect(codes(await h.query(HEALTH, { id: patient.id }, token))).toEqual(['FORBIDDEN']);
    const [inbox] = await h.service.database.query<{ n: number }>(
      'select count(*)::int as n from inbox where consumer = $1',
      ['patient.inbox'],
    );
    expect(inbox!.n).toBe(2);
  });
});
