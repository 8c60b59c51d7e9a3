import { codes } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PatientHarness, startPatientSubgraph } from './harness';

let h: PatientHarness;
beforeAll(async () => {
  h = await startPatientSubgraph();
});
afterAll(async () => h?.stop());

const events = (patientId: string) => h.service.stores.audit.forPatient(patientId, 1000);

describe('audit of staff reads', () => {
  it('writes exactly one event per patient per request, with who, role, categories and operation', async () => {
    const surname = `Аудитов${Math.random().toString(36).slice(2, 7)}`;
    const p1 = await h.createTestPatient({ lastName: surname, firstName: 'Андрей' });
    const p2 = await h.createTestPatient({ lastName: surname, firstName: 'Борис' });
    const sub = crypto.randomUUID();
    const token = await h.tokenFor({ role: 'receptionist', sub });
    // The same patient is read three times in one request (root field, alias, search result).
    const r = await h.query(
      `query ReceptionView($id: ID!, $q: String!) {
        a: patient(id: $id) { fullName phone }
        b: patient(id: $id) { birthDate homeAddress }
        searchPatients(query: { text: $q }) { nodes { id fullName } }
      }`,
      { id: p1.patient.id, q: surname },
      token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.searchPatients.nodes).toHaveLength(2);
    const e1 = await events(p1.patient.id);
    const e2 = await events(p2.patient.id);
    expect(e1).toHaveLength(1);
    expect(e2).toHaveLength(1);
    expect(e1[0]).toMatchObject({
      actorId: sub,
      actorRole: 'receptionist',
      operation: 'ReceptionView',
      categories: ['CONTACT', 'IDENTITY', 'SOCIAL'],
    });
    expect(e2[0]!.categories).toEqual(['CONTACT']);
    expect(e1[0]!.requestId).toBe(e2[0]!.requestId);
  });

  it('audits a patient reading their own clinical data (purpose self) but not their contacts, nor denied-only or PUBLIC reads', async () => {
    const { patient, token } = await h.createTestPatient({ withToken: true });
    await h.query(`query { myPatient { fullName phone } }`, {}, token);
    expect(await events(patient.id)).toHaveLength(0);
    // HEALTH is audited for everyone, the data subject included (policy: auditSelf).
    await h.query(`query { myPatient { fullName phone chronicConditions } }`, {}, token);
    const own = await events(patient.id);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ actorRole: 'patient', categories: ['HEALTH'], purpose: 'self' });
    const cashier = await h.tokenFor({ role: 'cashier' });
    await h.query(`query($id: ID!) { patient(id: $id) { id } }`, { id: patient.id }, cashier);
    expect(await events(patient.id)).toHaveLength(1);
    await h.query(
      `query($id: ID!) { patient(id: $id) { id chronicConditions phone } }`,
      { id: patient.id },
      cashier,
    );
    const e = await events(patient.id);
    expect(e).toHaveLength(2);
    expect(e.find((x) => x.actorRole === 'cashier')!.categories).toEqual(['CONTACT']);
  });

  it('shows the patient who viewed their record', async () => {
    const { patient, token } = await h.createTestPatient({ withToken: true });
    await h.query(
      `query V($id: ID!) { patient(id: $id) { phone } }`,
      { id: patient.id },
      await h.tokenFor({ role: 'receptionist' }),
    );
    const r = await h.query(
      `query { myAccessLog { patientId actorRole categories operation occurredAt } }`,
      {},
      token,
    );
    expect(r.data.myAccessLog).toEqual([
      expect.objectContaining({
        patientId: patient.id,
        actorRole: 'receptionist',
        categories: ['CONTACT'],
        operation: 'V',
      }),
    ]);
  });

  it('keeps a verifiable hash chain that the security officer can check', async () => {
    const officer = await h.tokenFor({ role: 'security_officer' });
    const r = await h.query(`query { verifyAuditChain { ok checked brokenAt } }`, {}, officer);
    expect(r.data.verifyAuditChain.ok).toBe(true);
    expect(r.data.verifyAuditChain.checked).toBeGreaterThan(0);
    const denied = await h.query(
      `query { verifyAuditChain { ok } }`,
      {},
      await h.tokenFor({ role: 'it_admin' }),
    );
    expect(codes(denied)).toEqual(['FORBIDDEN']);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table in the database itself', async () => {
    const db = h.service.database;
    await expect(db.query(`update audit_event set actor_role = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`delete from audit_event`)).rejects.toThrow(/append-only/);
    await expect(db.query(`truncate audit_event`)).rejects.toThrow(/append-only/);
    expect((await h.service.stores.audit.verify()).ok).toBe(true);
  });

  it('detects a tampered event', async () => {
    // Tampering needs the guard trigger off, which only the table owner can do; restored after.
    const db = h.service.database;
    const [victim] = await db.query<{ seq: number; actor_role: string }>(
      'select seq, actor_role from audit_event order by seq limit 1',
    );
    await db.query('alter table audit_event disable trigger audit_event_no_update');
    try {
      await db.query(`update audit_event set actor_role = 'doctor' where seq = $1`, [victim!.seq]);
      expect(await h.service.stores.audit.verify()).toMatchObject({
        ok: false,
        brokenAt: Number(victim!.seq),
      });
    } finally {
      await db.query('update audit_event set actor_role = $2 where seq = $1', [
        victim!.seq,
        victim!.actor_role,
      ]);
      await db.query('alter table audit_event enable trigger audit_event_no_update');
    }
    expect((await h.service.stores.audit.verify()).ok).toBe(true);
  });

  it('withholds the data when the audit write fails', async () => {
    const { patient } = await h.createTestPatient();
    const db = h.service.database;
    await db.query(
      `create or replace function audit_fail() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`,
    );
    await db.query(
      `create trigger audit_fail before insert on audit_event for each row execute function audit_fail()`,
    );
    try {
      const r = await h.query(
        `query($id: ID!) { patient(id: $id) { fullName phone } }`,
        { id: patient.id },
        await h.tokenFor({ role: 'receptionist' }),
      );
      expect(r.status).toBe(503);
      expect(r.data ?? null).toBeNull();
      expect(codes(r)).toEqual(['AUDIT_UNAVAILABLE']);
      expect(JSON.stringify(r)).not.toContain(patient.phone!);
    } finally {
      await db.query('drop trigger audit_fail on audit_event');
    }
  });
});
