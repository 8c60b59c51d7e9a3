import { randomUUID } from 'node:crypto';
import { type AuditEventInput, AuditLog, type RunningServer } from '@medikamente/runtime';
import { createTestDatabase, createTestIssuer, type TestIssuer } from '@medikamente/runtime/testing';
import { createPatientService, loadPatientEnv, type PatientService } from '@medikamente/subgraph-patient';
import { createScheduleService, loadScheduleEnv, type ScheduleService } from '@medikamente/subgraph-schedule';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecurityMetrics } from '../src/modules/monitoring/metrics';
import { AuditStream } from '../src/modules/stream/audit-stream';
import { StreamStore } from '../src/modules/stream/stream.store';
import { type SecurityHarness, startSecuritySubgraph } from './harness';

const common = { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: 'memory://' } as const;

/** Audit events as a source's reads write them (opaque ids only). */
const reads = (n: number, patientId = randomUUID()): AuditEventInput[] =>
  Array.from({ length: n }, (_, i) => ({
    actorId: `staff-${i % 3}`,
    actorRole: 'doctor',
    patientId,
    categories: ['HEALTH'],
    operation: 'VisitNotes',
    requestId: randomUUID(),
    clientAddress: '10.1.2.3',
    purpose: i % 2 ? 'careRelationship' : null,
    // Staff tokens carry their branches (after-hours is judged in the branch's zone); some have none.
    actorBranches: i % 3 === 0 ? null : [`branch-${i % 3}`, 'branch-z'],
  }));

/** What the source holds, in the shape the stream copies (to compare field by field). */
async function sourceRows(database: PatientService['database']) {
  const events = await new AuditLog(database).after(0, 10_000);
  return events.map((e) => ({ ...e, purpose: e.purpose ?? null }));
}

