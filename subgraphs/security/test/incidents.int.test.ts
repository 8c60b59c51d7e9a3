import { randomUUID } from 'node:crypto';
import { startSmtp } from '@medikamente/notifications/testing';
import type { Gauge } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendStreamEvents } from '../src/testing';
import { type SecurityHarness, startSecuritySubgraph } from './harness';

const FIELDS = `id title description status detectedAt detectedAtMoscow deadline24h deadline24hMoscow deadline72h
  deadline72hMoscow overdue overdue24hAt overdue72hAt notified24hAt notified24hRef reported72hAt reported72hRef
  ownerAccountId openedByAccountId presumedCauses harm measures contactPerson investigationResults
  responsiblePersons alertIds closedAt
  scope { actorIds services categories from to derived }
  affectedPatients { computedAt events total patientIds byCategory { category patients } }
  history { action fromStatus toStatus accountId note }`;
const PAYLOAD = `ok inputErrors { field code } incident { ${FIELDS} }`;
const m = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${PAYLOAD} } }`;
const OPEN = m('openIncident', 'OpenIncidentInput');
const LINK = m('linkAlertToIncident', 'LinkAlertToIncidentInput');
const UPDATE = m('updateIncident', 'UpdateIncidentInput');
const RESOLVE = m('resolveIncidentAffectedPatients', 'ResolveIncidentAffectedInput');
const NOTICE = m('recordIncidentNotification', 'RecordIncidentNotificationInput');
const CLOSE = m('closeIncident', 'CloseIncidentInput');
const ONE = `query($id: ID!) { incident(id: $id) { ${FIELDS} } }`;
const LIST = 'query($s: SecurityIncidentStatus) { incidents(status: $s) { id status } }';
const DRAFT = `query($id: ID!, $kind: IncidentNoticeKind) {
  incident(id: $id) { notificationDraft(kind: $kind) { kind subject text placeholders verifyNote } } }`;

/** Moscow wall-clock time as an instant. */
const msk = (iso: string) => new Date(`${iso}+03:00`);

let h: SecurityHarness;
let now = msk('2026-12-07T10:00:00');
beforeAll(async () => {
  h = await startSecuritySubgraph({ options: { background: false, now: () => now } });
});
afterAll(async () => h?.stop());

const officer = () => h.tokenFor({ role: 'security_officer', sub: randomUUID(), amr: ['pwd', 'otp'] });

async function opened(token: string, input: Record<string, unknown> = {}) {
  const r = await h.query(
    OPEN,
    { input: { title: 'Массовый просмотр карт', description: 'Сотрудник открыл много карт', ...input } },
    token,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.openIncident.inputErrors).toEqual([]);
  return r.data.openIncident.incident;
}

/** What a refused mutation must leave untouched: the incident, its steps and its links. */
async function snapshot(id: string) {
  const s = h.service.stores.incidents;
  return {
    row: await s.byId(id),
    steps: (await s.stepsOf([id])).get(id)?.length,
    alerts: await s.alertIdsOf([id]),
  };
}

async function raiseAlert(actorId: string, occurredAt: Date, service = 'record') {
  const [alert] = await h.service.stores.alerts.raise([
    {
      rule: 'volumeSpike',
      severity: 'high',
      dedupeKey: `test:${randomUUID()}`,
      actorId,
      actorRole: 'doctor',
      patientId: null,
      service,
      occurredAt,
      evidence: { streamIds: [] },
    },
  ]);
  return alert!;
}

describe('incidents: the record and its deadlines', () => {
  it('the 24-hour and 72-hour deadlines are exact instants from the detection, shown in Moscow time', async () => {
    now = msk('2026-12-08T09:00:00');
    const token = await officer();
    const i = await opened(token, { detectedAt: '2026-12-07T23:30:15+03:00' });
    expect(i).toMatchObject({
      status: 'OPEN',
      detectedAt: '2026-12-07T20:30:15.000Z',
      detectedAtMoscow: '07.12.2026 23:30 МСК',
      deadline24h: '2026-12-08T20:30:15.000Z',
      deadline24hMoscow: '08.12.2026 23:30 МСК',
      deadline72h: '2026-12-10T20:30:15.000Z',
      deadline72hMoscow: '10.12.2026 23:30 МСК',
      overdue: false,
      alertIds: [],
      affectedPatients: null,
      history: [{ action: 'OPENED', fromStatus: 'OPEN', toStatus: 'OPEN' }],
    });
    expect(i.ownerAccountId).toBe(i.openedByAccountId);

    // Default: detected now.
    const d = await opened(token);
    expect(d.detectedAt).toBe(now.toISOString());
    expect(d.deadline24h).toBe(new Date(now.getTime() + 24 * 3600_000).toISOString());
    expect(d.deadline72h).toBe(new Date(now.getTime() + 72 * 3600_000).toISOString());

    // One millisecond before the 24-hour deadline: not overdue; at it: overdue.
    now = new Date(Date.parse(i.deadline24h) - 1);
    expect((await h.query(ONE, { id: i.id }, token)).data.incident.overdue).toBe(false);
    now = new Date(i.deadline24h);
    expect((await h.query(ONE, { id: i.id }, token)).data.incident.overdue).toBe(true);
    now = msk('2026-12-08T09:00:00');
  });

  it('runs OPEN → NOTIFIED_24H → REPORTED_72H → CLOSED with the reference numbers; wrong order is refused', async () => {
    now = msk('2026-12-08T09:00:00');
    const token = await officer();
    const i = await opened(token, { detectedAt: '2026-12-08T08:00:00+03:00' });
    const early = await h.query(
      NOTICE,
      { input: { id: i.id, kind: 'RESULTS_72H', reference: 'R-2' } },
      token,
    );
    expect(early.data.recordIncidentNotification.inputErrors).toEqual([
      { field: 'input.kind', code: 'INCIDENT_STATE' },
    ]);
    const closeEarly = await h.query(CLOSE, { input: { id: i.id } }, token);
    expect(closeEarly.data.closeIncident.inputErrors).toEqual([
      { field: 'input.id', code: 'INCIDENT_STATE' },
    ]);
    const before = await snapshot(i.id);
    const beforeDetection = await h.query(
      NOTICE,
      { input: { id: i.id, kind: 'INITIAL_24H', reference: 'R-1', sentAt: '2026-12-08T07:00:00+03:00' } },
      token,
    );
    expect(beforeDetection.data.recordIncidentNotification.inputErrors).toEqual([
      { field: 'input.sentAt', code: 'INVALID_DATE' },
    ]);
    expect(await snapshot(i.id)).toEqual(before);

    const n24 = await h.query(
      NOTICE,
      {
        input: {
          id: i.id,
          kind: 'INITIAL_24H',
          reference: ' РКН-24-0001 ',
          sentAt: '2026-12-08T08:45:00+03:00',
        },
      },
      token,
    );
    expect(n24.data.recordIncidentNotification.incident).toMatchObject({
      status: 'NOTIFIED_24H',
      notified24hAt: '2026-12-08T05:45:00.000Z',
      notified24hRef: 'РКН-24-0001',
    });
    now = msk('2026-12-10T12:00:00');
    const n72 = await h.query(
      NOTICE,
      { input: { id: i.id, kind: 'RESULTS_72H', reference: 'РКН-72-0001' } },
      token,
    );
    expect(n72.data.recordIncidentNotification.incident).toMatchObject({
      status: 'REPORTED_72H',
      reported72hAt: now.toISOString(),
      reported72hRef: 'РКН-72-0001',
      overdue: false,
    });
    const closed = await h.query(CLOSE, { input: { id: i.id, note: 'Меры приняты' } }, token);
    expect(closed.data.closeIncident.incident.status).toBe('CLOSED');
    expect(closed.data.closeIncident.incident.history.map((s: { action: string }) => s.action)).toEqual([
      'OPENED',
      'NOTIFIED_24H',
      'REPORTED_72H',
      'CLOSED',
    ]);
    expect(
      (await h.query(LIST, { s: 'CLOSED' }, token)).data.incidents.map((x: { id: string }) => x.id),
    ).toContain(i.id);
    expect(
      (await h.query(LIST, { s: 'OPEN' }, token)).data.incidents.map((x: { id: string }) => x.id),
    ).not.toContain(i.id);
    // Steps are append-only in the database.
    await expect(
      h.service.database.query('delete from security_incident_step where incident_id = $1', [i.id]),
    ).rejects.toThrow(/append-only/);
    now = msk('2026-12-08T09:00:00');
  });
});

describe('incidents: alerts and affected patients from the audit', () => {
  it('opens from alerts (triaged INCIDENT), links another once, refuses an alert already linked', async () => {
    const token = await officer();
    const a1 = await raiseAlert(`doc-${randomUUID()}`, msk('2026-12-08T02:00:00'));
    const a2 = await raiseAlert(`doc-${randomUUID()}`, msk('2026-12-08T03:00:00'));
    const i = await opened(token, { alertIds: [a1.id] });
    expect(i.alertIds).toEqual([a1.id]);
    expect((await h.service.stores.alerts.byIds([a1.id])).get(a1.id)?.status).toBe('INCIDENT');
    const linked = await h.query(LINK, { input: { id: i.id, alertId: a2.id } }, token);
    expect(linked.data.linkAlertToIncident.incident.alertIds.sort()).toEqual([a1.id, a2.id].sort());
    expect((await h.service.stores.alerts.stepsOf([a2.id])).get(a2.id)?.at(-1)).toMatchObject({
      step: 'TRIAGED',
      status: 'INCIDENT',
      note: `incident:${i.id}`,
    });

    const other = await opened(token);
    const before = await snapshot(other.id);
    const again = await h.query(LINK, { input: { id: other.id, alertId: a1.id } }, token);
    expect(again.data.linkAlertToIncident).toMatchObject({
      ok: false,
      inputErrors: [{ field: 'input.alertId', code: 'INCIDENT_ALERT_LINKED' }],
      incident: null,
    });
    const missing = await h.query(LINK, { input: { id: other.id, alertId: randomUUID() } }, token);
    expect(missing.data.linkAlertToIncident.inputErrors).toEqual([
      { field: 'input.alertId', code: 'NOT_FOUND' },
    ]);
    expect(await snapshot(other.id)).toEqual(before);
    // Opening with an alert already linked writes no incident at all.
    const count = (await h.service.stores.incidents.list(null)).length;
    const fresh = await raiseAlert(`doc-${randomUUID()}`, msk('2026-12-08T04:00:00'));
    const refused = await h.query(
      OPEN,
      { input: { title: 't', description: 'd', alertIds: [fresh.id, a2.id] } },
      token,
    );
    expect(refused.data.openIncident.inputErrors).toEqual([
      { field: 'input.alertIds.1', code: 'INCIDENT_ALERT_LINKED' },
    ]);
    // Rolled back: the other alert stays untriaged and unlinked.
    expect((await h.service.stores.alerts.byIds([fresh.id])).get(fresh.id)?.status).toBe('NEW');
    expect(await h.service.stores.incidents.linkedElsewhere([fresh.id])).toEqual(new Map());
    expect((await h.service.stores.incidents.list(null)).length).toBe(count);
  });

  it('affected patients = exactly the patients in scope, counted per category; the snapshot stays until recomputed', async () => {
    now = msk('2026-12-08T12:00:00');
    const token = await officer();
    const actor = `doc-${randomUUID()}`;
    const bystander = `doc-${randomUUID()}`;
    const [p1, p2, p3, p4, p5] = Array.from({ length: 5 }, () => randomUUID()).sort();
    await appendStreamEvents(h.service, [
      { actorId: actor, actorRole: 'doctor', patientId: p1!, occurredAt: msk('2026-12-08T01:00:00') },
      { actorId: actor, actorRole: 'doctor', patientId: p1!, occurredAt: msk('2026-12-08T01:05:00') },
      {
        actorId: actor,
        actorRole: 'doctor',
        patientId: p2!,
        categories: ['HEALTH', 'CONTACT'],
        occurredAt: msk('2026-12-08T01:10:00'),
        service: 'patient',
      },
      // Outside the window, and another person's access inside it.
      { actorId: actor, actorRole: 'doctor', patientId: p3!, occurredAt: msk('2026-12-06T01:00:00') },
      { actorId: bystander, actorRole: 'doctor', patientId: p4!, occurredAt: msk('2026-12-08T01:00:00') },
    ]);
    const i = await opened(token, { detectedAt: '2026-12-08T11:00:00+03:00' });
    const scope = { actorIds: [actor], from: '2026-12-08T00:00:00+03:00', to: '2026-12-08T12:00:00+03:00' };
    const r = await h.query(RESOLVE, { input: { id: i.id, scope } }, token);
    const affected = r.data.resolveIncidentAffectedPatients.incident.affectedPatients;
    expect(affected).toEqual({
      computedAt: now.toISOString(),
      events: 3,
      total: 2,
      patientIds: [p1, p2],
      byCategory: [
        { category: 'CONTACT', patients: 1 },
        { category: 'HEALTH', patients: 2 },
      ],
    });
    expect(r.data.resolveIncidentAffectedPatients.incident.scope).toEqual({
      actorIds: [actor],
      services: [],
      categories: [],
      from: '2026-12-07T21:00:00.000Z',
      to: '2026-12-08T09:00:00.000Z',
      derived: false,
    });
    // Narrowed to a service and a category.
    const narrow = await h.query(
      RESOLVE,
      { input: { id: i.id, scope: { ...scope, services: ['patient'], categories: ['CONTACT'] } } },
      token,
    );
    expect(narrow.data.resolveIncidentAffectedPatients.incident.affectedPatients).toMatchObject({
      total: 1,
      patientIds: [p2],
      byCategory: [{ category: 'CONTACT', patients: 1 }],
    });
    await h.query(RESOLVE, { input: { id: i.id, scope } }, token);

    // The audit grows: what was resolved does not change until the officer recomputes.
    await appendStreamEvents(h.service, [
      { actorId: actor, actorRole: 'doctor', patientId: p5!, occurredAt: msk('2026-12-08T02:00:00') },
    ]);
    now = msk('2026-12-08T13:00:00');
    const stable = (await h.query(ONE, { id: i.id }, token)).data.incident.affectedPatients;
    expect(stable).toEqual(affected);
    const recomputed = await h.query(RESOLVE, { input: { id: i.id } }, token);
    expect(recomputed.data.resolveIncidentAffectedPatients.incident.affectedPatients).toMatchObject({
      computedAt: now.toISOString(),
      events: 4,
      patientIds: [p1, p2, p5],
    });
    // The history holds counts, never patient ids.
    const history = JSON.stringify(recomputed.data.resolveIncidentAffectedPatients.incident.history);
    for (const p of [p1, p2, p5]) expect(history).not.toContain(p);
    expect(recomputed.data.resolveIncidentAffectedPatients.incident.history.at(-1)).toMatchObject({
      action: 'AFFECTED_RESOLVED',
      note: 'patients:3;events:4',
    });
  });

  it('derives the scope from the linked alerts: their actors, from 24 h before the first alert to the detection', async () => {
    now = msk('2026-12-08T12:00:00');
    const token = await officer();
    const actor = `doc-${randomUUID()}`;
    const [inside, before, after] = [randomUUID(), randomUUID(), randomUUID()];
    await appendStreamEvents(h.service, [
      { actorId: actor, actorRole: 'doctor', patientId: inside, occurredAt: msk('2026-12-07T20:00:00') },
      { actorId: actor, actorRole: 'doctor', patientId: before, occurredAt: msk('2026-12-07T09:59:00') },
      { actorId: actor, actorRole: 'doctor', patientId: after, occurredAt: msk('2026-12-08T11:30:00') },
    ]);
    const alert = await raiseAlert(actor, msk('2026-12-08T10:00:00'));
    const i = await opened(token, { alertIds: [alert.id], detectedAt: '2026-12-08T11:00:00+03:00' });
    const r = await h.query(RESOLVE, { input: { id: i.id } }, token);
    expect(r.data.resolveIncidentAffectedPatients.incident).toMatchObject({
      scope: {
        actorIds: [actor],
        services: [],
        from: '2026-12-07T07:00:00.000Z',
        to: '2026-12-08T08:00:00.001Z',
        derived: true,
      },
      affectedPatients: { patientIds: [inside], total: 1 },
    });
    // No alerts and no scope: a typed error, nothing stored.
    const bare = await opened(token);
    const before2 = await snapshot(bare.id);
    const none = await h.query(RESOLVE, { input: { id: bare.id } }, token);
    expect(none.data.resolveIncidentAffectedPatients.inputErrors).toEqual([
      { field: 'input.scope', code: 'REQUIRED' },
    ]);
    expect(await snapshot(bare.id)).toEqual(before2);
  });
});

describe('incidents: the draft notification', () => {
  it('holds the facts of the incident, placeholders for what is missing, and no patient id', async () => {
    now = msk('2026-12-08T12:00:00');
    const token = await officer();
    const actor = `doc-${randomUUID()}`;
    const patients = [randomUUID(), randomUUID()];
    await appendStreamEvents(
      h.service,
      patients.map((patientId) => ({
        actorId: actor,
        actorRole: 'doctor',
        patientId,
        occurredAt: msk('2026-12-08T03:00:00'),
      })),
    );
    const i = await opened(token, {
      title: 'Выгрузка карт без основания',
      description: 'Врач просмотрел карты пациентов без лечебной связи',
      detectedAt: '2026-12-08T10:15:00+03:00',
    });
    await h.query(RESOLVE, { input: { id: i.id, scope: { actorIds: [actor] } } }, token);
    const first = (await h.query(DRAFT, { id: i.id }, token)).data.incident.notificationDraft;
    expect(first.kind).toBe('INITIAL_24H');
    expect(first.text).toContain('Выгрузка карт без основания');
    expect(first.text).toContain('Врач просмотрел карты пациентов без лечебной связи');
    expect(first.text).toContain('08.12.2026 10:15 МСК');
    expect(first.text).toContain('затронуты');
    expect(first.text).toMatch(/: 2\./);
    expect(first.text).toContain('HEALTH — 2');
    expect(first.text).toContain('ч. 3.1 ст. 21');
    expect(first.subject).toContain('09.12.2026 10:15 МСК');
    expect(first.placeholders).toEqual([
      'наименование оператора, ИНН, адрес',
      'предполагаемые причины',
      'предполагаемый вред',
      'принятые меры',
      'контактное лицо',
    ]);
    expect(first.verifyNote).toMatch(/verify/);

    await h.query(
      UPDATE,
      {
        input: {
          id: i.id,
          presumedCauses: 'Избыточные права роли',
          harm: 'Раскрытие сведений о здоровье',
          measures: 'Доступ отозван',
          contactPerson: 'Ответственный за обработку ПДн, +7 495 000-00-00',
        },
      },
      token,
    );
    const filled = (await h.query(DRAFT, { id: i.id, kind: 'INITIAL_24H' }, token)).data.incident
      .notificationDraft;
    expect(filled.placeholders).toEqual(['наименование оператора, ИНН, адрес']);
    for (const fact of [
      'Избыточные права роли',
      'Раскрытие сведений о здоровье',
      'Доступ отозван',
      '+7 495 000-00-00',
    ])
      expect(filled.text).toContain(fact);

    await h.query(NOTICE, { input: { id: i.id, kind: 'INITIAL_24H', reference: 'РКН-0042' } }, token);
    const results = (await h.query(DRAFT, { id: i.id }, token)).data.incident.notificationDraft;
    expect(results.kind).toBe('RESULTS_72H');
    expect(results.text).toContain('РКН-0042');
    expect(results.subject).toContain('11.12.2026 10:15 МСК');
    expect(results.placeholders).toEqual([
      'наименование оператора, ИНН, адрес',
      'результаты расследования',
      'лица, действия которых стали причиной',
    ]);
    for (const d of [first, filled, results])
      for (const p of patients) expect(JSON.stringify(d)).not.toContain(p);
  });
});

describe('incidents: access and bad input', () => {
  it('non-officers are refused every operation and nothing is written', async () => {
    const token = await officer();
    const i = await opened(token);
    const before = await snapshot(i.id);
    const count = (await h.service.stores.incidents.list(null)).length;
    for (const claims of [
      { role: 'doctor', sub: randomUUID() },
      { role: 'patient', sub: randomUUID(), pid: randomUUID() },
      { role: 'it_admin', sub: randomUUID(), amr: ['pwd', 'otp'] },
    ]) {
      const other = await h.tokenFor(claims);
      for (const [q, variables] of [
        [OPEN, { input: { title: 't', description: 'd' } }],
        [LINK, { input: { id: i.id, alertId: randomUUID() } }],
        [UPDATE, { input: { id: i.id, harm: 'x' } }],
        [RESOLVE, { input: { id: i.id, scope: { actorIds: ['x'] } } }],
        [NOTICE, { input: { id: i.id, kind: 'INITIAL_24H', reference: 'x' } }],
        [CLOSE, { input: { id: i.id } }],
        [ONE, { id: i.id }],
        [LIST, {}],
      ] as const) {
        const r = await h.query(q, variables, other);
        expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
    }
    expect(await snapshot(i.id)).toEqual(before);
    expect((await h.service.stores.incidents.list(null)).length).toBe(count);
  });

  it('junk input answers typed errors and writes nothing', async () => {
    const token = await officer();
    const i = await opened(token);
    const before = await snapshot(i.id);
    const count = (await h.service.stores.incidents.list(null)).length;
    const cases: Array<[string, Record<string, unknown>, string, Array<{ field: string; code: string }>]> = [
      [
        OPEN,
        { title: ' ', description: 'x'.repeat(5000), detectedAt: 'вчера', alertIds: ['nope'] },
        'openIncident',
        [
          { field: 'input.title', code: 'REQUIRED' },
          { field: 'input.description', code: 'TOO_LONG' },
          { field: 'input.detectedAt', code: 'INVALID_DATE' },
          { field: 'input.alertIds.0', code: 'INVALID_ID' },
        ],
      ],
      [
        OPEN,
        { title: 't', description: 'd', detectedAt: '2027-06-01T00:00:00Z' },
        'openIncident',
        [{ field: 'input.detectedAt', code: 'INVALID_DATE' }],
      ],
      [
        OPEN,
        { title: 't\u0000', description: 'd' },
        'openIncident',
        [{ field: 'input.title', code: 'BAD_USER_INPUT' }],
      ],
      [
        LINK,
        { id: 'x', alertId: 'y' },
        'linkAlertToIncident',
        [
          { field: 'input.id', code: 'INVALID_ID' },
          { field: 'input.alertId', code: 'INVALID_ID' },
        ],
      ],
      [UPDATE, { id: randomUUID(), harm: 'x' }, 'updateIncident', [{ field: 'input.id', code: 'NOT_FOUND' }]],
      [
        UPDATE,
        { id: i.id, ownerAccountId: 'a b', measures: 'x'.repeat(4001) },
        'updateIncident',
        [
          { field: 'input.ownerAccountId', code: 'INVALID_ID' },
          { field: 'input.measures', code: 'TOO_LONG' },
        ],
      ],
      [
        RESOLVE,
        { id: i.id, scope: {} },
        'resolveIncidentAffectedPatients',
        [{ field: 'input.scope', code: 'REQUIRED' }],
      ],
      [
        RESOLVE,
        {
          id: i.id,
          scope: {
            services: ['Bad Name'],
            categories: ['health'],
            from: '2026-12-08T10:00:00Z',
            to: '2026-12-08T09:00:00Z',
          },
        },
        'resolveIncidentAffectedPatients',
        [
          { field: 'input.scope.services.0', code: 'BAD_USER_INPUT' },
          { field: 'input.scope.categories.0', code: 'BAD_USER_INPUT' },
          { field: 'input.scope.to', code: 'BAD_USER_INPUT' },
        ],
      ],
      [
        RESOLVE,
        { id: i.id, scope: { from: '2026-13-45' } },
        'resolveIncidentAffectedPatients',
        [{ field: 'input.scope.from', code: 'INVALID_DATE' }],
      ],
      [
        NOTICE,
        { id: i.id, kind: 'INITIAL_24H', reference: '  ', sentAt: 'x' },
        'recordIncidentNotification',
        [
          { field: 'input.reference', code: 'REQUIRED' },
          { field: 'input.sentAt', code: 'INVALID_DATE' },
        ],
      ],
      [
        CLOSE,
        { id: i.id, note: '\u0001' },
        'closeIncident',
        [{ field: 'input.note', code: 'BAD_USER_INPUT' }],
      ],
    ];
    for (const [q, input, name, errors] of cases) {
      const r = await h.query(q, { input }, token);
      expect(r.errors, name).toBeUndefined();
      expect(r.data[name], name).toMatchObject({ ok: false, inputErrors: errors, incident: null });
    }
    const byBadId = await h.query(ONE, { id: 'nope' }, token);
    expect(byBadId.errors?.map((e) => e.extensions?.code)).toEqual(['INVALID_ID']);
    expect((await h.query(ONE, { id: randomUUID() }, token)).data.incident).toBeNull();
    expect(await snapshot(i.id)).toEqual(before);
    expect((await h.service.stores.incidents.list(null)).length).toBe(count);
  });
});

describe('incidents: overdue deadlines', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let r: SecurityHarness;
  let clock = msk('2026-12-07T10:00:00');
  beforeAll(async () => {
    smtp = await startSmtp();
    r = await startSecuritySubgraph({
      env: { NOTIFY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SECURITY_ALERT_EMAIL: 'dpo@clinic.test' },
      options: { background: false, now: () => clock },
    });
  });
  afterAll(async () => {
    await r?.stop();
    await smtp?.close();
  });
  const gauge = async () => {
    const metric = r.service.services.metrics.all.find(
      (x) => (x as unknown as { name: string }).name === 'medikamente_incidents_overdue',
    ) as Gauge;
    return (await metric.get()).values[0]?.value;
  };
  const mailsAbout = (id: string) => smtp.mails.filter((x) => x.text?.includes(id));

  it('flags a passed deadline, mails the officers once per deadline and counts it in the gauge', async () => {
    const token = await r.tokenFor({ role: 'security_officer', sub: randomUUID(), amr: ['pwd', 'otp'] });
    const o = await r.query(
      OPEN,
      { input: { title: 'Утечка выгрузки', description: 'Файл выгрузки отправлен не тому адресату' } },
      token,
    );
    const i = o.data.openIncident.incident;
    const jobs = r.service.services.incidents;

    clock = msk('2026-12-08T09:59:59');
    expect(await jobs.checkOverdue()).toEqual({ overdue: 0, mailed: 0, flagged: 0 });
    expect(await gauge()).toBe(0);

    clock = msk('2026-12-08T10:00:00'); // exactly 24 h after detection
    expect(await jobs.checkOverdue()).toEqual({ overdue: 1, mailed: 1, flagged: 1 });
    expect(await jobs.checkOverdue()).toEqual({ overdue: 1, mailed: 0, flagged: 0 });
    expect(mailsAbout(i.id)).toHaveLength(1);
    const mail = mailsAbout(i.id)[0]!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('dpo@clinic.test');
    expect(mail.subject).toContain('24 часа');
    expect(mail.text).toContain('08.12.2026 10:00 МСК');
    // No free text of the officer (the title may name someone) in the e-mail.
    expect(mail.text).not.toContain('Утечка выгрузки');
    expect(await gauge()).toBe(1);
    let one = (await r.query(ONE, { id: i.id }, token)).data.incident;
    expect(one.overdue).toBe(true);
    expect(one.overdue24hAt).not.toBeNull();
    expect(one.history.filter((s: { action: string }) => s.action === 'OVERDUE_24H')).toHaveLength(1);

    // Submitted late: no longer overdue until the 72-hour deadline passes without the results.
    await r.query(NOTICE, { input: { id: i.id, kind: 'INITIAL_24H', reference: 'РКН-1' } }, token);
    await jobs.checkOverdue();
    expect(await gauge()).toBe(0);
    clock = msk('2026-12-10T10:00:00');
    await jobs.checkOverdue();
    await jobs.checkOverdue();
    expect(await gauge()).toBe(1);
    expect(mailsAbout(i.id).map((x) => x.subject)).toEqual([
      expect.stringContaining('24 часа'),
      expect.stringContaining('72 часа'),
    ]);
    one = (await r.query(ONE, { id: i.id }, token)).data.incident;
    expect(one.overdue72hAt).not.toBeNull();
    await r.query(NOTICE, { input: { id: i.id, kind: 'RESULTS_72H', reference: 'РКН-2' } }, token);
    await jobs.checkOverdue();
    expect(await gauge()).toBe(0);
    expect(mailsAbout(i.id)).toHaveLength(2);
  });
});
