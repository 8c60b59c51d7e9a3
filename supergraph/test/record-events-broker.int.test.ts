/**
 * The same flow's events over the real RabbitMQ, on the topology `pnpm broker:setup` declares
 * (scripts/broker-topology.ts: every subgraph's src/broker.ts) in a throw-away vhost: schedule
 * publishes to `schedule.events`, the record consumes its queue `record.inbox` (no HTTP inbox
 * then), and publishes its own facts to `record.events`; the lab consumes its queue `lab.inbox`.
 */
import { randomUUID } from 'node:crypto';
import { createTestBroker, type TestBroker, until } from '@medikamente/runtime/testing';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrokerServices } from '../../scripts/broker-topology';
import { type Platform, startPlatform } from './platform';
import { recordClinic, VISIT_CONTENT } from './record-flow';

// A stand-in for security operations: a queue of the record's facts.
const WATCH = 'security.watch';
const services = await loadBrokerServices();
const broker = await createTestBroker([
  ...services,
  { name: 'security', consumers: [{ name: WATCH, from: 'record', types: ['record.*'] }] },
]);
const skipped = 'unavailable' in broker ? broker.unavailable : undefined;
if (skipped) console.warn(`RabbitMQ tests skipped: ${skipped}`);
const b = broker as TestBroker;

let p: Platform;
let clinic: Awaited<ReturnType<typeof recordClinic>>;

beforeAll(async () => {
  if (skipped) return;
  p = await startPlatform({
    scheduleEnv: { EVENTS_AMQP_URL: b.urls.schedule! },
    recordEnv: { EVENTS_AMQP_URL: b.urls.record!, OUTBOX_INTERVAL_MS: '100' },
    labEnv: { EVENTS_AMQP_URL: b.urls.lab! },
  });
  await p.record.broker!.ready;
  await p.lab.broker!.ready;
  clinic = await recordClinic(p);
}, 120_000);
afterAll(async () => {
  await p?.stop();
  if (!skipped) await b.drop();
}, 120_000);

describe.skipIf(skipped)('appointment events reach the record subgraph through RabbitMQ', () => {
  it('declares the record on the broker: its user, record.inbox bound to schedule.events, record.events', () => {
    expect(services.find((s) => s.name === 'record')).toEqual({
      name: 'record',
      produces: true,
      consumers: [{ name: 'record.inbox', from: 'schedule', types: ['appointment.*'] }],
    });
    expect(b.urls.record).toMatch(/^amqp:\/\/mk-test-[0-9a-f]+-record:/);
    expect(services.find((s) => s.name === 'lab')).toEqual({
      name: 'lab',
      produces: true,
      consumers: [{ name: 'lab.inbox', from: 'schedule', types: ['appointment.*'] }],
    });
  });

  it('booking, check-in and cancellation arrive through record.inbox; signing publishes to record.events', async () => {
    const { patient, appointmentId } = await clinic.book();
    await clinic.awaitAccess(patient.patientId!, 'FULL');
    await clinic.checkIn(appointmentId);
    let visitId = '';
    await until('the visit opened at check-in', async () => {
      visitId = (await clinic.visitOf(appointmentId))?.id ?? '';
      return visitId !== '';
    });
    // Over the broker the queue is the only way in: the HTTP inbox is not mounted.
    const inbox = await fetch(p.recordUrl.replace('/graphql', '/internal/events'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"events":[]}',
    });
    expect(inbox.status).toBe(404);

    const signed = await p.query(
      `mutation($d: SaveVisitDraftInput!, $s: SignVisitInput!) {
        saveVisitDraft(input: $d) { ok }
        signVisit(input: $s) { ok version { id number } }
      }`,
      {
        d: { visitId, content: VISIT_CONTENT, expectedRevision: 0 },
        s: { visitId, reason: null, idempotencyKey: `s-${randomUUID()}` },
      },
      clinic.doctor.token,
    );
    expect(signed.errors).toBeUndefined();
    expect(signed.data.signVisit).toMatchObject({ ok: true, version: { number: 1 } });
    const conn = await amqp.connect(b.adminUrl);
    try {
      const ch = await conn.createChannel();
      let fact: { type: string; payload: Record<string, unknown> } | undefined;
      await until('record.visit_signed in the watch queue', async () => {
        const m = await ch.get(WATCH, { noAck: true });
        if (m) {
          expect(m.fields.exchange).toBe('record.events');
          fact = JSON.parse(m.content.toString('utf8'));
        }
        return fact?.type === 'record.visit_signed';
      });
      // Ids only: no clinical content leaves the record in its events.
      expect(fact!.payload).toMatchObject({
        visitId,
        appointmentId,
        versionId: signed.data.signVisit.version.id,
      });
      expect(JSON.stringify(fact)).not.toContain(VISIT_CONTENT.conclusion);
    } finally {
      await conn.close();
    }

    const other = await clinic.book();
    await clinic.awaitAccess(other.patient.patientId!, 'FULL');
    // The lab's queue takes the same events: care while booked, none once cancelled.
    const labCare = async () =>
      (await p.lab.stores.care.activeFor(clinic.doctor.accountId, [other.patient.patientId!])).size > 0;
    await until('the lab’s care relationship through lab.inbox', labCare);
    await clinic.cancel(other.patient.token, other.appointmentId);
    await clinic.awaitAccess(other.patient.patientId!, 'NONE');
    await until('the lab withdraws the care relationship', async () => !(await labCare()));
    expect(await clinic.accessLevel(other.patient.patientId!)).toBe('NONE');
  });
});
