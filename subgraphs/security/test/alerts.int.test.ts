import { randomUUID } from 'node:crypto';
import { startSmtp } from '@medikamente/notifications/testing';
import { subscribeLive } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_ALERT_CHANNEL } from '../src/modules/alerts/alerts.service';
import { appendStreamEvents, type StreamEventInput } from '../src/testing';
import { type SecurityHarness, startSecuritySubgraph } from './harness';

let h: SecurityHarness;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let officer: string;
beforeAll(async () => {
  smtp = await startSmtp();
  // No background jobs (the harness's default): each test runs the rules itself, in order.
  h = await startSecuritySubgraph({
    env: {
      NOTIFY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SECURITY_ALERT_EMAIL: 'security@medikamente.local',
    },
  });
  officer = await h.tokenFor({ role: 'security_officer', sub: 'officer-1', amr: ['pwd', 'otp'] });
});
afterAll(async () => {
  await h?.stop();
  await smtp?.close();
});

/** Tuesday 1 December 2026 in Moscow at the given local time. */
const msk = (time: string, date = '2026-12-01') => new Date(`${date}T${time}:00+03:00`);
const staff = (role = 'doctor') => ({ actorId: randomUUID(), actorRole: role });
const run = () => h.service.services.alerts.evaluate();
const alertsOf = (actorId: string) =>
  h.service.database.query<{ rule: string; severity: string; patient_id: string | null; evidence: unknown }>(
    'select rule, severity, patient_id, evidence from security_alert where actor_id = $1 order by rule',
    [actorId],
  );

const QUEUE = /* GraphQL */ `
  query ($f: SecurityAlertsFilter) {
    securityAlerts(filter: $f) { id rule ruleTitle explanation severity actorId patientId status evidence steps { step note } }
  }`;
const TRIAGE = /* GraphQL */ `
  mutation ($input: TriageSecurityAlertInput!) {
    triageSecurityAlert(input: $input) { ok inputErrors { field code } alert { id status steps { step status note accountId } } }
  }`;

