/**
 * Review findings on the care projection after the consumer/inbox refactor (ADR 0013).
 *
 * 1. Out of order: with the broker, a message whose handler failed is dead-lettered while later
 *    messages of the queue go on; the ADR says to replay dead letters later ("the inbox makes a
 *    replay safe"). A replayed `appointment.booked` that arrives after the appointment's
 *    `appointment.cancelled` grants the doctor a care relationship again — access to the
 *    patient's contacts, identity and health data for a cancelled appointment. The projection
 *    must ignore an event older than what it already applied for the same appointment.
 * 2. Upgrade: inbox rows written before consumers had names belong to consumer `default`, but the
 *    patient subgraph's consumer is `patient.inbox`: an event delivered again after the upgrade
 *    (the relay is at-least-once: "delivered but not recorded" rows are sent again) is applied a
 *    second time — a booking that was cancelled since grants access again.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  AUDIT_MIGRATION,
  AUDIT_MIGRATIONS,
  createEventConsumer,
  type Database,
  IDEMPOTENCY_MIGRATION,
  INBOX_MIGRATIONS,
  migrate,
  openDatabase,
} from '@medikamente/runtime';
import {
  createTestDatabase,
  createTestIssuer,
  migrateUntil,
  type TestIssuer,
} from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPatientEnv } from '../src/env';
import { careEventHandler } from '../src/modules/care/care.events';
import { createPatientService, type PatientService } from '../src/service';
import { type PatientHarness, startPatientSubgraph } from './harness';

const MIGRATIONS = fileURLToPath(new URL('../src/db/migrations', import.meta.url));

const event = (
  type: 'booked' | 'cancelled',
  p: { patientId: string; doctor: string; appointmentId: string },
  occurredAt: Date,
  id = randomUUID(),
) => ({
  id,
  type: `appointment.${type}`,
  occurredAt: occurredAt.toISOString(),
  payload: {
    appointmentId: p.appointmentId,
    patientId: p.patientId,
    doctorAccountId: p.doctor,
    startsAt: new Date(Date.now() + 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 5_400_000).toISOString(),
    status: type === 'booked' ? 'BOOKED' : 'CANCELLED',
  },
});

describe('care projection: an older event applied after a newer one', () => {
  let h: PatientHarness;
  beforeAll(async () => {
    h = await startPatientSubgraph();
  });
  afterAll(async () => h?.stop());

  it('a replayed booking does not bring back access withdrawn by a later cancellation', async () => {
    const { patient } = await h.createTestPatient();
    const p = { patientId: patient.id, doctor: randomUUID(), appointmentId: randomUUID() };
    const consumer = createEventConsumer({
      name: 'patient.inbox',
      database: h.service.database,
      handlers: { 'appointment.*': careEventHandler(h.service.stores.care, 30) },
    });
    const bookedAt = new Date(Date.now() - 60_000);
    const booked = event('booked', p, bookedAt);
    const cancelled = event('cancelled', p, new Date());
    // The booking was dead-lettered (database outage), the cancellation went through …
    expect(await consumer.handle(cancelled)).toBe('applied');
    // … and the dead letter is replayed afterwards, as ADR 0013 recommends.
    await consumer.handle(booked);
    expect(await h.service.stores.care.activeFor(p.doctor, [p.patientId])).toEqual(new Set());
  });

  // The HTTP inbox stays mounted with EVENTS_AMQP_URL too (kit/define.ts) and takes any
  // `service` token with events:write as the producer `eventsFrom` — the broker's per-producer ACL
  // is bypassed, and identity's createPartnerClient lets an it_admin mint such a client.
  it('refuses appointment events from a service client that is not the producer (schedule)', async () => {
    const { patient } = await h.createTestPatient();
    const p = { patientId: patient.id, doctor: randomUUID(), appointmentId: randomUUID() };
    const rogue = await h.tokenFor({ role: 'service', sub: 'svc_minted_by_it_admin', scope: 'events:write' });
    const res = await fetch(h.url.replace('/graphql', '/internal/events'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${rogue}` },
      body: JSON.stringify({ events: [event('booked', p, new Date())] }),
    });
    expect(res.status).toBe(403);
    expect(await h.service.stores.care.activeFor(p.doctor, [p.patientId])).toEqual(new Set());
  });
});

describe('care projection across the inbox upgrade (consumer names)', () => {
  let database: Database;
  let drop = async () => {};
  let issuer: TestIssuer;
  let service: PatientService;
  const doctor = randomUUID();
  const appointmentId = randomUUID();
  const bookedId = randomUUID();
  const cancelledId = randomUUID();

  beforeAll(async () => {
    const t = await createTestDatabase('patient_inbox_upgrade');
    drop = t.drop;
    database = await openDatabase({ url: t.url, dataDir: 'memory://' });
    // The patient subgraph as deployed before: the inbox keyed by event id alone.
    await migrate(database, undefined, [
      AUDIT_MIGRATION,
      {
        name: '0000_inbox.sql',
        sql: `create table if not exists inbox (
  event_id uuid primary key,
  type text not null,
  processed_at timestamptz not null default now()
)`,
      },
    ]);
    await migrateUntil(database, MIGRATIONS, '0001_init.sql');
    // It applied a booking and then its cancellation: no care relationship left.
    await database.query(
      `insert into inbox (event_id, type) values ($1, 'appointment.booked'), ($2, 'appointment.cancelled')`,
      [bookedId, cancelledId],
    );
    // The new release starts: what the kit applies for the patient service.
    await migrate(database, MIGRATIONS, [...AUDIT_MIGRATIONS, ...INBOX_MIGRATIONS, IDEMPOTENCY_MIGRATION]);
    issuer = await createTestIssuer();
    service = await createPatientService(
      loadPatientEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: 'memory://' }),
      { database, verifier: issuer.verifier, background: false },
    );
  });
  afterAll(async () => {
    await service?.close();
    issuer?.verifier.stop();
    await database?.close();
    await drop();
  });

  it('an event applied before the upgrade and delivered again is a duplicate', async () => {
    const { patient } = await service.stores.patients.create(
      { lastName: 'Петров', firstName: 'Пётр', birthDate: '1980-01-02', sex: 'MALE', phone: '+79160000001' },
      { createdBy: 'test' },
    );
    const consumer = createEventConsumer({
      name: 'patient.inbox',
      database,
      handlers: { 'appointment.*': careEventHandler(service.stores.care, 30) },
    });
    const again = event(
      'booked',
      { patientId: patient.id, doctor, appointmentId },
      new Date(Date.now() - 60_000),
      bookedId,
    );
    expect(await consumer.handle(again)).toBe('duplicate');
    expect(await service.stores.care.activeFor(doctor, [patient.id])).toEqual(new Set());
  });
});
