import { randomUUID } from 'node:crypto';
import { startSmtp } from '@medikamente/notifications/testing';
import { createTestDatabase, createTestIssuer, type TestIssuer } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadScheduleEnv } from '../src/env';
import type { PatientDirectory } from '../src/modules/reminders/patient-directory';
import { createScheduleService, type ScheduleService } from '../src/service';

// The lab subgraph's `lab.results_released` reaches the schedule's inbox: the patient is told
// through their reminder channel that results are ready — once, and without any values.

let issuer: TestIssuer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let s: ScheduleService;
let inbox: string;
let close: () => Promise<void>;
const patientId = randomUUID();
const email = `lab-${patientId.slice(0, 8)}@mail.ru`;
const contacts: PatientDirectory = {
  contacts: async (ids) =>
    new Map(
      ids
        .filter((id) => id === patientId)
        .map((id) => [id, { fullName: 'Анна Соколова', phone: null, email }]),
    ),
};

beforeAll(async () => {
  issuer = await createTestIssuer();
  smtp = await startSmtp();
  const db = await createTestDatabase('sched_lab_notice');
  s = await createScheduleService(
    loadScheduleEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: 'memory://',
      ...(db.url ? { SCHEDULE_DATABASE_URL: db.url } : {}),
      NOTIFY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      NOTIFY_EMAIL_FROM: 'noreply@medikamente.local',
      PORTAL_URL: 'https://portal.medikamente.test',
      REMINDER_TICK_MS: '3600000',
      QUIET_HOURS_START: '00:00',
      QUIET_HOURS_END: '00:00',
    }),
    { verifier: issuer.verifier, patients: contacts },
  );
  const http = await s.subgraph.listen(0);
  inbox = `${http.url}/internal/events`;
  close = async () => {
    await http.close();
    await s.close();
    await db.drop();
  };
});
afterAll(async () => {
  await close?.();
  await smtp?.close();
});

const post = async (scope: string, events: object[]) =>
  fetch(inbox, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await issuer.sign({ role: 'service', scope })}`,
    },
    body: JSON.stringify({ events }),
  });

const released = (orderId: string) => ({
  id: randomUUID(),
  type: 'lab.results_released',
  occurredAt: new Date().toISOString(),
  payload: { orderId, patientId },
});

const toPatient = (m: { to?: unknown }) => JSON.stringify(m.to ?? '').includes(email);

const until = async (check: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  return check();
};

it('tells the patient once, through their channel, with no values; only the lab may send the event', async () => {
  const orderId = randomUUID();
  // Another service's credential cannot feed the schedule lab events.
  expect((await post('events:write:record', [released(orderId)])).status).toBe(403);
  const event = released(orderId);
  expect((await post('events:write:lab', [event])).status).toBe(200);
  await s.services.reminders.tick();
  expect(await until(() => smtp.mails.some(toPatient))).toBe(true);
  const mail = smtp.mails.find(toPatient)!;
  expect(mail.subject).toBe('Результаты анализов готовы');
  expect(mail.text ?? '').toContain('https://portal.medikamente.test/labs');
  expect(mail.text ?? '').not.toMatch(/\d+[,.]\d+|ммоль|г\/л/);
  // The same event redelivered, and another event for the same order: still one message.
  await post('events:write:lab', [event]);
  await post('events:write:lab', [released(orderId)]);
  await s.services.reminders.tick();
  await new Promise((r) => setTimeout(r, 1500));
  expect(smtp.mails.filter(toPatient)).toHaveLength(1);
  const rows = await s.database.query<{ kind: string; status: string }>(
    'select kind, status from notification where dedupe_key = $1',
    [`lab-results:${orderId}`],
  );
  expect(rows.map((r) => [r.kind, r.status])).toEqual([['lab-results-ready', 'sent']]);
});