describe('privacy monitoring rules on the central stream', () => {
  it('stay quiet on a normal working day (doctors in care, the desk, cashiers, searches followed by opening)', async () => {
    const doctors = [staff(), staff()];
    const desk = staff('receptionist');
    const cashier = staff('cashier');
    const events: StreamEventInput[] = [];
    for (let hour = 8; hour < 20; hour++) {
      const at = msk(`${String(hour).padStart(2, '0')}:15`);
      for (const d of doctors) events.push({ ...d, patientId: randomUUID(), occurredAt: at });
      // The journal: a list of the day's patients every hour (contacts only).
      const journal = randomUUID();
      for (let i = 0; i < 12; i++)
        events.push({
          ...desk,
          service: 'schedule',
          patientId: randomUUID(),
          categories: ['CONTACT'],
          purpose: null,
          operation: 'BranchJournal',
          requestId: journal,
          occurredAt: at,
        });
      const found = randomUUID();
      events.push({
        ...desk,
        service: 'patient',
        patientId: found,
        categories: ['CONTACT'],
        purpose: null,
        operation: 'SearchPatients',
        occurredAt: at,
      });
      events.push({
        ...desk,
        service: 'patient',
        patientId: found,
        categories: ['CONTACT', 'IDENTITY'],
        purpose: null,
        operation: 'PatientCard',
        occurredAt: at,
      });
      events.push({
        ...cashier,
        service: 'billing',
        patientId: found,
        categories: ['FINANCIAL'],
        purpose: null,
        operation: 'DeskInvoice',
        occurredAt: at,
      });
    }
    await appendStreamEvents(h.service, events);
    await h.service.services.alerts.drain();
    for (const who of [...doctors, desk, cashier]) expect(await alertsOf(who.actorId)).toEqual([]);
  });

  it('break-glass always raises one alert per doctor, patient and day; the officer gets it live and by e-mail', async () => {
    const d = staff();
    const patientId = randomUUID();
    const live = await subscribeLive(
      { url: h.url, pubsub: h.service.services.pubsub, channel: SECURITY_ALERT_CHANNEL },
      officer,
      'subscription { securityAlertRaised { id rule actorId patientId severity explanation } }',
    );
    const mails = smtp.mails.length;
    await appendStreamEvents(h.service, [
      { ...d, patientId, purpose: 'breakGlass', occurredAt: msk('10:00') },
      { ...d, patientId, purpose: 'breakGlass', occurredAt: msk('10:05') },
    ]);
    await run();
    expect((await alertsOf(d.actorId)).map((a) => [a.rule, a.severity, a.patient_id])).toEqual([
      ['breakGlass', 'high', patientId],
    ]);
    const event = await live.next((e) => e.data?.securityAlertRaised?.actorId === d.actorId);
    expect(event.data.securityAlertRaised).toMatchObject({ rule: 'breakGlass', patientId, severity: 'HIGH' });
    expect(event.data.securityAlertRaised.explanation).toMatch(/экстренного доступа/);
    await live.close();
    const mail = smtp.mails.slice(mails).find((m) => m.text?.includes(event.data.securityAlertRaised.id));
    expect(mail?.subject).toBe('Мониторинг доступа: Экстренный доступ к медкарте');
    expect(JSON.stringify(mail?.to)).toContain('security@medikamente.local');
    // No patient or staff identifiers in the mail: the officer opens the console.
    expect(`${mail?.subject} ${mail?.text}`).not.toContain(patientId);
    expect(`${mail?.subject} ${mail?.text}`).not.toContain(d.actorId);
    // The same events again (a replay): nothing new.
    await appendStreamEvents(h.service, [
      { ...d, patientId, purpose: 'breakGlass', occurredAt: msk('11:00') },
    ]);
    await run();
    expect(await alertsOf(d.actorId)).toHaveLength(1);
  });

  it('flag clinical data without a relationship, VIP patients and after-hours access', async () => {
    const d = staff();
    const vipPatient = randomUUID();
    const flag = await h.query(
      'mutation ($i: SetVipPatientInput!) { setVipPatient(input: $i) { ok } }',
      { i: { patientId: vipPatient, vip: true } },
      officer,
    );
    expect(flag.data.setVipPatient.ok).toBe(true);
    await appendStreamEvents(h.service, [
      { ...d, patientId: randomUUID(), purpose: null, occurredAt: msk('12:00') },
      { ...d, patientId: vipPatient, occurredAt: msk('12:30') },
      { ...d, patientId: randomUUID(), occurredAt: msk('23:10') },
    ]);
    await run();
    expect((await alertsOf(d.actorId)).map((a) => a.rule)).toEqual(['afterHours', 'noRelationship', 'vip']);
  });

  it('flag a volume spike against the person own baseline, not a busy person at their usual pace', async () => {
    const busy = staff('receptionist');
    const spiking = staff('receptionist');
    const history: StreamEventInput[] = [];
    // Seven previous days: 100 an hour for the busy one, 10 an hour for the other.
    for (const day of [9, 10, 11, 12, 13, 16, 17]) {
      const date = `2026-11-${String(day).padStart(2, '0')}`; // working days
      for (let i = 0; i < 100; i++)
        history.push({
          ...busy,
          service: 'patient',
          patientId: randomUUID(),
          categories: ['CONTACT'],
          purpose: null,
          operation: 'BranchJournal',
          occurredAt: msk('10:10', date),
        });
      for (let i = 0; i < 10; i++)
        history.push({
          ...spiking,
          service: 'patient',
          patientId: randomUUID(),
          categories: ['CONTACT'],
          purpose: null,
          operation: 'BranchJournal',
          occurredAt: msk('10:10', date),
        });
    }
    const today: StreamEventInput[] = [];
    for (let i = 0; i < 320; i++) {
      today.push({
        ...busy,
        service: 'patient',
        patientId: randomUUID(),
        categories: ['CONTACT'],
        purpose: null,
        operation: 'BranchJournal',
        occurredAt: msk('14:20', '2026-11-20'),
      });
      today.push({
        ...spiking,
        service: 'patient',
        patientId: randomUUID(),
        categories: ['CONTACT'],
        purpose: null,
        operation: 'ExportPatients',
        occurredAt: msk('14:20', '2026-11-20'),
      });
    }
    await appendStreamEvents(h.service, history);
    await appendStreamEvents(h.service, today);
    await h.service.services.alerts.drain();
    expect(await alertsOf(busy.actorId)).toEqual([]);
    const [spike] = await alertsOf(spiking.actorId);
    expect(spike).toMatchObject({ rule: 'volumeSpike', severity: 'medium', patient_id: null });
    expect(spike!.evidence).toMatchObject({ events: 320, baselinePerWindow: 10, windowMinutes: 60 });
  });

  it('flag fishing: many searches without opening a card', async () => {
    const fisher = staff('receptionist');
    const searches: StreamEventInput[] = [];
    for (let i = 0; i < 16; i++)
      searches.push({
        ...fisher,
        service: 'patient',
        patientId: randomUUID(),
        categories: ['CONTACT'],
        purpose: null,
        operation: 'SearchPatients',
        occurredAt: msk('15:01'),
      });
    await appendStreamEvents(h.service, searches);
    await run();
    const [alert] = await alertsOf(fisher.actorId);
    expect(alert).toMatchObject({ rule: 'fishing', evidence: expect.objectContaining({ searches: 16 }) });
  });

  it('a search followed by opening one patient by any operation is work, a list of many is not an opening', async () => {
    const cashier = staff('cashier');
    const desk = staff('receptionist');
    const events: StreamEventInput[] = [];
    for (let i = 0; i < 16; i++) {
      const found = randomUUID();
      events.push({
        ...cashier,
        service: 'patient',
        patientId: found,
        categories: ['CONTACT'],
        purpose: null,
        operation: 'CashierPatientSearch',
        occurredAt: msk('16:01'),
      });
      events.push({
        ...desk,
        service: 'patient',
        patientId: found,
        categories: ['CONTACT'],
        purpose: null,
        operation: 'SearchPatients',
        occurredAt: msk('16:01'),
      });
    }
    // The cashier invoices one of them (an operation no list names: still one patient's data).
    events.push({
      ...cashier,
      service: 'billing',
      patientId: randomUUID(),
      categories: ['FINANCIAL'],
      purpose: null,
      operation: 'CreateDeskInvoice',
      occurredAt: msk('16:02'),
    });
    // The receptionist only looks at the journal: one request, many patients.
    const journal = randomUUID();
    for (let i = 0; i < 5; i++)
      events.push({
        ...desk,
        service: 'schedule',
        patientId: randomUUID(),
        categories: ['CONTACT'],
        purpose: null,
        operation: 'BranchJournal',
        requestId: journal,
        occurredAt: msk('16:02'),
      });
    await appendStreamEvents(h.service, events);
    await run();
    expect(await alertsOf(cashier.actorId)).toEqual([]);
    expect((await alertsOf(desk.actorId)).map((a) => a.rule)).toEqual(['fishing']);
  });

  it('raise a critical alert for a failed chain verification, not for an unreachable service', async () => {
    await h.service.database.query(
      `insert into chain_verification (service, ok, checked_events, broken_at_seq, reason_code) values
       ('lab', false, 10, 7, 'ALTERED'), ('billing', null, 0, null, 'UNREACHABLE')`,
    );
    await run();
    const rows = await h.service.database.query<{
      service: string;
      severity: string;
      evidence: { reason: string };
    }>("select service, severity, evidence from security_alert where rule = 'chainTampered'");
    expect(rows.map((r) => [r.service, r.severity, r.evidence.reason])).toEqual([
      ['lab', 'critical', 'ALTERED'],
    ]);
  });
});

