import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, createTestIssuer, gql, type TestIssuer } from '@medikamente/runtime/testing';
import { createPatientService, loadPatientEnv, type PatientService } from '@medikamente/subgraph-patient';
import { DateTime } from 'luxon';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScheduleEnv } from '../src/env';
import { GraphPatientDirectory } from '../src/modules/reminders/patient-directory';
import { createScheduleService, type ScheduleService } from '../src/service';
import { factories } from '../src/testing';

// Reminders end to end with real parts: a real SMTP server and a real SMS provider endpoint
// (local HTTP) in the test, the real patient subgraph as the source of contacts (read over HTTP
// with a service token), pg-boss jobs in the schedule's own database.

type Mail = { to: string; subject: string; text: string };

async function startSmtp(opts: { reject?: () => boolean } = {}) {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((m) => {
          if (opts.reject?.()) return callback(new Error('mailbox unavailable'));
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: m.subject ?? '',
            text: m.text ?? '',
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return { mails, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function startSmsProvider() {
  const messages: Array<{ to: string; text: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      if (req.headers.authorization !== 'Bearer sms-test-token') {
        res.statusCode = 401;
        return res.end();
      }
      messages.push(JSON.parse(body));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: randomUUID() }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  return { messages, url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const until = async (check: () => boolean | Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await check()) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  return check();
};

describe('reminders', () => {
  let issuer: TestIssuer;
  let patient: PatientService;
  let patientUrl: string;
  let closePatient: () => Promise<void>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let sms: Awaited<ReturnType<typeof startSmsProvider>>;
  let rejectMail = false;
  const dbs: Array<{ drop(): Promise<void> }> = [];

  beforeAll(async () => {
    issuer = await createTestIssuer();
    const pdb = await createTestDatabase('rem_patient');
    dbs.push(pdb);
    patient = await createPatientService(
      loadPatientEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: 'memory://',
        ...(pdb.url ? { PATIENT_DATABASE_URL: pdb.url } : {}),
      }),
      { verifier: issuer.verifier },
    );
    const running = await patient.subgraph.listen(0);
    patientUrl = `${running.url}/graphql`;
    closePatient = async () => {
      await running.close();
      await patient.close();
    };
    smtp = await startSmtp({ reject: () => rejectMail });
    sms = await startSmsProvider();
  });
  afterAll(async () => {
    await closePatient?.();
    await smtp?.close();
    await sms?.close();
    for (const d of dbs) await d.drop();
  });

  /** A schedule service wired to the real SMTP server, SMS endpoint and patient subgraph. */
  async function schedule(url: string | undefined, env: Record<string, string> = {}) {
    const s = await createScheduleService(
      loadScheduleEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: 'memory://',
        ...(url ? { SCHEDULE_DATABASE_URL: url } : {}),
        NOTIFY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        NOTIFY_EMAIL_FROM: 'noreply@medikamente.local',
        NOTIFY_SMS_URL: sms.url,
        NOTIFY_SMS_TOKEN: 'sms-test-token',
        PORTAL_URL: 'https://portal.medikamente.test',
        REMINDER_TICK_MS: '3600000',
        QUIET_HOURS_START: '00:00',
        QUIET_HOURS_END: '00:00',
        ...env,
      }),
      {
        verifier: issuer.verifier,
        patients: new GraphPatientDirectory(patientUrl, {
          token: () => issuer.sign({ role: 'service', scope: 'events:write' }),
        }),
      },
    );
    return s;
  }

  /** A registered patient and a booking that starts just inside the 24 h reminder window. */
  async function bookedPatient(
    s: ScheduleService,
    url: string,
    contacts: { email?: string | null; phone?: string | null },
    minutesAhead = 24 * 60 - 30,
  ) {
    const { patient: p } = await patient.stores.patients.create(
      {
        lastName: 'Соколова',
        firstName: 'Анна',
        middleName: 'Игоревна',
        birthDate: '1990-01-02',
        sex: 'FEMALE',
        phone: contacts.phone ?? null,
        email: contacts.email ?? null,
      },
      { createdBy: 'test' },
    );
    const f = factories(s);
    const branch = await f.branch('Europe/Moscow');
    const service = await f.service(30);
    // Round the clock without a break: the appointment is "about a day from now" at any time of day.
    const doctor = await f.doctor(branch.id, [service.id], { hours: ['00:00', '23:30'], breaks: [] });
    const start = new Date(Math.ceil((Date.now() + minutesAhead * 60_000) / 1_800_000) * 1_800_000);
    const token = await issuer.sign({ role: 'patient', pid: p.id });
    const r = await gql(
      url,
      'mutation($i: BookingInput!) { bookAppointment(input: $i) { appointment { id } inputErrors { code } } }',
      {
        i: {
          specialistId: doctor.id,
          branchId: branch.id,
          serviceId: service.id,
          startsAt: start.toISOString(),
          idempotencyKey: `r-${randomUUID()}`,
        },
      },
      { token },
    );
    expect(r.data.bookAppointment.inputErrors).toEqual([]);
    return { patientId: p.id, appointmentId: r.data.bookAppointment.appointment.id as string, token };
  }

  const notifications = (s: ScheduleService, appointmentId: string) =>
    s.database.query<{ channel: string; status: string }>(
      `select channel, status from notification where dedupe_key like $1 order by created_at, attempt`,
      [`reminder:${appointmentId}:%`],
    );

  it('sends one e-mail with confirm and cancel links; running the job again sends nothing more', async () => {
    const db = await createTestDatabase('rem_once');
    dbs.push(db);
    const s = await schedule(db.url);
    const http = await s.subgraph.listen(0);
    const email = `p-${randomUUID().slice(0, 8)}@mail.ru`;
    const { appointmentId } = await bookedPatient(s, `${http.url}/graphql`, { email });
    await s.services.reminders.tick();
    expect(await until(() => smtp.mails.some((m) => m.to === email))).toBe(true);
    const mail = smtp.mails.find((m) => m.to === email)!;
    expect(mail.subject).toMatch(/напомина|запис/i);
    expect(mail.text).toContain('https://portal.medikamente.test/r/');
    // The scheduler and the job run again: still one e-mail.
    await s.services.reminders.tick();
    const [row] = await s.database.query<{ start: Date }>(
      'select lower(during) as start from appointment where id = $1',
      [appointmentId],
    );
    await s.services.reminders.handle({
      kind: 'patient',
      appointmentId,
      startsAt: new Date(row!.start).toISOString(),
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.filter((m) => m.to === email)).toHaveLength(1);
    const [status] = await s.database.query<{ reminder_status: string }>(
      'select reminder_status from appointment where id = $1',
      [appointmentId],
    );
    expect(status!.reminder_status).toBe('SENT');
    // The patient subgraph audited the service's read of the contacts.
    const audit = await patient.database.query<{ actor_role: string; categories: string[] }>(
      `select actor_role, categories from audit_event where operation = 'ReminderContacts'`,
    );
    expect(audit.some((a) => a.actor_role === 'service' && a.categories.includes('CONTACT'))).toBe(true);
    await http.close();
    await s.close();
  });

  it('the confirm link works once, without signing in, and the change is a live event', async () => {
    const db = await createTestDatabase('rem_link');
    dbs.push(db);
    const s = await schedule(db.url);
    const http = await s.subgraph.listen(0);
    const email = `p-${randomUUID().slice(0, 8)}@mail.ru`;
    const { appointmentId } = await bookedPatient(s, `${http.url}/graphql`, { email });
    const events = s.services.pubsub.subscribe<{ type: string; appointmentId: string }>('appointment_events');
    await s.services.pubsub.ready('appointment_events');
    await s.services.reminders.tick();
    expect(await until(() => smtp.mails.some((m) => m.to === email))).toBe(true);
    const text = smtp.mails.find((m) => m.to === email)!.text;
    const tokens = [...text.matchAll(/\/r\/([\w.-]+)/g)].map((m) => m[1]!);
    expect(tokens).toHaveLength(2);
    const USE =
      'mutation($t: String!) { useReminderLink(token: $t) { ok action status inputErrors { code } } }';
    // Which of the two links confirms: try the first; a cancel link would cancel, so check the action.
    const first = await gql(`${http.url}/graphql`, USE, { t: tokens[0] });
    expect(first.errors).toBeUndefined();
    expect(first.data.useReminderLink).toMatchObject({ ok: true, action: 'CONFIRM', status: 'CONFIRMED' });
    const again = await gql(`${http.url}/graphql`, USE, { t: tokens[0] });
    expect(again.data.useReminderLink).toMatchObject({ ok: false, inputErrors: [{ code: 'TOKEN_USED' }] });
    const forged = await gql(`${http.url}/graphql`, USE, { t: `${tokens[1]!.slice(0, -4)}AAAA` });
    expect(forged.data.useReminderLink.inputErrors[0].code).toBe('TOKEN_INVALID');
    // Earlier events of this appointment (the booking's NOTIFY may still be in flight) come first.
    let next = await events.next();
    while (next.value && next.value.type !== 'appointment.confirmed') next = await events.next();
    expect(next.value).toMatchObject({ type: 'appointment.confirmed', appointmentId });
    await events.return?.();
    const [row] = await s.database.query<{ status: string }>('select status from appointment where id = $1', [
      appointmentId,
    ]);
    expect(row!.status).toBe('CONFIRMED');
    await http.close();
    await s.close();
  });

  it('a failing e-mail falls back to SMS; every attempt is recorded', async () => {
    const db = await createTestDatabase('rem_fallback');
    dbs.push(db);
    const s = await schedule(db.url);
    const http = await s.subgraph.listen(0);
    const phone = `+7916${String(Date.now()).slice(-7)}`;
    const { appointmentId } = await bookedPatient(s, `${http.url}/graphql`, {
      email: `x-${randomUUID().slice(0, 6)}@mail.ru`,
      phone,
    });
    rejectMail = true;
    try {
      await s.services.reminders.tick();
      expect(await until(() => sms.messages.some((m) => m.to === phone), 30_000)).toBe(true);
    } finally {
      rejectMail = false;
    }
    const attempts = await notifications(s, appointmentId);
    expect(attempts.filter((a) => a.channel === 'email' && a.status === 'failed').length).toBeGreaterThan(0);
    expect(attempts.filter((a) => a.channel === 'sms' && a.status === 'sent')).toHaveLength(1);
    expect(sms.messages.filter((m) => m.to === phone)).toHaveLength(1);
    await http.close();
    await s.close();
  });

  it('quiet hours in the branch zone hold the reminder back', async () => {
    const db = await createTestDatabase('rem_quiet');
    dbs.push(db);
    // Quiet all day long except one minute far from now.
    const s = await schedule(db.url, { QUIET_HOURS_START: '00:00', QUIET_HOURS_END: '23:59' });
    const http = await s.subgraph.listen(0);
    const email = `q-${randomUUID().slice(0, 8)}@mail.ru`;
    const { appointmentId } = await bookedPatient(s, `${http.url}/graphql`, { email });
    const [row] = await s.database.query<{ start: Date }>(
      'select lower(during) as start from appointment where id = $1',
      [appointmentId],
    );
    await s.services.reminders.handle({
      kind: 'patient',
      appointmentId,
      startsAt: new Date(row!.start).toISOString(),
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.filter((m) => m.to === email)).toHaveLength(0);
    expect(await notifications(s, appointmentId)).toEqual([]);
    await http.close();
    await s.close();
  });

  it('a process stopped before the job ran: a new process delivers it, exactly once', async () => {
    const db = await createTestDatabase('rem_restart');
    dbs.push(db);
    if (!db.url) return; // two processes on one database need a Postgres server
    const first = await schedule(db.url);
    const http = await first.subgraph.listen(0);
    const email = `k-${randomUUID().slice(0, 8)}@mail.ru`;
    const { appointmentId } = await bookedPatient(first, `${http.url}/graphql`, { email });
    // The job is persisted, due in 3 s; the process is stopped before that.
    const [a] = await first.database.query<{ start: Date }>(
      'select lower(during) as start from appointment where id = $1',
      [appointmentId],
    );
    await first.services.reminders.enqueue(appointmentId, new Date(a!.start), new Date(Date.now() + 3000));
    await http.close();
    await first.close(); // killed before the job's time
    expect(smtp.mails.filter((m) => m.to === email)).toHaveLength(0);
    const second = await schedule(db.url);
    expect(await until(() => smtp.mails.some((m) => m.to === email), 120_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.mails.filter((m) => m.to === email)).toHaveLength(1);
    const [status] = await second.database.query<{ reminder_status: string }>(
      'select reminder_status from appointment where id = $1',
      [appointmentId],
    );
    expect(status!.reminder_status).toBe('SENT');
    await second.close();
  }, 180_000);

  it("reception's call list: unconfirmed and unreachable patients, with the call status", async () => {
    const db = await createTestDatabase('rem_calls');
    dbs.push(db);
    const s = await schedule(db.url);
    const http = await s.subgraph.listen(0);
    const url = `${http.url}/graphql`;
    const unreachable = await bookedPatient(s, url, {});
    await s.services.reminders.tick();
    expect(
      await until(async () => {
        const [r] = await s.database.query<{ reminder_status: string }>(
          'select reminder_status from appointment where id = $1',
          [unreachable.appointmentId],
        );
        return r!.reminder_status === 'NO_CHANNEL';
      }),
    ).toBe(true);
    const [a] = await s.database.query<{ branch_id: string; start: Date }>(
      'select branch_id, lower(during) as start from appointment where id = $1',
      [unreachable.appointmentId],
    );
    const date = new Date(new Date(a!.start).getTime() + 3 * 3_600_000).toISOString().slice(0, 10); // Moscow date
    const reception = await issuer.sign({ role: 'receptionist' });
    const LIST =
      'query($b: ID!, $d: String) { callList(branchId: $b, date: $d) { appointment { id } reason callStatus } }';
    const list = await gql(url, LIST, { b: a!.branch_id, d: date }, { token: reception });
    expect(list.errors).toBeUndefined();
    expect(list.data.callList).toContainEqual({
      appointment: { id: unreachable.appointmentId },
      reason: 'NO_CHANNEL',
      callStatus: 'NOT_CALLED',
    });
    const set = await gql(
      url,
      'mutation($id: ID!) { setCallStatus(appointmentId: $id, status: REACHED) { entry { callStatus calledAt } inputErrors { code } } }',
      { id: unreachable.appointmentId },
      { token: reception },
    );
    expect(set.data.setCallStatus.entry.callStatus).toBe('REACHED');
    expect(set.data.setCallStatus.entry.calledAt).not.toBeNull();
    // A patient may not read the call list.
    const denied = await gql(url, LIST, { b: a!.branch_id, d: date }, { token: unreachable.token });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await http.close();
    await s.close();
  });

  it("doctors get tomorrow's list once, at the configured local time", async () => {
    const db = await createTestDatabase('rem_doctor');
    dbs.push(db);
    const s = await schedule(db.url, { DOCTOR_LIST_AT: '18:00' });
    const http = await s.subgraph.listen(0);
    const f = factories(s);
    const branch = await f.branch('Asia/Yekaterinburg');
    const service = await f.service(30);
    const doctor = await f.doctor(branch.id, [service.id]);
    const doctorEmail = `dr-${randomUUID().slice(0, 6)}@medikamente.local`;
    await s.stores.catalog.setNotifyEmail(doctor.id, doctorEmail);
    const { patient: p } = await patient.stores.patients.create(
      { lastName: 'Орлов', firstName: 'Пётр', birthDate: '1970-03-03', sex: 'MALE' },
      { createdBy: 'test' },
    );
    const today = DateTime.now().setZone(branch.timeZone);
    const tomorrow = today.plus({ days: 1 }).toISODate()!;
    const token = await issuer.sign({ role: 'patient', pid: p.id });
    const booked = await gql(
      `${http.url}/graphql`,
      'mutation($i: BookingInput!) { bookAppointment(input: $i) { inputErrors { code } } }',
      {
        i: {
          specialistId: doctor.id,
          branchId: branch.id,
          serviceId: service.id,
          startsAt: `${tomorrow}T11:00`,
          idempotencyKey: `d-${randomUUID()}`,
        },
      },
      { token },
    );
    expect(booked.data.bookAppointment.inputErrors).toEqual([]);
    // Before 18:00 local nothing is sent; after it, one list; a second pass sends nothing more.
    await s.services.reminders.tick(
      DateTime.fromISO(`${today.toISODate()}T17:59`, { zone: branch.timeZone }).toMillis(),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.filter((m) => m.to === doctorEmail)).toHaveLength(0);
    const evening = DateTime.fromISO(`${today.toISODate()}T18:01`, { zone: branch.timeZone }).toMillis();
    await s.services.reminders.tick(evening);
    expect(await until(() => smtp.mails.some((m) => m.to === doctorEmail))).toBe(true);
    await s.services.reminders.tick(evening + 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    const lists = smtp.mails.filter((m) => m.to === doctorEmail);
    expect(lists).toHaveLength(1);
    expect(lists[0]!.text).toContain('11:00 — Орлов Пётр');
    await http.close();
    await s.close();
  });
});
