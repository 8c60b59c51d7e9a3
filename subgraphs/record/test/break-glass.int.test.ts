import { startSmtp } from '@medikamente/notifications/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordHarness, startRecordSubgraph } from './harness';
import { actors, care, signedVisit, VISIT } from './record-helpers';

let h: RecordHarness;
beforeAll(async () => {
  h = await startRecordSubgraph();
});
afterAll(async () => h?.stop());

const BREAK = /* GraphQL */ `
  mutation ($p: ID!, $reason: String!) {
    breakGlass(input: { patientId: $p, reason: $reason }) { ok expiresAt inputErrors { field code } }
  }`;
const ACCESS = /* GraphQL */ `
  query ($p: ID!) { recordAccess(patientId: $p) { level breakGlassAvailable breakGlassUntil } }`;

describe('break-glass', () => {
  it('a doctor without a care relationship is refused, opens the record with a reason, and access expires', async () => {
    const owner = await actors(h);
    await care(h, owner.doctorId, owner.patientId);
    const { visitId } = await signedVisit(h, owner.doctor, owner.patientId);
    const stranger = await actors(h);

    // Refused: the visit by id, the list, the access level.
    const refused = await h.query(VISIT, { id: visitId }, stranger.doctor);
    expect(refused.data.visit).toBeNull();
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(
      (
        await h.query(
          'query ($p: ID!) { visits(patientId: $p) { id } }',
          { p: owner.patientId },
          stranger.doctor,
        )
      ).data.visits,
    ).toEqual([]);
    expect((await h.query(ACCESS, { p: owner.patientId }, stranger.doctor)).data.recordAccess).toEqual({
      level: 'NONE',
      breakGlassAvailable: true,
      breakGlassUntil: null,
    });

    // A reason that says nothing is refused and grants nothing.
    for (const reason of ['', 'нужно', 'тест тест тест тест'])
      expect(
        (await h.query(BREAK, { p: owner.patientId, reason }, stranger.doctor)).data.breakGlass,
      ).toMatchObject({
        ok: false,
        inputErrors: [{ field: 'input.reason', code: 'REASON_REQUIRED' }],
      });
    expect((await h.query(ACCESS, { p: owner.patientId }, stranger.doctor)).data.recordAccess.level).toBe(
      'NONE',
    );

    const alertsBefore = (await h.service.stores.breakGlass.alerts()).length;
    const reason = 'Пациент без сознания в процедурном кабинете, нужны аллергии и текущие назначения';
    const opened = await h.query(BREAK, { p: owner.patientId, reason }, stranger.doctor);
    expect(opened.data.breakGlass.ok).toBe(true);
    const hours = (Date.parse(opened.data.breakGlass.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(3.9);
    expect(hours).toBeLessThanOrEqual(4);

    // Now the content is readable, and the read is audited with the purpose breakGlass.
    const seen = await h.query(VISIT, { id: visitId }, stranger.doctor);
    expect(seen.data.visit.current.conclusion).toBeTruthy();
    const trail = await h.service.stores.audit.forPatient(owner.patientId);
    expect(trail.filter((e) => e.actorId === stranger.doctorId).map((e) => e.purpose)).toEqual(
      expect.arrayContaining(['breakGlass']),
    );
    // The doctor in care reads with the purpose careRelationship.
    await h.query(VISIT, { id: visitId }, owner.doctor);
    const ownerTrail = (await h.service.stores.audit.forPatient(owner.patientId)).filter(
      (e) => e.actorId === owner.doctorId,
    );
    expect(ownerTrail[0]!.purpose).toBe('careRelationship');
    // The alert for the security officer exists, with the reason kept sealed with the grant.
    const alerts = await h.service.stores.breakGlass.alerts();
    expect(alerts.length).toBe(alertsBefore + 1);
    expect(alerts[0]).toMatchObject({
      kind: 'BREAK_GLASS',
      actorAccountId: stranger.doctorId,
      patientId: owner.patientId,
    });
    expect(await h.service.stores.breakGlass.reasonOf(alerts[0]!.breakGlassId!)).toBe(reason);
    const [event] = await h.service.database.query<{ type: string; payload: unknown }>(
      "select type, payload from outbox where type = 'record.break_glass' order by occurred_at desc limit 1",
    );
    expect(JSON.stringify(event!.payload)).not.toContain('сознания');

    // A doctor already in care does not need break-glass.
    const needless = await h.query(BREAK, { p: owner.patientId, reason }, owner.doctor);
    expect(needless.data.breakGlass.inputErrors[0].code).toBe('BREAK_GLASS_NOT_NEEDED');

    // Expiry: the grant's time passes (moved back in the database as the clock would) — refused again.
    await h.service.database.query('alter table break_glass disable trigger break_glass_frozen');
    await h.service.database.query(
      "update break_glass set expires_at = now() - interval '1 second' where doctor_account_id = $1",
      [stranger.doctorId],
    );
    await h.service.database.query('alter table break_glass enable trigger break_glass_frozen');
    const expired = await h.query(VISIT, { id: visitId }, stranger.doctor);
    expect(expired.data.visit).toBeNull();
    expect(expired.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('reception sees that visits exist, never their content; a patient never another patient', async () => {
    const a = await actors(h);
    const b = await actors(h);
    await care(h, a.doctorId, a.patientId);
    const { visitId } = await signedVisit(h, a.doctor, a.patientId);
    const reception = await h.tokenFor({ role: 'receptionist', sub: 'reception-1' });
    const r = await h.query(
      'query ($id: ID!) { visit(id: $id) { id status startedAt current { conclusion } } }',
      { id: visitId },
      reception,
    );
    expect(r.data.visit).toMatchObject({ id: visitId, status: 'SIGNED', current: null });
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const other = await h.query(VISIT, { id: visitId }, b.patient);
    expect(other.data.visit).toBeNull();
    expect(
      (await h.query('query ($p: ID!) { visits(patientId: $p) { id } }', { p: a.patientId }, b.patient)).data
        .visits,
    ).toEqual([]);
    const entity = await h.query(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on VisitVersion { conclusion } } }',
      {
        r: [
          {
            __typename: 'VisitVersion',
            id: (await h.query(VISIT, { id: visitId }, a.patient)).data.visit.current.id,
          },
        ],
      },
      b.patient,
    );
    expect(entity.data._entities[0]).toBeNull();
  });
});

describe('break-glass alert e-mail', () => {
  it('reaches the security officer through a real SMTP server, without names, reasons or clinical data', async () => {
    const smtp = await startSmtp();
    const g = await startRecordSubgraph({
      NOTIFY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SECURITY_ALERT_EMAIL: 'security@medikamente.local',
    });
    try {
      const owner = await actors(g);
      await care(g, owner.doctorId, owner.patientId);
      await signedVisit(g, owner.doctor, owner.patientId);
      const stranger = await actors(g);
      const reason = 'Пациентке плохо в коридоре, нужна информация о хронических заболеваниях';
      const r = await g.query(BREAK, { p: owner.patientId, reason }, stranger.doctor);
      expect(r.data.breakGlass.ok).toBe(true);
      expect(smtp.mails).toHaveLength(1);
      const mail = smtp.mails[0]!;
      expect(mail.to && JSON.stringify(mail.to)).toContain('security@medikamente.local');
      expect(mail.subject).toContain('Экстренный доступ');
      const [alert] = await g.service.stores.breakGlass.alerts();
      expect(mail.text).toContain(alert!.id);
      expect(mail.text).toContain(stranger.doctorId);
      for (const secret of [reason, owner.patientId, 'Эссенциальная'])
        expect(mail.text).not.toContain(secret);
      expect(alert!.emailedAt).not.toBeNull();
    } finally {
      await g.stop();
      await smtp.close();
    }
  });
});
