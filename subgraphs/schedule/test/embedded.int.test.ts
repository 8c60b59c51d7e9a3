/**
 * The embedded default (PGlite: one connection, exclusive transactions) is what every newcomer
 * runs. These tests always use it, whatever TEST_DATABASE says: every mutation with cold caches,
 * the hold sweeper, a restart over a data directory with an expired hold, and /readyz while
 * bookings run. A lock-up shows as "no answer", not as a test timeout.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestIssuer, gql } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScheduleEnv } from '../src/env';
import { createScheduleService, type ScheduleService } from '../src/service';
import { factories, localDay } from '../src/testing';

const within = <T>(ms: number, p: Promise<T>, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms),
    ),
  ]);

type Issuer = Awaited<ReturnType<typeof createTestIssuer>>;

async function startOn(dataDir: string, issuer: Issuer, env: Record<string, string> = {}) {
  const service = await createScheduleService(
    loadScheduleEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      REMINDERS_ENABLED: 'false',
      ...env,
    }),
    { verifier: issuer.verifier },
  );
  const running = await service.subgraph.listen(0);
  return { service, running, url: `${running.url}/graphql` };
}

const coldCaches = (s: ScheduleService) => {
  s.stores.catalog.invalidate();
  s.stores.calendar.invalidate();
  s.services.availability.invalidate();
};

describe('schedule on the embedded database (PGlite)', () => {
  let dir: string;
  let issuer: Issuer;
  let h: Awaited<ReturnType<typeof startOn>>;
  let f: ReturnType<typeof factories>;
  let branch: { id: string };
  let svc: { id: string };
  let doctor: { id: string; accountId: string };
  let admin: string;
  let reception: string;
  const day = () => localDay('Europe/Moscow', 3);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mk-embedded-'));
    issuer = await createTestIssuer();
    h = await startOn(dir, issuer, { HOLD_SWEEP_MS: '200' });
    expect(h.service.database.kind).toBe('pglite');
    f = factories(h.service);
    branch = await f.branch('Europe/Moscow');
    svc = await f.service(30);
    doctor = await f.doctor(branch.id, [svc.id]);
    admin = await issuer.sign({ role: 'it_admin' });
    reception = await issuer.sign({ role: 'receptionist', bid: [branch.id] });
  });
  afterAll(async () => {
    await h?.running.close();
    await h?.service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Calls the subgraph over HTTP with cold caches; a hang fails within 10 s. */
  const call = async (query: string, variables: Record<string, unknown>, token?: string) => {
    coldCaches(h.service);
    const r = await within(
      10_000,
      gql(h.url, query, variables, token ? { token } : {}),
      query.split('(')[0]!,
    );
    const codes = (r.errors ?? []).map((e) => e.extensions?.code);
    expect(codes, JSON.stringify(r.errors)).not.toContain('INTERNAL');
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as Record<string, any>;
  };

  const patient = async () => {
    const id = randomUUID();
    return { id, token: await issuer.sign({ role: 'patient', pid: id }) };
  };
  const booking = (startsAt: string) => ({
    specialistId: doctor.id,
    branchId: branch.id,
    serviceId: svc.id,
    startsAt,
    idempotencyKey: `key-${randomUUID()}`,
  });
  const APPT = '{ appointment { id status } inputErrors { code } }';
  const book = async (at: string) => {
    const p = await patient();
    const d = await call(
      `mutation B($i: BookingInput!) { bookAppointment(input: $i) ${APPT} }`,
      { i: booking(`${day()}T${at}`) },
      p.token,
    );
    expect(d.bookAppointment.inputErrors).toEqual([]);
    return { ...p, appointmentId: d.bookAppointment.appointment.id as string };
  };

  /** One case per mutation of the subgraph; the first test checks none is missing. */
  const cases: Record<string, () => Promise<void>> = {
    createBranch: async () => {
      const d = await call(
        'mutation($i: BranchInput!) { createBranch(input: $i) { branch { id } inputErrors { code } } }',
        {
          i: {
            name: `Филиал ${randomUUID().slice(0, 6)}`,
            address: 'ул. Тестовая, 2',
            timeZone: 'Asia/Yekaterinburg',
          },
        },
        admin,
      );
      expect(d.createBranch.branch.id).toBeTruthy();
    },
    updateBranchSettings: async () => {
      const d = await call(
        'mutation($b: ID!) { updateBranchSettings(branchId: $b, input: { lateCancelHours: 2 }) { branch { id } inputErrors { code } } }',
        { b: branch.id },
        admin,
      );
      expect(d.updateBranchSettings.inputErrors).toEqual([]);
    },
    createRoom: async () => {
      const d = await call(
        'mutation($b: ID!) { createRoom(branchId: $b, name: "Кабинет 7") { room { id } inputErrors { code } } }',
        { b: branch.id },
        admin,
      );
      expect(d.createRoom.room.id).toBeTruthy();
    },
    createService: async () => {
      const d = await call(
        'mutation { createService(input: { name: "Приём невролога", specialty: "Неврология", durationMinutes: 30 }) { service { id } inputErrors { code } } }',
        {},
        admin,
      );
      expect(d.createService.service.id).toBeTruthy();
    },
    createSpecialist: async () => {
      const d = await call(
        'mutation($i: SpecialistInput!) { createSpecialist(input: $i) { specialist { id } inputErrors { code } } }',
        {
          i: {
            accountId: randomUUID(),
            displayName: 'Петров Пётр Петрович',
            specialties: ['Терапия'],
            branchIds: [branch.id],
            serviceIds: [svc.id],
          },
        },
        admin,
      );
      expect(d.createSpecialist.specialist.id).toBeTruthy();
    },
    grantSchedulePermission: async () => {
      const d = await call(
        'mutation($a: ID!) { grantSchedulePermission(accountId: $a, permission: OVERBOOK) }',
        { a: randomUUID() },
        admin,
      );
      expect(d.grantSchedulePermission).toBe(true);
    },
    setWeeklyTemplate: async () => {
      const other = await f.doctor(branch.id, [svc.id]);
      const d = await call(
        'mutation($i: WeeklyTemplateInput!) { setWeeklyTemplate(input: $i) { inputErrors { code } } }',
        {
          i: {
            specialistId: other.id,
            branchId: branch.id,
            weekday: 6,
            startTime: '10:00',
            endTime: '12:00',
            slotMinutes: 30,
          },
        },
        admin,
      );
      expect(d.setWeeklyTemplate.inputErrors).toEqual([]);
    },
    removeWeeklyTemplate: async () => {
      const other = await f.doctor(branch.id, [svc.id]);
      const [t] = await h.service.stores.calendar.templatesFor([other.id]);
      const d = await call(
        'mutation($id: ID!) { removeWeeklyTemplate(id: $id) { inputErrors { code } } }',
        { id: t!.id },
        admin,
      );
      expect(d.removeWeeklyTemplate.inputErrors).toEqual([]);
    },
    addScheduleException: async () => {
      const d = await call(
        'mutation($i: ScheduleExceptionInput!) { addScheduleException(input: $i) { inputErrors { code } } }',
        {
          i: {
            specialistId: doctor.id,
            branchId: branch.id,
            kind: 'DAY_OFF',
            startsAt: `${localDay('Europe/Moscow', 20)}T09:00`,
            endsAt: `${localDay('Europe/Moscow', 20)}T18:00`,
          },
        },
        admin,
      );
      expect(d.addScheduleException.inputErrors).toEqual([]);
    },
    addHoliday: async () => {
      const d = await call(
        'mutation($b: ID, $d: String!) { addHoliday(input: { branchId: $b, date: $d, name: "День города" }) { inputErrors { code } } }',
        { b: branch.id, d: localDay('Europe/Moscow', 25) },
        admin,
      );
      expect(d.addHoliday.inputErrors).toEqual([]);
    },
    holdSlot: async () => {
      const p = await patient();
      const d = await call(
        `mutation($i: BookingInput!) { holdSlot(input: $i) ${APPT} }`,
        { i: booking(`${day()}T09:00`) },
        p.token,
      );
      expect(d.holdSlot.appointment.status).toBe('HELD');
    },
    confirmHold: async () => {
      const p = await patient();
      const held = await call(
        `mutation($i: BookingInput!) { holdSlot(input: $i) ${APPT} }`,
        { i: booking(`${day()}T09:30`) },
        p.token,
      );
      const d = await call(
        `mutation($id: ID!, $k: String!) { confirmHold(appointmentId: $id, idempotencyKey: $k) ${APPT} }`,
        { id: held.holdSlot.appointment.id, k: `key-${randomUUID()}` },
        p.token,
      );
      expect(d.confirmHold.appointment.status).toBe('BOOKED');
    },
    bookAppointment: async () => {
      await book('10:00');
    },
    rescheduleAppointment: async () => {
      const b = await book('10:30');
      const d = await call(
        `mutation($i: RescheduleInput!) { rescheduleAppointment(input: $i) ${APPT} }`,
        {
          i: {
            appointmentId: b.appointmentId,
            startsAt: `${day()}T11:00`,
            idempotencyKey: `key-${randomUUID()}`,
          },
        },
        b.token,
      );
      expect(d.rescheduleAppointment.inputErrors).toEqual([]);
    },
    cancelAppointment: async () => {
      const b = await book('11:30');
      const d = await call(
        `mutation($i: CancelInput!) { cancelAppointment(input: $i) ${APPT} }`,
        { i: { appointmentId: b.appointmentId, reason: 'Заболел', idempotencyKey: `key-${randomUUID()}` } },
        b.token,
      );
      expect(d.cancelAppointment.appointment.status).toBe('CANCELLED');
    },
    confirmAppointment: async () => {
      const b = await book('12:00');
      const d = await call(
        `mutation($id: ID!) { confirmAppointment(appointmentId: $id) ${APPT} }`,
        { id: b.appointmentId },
        b.token,
      );
      expect(d.confirmAppointment.appointment.status).toBe('CONFIRMED');
    },
    checkInAppointment: async () => {
      const b = await book('12:30');
      const d = await call(
        `mutation($id: ID!) { checkInAppointment(appointmentId: $id) ${APPT} }`,
        { id: b.appointmentId },
        reception,
      );
      expect(d.checkInAppointment.appointment.status).toBe('CHECKED_IN');
    },
    markNoShow: async () => {
      const b = await book('14:00');
      // A no-show is marked after the start: move this visit into the past.
      await h.service.database.query(
        "update appointment set during = tstzrange(now() - interval '1 hour', now() - interval '30 minutes') where id = $1",
        [b.appointmentId],
      );
      const d = await call(
        `mutation($id: ID!) { markNoShow(appointmentId: $id) ${APPT} }`,
        { id: b.appointmentId },
        reception,
      );
      expect(d.markNoShow.appointment.status).toBe('NO_SHOW');
    },
    completeAppointment: async () => {
      const b = await book('14:30');
      await call(
        `mutation($id: ID!) { checkInAppointment(appointmentId: $id) ${APPT} }`,
        { id: b.appointmentId },
        reception,
      );
      const d = await call(
        `mutation($id: ID!) { completeAppointment(appointmentId: $id) ${APPT} }`,
        { id: b.appointmentId },
        reception,
      );
      expect(d.completeAppointment.appointment.status).toBe('COMPLETED');
    },
    useReminderLink: async () => {
      const b = await book('15:00');
      const token = await h.service.services.reminders.linkFor(
        b.appointmentId,
        'confirm',
        new Date(Date.now() + 3_600_000),
      );
      const d = await call('mutation($t: String!) { useReminderLink(token: $t) { ok status } }', {
        t: token,
      });
      expect(d.useReminderLink).toEqual({ ok: true, status: 'CONFIRMED' });
    },
    setCallStatus: async () => {
      const b = await book('15:30');
      const d = await call(
        'mutation($id: ID!) { setCallStatus(appointmentId: $id, status: REACHED) { inputErrors { code } } }',
        { id: b.appointmentId },
        reception,
      );
      expect(d.setCallStatus.inputErrors).toEqual([]);
    },
    setSpecialistNotifyEmail: async () => {
      const d = await call(
        'mutation($s: ID!) { setSpecialistNotifyEmail(specialistId: $s, email: "doctor@example.test") }',
        { s: doctor.id },
        admin,
      );
      expect(d.setSpecialistNotifyEmail).toBe(true);
    },
    setReminderChannel: async () => {
      const p = await patient();
      const d = await call(
        'mutation { setReminderChannel(channel: EMAIL) { inputErrors { code } } }',
        {},
        p.token,
      );
      // No channel is configured in this test: a typed refusal, answered without waiting.
      expect(d.setReminderChannel.inputErrors.length).toBeGreaterThanOrEqual(0);
    },
    registerPushSubscription: async () => {
      const p = await patient();
      const d = await call(
        'mutation($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) { inputErrors { code } } }',
        { i: { endpoint: 'https://fcm.googleapis.com/fcm/send/x', p256dh: 'x', auth: 'y' } },
        p.token,
      );
      expect(d.registerPushSubscription.inputErrors.map((e: { code: string }) => e.code)).not.toContain(
        'INTERNAL',
      );
    },
    removePushSubscription: async () => {
      const p = await patient();
      const d = await call(
        'mutation($e: String!) { removePushSubscription(endpoint: $e) { inputErrors { code } } }',
        { e: 'https://fcm.googleapis.com/fcm/send/x' },
        p.token,
      );
      expect(d.removePushSubscription).toBeTruthy();
    },
  };

  it('every mutation of the subgraph has a case here', () => {
    const mutations = Object.keys(h.service.subgraph.schema.getMutationType()!.getFields()).sort();
    expect(Object.keys(cases).sort()).toEqual(mutations);
  });

  for (const [name, run] of Object.entries(cases))
    it(`${name} finishes with cold caches`, async () => {
      await run();
    });

  it('a patient reads, waits past the catalogue cache, then cancels (the reported lock-up)', async () => {
    const b = await book('16:00');
    await call('{ myAppointments { id } }', {}, b.token);
    // Instead of waiting 6 s for the cache to expire: the same state, at once.
    coldCaches(h.service);
    const d = await call(
      `mutation($i: CancelInput!) { cancelAppointment(input: $i) ${APPT} }`,
      { i: { appointmentId: b.appointmentId, reason: 'Передумал', idempotencyKey: `key-${randomUUID()}` } },
      b.token,
    );
    expect(d.cancelAppointment.appointment.status).toBe('CANCELLED');
  });

  it('the hold sweeper releases an expired hold with cold caches and the subgraph stays ready', async () => {
    const p = await patient();
    const held = await call(
      `mutation($i: BookingInput!) { holdSlot(input: $i) ${APPT} }`,
      { i: booking(`${day()}T16:30`) },
      p.token,
    );
    const id = held.holdSlot.appointment.id as string;
    await h.service.database.query(
      "update appointment set hold_expires_at = now() - interval '1 minute' where id = $1",
      [id],
    );
    coldCaches(h.service);
    await within(
      10_000,
      (async () => {
        for (;;) {
          const [row] = await h.service.database.query<{ status: string }>(
            'select status from appointment where id = $1',
            [id],
          );
          if (row!.status !== 'HELD') return row!.status;
          await new Promise((r) => setTimeout(r, 100));
        }
      })(),
      'sweeper',
    );
    const ready = await within(1000, fetch(`${h.running.url}/readyz`), '/readyz after the sweep');
    expect(ready.status).toBe(200);
  });

  it('/readyz answers within a second while bookings run', async () => {
    const slots = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30'];
    const nextDay = localDay('Europe/Moscow', 4);
    const running = Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const p = await patient();
        return gql(
          h.url,
          `mutation($i: BookingInput!) { bookAppointment(input: $i) ${APPT} }`,
          { i: { ...booking(''), startsAt: `${nextDay}T${slots[i % slots.length]}` } },
          { token: p.token },
        );
      }),
    );
    const probes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await within(1000, fetch(`${h.running.url}/readyz`), '/readyz during bookings');
      probes.push(res.status);
      await new Promise((r) => setTimeout(r, 50));
    }
    const results = await within(30_000, running, 'bookings');
    expect(probes).toEqual([200, 200, 200, 200, 200]);
    const booked = results.filter((r) => r.data?.bookAppointment?.appointment);
    expect(booked).toHaveLength(slots.length);
    const other = results
      .flatMap((r) => r.data?.bookAppointment?.inputErrors ?? [])
      .map((e: { code: string }) => e.code);
    expect(new Set(other)).toEqual(new Set(['SLOT_TAKEN']));
  });

  it('a process restarted over a data directory with an expired hold recovers', async () => {
    const p = await patient();
    const held = await call(
      `mutation($i: BookingInput!) { holdSlot(input: $i) ${APPT} }`,
      { i: booking(`${day()}T17:00`) },
      p.token,
    );
    const id = held.holdSlot.appointment.id as string;
    // The hold expires while the process is down.
    await h.service.database.query(
      "update appointment set hold_expires_at = now() - interval '1 minute' where id = $1",
      [id],
    );
    await h.running.close();
    await h.service.close();
    h = await startOn(dir, issuer, { HOLD_SWEEP_MS: '200' });
    const status = await within(
      10_000,
      (async () => {
        for (;;) {
          const [row] = await h.service.database.query<{ status: string }>(
            'select status from appointment where id = $1',
            [id],
          );
          if (row!.status !== 'HELD') return row!.status;
          await new Promise((r) => setTimeout(r, 100));
        }
      })(),
      'sweeper after restart',
    );
    expect(status).toBe('CANCELLED');
    expect((await within(1000, fetch(`${h.running.url}/readyz`), '/readyz after restart')).status).toBe(200);
    // The released time can be booked again, through the API.
    const again = await patient();
    const d = await call(
      `mutation($i: BookingInput!) { bookAppointment(input: $i) ${APPT} }`,
      { i: booking(`${day()}T17:00`) },
      again.token,
    );
    expect(d.bookAppointment.appointment.status).toBe('BOOKED');
  });
});
