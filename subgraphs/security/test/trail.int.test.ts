import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendStreamEvents } from '../src/testing';
import { type SecurityHarness, startSecuritySubgraph } from './harness';

let h: SecurityHarness;
beforeAll(async () => {
  h = await startSecuritySubgraph();
});
afterAll(async () => h?.stop());

const TRAIL = /* GraphQL */ `
  query ($first: Int, $before: ID) { myAccessTrail(first: $first, before: $before) { cursor at role department purpose categories } }`;
const SEARCH = /* GraphQL */ `
  query ($f: AuditRecordsFilter!, $first: Int) {
    auditRecords(filter: $f, first: $first) { streamId service seq subtype actorId actorRole patientId categories operation purpose clientAddress occurredAt }
  }`;

describe('who viewed my record', () => {
  it('shows the patient every access by others across services: role, department, time, purpose — no staff names or ids', async () => {
    const me = randomUUID();
    const other = randomUUID();
    const doctor = randomUUID();
    const desk = randomUUID();
    await appendStreamEvents(h.service, [
      {
        actorId: doctor,
        actorRole: 'doctor',
        patientId: me,
        service: 'record',
        occurredAt: new Date('2026-12-01T08:00:00Z'),
      },
      {
        actorId: desk,
        actorRole: 'receptionist',
        patientId: me,
        service: 'patient',
        categories: ['CONTACT'],
        purpose: null,
        occurredAt: new Date('2026-12-01T09:00:00Z'),
      },
      {
        actorId: 'lab-partner-1',
        actorRole: 'lab_partner',
        patientId: me,
        service: 'lab',
        categories: ['IDENTITY'],
        purpose: 'partnerOwns',
        occurredAt: new Date('2026-12-01T10:00:00Z'),
      },
      // The patient's own reads are not "somebody viewed".
      {
        actorId: 'me',
        actorRole: 'patient',
        patientId: me,
        service: 'record',
        purpose: 'self',
        occurredAt: new Date('2026-12-01T11:00:00Z'),
      },
      { actorId: doctor, actorRole: 'doctor', patientId: other, service: 'record' },
    ]);
    const token = await h.tokenFor({ role: 'patient', sub: randomUUID(), pid: me });
    const r = await h.query(TRAIL, {}, token);
    expect(r.errors).toBeUndefined();
    expect(
      r.data.myAccessTrail.map((e: Record<string, unknown>) => [
        e.role,
        e.department,
        e.purpose,
        e.categories,
      ]),
    ).toEqual([
      ['Партнёрская лаборатория', 'Лаборатория', 'выполнение заказа анализа', ['документы и дата рождения']],
      ['Регистратор', 'Регистратура', 'служебные обязанности', ['контакты']],
      ['Врач', 'Медицинская карта', 'лечение: запись на приём', ['медицинские сведения']],
    ]);
    expect(JSON.stringify(r.data)).not.toContain(doctor);
    expect(JSON.stringify(r.data)).not.toContain(desk);
    // Paging backwards from a cursor.
    const page = await h.query(TRAIL, { first: 1, before: r.data.myAccessTrail[0].cursor }, token);
    expect(page.data.myAccessTrail.map((e: { role: string }) => e.role)).toEqual(['Регистратор']);
    // The other patient sees only their own.
    const theirs = await h.query(
      TRAIL,
      {},
      await h.tokenFor({ role: 'patient', sub: randomUUID(), pid: other }),
    );
    expect(theirs.data.myAccessTrail).toHaveLength(1);
  });

  it('is the patient own trail only; staff use the officer search, bad cursors are typed errors', async () => {
    for (const role of ['doctor', 'receptionist', 'security_officer']) {
      const token = await h.tokenFor({ role, sub: randomUUID(), amr: ['pwd', 'otp'] });
      const r = await h.query(TRAIL, {}, token);
      expect(r.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    const token = await h.tokenFor({ role: 'patient', sub: randomUUID(), pid: randomUUID() });
    const bad = await h.query(TRAIL, { before: 'abc' }, token);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the officer searches the central trail', () => {
  it('by patient, staff member, service, category and time, in BALP shape', async () => {
    const patientId = randomUUID();
    const doctor = randomUUID();
    const listRequest = randomUUID();
    await appendStreamEvents(h.service, [
      {
        actorId: doctor,
        actorRole: 'doctor',
        patientId,
        service: 'record',
        occurredAt: new Date('2026-12-03T08:00:00Z'),
      },
      {
        actorId: doctor,
        actorRole: 'doctor',
        patientId,
        service: 'lab',
        categories: ['HEALTH'],
        operation: 'LabPatient',
        occurredAt: new Date('2026-12-03T09:00:00Z'),
      },
      {
        actorId: doctor,
        actorRole: 'doctor',
        patientId,
        service: 'schedule',
        categories: ['CONTACT'],
        purpose: null,
        operation: 'DoctorToday',
        requestId: listRequest,
        occurredAt: new Date('2026-12-03T07:00:00Z'),
      },
      {
        actorId: doctor,
        actorRole: 'doctor',
        patientId: randomUUID(),
        service: 'schedule',
        categories: ['CONTACT'],
        purpose: null,
        operation: 'DoctorToday',
        requestId: listRequest,
        occurredAt: new Date('2026-12-03T07:00:00Z'),
      },
    ]);
    const officer = await h.tokenFor({ role: 'security_officer', sub: randomUUID(), amr: ['pwd', 'otp'] });
    const byPatient = await h.query(SEARCH, { f: { patientId } }, officer);
    // Newest first in the order the stream received them.
    expect(byPatient.data.auditRecords.map((r: Record<string, unknown>) => [r.service, r.subtype])).toEqual([
      ['schedule', 'PatientQuery'],
      ['lab', 'PatientRead'],
      ['record', 'PatientRead'],
    ]);
    const byStaff = await h.query(SEARCH, { f: { actorId: doctor, service: 'schedule' } }, officer);
    expect(byStaff.data.auditRecords).toHaveLength(2);
    const health = await h.query(
      SEARCH,
      { f: { patientId, category: 'HEALTH', from: '2026-12-03T08:30:00Z', to: '2026-12-04T00:00:00Z' } },
      officer,
    );
    expect(health.data.auditRecords.map((r: { service: string }) => r.service)).toEqual(['lab']);
    const badDate = await h.query(SEARCH, { f: { from: 'вчера' } }, officer);
    expect(badDate.errors?.[0]?.extensions?.code).toBe('INVALID_DATE');
    const doctorToken = await h.tokenFor({ role: 'doctor', sub: doctor, amr: ['pwd', 'otp'] });
    const refused = await h.query(SEARCH, { f: { patientId } }, doctorToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the trail filters refuse junk with typed errors', () => {
  it('control characters and overlong values in text filters', async () => {
    const officer = await h.tokenFor({ role: 'security_officer', sub: randomUUID(), amr: ['pwd', 'otp'] });
    for (const f of [{ actorId: 'a\u0000b' }, { service: 'x'.repeat(101) }, { category: 'HEALTH\u0007' }]) {
      const r = await h.query(SEARCH, { f }, officer);
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(f)).toMatch(/^(BAD_USER_INPUT|TOO_LONG)$/);
    }
    const alerts = await h.query(
      'query ($f: SecurityAlertsFilter) { securityAlerts(filter: $f) { id } }',
      { f: { actorId: 'x\u0001' } },
      officer,
    );
    expect(alerts.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