describe('the officer triages alerts', () => {
  it('explains, marks as incident, keeps every step; bad input changes nothing', async () => {
    const d = staff();
    await appendStreamEvents(h.service, [
      { ...d, patientId: randomUUID(), purpose: 'breakGlass', occurredAt: msk('09:00', '2026-12-02') },
    ]);
    await run();
    const queue = await h.query(QUEUE, { f: { actorId: d.actorId, statuses: ['NEW'] } }, officer);
    const [alert] = queue.data.securityAlerts;
    expect(alert).toMatchObject({
      rule: 'breakGlass',
      ruleTitle: 'Экстренный доступ к медкарте',
      status: 'NEW',
    });

    const noNote = await h.query(TRIAGE, { input: { alertId: alert.id, status: 'EXPLAINED' } }, officer);
    expect(noNote.data.triageSecurityAlert.inputErrors).toEqual([{ field: 'input.note', code: 'REQUIRED' }]);
    const backToNew = await h.query(
      TRIAGE,
      { input: { alertId: alert.id, status: 'NEW', note: 'x' } },
      officer,
    );
    expect(backToNew.data.triageSecurityAlert.inputErrors).toEqual([
      { field: 'input.status', code: 'BAD_USER_INPUT' },
    ]);
    const missing = await h.query(TRIAGE, { input: { alertId: randomUUID(), status: 'INCIDENT' } }, officer);
    expect(missing.data.triageSecurityAlert.inputErrors).toEqual([
      { field: 'input.alertId', code: 'NOT_FOUND' },
    ]);
    const badId = await h.query(TRIAGE, { input: { alertId: 'nope', status: 'INCIDENT' } }, officer);
    expect(badId.data.triageSecurityAlert.inputErrors).toEqual([
      { field: 'input.alertId', code: 'INVALID_ID' },
    ]);
    const unchanged = await h.query(QUEUE, { f: { actorId: d.actorId } }, officer);
    expect(unchanged.data.securityAlerts[0]).toMatchObject({
      status: 'NEW',
      steps: [{ step: 'RAISED' }, { step: 'NOTIFIED' }],
    });

    const ok = await h.query(
      TRIAGE,
      { input: { alertId: alert.id, status: 'EXPLAINED', note: 'Пациент доставлен без записи, дежурство' } },
      officer,
    );
    expect(ok.data.triageSecurityAlert.alert.status).toBe('EXPLAINED');
    const assign = await h.query(
      'mutation ($i: AssignSecurityAlertInput!) { assignSecurityAlert(input: $i) { ok alert { assigneeId } } }',
      { i: { alertId: alert.id, assigneeId: 'officer-2' } },
      officer,
    );
    expect(assign.data.assignSecurityAlert.alert.assigneeId).toBe('officer-2');
    const after = await h.query(QUEUE, { f: { actorId: d.actorId } }, officer);
    expect(after.data.securityAlerts[0].steps.map((s: { step: string }) => s.step)).toEqual([
      'RAISED',
      'NOTIFIED',
      'TRIAGED',
      'ASSIGNED',
    ]);
    // The history is append-only in the database.
    await expect(h.service.database.query("update security_alert_step set note = 'x'")).rejects.toThrow(
      /append-only/,
    );
  });

  it('is the officer only: other roles are refused the queue, triage and the live alerts', async () => {
    for (const role of ['doctor', 'receptionist', 'it_admin', 'patient', 'analyst']) {
      const token = await h.tokenFor({ role, sub: randomUUID(), pid: randomUUID(), amr: ['pwd', 'otp'] });
      const q = await h.query(QUEUE, {}, token);
      expect(q.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      const t = await h.query(TRIAGE, { input: { alertId: randomUUID(), status: 'INCIDENT' } }, token);
      expect(t.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
  });

  it('explains every configured rule in Russian', async () => {
    const r = await h.query(
      '{ monitoringRules { id title explanation severity parameters enabled } }',
      {},
      officer,
    );
    expect(r.data.monitoringRules.map((x: { id: string }) => x.id)).toEqual([
      'breakGlass',
      'noRelationship',
      'vip',
      'afterHours',
      'volumeSpike',
      'fishing',
      'chainTampered',
    ]);
    for (const rule of r.data.monitoringRules) expect(rule.explanation).toMatch(/[а-я]{5}/);
  });
});

describe('after-hours in the zone of the actor branch', () => {
  it('judges the same instant by the branch of the event (from the staff token), via the rules file', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { parse, stringify } = await import('yaml');
    const { DEFAULT_RULES_FILE } = await import('../src/modules/alerts/rules.config');
    const rules = parse(readFileSync(DEFAULT_RULES_FILE, 'utf8'));
    rules.workingHours.branches = {
      'branch-nsk': { start: '08:00', end: '17:00', weekdays: [1, 2, 3, 4, 5], zone: 'Asia/Novosibirsk' },
    };
    const file = join(mkdtempSync(join(tmpdir(), 'mk-rules-')), 'rules.yaml');
    writeFileSync(file, stringify(rules));
    const b = await startSecuritySubgraph({ env: { MONITORING_RULES_FILE: file } });
    try {
      const moscow = staff('receptionist');
      const novosibirsk = staff('receptionist');
      // 18:00 in Moscow is 22:00 in Novosibirsk: open in Moscow, closed there.
      const at = msk('18:00');
      await appendStreamEvents(b.service, [
        {
          ...moscow,
          patientId: randomUUID(),
          categories: ['CONTACT'],
          purpose: null,
          occurredAt: at,
          branchIds: ['branch-msk'],
        },
        {
          ...novosibirsk,
          patientId: randomUUID(),
          categories: ['CONTACT'],
          purpose: null,
          occurredAt: at,
          branchIds: ['branch-nsk'],
        },
      ]);
      await b.service.services.alerts.evaluate();
      const rows = await b.service.database.query<{
        actor_id: string;
        rule: string;
        evidence: { zone: string };
      }>('select actor_id, rule, evidence from security_alert');
      expect(rows.map((r) => [r.actor_id, r.rule, r.evidence.zone])).toEqual([
        [novosibirsk.actorId, 'afterHours', 'Asia/Novosibirsk'],
      ]);
    } finally {
      await b.stop();
    }
  });
});

describe('investigations are the officer’s only', () => {
  it('a patient cannot read an alert about their own record, not even by a direct _entities call', async () => {
    const patientId = randomUUID();
    const d = staff();
    await appendStreamEvents(h.service, [
      { ...d, patientId, purpose: 'breakGlass', occurredAt: msk('10:00', '2026-12-03') },
    ]);
    await run();
    const [row] = await h.service.database.query<{ id: string }>(
      'select id from security_alert where actor_id = $1',
      [d.actorId],
    );
    const patient = await h.tokenFor({ role: 'patient', sub: randomUUID(), pid: patientId });
    const r = await h.query(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on SecurityAlert { id actorId evidence steps { note } } } }',
      { r: [{ __typename: 'SecurityAlert', id: row!.id }] },
      patient,
    );
    expect(JSON.stringify(r.data ?? {})).not.toContain(d.actorId);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
