import { randomUUID } from 'node:crypto';
import { startSmtp } from '@medikamente/notifications/testing';
import type { Gauge } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SecurityHarness, startSecuritySubgraph } from './harness';

const FIELDS = `id patientId type typeLabel channel status statusLabel details receivedOn dueOn originalDueOn
  legalBasis extendable overdue escalatedAt ownerAccountId extensionReason refusalReason completionNote
  outcomeRef closedAt history { action fromStatus toStatus accountId }`;
const PAYLOAD = `ok inputErrors { field code } request { ${FIELDS} }`;
const FILE = `mutation($input: FileDataRequestInput!) { fileDataRequest(input: $input) { ${PAYLOAD} } }`;
const REGISTER = `mutation($input: RegisterDataRequestInput!) { registerDataRequest(input: $input) { ${PAYLOAD} } }`;
const ASSIGN = `mutation($input: AssignDataRequestInput!) { assignDataRequest(input: $input) { ${PAYLOAD} } }`;
const EXTEND = `mutation($input: ExtendDataRequestInput!) { extendDataRequest(input: $input) { ${PAYLOAD} } }`;
const COMPLETE = `mutation($input: CompleteDataRequestInput!) { completeDataRequest(input: $input) { ${PAYLOAD} } }`;
const REFUSE = `mutation($input: RefuseDataRequestInput!) { refuseDataRequest(input: $input) { ${PAYLOAD} } }`;
const MINE = `{ myDataRequests { ${FIELDS} } }`;
const ONE = `query($id: ID!) { dataRequest(id: $id) { ${FIELDS} } }`;
const LIST = `query($f: DataRequestFilter) { dataRequests(filter: $f) { id status type overdue } }`;

/** Moscow wall-clock time as an instant. */
const msk = (iso: string) => new Date(`${iso}+03:00`);

let h: SecurityHarness;
let now = msk('2026-12-07T10:00:00');
beforeAll(async () => {
  h = await startSecuritySubgraph({ options: { background: false, now: () => now } });
});
afterAll(async () => h?.stop());

const patient = async (patientId = randomUUID()) => ({
  patientId,
  token: await h.tokenFor({ role: 'patient', sub: randomUUID(), pid: patientId }),
});
const officer = () => h.tokenFor({ role: 'security_officer', sub: randomUUID(), amr: ['pwd', 'otp'] });
const key = () => randomUUID();

/** What a refused mutation must leave untouched: the row and its history. */
async function snapshot(id: string) {
  const s = h.service.stores.requests;
  return { row: await s.byId(id), steps: (await s.stepsOf([id])).length };
}

async function registered(token: string, input: Record<string, unknown> = {}) {
  const r = await h.query(
    REGISTER,
    {
      input: { patientId: randomUUID(), type: 'ACCESS', channel: 'MAIL', idempotencyKey: key(), ...input },
    },
    token,
  );
  expect(r.data.registerDataRequest.inputErrors).toEqual([]);
  return r.data.registerDataRequest.request;
}

