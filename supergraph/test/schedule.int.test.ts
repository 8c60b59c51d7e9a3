import { randomUUID } from 'node:crypto';
import { gql } from '@medikamente/runtime/testing';
import { factories, localDay } from '@medikamente/subgraph-schedule/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Platform, startPlatform } from './platform';

const BOOK = /* GraphQL */ `
  mutation Book($input: BookingInput!) {
    bookAppointment(input: $input) {
      appointment { id status startsAt }
      inputErrors { code }
    }
  }
`;

const SUBSCRIBE = /* GraphQL */ `
  subscription Live($branchId: ID) {
    appointmentEvents(branchId: $branchId) {
      type
      appointmentId
      branchId
      appointment { id status patientId startsAt patientComment }
    }
  }
`;

/** A graphql-ws subscriber through the gateway's one endpoint; collects what arrives. */
function subscribe(gatewayUrl: string, token: string | null, variables: Record<string, unknown>) {
  const received: any[] = [];
  const errors: unknown[] = [];
  let closedWith: number | undefined;
  const client = createClient({
    url: gatewayUrl.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: {
      closed: (e) => {
        closedWith = (e as { code?: number }).code;
      },
    },
  });
  const connected = new Promise<void>((resolve) => {
    client.on('connected', () => resolve());
    client.on('closed', () => resolve());
  });
  const dispose = client.subscribe(
    { query: SUBSCRIBE, variables },
    { next: (v) => received.push(v), error: (e) => errors.push(e), complete: () => {} },
  );
  return {
    received,
    errors,
    connected,
    closedCode: () => closedWith,
    async close() {
      dispose();
      await client.dispose();
    },
  };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return check();
};

