import { randomUUID } from 'node:crypto';
import { createTestBroker, type TestBroker, until } from '@medikamente/runtime/testing';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay, type ScheduleHarness, startScheduleSubgraph } from './harness';

/* The schedule subgraph configured with EVENTS_AMQP_URL relays its outbox to `schedule.events`. */

const QUEUE = 'patient.care';
const broker = await createTestBroker([
  { name: 'schedule', produces: true },
  { name: 'patient', consumers: [{ name: QUEUE, from: 'schedule', types: ['appointment.booked'] }] },
]);
const skipped = 'unavailable' in broker ? broker.unavailable : undefined;
if (skipped) console.warn(`RabbitMQ tests skipped: ${skipped}`);
const b = broker as TestBroker;

let h: ScheduleHarness;
beforeAll(async () => {
  if (skipped) return;
  h = await startScheduleSubgraph({ EVENTS_AMQP_URL: b.urls.schedule!, OUTBOX_INTERVAL_MS: '50' });
}, 120_000);
afterAll(async () => {
  await h?.stop();
  if (!skipped) await b.drop();
}, 120_000);

const BOOK = /* GraphQL */ `
  mutation Book($input: BookingInput!) {
    bookAppointment(input: $input) { appointment { id } inputErrors { code } }
  }
`;

describe.skipIf(skipped)('appointment events through RabbitMQ', () => {
  it('publishes a booking to schedule.events (persistent, event id as messageId) and marks its outbox row delivered', async () => {
    const branch = await h.factories.branch('Europe/Moscow');
    const service = await h.factories.service(30);
    const doctor = await h.factories.doctor(branch.id, [service.id]);
    const patientId = randomUUID();
    const token = await h.tokenFor({ role: 'patient', pid: patientId });
    const input = {
      specialistId: doctor.id,
      branchId: branch.id,
      serviceId: service.id,
      startsAt: `${localDay('Europe/Moscow', 2)}T10:00`,
      idempotencyKey: `key-${randomUUID()}`,
    };
    const r = await h.query(BOOK, { input }, token);
    const appointmentId = r.data.bookAppointment.appointment.id as string;

    const conn = await amqp.connect(b.adminUrl);
    try {
      const ch = await conn.createChannel();
      let msg: amqp.GetMessage | false = false;
      await until('the booking in patient.care', async () => {
        msg = await ch.get(QUEUE, { noAck: true });
        return msg !== false;
      });
      const m = msg as unknown as amqp.GetMessage;
      const event = JSON.parse(m.content.toString('utf8'));
      expect(m.fields.exchange).toBe('schedule.events');
      expect(m.fields.routingKey).toBe('appointment.booked');
      expect(m.properties).toMatchObject({
        messageId: event.id,
        type: 'appointment.booked',
        appId: 'schedule',
      });
      expect(m.properties.deliveryMode).toBe(2);
      expect(event.payload).toMatchObject({ appointmentId, patientId, doctorAccountId: doctor.accountId });
      const [row] = await h.service.database.query<{ delivered_at: Date | null }>(
        'select delivered_at from outbox where id = $1',
        [event.id],
      );
      expect(row?.delivered_at).not.toBeNull();
    } finally {
      await conn.close();
    }
  });
});
