import {
  createDecipheriv,
  createECDH,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateVapidKeys } from '@medikamente/notifications';
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

/** A P-256 key pair as web push uses them: public point (65 bytes) and private scalar, base64url. */
function p256() {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  const pub = Buffer.concat([
    Buffer.from([4]),
    Buffer.from(jwk.x!, 'base64url'),
    Buffer.from(jwk.y!, 'base64url'),
  ]);
  return { publicKey: pub.toString('base64url'), privateKey: jwk.d! };
}

/** Decrypts a web push message body (RFC 8291, aes128gcm) the way the browser would. */
function decryptPush(body: Buffer, browser: { privateKey: string; publicKey: string; auth: string }) {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const serverPublic = body.subarray(21, 21 + idLength);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from(browser.privateKey, 'base64url'));
  const secret = ecdh.computeSecret(serverPublic);
  const info = Buffer.concat([
    Buffer.from('WebPush: info\0'),
    Buffer.from(browser.publicKey, 'base64url'),
    serverPublic,
  ]);
  const ikm = Buffer.from(hkdfSync('sha256', secret, Buffer.from(browser.auth, 'base64url'), info, 32));
  const key = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const record = body.subarray(21 + idLength);
  const decipher = createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = plain.length;
  while (end > 0 && plain[end - 1] === 0) end--;
  if (plain[end - 1] !== 2) throw new Error('not a last record');
  return JSON.parse(plain.subarray(0, end - 1).toString('utf8'));
}