describe('schedule through the gateway', () => {
  let p: Platform;
  let branchA: { id: string; timeZone: string };
  let branchB: { id: string };
  let service: { id: string };
  let doctor: { id: string; accountId: string };
  let doctorToken: string;
  let secondGateway: string;

  beforeAll(async () => {
    p = await startPlatform({ scheduleReplicas: 2 });
    const f = factories(p.schedule);
    branchA = await f.branch('Europe/Moscow');
    branchB = await f.branch('Asia/Vladivostok');
    service = await f.service(30);
    const doc = await p.account('doctor');
    doctorToken = doc.token;
    doctor = await f.doctor(branchA.id, [service.id], { accountId: doc.accountId });
    secondGateway = p.scheduleUrls.length > 1 ? await p.gatewayFor(1) : p.url;
  });
  afterAll(() => p?.stop());

  const booking = (startsAt: string, extra: Record<string, unknown> = {}) => ({
    specialistId: doctor.id,
    branchId: branchA.id,
    serviceId: service.id,
    startsAt,
    idempotencyKey: `k-${randomUUID()}`,
    ...extra,
  });

  it('50 concurrent clients on two schedule replicas: exactly one gets the slot, the rest SLOT_TAKEN; a retry replays', async () => {
    const patients = await Promise.all(Array.from({ length: 50 }, () => p.account('patient')));
    const startsAt = `${localDay(branchA.timeZone, 4)}T10:00`;
    const requests = patients.map((pt, i) => ({
      pt,
      url: i % 2 === 0 ? p.url : secondGateway,
      input: booking(startsAt),
    }));
    const results = await Promise.all(
      requests.map((r) => gql(r.url, BOOK, { input: r.input }, { token: r.pt.token })),
    );
    const ok = results.filter((r) => r.data?.bookAppointment.appointment);
    const taken = results.filter((r) => r.data?.bookAppointment.inputErrors[0]?.code === 'SLOT_TAKEN');
    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    expect(ok).toHaveLength(1);
    expect(taken).toHaveLength(49);
    const winner = requests[results.indexOf(ok[0]!)]!;
    // The winner retries (e.g. after a timeout) through the other gateway: same appointment.
    const retry = await gql(
      winner.url === p.url ? secondGateway : p.url,
      BOOK,
      { input: winner.input },
      { token: winner.pt.token },
    );
    expect(retry.data.bookAppointment.appointment.id).toBe(ok[0]!.data.bookAppointment.appointment.id);
    const rows = await p.schedule.database.query<{ n: number }>(
      `select count(*)::int as n from appointment where specialist_id = $1 and status <> 'CANCELLED'
         and lower(during) = $2::timestamptz`,
      [doctor.id, new Date(ok[0]!.data.bookAppointment.appointment.startsAt)],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('live events: authenticated on connect, per branch for reception, own only for patients, across replicas', async () => {
    const receptionA = await p.account('receptionist', { branchIds: [branchA.id] });
    const receptionB = await p.account('receptionist', { branchIds: [branchB.id] });
    const [x, y] = [await p.account('patient'), await p.account('patient')];
    const anon = subscribe(p.url, null, { branchId: branchA.id });
    const subs = {
      a: subscribe(p.url, receptionA.token, { branchId: branchA.id }),
      b: subscribe(p.url, receptionB.token, { branchId: branchB.id }),
      bTriesA: subscribe(p.url, receptionB.token, { branchId: branchA.id }),
      x: subscribe(p.url, x.token, {}),
      y: subscribe(p.url, y.token, {}),
      doctor: subscribe(p.url, doctorToken, {}),
    };
    await Promise.all(Object.values(subs).map((s) => s.connected));
    await anon.connected;
    await new Promise((r) => setTimeout(r, 300)); // LISTEN is active on the replica
    // Booked through the second gateway (the other schedule replica when Postgres is available).
    const booked = await gql(
      secondGateway,
      BOOK,
      { input: booking(`${localDay(branchA.timeZone, 5)}T11:00`, { patientComment: 'Кашель' }) },
      { token: x.token },
    );
    const id = booked.data.bookAppointment.appointment.id;
    const arrived = await until(
      () => subs.a.received.length > 0 && subs.x.received.length > 0 && subs.doctor.received.length > 0,
    );
    expect(arrived).toBe(true);
    const forReception = subs.a.received[0].data.appointmentEvents;
    expect(forReception).toMatchObject({
      type: 'appointment.booked',
      appointmentId: id,
      branchId: branchA.id,
    });
    // Reception sees the summary, not the patient's words (HEALTH without the summary tag).
    expect(forReception.appointment.status).toBe('BOOKED');
    expect(forReception.appointment.patientComment).toBeNull();
    expect(subs.x.received[0].data.appointmentEvents.appointment.patientComment).toBe('Кашель');
    expect(subs.doctor.received[0].data.appointmentEvents.appointment.patientComment).toBe('Кашель');
    await new Promise((r) => setTimeout(r, 300));
    expect(subs.b.received).toEqual([]);
    expect(subs.y.received).toEqual([]);
    expect(subs.bTriesA.received.filter((e) => e.data)).toEqual([]);
    expect(subs.bTriesA.errors.length + subs.bTriesA.received.filter((e) => e.errors).length).toBeGreaterThan(
      0,
    );
    expect(anon.received).toEqual([]);
    expect(anon.closedCode()).toBe(4403);
    // The reads carried by the events were audited: reception and doctor, and the patient's own
    // read of HEALTH (the patient's words) with the purpose "self".
    const audit = await p.schedule.database.query<{ actor_role: string; purpose: string | null }>(
      `select actor_role, purpose from audit_event where patient_id = $1 and operation = 'Live' order by seq`,
      [x.patientId],
    );
    expect(audit.map((a) => a.actor_role).sort()).toEqual(['doctor', 'patient', 'receptionist']);
    expect(audit.find((a) => a.actor_role === 'patient')?.purpose).toBe('self');
    for (const s of [...Object.values(subs), anon]) await s.close();
  });

  it('a booking gives the doctor the care relationship in the patient subgraph (event over HTTP)', async () => {
    const reception = await p.account('receptionist');
    const reg = await p.query(
      `mutation R($i: PatientInput!) { registerPatient(input: $i) { ok patient { id } } }`,
      {
        i: {
          lastName: 'Орлова',
          firstName: 'Анна',
          birthDate: '1990-04-12',
          sex: 'FEMALE',
          phone: '+7 915 000-11-22',
        },
      },
      reception.token,
    );
    const patientId = reg.data.registerPatient.patient.id;
    const read = () =>
      p.query(`query($id: ID!) { patient(id: $id) { phone birthDate } }`, { id: patientId }, doctorToken);
    // Without a relationship a doctor sees contacts masked and no identity data.
    const before = await read();
    expect(before.data.patient.phone).not.toBe('+79150001122');
    expect(before.data.patient.birthDate).toBeNull();
    const booked = await p.query(
      BOOK,
      { input: booking(`${localDay(branchA.timeZone, 6)}T12:00`, { patientId }) },
      reception.token,
    );
    expect(booked.data.bookAppointment.inputErrors).toEqual([]);
    let after = await read();
    const end = Date.now() + 5000;
    while (after.data?.patient?.phone !== '+79150001122' && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
      after = await read();
    }
    expect(after.data.patient).toEqual({ phone: '+79150001122', birthDate: '1990-04-12' });
  });
});