describe('the audit stream pulls real kit subgraphs over HTTP', () => {
  let issuer: TestIssuer;
  let dbs: Array<Awaited<ReturnType<typeof createTestDatabase>>>;
  let patient: PatientService;
  let schedule: ScheduleService;
  let patientHttp: RunningServer;
  let scheduleHttp: RunningServer;
  let schedulePort: number;
  let h: SecurityHarness;
  const stream = () => h.service.services.stream;
  const store = () => h.service.stores.stream;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    dbs = await Promise.all([createTestDatabase('stream_patient'), createTestDatabase('stream_schedule')]);
    const [p, s] = dbs;
    patient = await createPatientService(
      loadPatientEnv({ ...common, ...(p!.url ? { PATIENT_DATABASE_URL: p!.url } : {}) }),
      { verifier: issuer.verifier },
    );
    schedule = await createScheduleService(
      loadScheduleEnv({
        ...common,
        REMINDERS_ENABLED: 'false',
        ...(s!.url ? { SCHEDULE_DATABASE_URL: s!.url } : {}),
      }),
      { verifier: issuer.verifier, background: false },
    );
    patientHttp = await patient.listen(0);
    scheduleHttp = await schedule.listen(0);
    schedulePort = Number(new URL(scheduleHttp.url).port);
    h = await startSecuritySubgraph({
      issuer,
      env: {
        AUDIT_SOURCES: `patient=${patientHttp.url},schedule=${scheduleHttp.url}`,
        AUDIT_PULL_PAGE: '7',
        AUDIT_PULL_INTERVAL_MS: '100',
      },
      options: {
        auditToken: () => issuer.sign({ role: 'service', sub: 'svc_security', scope: 'audit:read' }),
      },
    });
  });
  afterAll(async () => {
    await h?.stop();
    await patientHttp?.close();
    await scheduleHttp?.close();
    await patient?.close();
    await schedule?.close();
    await Promise.all((dbs ?? []).map((d) => d.drop()));
  });

  it('copies both chains exactly as the sources hold them, in pages, with a checkpoint of each head', async () => {
    // A receptionist's read of a card through GraphQL: the patient subgraph audits it itself.
    const { patient: card } = await patient.stores.patients.create(
      {
        lastName: 'Смирнова',
        firstName: 'Анна',
        birthDate: '1990-02-03',
        sex: 'FEMALE',
        phone: '+79161234567',
      },
      { createdBy: 'test' },
    );
    const token = await issuer.sign({ role: 'receptionist', sub: randomUUID() });
    const res = await fetch(`${patientHttp.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `query Card($id: ID!) { patient(id: $id) { id lastName phone } }`,
        variables: { id: card.id },
      }),
    });
    expect(((await res.json()) as any).data.patient.lastName).toBe('Смирнова');
    await patient.stores.audit.append(reads(9));
    await schedule.stores.audit.append(reads(12));

    const outcomes = await stream().pullAll();
    expect(outcomes.map((o) => [o.service, o.status])).toEqual([
      ['patient', 'copied'],
      ['schedule', 'copied'],
    ]);
    for (const [name, source] of [
      ['patient', patient],
      ['schedule', schedule],
    ] as const) {
      const held = await sourceRows(source.database);
      const copied = await store().records(name, 0, 1e9, 1000);
      expect(copied.map(({ service, streamId, ...e }) => e)).toEqual(held);
      const state = await store().source(name);
      expect(state).toMatchObject({ lastSeq: held.at(-1)!.seq, lastHash: held.at(-1)!.hash, failures: 0 });
      expect((await store().checkpoints(name, 5)).map((c) => c.seq)).toEqual([held.at(-1)!.seq]);
    }
    const viewed = (await store().records('patient', 0, 1e9, 1000)).find((r) => r.patientId === card.id);
    expect(viewed).toMatchObject({
      actorRole: 'receptionist',
      categories: expect.arrayContaining(['CONTACT']),
    });
  });

  it('copies each event once across repeated pulls and two concurrent pullers (replicas)', async () => {
    await patient.stores.audit.append(reads(25));
    await schedule.stores.audit.append(reads(3));
    // A second replica: its own AuditStream on the same database, racing the first.
    const { env } = h.service;
    const replica = new AuditStream({
      store: new StreamStore(h.service.database),
      sources: env.AUDIT_SOURCES,
      token: () => issuer.sign({ role: 'service', sub: 'svc_security_2', scope: 'audit:read' }),
      logger: h.service.subgraph.logger,
      metrics: createSecurityMetrics(),
      pullIntervalMs: env.AUDIT_PULL_INTERVAL_MS,
      pageSize: env.AUDIT_PULL_PAGE,
      timeoutMs: env.AUDIT_PULL_TIMEOUT_MS,
      checkpointIntervalMs: env.AUDIT_CHECKPOINT_INTERVAL_MS,
      verifyIntervalMs: env.AUDIT_VERIFY_INTERVAL_MS,
    });
    await Promise.all([
      stream().pullAll({ force: true }),
      replica.pullAll({ force: true }),
      stream().pull('patient'),
    ]);
    await stream().pullAll({ force: true });
    for (const [name, source] of [
      ['patient', patient],
      ['schedule', schedule],
    ] as const) {
      const held = await sourceRows(source.database);
      const copied = await store().records(name, 0, 1e9, 1000);
      expect(copied.map((r) => r.seq)).toEqual(held.map((e) => e.seq));
      expect(copied.map((r) => r.hash)).toEqual(held.map((e) => e.hash));
    }
    // stream_id follows each source's chain order (ids commit in order under the insert lock).
    const all = await store().afterStreamId(0, 10_000);
    expect(new Set(all.map((r) => r.streamId)).size).toBe(all.length);
    for (const name of ['patient', 'schedule']) {
      const seqs = all.filter((r) => r.service === name).map((r) => r.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  });

  it('keeps pulling the others while a source is down, counts its failures, resumes when it is back', async () => {
    await scheduleHttp.close();
    await schedule.stores.audit.append(reads(4));
    await patient.stores.audit.append(reads(2));
    const down = await stream().pullAll({ force: true });
    expect(down.find((o) => o.service === 'patient')).toMatchObject({ status: 'copied' });
    expect(down.find((o) => o.service === 'schedule')).toMatchObject({ status: 'unreachable', failures: 1 });
    await stream().pullAll({ force: true });
    const state = await store().source('schedule');
    expect(state).toMatchObject({ failures: 2, lastErrorCode: 'UNREACHABLE', haltedReason: null });
    // Backed off: not due yet when not forced.
    expect(state!.nextPullAt!.getTime()).toBeGreaterThan(Date.now());
    // An unreachable source is not verified, and that is no tampering.
    const [v] = await stream().verify(['schedule']);
    expect(v).toMatchObject({ ok: null, reasonCode: 'UNREACHABLE' });

    scheduleHttp = await schedule.listen(schedulePort);
    const back = await stream().pullAll({ force: true });
    expect(back.find((o) => o.service === 'schedule')).toMatchObject({ status: 'copied', copied: 4 });
    expect(await store().source('schedule')).toMatchObject({ failures: 0, lastErrorCode: null });
    const held = await sourceRows(schedule.database);
    expect((await store().records('schedule', 0, 1e9, 1000)).map((r) => r.hash)).toEqual(
      held.map((e) => e.hash),
    );
    const verified = await stream().verify();
    expect(verified.map((x) => [x.service, x.ok, x.reasonCode])).toEqual([
      ['patient', true, null],
      ['schedule', true, null],
    ]);
  });

  it('keeps the copies append-only', async () => {
    await expect(h.service.database.query("update audit_record set actor_id = 'x'")).rejects.toThrow(
      /append-only/,
    );
    await expect(h.service.database.query('delete from audit_record')).rejects.toThrow(/append-only/);
    await expect(h.service.database.query('delete from chain_checkpoint')).rejects.toThrow(/append-only/);
  });
});