/** A push service (RFC 8030) on this machine: stores what arrives, or answers 410 for gone subscriptions. */
async function startPushService() {
  const received: Array<{ path: string; headers: Record<string, unknown>; body: Buffer }> = [];
  const gone = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (gone.has(req.url ?? '')) {
        res.statusCode = 410;
        return res.end();
      }
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = 201;
      res.setHeader('location', `/messages/${randomUUID()}`);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { received, gone, base, close: () => new Promise<void>((r) => server.close(() => r())) };
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
    let start = new Date(Math.ceil((Date.now() + minutesAhead * 60_000) / 1_800_000) * 1_800_000);
    // The doctor's last slot starts at 23:00 Moscow time: half an hour earlier is still in the window.
    if (DateTime.fromJSDate(start, { zone: 'Europe/Moscow' }).toFormat('HH:mm') === '23:30')
      start = new Date(start.getTime() - 1_800_000);
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
    // The SMS server has the message before the notifier records the attempt as sent.
    const smsSent = async () =>
      (await notifications(s, appointmentId)).some((a) => a.channel === 'sms' && a.status === 'sent');
    expect(await until(smsSent)).toBe(true);
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
  it("the patient's own choice: SMS first, or web push to their browser (encrypted, VAPID-signed); a gone subscription falls back and is dropped", async () => {
    const db = await createTestDatabase('rem_prefs');
    dbs.push(db);
    const push = await startPushService();
    const vapid = generateVapidKeys();
    const s = await schedule(db.url, {
      NOTIFY_PUSH_PUBLIC_KEY: vapid.publicKey,
      NOTIFY_PUSH_PRIVATE_KEY: vapid.privateKey,
      NOTIFY_PUSH_SUBJECT: 'mailto:it@medikamente.test',
      PUSH_ENDPOINT_HOSTS: '127.0.0.1',
    });
    const http = await s.subgraph.listen(0);
    const url = `${http.url}/graphql`;
    const SETTINGS =
      '{ myReminderSettings { preferredChannel pushDevices } reminderChannels { enabled webPushPublicKey } }';
    const SET =
      'mutation($c: ReminderChannel!) { setReminderChannel(channel: $c) { settings { preferredChannel } inputErrors { code } } }';
    const REGISTER = `mutation($i: PushSubscriptionInput!) {
      registerPushSubscription(input: $i) { settings { pushDevices } inputErrors { field code } } }`;

    // 1. SMS chosen: the reminder goes by SMS although an e-mail address exists.
    const phone = `+7926${String(Date.now()).slice(-7)}`;
    const email = `s-${randomUUID().slice(0, 8)}@mail.ru`;
    const a = await bookedPatient(s, url, { email, phone });
    const initial = await gql(url, SETTINGS, {}, { token: a.token });
    expect(initial.data).toEqual({
      myReminderSettings: { preferredChannel: 'EMAIL', pushDevices: 0 },
      reminderChannels: { enabled: ['EMAIL', 'SMS', 'PUSH'], webPushPublicKey: vapid.publicKey },
    });
    // A channel the clinic has not enabled is refused and changes nothing.
    const voice = await gql(url, SET, { c: 'VOICE' }, { token: a.token });
    expect(voice.data.setReminderChannel.inputErrors[0].code).toBe('BAD_USER_INPUT');
    expect((await gql(url, SETTINGS, {}, { token: a.token })).data.myReminderSettings.preferredChannel).toBe(
      'EMAIL',
    );
    const sms1 = await gql(url, SET, { c: 'SMS' }, { token: a.token });
    expect(sms1.data.setReminderChannel.settings.preferredChannel).toBe('SMS');
    await s.services.reminders.tick();
    expect(await until(() => sms.messages.some((m) => m.to === phone))).toBe(true);
    expect(smtp.mails.some((m) => m.to === email)).toBe(false);

    // 2. Web push chosen, with this browser's subscription.
    const browser = { ...p256(), auth: randomBytes(16).toString('base64url') };
    const endpoint = `${push.base}/push/${randomUUID()}`;
    const b = await bookedPatient(s, url, { email: `w-${randomUUID().slice(0, 8)}@mail.ru` }, 24 * 60 - 60);
    const bad = await gql(
      url,
      REGISTER,
      { i: { endpoint: 'ftp://example.org/x', p256dh: 'short', auth: browser.auth } },
      { token: b.token },
    );
    expect(bad.data.registerPushSubscription.inputErrors.map((e: { field: string }) => e.field)).toEqual([
      'endpoint',
      'p256dh',
    ]);
    // The server will POST to the endpoint: only configured push services, never internal hosts.
    for (const elsewhere of ['https://10.0.0.5/push/x', 'https://fcm.googleapis.com.evil.example/x'])
      expect(
        (
          await gql(
            url,
            REGISTER,
            { i: { endpoint: elsewhere, p256dh: browser.publicKey, auth: browser.auth } },
            { token: b.token },
          )
        ).data.registerPushSubscription.inputErrors[0].field,
      ).toBe('endpoint');
    const ok = await gql(
      url,
      REGISTER,
      { i: { endpoint, p256dh: browser.publicKey, auth: browser.auth } },
      { token: b.token },
    );
    expect(ok.data.registerPushSubscription).toEqual({ settings: { pushDevices: 1 }, inputErrors: [] });
    // Another patient cannot remove it (only their own endpoints are theirs to remove).
    const REMOVE =
      'mutation($e: String!) { removePushSubscription(endpoint: $e) { settings { pushDevices } } }';
    await gql(url, REMOVE, { e: endpoint }, { token: a.token });
    expect((await gql(url, SETTINGS, {}, { token: b.token })).data.myReminderSettings.pushDevices).toBe(1);
    await gql(url, SET, { c: 'PUSH' }, { token: b.token });
    await s.services.reminders.tick();
    expect(await until(() => push.received.some((r) => endpoint.endsWith(r.path)))).toBe(true);
    const message = push.received.find((r) => endpoint.endsWith(r.path))!;
    expect(message.headers['content-encoding']).toBe('aes128gcm');
    expect(String(message.headers.authorization)).toMatch(/^vapid t=.+, k=/);
    const shown = decryptPush(message.body, browser);
    expect(shown.title).toMatch(/напомина|запис/i);
    expect(shown.links.confirm).toMatch(/^https:\/\/portal\.medikamente\.test\/r\//);
    // The push service has the message before the notifier records the attempt as sent.
    const pushRecorded = async () => {
      const rows = await notifications(s, b.appointmentId);
      return rows.length > 0 && rows.every((n) => n.status !== 'queued');
    };
    expect(await until(pushRecorded)).toBe(true);
    expect((await notifications(s, b.appointmentId)).map((n) => `${n.channel}:${n.status}`)).toEqual([
      'push:sent',
    ]);

    // 3. The browser unsubscribed (the push service answers 410): e-mail instead, subscription dropped.
    const c = await bookedPatient(s, url, { email: `g-${randomUUID().slice(0, 8)}@mail.ru` }, 24 * 60 - 90);
    const goneEndpoint = `${push.base}/push/${randomUUID()}`;
    push.gone.add(new URL(goneEndpoint).pathname);
    await gql(
      url,
      REGISTER,
      { i: { endpoint: goneEndpoint, p256dh: browser.publicKey, auth: browser.auth } },
      { token: c.token },
    );
    await gql(url, SET, { c: 'PUSH' }, { token: c.token });
    await s.services.reminders.tick();
    expect(
      await until(async () =>
        (await notifications(s, c.appointmentId)).some((n) => n.channel === 'email' && n.status === 'sent'),
      ),
    ).toBe(true);
    expect((await notifications(s, c.appointmentId)).map((n) => `${n.channel}:${n.status}`)).toEqual([
      'push:failed',
      'email:sent',
    ]);
    expect((await gql(url, SETTINGS, {}, { token: c.token })).data.myReminderSettings.pushDevices).toBe(0);

    // Staff cannot use a patient's settings operations.
    const reception = await issuer.sign({ role: 'receptionist' });
    const denied = await gql(url, SETTINGS, {}, { token: reception });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await http.close();
    await s.close();
    await push.close();
  });
});