describe('data-subject requests: the patient', () => {
  it('files a request from the portal and sees only their own', async () => {
    now = msk('2026-12-07T10:00:00');
    const me = await patient();
    const filed = await h.query(FILE, { input: { type: 'ACCESS', idempotencyKey: key() } }, me.token);
    const request = filed.data.fileDataRequest.request;
    expect(filed.data.fileDataRequest.ok).toBe(true);
    expect(request).toMatchObject({
      patientId: me.patientId,
      type: 'ACCESS',
      typeLabel: 'Предоставление сведений о персональных данных',
      channel: 'PORTAL',
      status: 'RECEIVED',
      statusLabel: 'Получено',
      receivedOn: '2026-12-07',
      dueOn: '2026-12-21',
      originalDueOn: '2026-12-21',
      extendable: true,
      overdue: false,
      history: [
        { action: 'RECEIVED', fromStatus: null, toStatus: 'RECEIVED', accountId: expect.any(String) },
      ],
    });
    expect(request.legalBasis).toMatch(/ч\. 1 ст\. 20 Федерального закона № 152-ФЗ/);
    expect((await h.query(MINE, {}, me.token)).data.myDataRequests.map((r: { id: string }) => r.id)).toEqual([
      request.id,
    ]);
    expect((await h.query(ONE, { id: request.id }, me.token)).data.dataRequest.id).toBe(request.id);

    // Another patient: not in their list, null by id (as for a made-up id), cannot act on it.
    const other = await patient();
    expect((await h.query(MINE, {}, other.token)).data.myDataRequests).toEqual([]);
    const byId = await h.query(ONE, { id: request.id }, other.token);
    expect(byId.errors).toBeUndefined();
    expect(byId.data.dataRequest).toBeNull();
    const before = await snapshot(request.id);
    for (const [q, input] of [
      [ASSIGN, { id: request.id, ownerAccountId: 'x' }],
      [EXTEND, { id: request.id, reason: 'x' }],
      [COMPLETE, { id: request.id }],
      [REFUSE, { id: request.id, reason: 'x' }],
    ] as const) {
      const r = await h.query(q, { input }, other.token);
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect((await h.query(LIST, {}, other.token)).errors?.map((e) => e.extensions?.code)).toEqual([
      'FORBIDDEN',
    ]);
    expect(await snapshot(request.id)).toEqual(before);
  });

  it('a correction needs details; bad input writes nothing', async () => {
    const me = await patient();
    const r = await h.query(
      FILE,
      { input: { type: 'CORRECTION', details: '  ', idempotencyKey: key() } },
      me.token,
    );
    expect(r.data.fileDataRequest).toMatchObject({
      ok: false,
      inputErrors: [{ field: 'input.details', code: 'REQUIRED' }],
      request: null,
    });
    expect(await h.service.stores.requests.forPatient(me.patientId)).toEqual([]);
  });

  it('create is idempotent per key', async () => {
    const me = await patient();
    const input = { type: 'ERASURE', details: 'Удалить данные для рассылок', idempotencyKey: key() };
    const first = await h.query(FILE, { input }, me.token);
    const again = await h.query(FILE, { input }, me.token);
    expect(again.data.fileDataRequest.request.id).toBe(first.data.fileDataRequest.request.id);
    const changed = await h.query(FILE, { input: { ...input, type: 'ACCESS' } }, me.token);
    expect(changed.data.fileDataRequest.inputErrors).toEqual([
      { field: 'input.idempotencyKey', code: 'IDEMPOTENCY_MISMATCH' },
    ]);
    expect(await h.service.stores.requests.forPatient(me.patientId)).toHaveLength(1);
  });
});

describe('data-subject requests: deadlines', () => {
  it('each type has its legal deadline across the New Year holidays (received 30 Dec 2026)', async () => {
    now = msk('2026-12-30T16:00:00');
    const me = await patient();
    const due: Record<string, string> = {};
    const basis: Record<string, string> = {};
    for (const type of ['ACCESS', 'CORRECTION', 'STOP_PROCESSING', 'CONSENT_WITHDRAWAL', 'ERASURE']) {
      const r = await h.query(
        FILE,
        { input: { type, details: 'Текст обращения', idempotencyKey: key() } },
        me.token,
      );
      due[type] = r.data.fileDataRequest.request.dueOn;
      basis[type] = r.data.fileDataRequest.request.legalBasis;
      expect(r.data.fileDataRequest.request.receivedOn).toBe('2026-12-30');
    }
    // 31 Dec, 1–8 Jan and the weekend 9–10 Jan are not working days: 11 Jan 2027 is day 1.
    expect(due).toEqual({
      ACCESS: '2027-01-22', // 10 working days
      CORRECTION: '2027-01-19', // 7 working days
      STOP_PROCESSING: '2027-01-22', // 10 working days
      CONSENT_WITHDRAWAL: '2027-01-29', // 30 calendar days
      ERASURE: '2027-01-19', // 7 working days
    });
    expect(basis.CORRECTION).toMatch(/7 рабочих дней/);
    expect(basis.STOP_PROCESSING).toMatch(/ч\. 5\.1 ст\. 21/);
    expect(basis.CONSENT_WITHDRAWAL).toMatch(/30 дней/);
  });

  it('a request received on the Friday before 23 February (registered later by the officer)', async () => {
    now = msk('2026-03-02T10:00:00');
    const token = await officer();
    const r = await registered(token, { type: 'ACCESS', receivedOn: '2026-02-20', channel: 'IN_PERSON' });
    // 21–22 weekend, 23 Feb holiday, 9 Mar the day off for 8 Mar.
    expect(r).toMatchObject({ receivedOn: '2026-02-20', dueOn: '2026-03-10', channel: 'IN_PERSON' });
  });
});

describe('data-subject requests: the security officer', () => {
  it('runs a request through assign, extend and complete; invalid transitions are typed errors', async () => {
    now = msk('2026-12-07T10:00:00');
    const token = await officer();
    const request = await registered(token, { type: 'STOP_PROCESSING', details: 'Прекратить рассылки' });
    expect(request).toMatchObject({ channel: 'MAIL', status: 'RECEIVED', dueOn: '2026-12-21' });

    // Not assigned yet: cannot be completed or refused.
    for (const [q, input] of [
      [COMPLETE, { id: request.id }],
      [REFUSE, { id: request.id, reason: 'Нет оснований' }],
    ] as const) {
      const before = await snapshot(request.id);
      const r = await h.query(q, { input }, token);
      const p = Object.values(r.data)[0] as { inputErrors: unknown; request: unknown };
      expect(p).toMatchObject({
        inputErrors: [{ field: 'input.id', code: 'DATA_REQUEST_STATE' }],
        request: null,
      });
      expect(await snapshot(request.id)).toEqual(before);
    }

    const owner = randomUUID();
    const assigned = await h.query(ASSIGN, { input: { id: request.id, ownerAccountId: owner } }, token);
    expect(assigned.data.assignDataRequest.request).toMatchObject({
      status: 'IN_PROGRESS',
      ownerAccountId: owner,
    });

    const noReason = await h.query(EXTEND, { input: { id: request.id, reason: ' ' } }, token);
    expect(noReason.data.extendDataRequest.inputErrors).toEqual([
      { field: 'input.reason', code: 'REQUIRED' },
    ]);
    const extended = await h.query(
      EXTEND,
      { input: { id: request.id, reason: 'Требуется запрос сведений в филиалах' } },
      token,
    );
    expect(extended.data.extendDataRequest.request).toMatchObject({
      status: 'EXTENDED',
      dueOn: '2026-12-28',
      originalDueOn: '2026-12-21',
      extendable: false,
      extensionReason: 'Требуется запрос сведений в филиалах',
    });
    const before = await snapshot(request.id);
    const twice = await h.query(EXTEND, { input: { id: request.id, reason: 'Ещё раз' } }, token);
    expect(twice.data.extendDataRequest.inputErrors).toEqual([
      { field: 'input.id', code: 'DATA_REQUEST_ALREADY_EXTENDED' },
    ]);
    expect(await snapshot(request.id)).toEqual(before);

    const done = await h.query(
      COMPLETE,
      { input: { id: request.id, note: 'Обработка прекращена', outcomeRef: 'act-1' } },
      token,
    );
    expect(done.data.completeDataRequest.request).toMatchObject({
      status: 'COMPLETED',
      completionNote: 'Обработка прекращена',
      outcomeRef: 'act-1',
      closedAt: expect.any(String),
    });
    const closed = await snapshot(request.id);
    for (const [q, input] of [
      [COMPLETE, { id: request.id }],
      [REFUSE, { id: request.id, reason: 'Нет оснований' }],
      [ASSIGN, { id: request.id, ownerAccountId: owner }],
      [EXTEND, { id: request.id, reason: 'Поздно' }],
    ] as const) {
      const r = await h.query(q, { input }, token);
      expect((Object.values(r.data)[0] as { inputErrors: unknown }).inputErrors).toEqual([
        { field: 'input.id', code: 'DATA_REQUEST_STATE' },
      ]);
    }
    expect(await snapshot(request.id)).toEqual(closed);
    const history = (await h.query(ONE, { id: request.id }, token)).data.dataRequest.history;
    expect(history.map((s: { action: string; toStatus: string }) => `${s.action}:${s.toStatus}`)).toEqual([
      'RECEIVED:RECEIVED',
      'ASSIGNED:IN_PROGRESS',
      'EXTENDED:EXTENDED',
      'COMPLETED:COMPLETED',
    ]);
    // The history is append-only in the database itself.
    await expect(
      h.service.database.query('delete from data_request_step where request_id = $1', [request.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses with a reason; deadlines the law does not extend stay', async () => {
    now = msk('2026-12-07T10:00:00');
    const token = await officer();
    const request = await registered(token, { type: 'CORRECTION', details: 'Исправить адрес' });
    const notExtendable = await h.query(
      EXTEND,
      { input: { id: request.id, reason: 'Нужно больше времени' } },
      token,
    );
    expect(notExtendable.data.extendDataRequest.inputErrors).toEqual([
      { field: 'input.id', code: 'DATA_REQUEST_NOT_EXTENDABLE' },
    ]);
    await h.query(ASSIGN, { input: { id: request.id, ownerAccountId: randomUUID() } }, token);
    const refused = await h.query(
      REFUSE,
      { input: { id: request.id, reason: 'Сведения подтверждены документами (ч. 3 ст. 20 152-ФЗ)' } },
      token,
    );
    expect(refused.data.refuseDataRequest.request).toMatchObject({
      status: 'REFUSED',
      statusLabel: 'Отказано',
      refusalReason: 'Сведения подтверждены документами (ч. 3 ст. 20 152-ФЗ)',
    });
  });

  it('unknown ids and bad registrations answer input errors and write nothing', async () => {
    now = msk('2026-12-07T10:00:00');
    const token = await officer();
    const missing = await h.query(ASSIGN, { input: { id: randomUUID(), ownerAccountId: 'o' } }, token);
    expect(missing.data.assignDataRequest.inputErrors).toEqual([{ field: 'input.id', code: 'NOT_FOUND' }]);
    const badId = await h.query(COMPLETE, { input: { id: 'nope' } }, token);
    expect(badId.data.completeDataRequest.inputErrors).toEqual([{ field: 'input.id', code: 'INVALID_ID' }]);

    const patientId = randomUUID();
    const base = { patientId, type: 'ACCESS', channel: 'MAIL', idempotencyKey: key() };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ channel: 'PORTAL' }, 'input.channel', 'BAD_USER_INPUT'],
      [{ receivedOn: '2026-12-08' }, 'input.receivedOn', 'INVALID_DATE'],
      [{ receivedOn: '2026-02-30' }, 'input.receivedOn', 'INVALID_DATE'],
      [{ receivedOn: '2025-01-10' }, 'input.receivedOn', 'INVALID_DATE'],
      [{ patientId: 'x' }, 'input.patientId', 'INVALID_ID'],
      [{ type: 'CORRECTION' }, 'input.details', 'REQUIRED'],
    ];
    for (const [change, field, code] of cases) {
      const r = await h.query(REGISTER, { input: { ...base, ...change } }, token);
      expect(r.data.registerDataRequest.inputErrors, JSON.stringify(change)).toEqual([{ field, code }]);
    }
    expect(await h.service.stores.requests.forPatient(patientId)).toEqual([]);
  });

  it('filters the register by status, type and overdue; a passed deadline cannot be extended', async () => {
    now = msk('2026-12-01T10:00:00');
    const token = await officer();
    const old = await registered(token, { type: 'ACCESS' }); // due 15 Dec
    expect(old.dueOn).toBe('2026-12-15');
    now = msk('2026-12-16T10:00:00');
    const fresh = await registered(token, { type: 'ACCESS' });
    const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
    const overdue = (await h.query(LIST, { f: { overdue: true, type: 'ACCESS' } }, token)).data.dataRequests;
    expect(ids(overdue)).toContain(old.id);
    expect(ids(overdue)).not.toContain(fresh.id);
    expect(overdue.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
    const notOverdue = (await h.query(LIST, { f: { overdue: false, type: 'ACCESS' } }, token)).data
      .dataRequests;
    expect(ids(notOverdue)).toContain(fresh.id);
    expect(ids(notOverdue)).not.toContain(old.id);
    const received = (await h.query(LIST, { f: { status: 'RECEIVED', type: 'ERASURE' } }, token)).data
      .dataRequests;
    expect(received.length).toBeGreaterThan(0);
    expect(
      received.every(
        (r: { status: string; type: string }) => r.status === 'RECEIVED' && r.type === 'ERASURE',
      ),
    ).toBe(true);
    expect((await h.query(ONE, { id: old.id }, token)).data.dataRequest.extendable).toBe(false);
    const before = await snapshot(old.id);
    const late = await h.query(EXTEND, { input: { id: old.id, reason: 'Поздно' } }, token);
    expect(late.data.extendDataRequest.inputErrors).toEqual([
      { field: 'input.id', code: 'DATA_REQUEST_DEADLINE_PASSED' },
    ]);
    expect(await snapshot(old.id)).toEqual(before);
  });
});

describe('data-subject requests: reminders and escalation', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let r: SecurityHarness;
  let clock = msk('2026-12-07T10:00:00');
  const owner = randomUUID();
  beforeAll(async () => {
    smtp = await startSmtp();
    r = await startSecuritySubgraph({
      env: {
        NOTIFY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        DSR_OFFICERS_EMAIL: 'dpo@clinic.test',
        DSR_REMIND_WITHIN_DAYS: '3,1',
        DSR_CONSOLE_URL: 'https://staff.clinic.test/security/requests',
      },
      options: {
        background: false,
        now: () => clock,
        ownerEmails: async (id) => (id === owner ? 'owner@clinic.test' : undefined),
      },
    });
  });
  afterAll(async () => {
    await r?.stop();
    await smtp?.close();
  });

  const gauge = async (name: string) => {
    const metric = r.service.services.metrics.all.find(
      (m) => (m as unknown as { name: string }).name === name,
    ) as Gauge;
    return (await metric.get()).values[0]?.value;
  };
  const mailsAbout = (id: string) => smtp.mails.filter((m) => m.text?.includes(id));

  it('reminds the owner once per threshold, escalates once when the deadline passes, flags and counts', async () => {
    const token = await r.tokenFor({ role: 'security_officer', sub: randomUUID(), amr: ['pwd', 'otp'] });
    const patientId = randomUUID();
    const reg = await r.query(
      REGISTER,
      {
        input: { patientId, type: 'ACCESS', channel: 'EMAIL', idempotencyKey: randomUUID() },
      },
      token,
    );
    const assigned = reg.data.registerDataRequest.request;
    expect(assigned.dueOn).toBe('2026-12-21');
    await r.query(ASSIGN, { input: { id: assigned.id, ownerAccountId: owner } }, token);
    // An unassigned one: its reminders go to the officers' mailbox.
    const unassigned = (
      await r.query(
        REGISTER,
        {
          input: { patientId, type: 'ACCESS', channel: 'MAIL', idempotencyKey: randomUUID() },
        },
        token,
      )
    ).data.registerDataRequest.request;
    const jobs = r.service.services.requests;

    clock = msk('2026-12-15T09:00:00'); // 4 working days left
    expect(await jobs.remind()).toMatchObject({ overdue: 0, dueSoon: 0, reminded: 0 });
    expect(smtp.mails).toHaveLength(0);

    clock = msk('2026-12-16T09:00:00'); // 3 left: the 3-day reminder
    await jobs.remind();
    await jobs.remind();
    expect(mailsAbout(assigned.id).map((m) => (m.to && 'text' in m.to ? m.to.text : ''))).toEqual([
      'owner@clinic.test',
    ]);
    expect(mailsAbout(unassigned.id).map((m) => (m.to && 'text' in m.to ? m.to.text : ''))).toEqual([
      'dpo@clinic.test',
    ]);
    expect(await gauge('medikamente_dsr_due_soon')).toBe(2);

    clock = msk('2026-12-18T09:00:00'); // 1 left: the 1-day reminder
    await jobs.remind();
    await jobs.remind();
    expect(mailsAbout(assigned.id)).toHaveLength(2);

    clock = msk('2026-12-22T09:00:00'); // the deadline (21 Dec) has passed
    expect(await jobs.remind()).toMatchObject({ overdue: 2, dueSoon: 0, escalated: 2 });
    expect(await jobs.remind()).toMatchObject({ overdue: 2, escalated: 0 });
    const escalations = mailsAbout(assigned.id).filter((m) => m.subject?.startsWith('Просрочен'));
    expect(escalations.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort()).toEqual([
      'dpo@clinic.test',
      'owner@clinic.test',
    ]);
    expect(mailsAbout(unassigned.id).filter((m) => m.subject?.startsWith('Просрочен'))).toHaveLength(1);
    expect(await gauge('medikamente_dsr_overdue')).toBe(2);
    expect(await gauge('medikamente_dsr_due_soon')).toBe(0);

    const seen = (await r.query(ONE, { id: assigned.id }, token)).data.dataRequest;
    expect(seen).toMatchObject({ overdue: true, escalatedAt: expect.any(String) });
    expect(seen.history.map((s: { action: string }) => s.action)).toEqual([
      'RECEIVED',
      'ASSIGNED',
      'REMINDED',
      'REMINDED',
      'ESCALATED',
    ]);

    // No personal data in any e-mail: the request link and the deadline only.
    for (const m of smtp.mails) {
      expect(`${m.subject}\n${m.text}`).not.toContain(patientId);
      expect(m.text).toMatch(/https:\/\/staff\.clinic\.test\/security\/requests\/[0-9a-f-]{36}/);
    }

    // Completed: no more reminders, no longer counted.
    await r.query(COMPLETE, { input: { id: assigned.id } }, token);
    const total = smtp.mails.length;
    expect(await jobs.remind()).toMatchObject({ overdue: 1 });
    expect(smtp.mails).toHaveLength(total);
  });
});

describe('data-subject requests: the background job', () => {
  it('the running service escalates an overdue request by itself', async () => {
    const smtp = await startSmtp();
    let clock = msk('2026-12-01T10:00:00');
    const s = await startSecuritySubgraph({
      env: {
        NOTIFY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        DSR_OFFICERS_EMAIL: 'dpo@clinic.test',
        DSR_CHECK_MS: '100',
      },
      options: { background: true, now: () => clock },
    });
    try {
      const token = await s.tokenFor({ role: 'security_officer', sub: randomUUID(), amr: ['pwd', 'otp'] });
      const reg = await s.query(
        REGISTER,
        {
          input: { patientId: randomUUID(), type: 'ERASURE', channel: 'MAIL', idempotencyKey: randomUUID() },
        },
        token,
      );
      const id = reg.data.registerDataRequest.request.id;
      clock = msk('2026-12-11T10:00:00'); // due 10 Dec
      await vi.waitFor(
        async () => {
          expect((await s.service.stores.requests.byId(id))?.escalatedAt).toBeInstanceOf(Date);
          expect(smtp.mails.filter((m) => m.text?.includes(id))).toHaveLength(1);
        },
        { timeout: 20_000, interval: 100 },
      );
    } finally {
      await s.stop();
      await smtp.close();
    }
  });
});

describe('data-subject requests: a failing mail server', () => {
  it('the escalation is retried on later passes and delivered once', async () => {
    let refuse = true;
    const smtp = await startSmtp({ rejectRecipient: () => refuse });
    let clock = msk('2026-12-01T10:00:00');
    const s = await startSecuritySubgraph({
      env: { NOTIFY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, DSR_OFFICERS_EMAIL: 'dpo@clinic.test' },
      options: { background: false, now: () => clock },
    });
    try {
      const token = await s.tokenFor({ role: 'security_officer', sub: randomUUID(), amr: ['pwd', 'otp'] });
      const reg = await s.query(
        REGISTER,
        {
          input: {
            patientId: randomUUID(),
            type: 'CORRECTION',
            details: 'Адрес',
            channel: 'MAIL',
            idempotencyKey: randomUUID(),
          },
        },
        token,
      );
      const id = reg.data.registerDataRequest.request.id;
      clock = msk('2026-12-11T10:00:00'); // due 10 Dec
      expect(await s.service.services.requests.remind()).toMatchObject({ overdue: 1, escalated: 1 });
      expect(smtp.mails).toHaveLength(0);
      expect((await s.service.stores.requests.byId(id))?.escalatedAt).toBeInstanceOf(Date);
      refuse = false;
      await s.service.services.requests.remind();
      await s.service.services.requests.remind();
      expect(smtp.mails.filter((m) => m.text?.includes(id))).toHaveLength(1);
      const steps = await s.service.stores.requests.stepsOf([id]);
      expect(steps.filter((st) => st.action === 'ESCALATED')).toHaveLength(1);
    } finally {
      await s.stop();
      await smtp.close();
    }
  });
});
