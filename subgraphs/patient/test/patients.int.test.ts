import { randomUUID } from 'node:crypto';
import { codes } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PatientHarness, startPatientSubgraph, uniquePhone } from './harness';

let h: PatientHarness;
let reception: string;
beforeAll(async () => {
  h = await startPatientSubgraph();
  reception = await h.tokenFor({ role: 'receptionist' });
});
afterAll(async () => h?.stop());

const REGISTER = `mutation R($input: PatientInput!, $confirm: Boolean, $key: String) {
  registerPatient(input: $input, confirmNotDuplicate: $confirm, idempotencyKey: $key) {
    ok inputErrors { field code message } patient { id fullName phone snils } duplicates { id fullName }
  }
}`;
const count = async () =>
  Number((await h.service.database.query<{ n: string }>('select count(*) as n from patient'))[0]!.n);
const input = (over: Record<string, unknown> = {}) => ({
  lastName: 'Смирнова',
  firstName: 'Ольга',
  middleName: 'Петровна',
  birthDate: '1990-03-12',
  sex: 'FEMALE',
  phone: uniquePhone(),
  snils: '112-233-445 95',
  ...over,
});

describe('registration by reception', () => {
  it('registers with normalised phone and SNILS', async () => {
    const r = await h.query(
      REGISTER,
      {
        input: input({
          phone: '8 (903) 555-12-34'.replace('555', String(100 + Math.floor(Math.random() * 899))),
        }),
      },
      reception,
    );
    expect(r.data.registerPatient.ok).toBe(true);
    expect(r.data.registerPatient.patient.phone).toMatch(/^\+7903\d{7}$/);
    // Reception sees documents masked (policy); the stored value is the normalised one.
    expect(r.data.registerPatient.patient.snils).toBe('*** 4595');
    const stored = await h.service.stores.patients.byIds([r.data.registerPatient.patient.id]);
    expect(stored.get(r.data.registerPatient.patient.id)!.snils).toBe('112-233-445 95');
  });

  it.each([
    ['phone', { phone: '12-34' }, 'INVALID_PHONE'],
    ['snils', { snils: '112-233-445 96' }, 'INVALID_SNILS'],
    ['birthDate', { birthDate: '2999-01-01' }, 'DATE_IN_FUTURE'],
    ['birthDate', { birthDate: '1990-02-30' }, 'INVALID_DATE'],
    ['email', { email: 'ivanov@' }, 'INVALID_EMAIL'],
    ['lastName', { lastName: '' }, 'REQUIRED'],
  ])('rejects a bad %s with a typed error and writes nothing', async (field, over, code) => {
    const before = await count();
    const r = await h.query(REGISTER, { input: input(over) }, reception);
    expect(r.errors).toBeUndefined();
    expect(r.data.registerPatient.ok).toBe(false);
    expect(r.data.registerPatient.patient).toBeNull();
    expect(r.data.registerPatient.inputErrors).toEqual([expect.objectContaining({ field, code })]);
    expect(await count()).toBe(before);
  });

  it('warns about a duplicate (same phone and birth date) and registers only when confirmed', async () => {
    const first = input();
    expect((await h.query(REGISTER, { input: first }, reception)).data.registerPatient.ok).toBe(true);
    const before = await count();
    const dup = await h.query(REGISTER, { input: { ...first, firstName: 'Оля' } }, reception);
    expect(dup.data.registerPatient.ok).toBe(false);
    expect(dup.data.registerPatient.inputErrors[0].code).toBe('DUPLICATE');
    expect(dup.data.registerPatient.duplicates).toHaveLength(1);
    expect(await count()).toBe(before);
    const confirmed = await h.query(
      REGISTER,
      { input: { ...first, firstName: 'Оля' }, confirm: true },
      reception,
    );
    expect(confirmed.data.registerPatient.ok).toBe(true);
  });

  it('returns the same patient for concurrent retries with one idempotency key', async () => {
    const key = randomUUID();
    const body = input();
    const before = await count();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => h.query(REGISTER, { input: body, key, confirm: true }, reception)),
    );
    const ids = new Set(results.map((r) => r.data.registerPatient.patient.id));
    expect(ids.size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it('refuses a retry with the same idempotency key but different data', async () => {
    const key = randomUUID();
    const first = await h.query(REGISTER, { input: input(), key, confirm: true }, reception);
    expect(first.data.registerPatient.ok).toBe(true);
    const before = await count();
    const other = await h.query(REGISTER, { input: input(), key, confirm: true }, reception);
    expect(other.data.registerPatient).toMatchObject({
      ok: false,
      patient: null,
      inputErrors: [{ field: 'idempotencyKey', code: 'IDEMPOTENCY_MISMATCH' }],
    });
    expect(await count()).toBe(before);
  });

  it('merges a duplicate into the kept record, moving consents, and search then finds one', async () => {
    const surname = `Слияние${Math.random().toString(36).slice(2, 6)}`;
    const keep = await h.createTestPatient({ lastName: surname, workplace: null, email: null });
    const merge = await h.createTestPatient({ lastName: surname, workplace: 'Больница №1' });
    await h.service.stores.consents.give(merge.patient.id, 'MARKETING', 1, 'PAPER', 'test');
    const r = await h.query(
      `mutation M($k: ID!, $m: ID!) { mergePatients(keepId: $k, mergeId: $m) { ok patient { id workplace email consents { purpose } } } }`,
      { k: keep.patient.id, m: merge.patient.id },
      reception,
    );
    expect(r.data.mergePatients.ok).toBe(true);
    expect(r.data.mergePatients.patient).toMatchObject({
      id: keep.patient.id,
      workplace: 'Больница №1',
      email: merge.patient.email,
      consents: [{ purpose: 'MARKETING' }],
    });
    const s = await h.query(
      `query S($t: String) { searchPatients(query: { text: $t }) { nodes { id } } }`,
      { t: surname },
      reception,
    );
    expect(s.data.searchPatients.nodes).toEqual([{ id: keep.patient.id }]);
    const old = await h.query(
      `query($id: ID!) { patient(id: $id) { id } }`,
      { id: merge.patient.id },
      reception,
    );
    expect(old.data.patient.id).toBe(keep.patient.id);
    const again = await h.query(
      `mutation M($k: ID!, $m: ID!) { mergePatients(keepId: $k, mergeId: $m) { ok inputErrors { code } } }`,
      { k: keep.patient.id, m: merge.patient.id },
      reception,
    );
    expect(again.data.mergePatients.inputErrors[0].code).toBe('CONFLICT');
  });
});

describe('ids and updates', () => {
  it('answers malformed ids with INVALID_ID and unknown ids with NOT_FOUND', async () => {
    const bad = await h.query(`query { patient(id: "1; drop table patient") { id } }`, {}, reception);
    expect(codes(bad)).toEqual(['INVALID_ID']);
    const unknown = await h.query(`query { patient(id: "${randomUUID()}") { id } }`, {}, reception);
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const upd = await h.query(
      `mutation { updatePatient(id: "${randomUUID()}", input: { workplace: "x" }) { ok } }`,
      {},
      reception,
    );
    expect(codes(upd)).toEqual(['NOT_FOUND']);
  });

  it('lets a patient update own contacts with validation, and nothing changes on bad input', async () => {
    const { patient, token } = await h.createTestPatient({ withToken: true });
    const UPDATE = `mutation U($id: ID!, $i: PatientUpdateInput!) { updatePatient(id: $id, input: $i) { ok inputErrors { field code } patient { phone email } } }`;
    const bad = await h.query(UPDATE, { id: patient.id, i: { phone: '000', email: 'ok@mail.ru' } }, token);
    expect(bad.data.updatePatient.inputErrors).toEqual([{ field: 'phone', code: 'INVALID_PHONE' }]);
    expect((await h.service.stores.patients.byIds([patient.id])).get(patient.id)!.email).toBe(patient.email);
    const good = await h.query(
      UPDATE,
      { id: patient.id, i: { phone: '+7 (926) 000-11-22', email: 'New@Mail.ru' } },
      token,
    );
    expect(good.data.updatePatient.patient).toEqual({ phone: '+79260001122', email: 'new@mail.ru' });
    const clearName = await h.query(UPDATE, { id: patient.id, i: { lastName: null } }, token);
    expect(clearName.data.updatePatient.inputErrors).toEqual([{ field: 'lastName', code: 'REQUIRED' }]);
  });
});

describe('search', () => {
  it('pages through results with an opaque cursor and filters by phone and birth date', async () => {
    const surname = `Поиск${Math.random().toString(36).slice(2, 6)}`;
    const made = [];
    for (let i = 0; i < 5; i++)
      made.push((await h.createTestPatient({ lastName: surname, firstName: `Имя${i}` })).patient);
    const SEARCH = `query S($q: PatientSearchInput!, $after: String) { searchPatients(query: $q, first: 2, after: $after) { nodes { id firstName } pageInfo { endCursor hasNextPage } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const r: any = await h.query(SEARCH, { q: { text: surname.toLowerCase() }, after }, reception);
      seen.push(...r.data.searchPatients.nodes.map((n: { firstName: string }) => n.firstName));
      if (!r.data.searchPatients.pageInfo.hasNextPage) break;
      after = r.data.searchPatients.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Имя0', 'Имя1', 'Имя2', 'Имя3', 'Имя4']);
    const byPhone = await h.query(SEARCH, { q: { phone: made[2]!.phone!.replace('+7', '8') } }, reception);
    expect(byPhone.data.searchPatients.nodes.map((n: { id: string }) => n.id)).toEqual([made[2]!.id]);
    const noCriteria = await h.query(SEARCH, { q: {} }, reception);
    expect(codes(noCriteria)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('self-registration and consents', () => {
  it('creates the record under the account’s patient id, once', async () => {
    const pid = randomUUID();
    const token = await h.tokenFor({ role: 'patient', pid });
    const SELF = `mutation S($i: PatientInput!) { registerSelf(input: $i) { ok patient { id phone } } }`;
    const r1 = await h.query(SELF, { i: input() }, token);
    expect(r1.data.registerSelf.patient.id).toBe(pid);
    const r2 = await h.query(SELF, { i: input() }, token);
    expect(r2.data.registerSelf.patient).toEqual(r1.data.registerSelf.patient);
    expect((await h.query(`query { myPatient { id } }`, {}, token)).data.myPatient.id).toBe(pid);
  });

  it('gives, withdraws and keeps the history of consents; other services read the status', async () => {
    const { patient, token } = await h.createTestPatient({ withToken: true });
    const GIVE = `mutation G($p: ID!) { giveConsent(patientId: $p, purpose: MARKETING, textVersion: 1, channel: PORTAL) { ok consent { purpose active givenChannel } } }`;
    const WITHDRAW = `mutation W($p: ID!) { withdrawConsent(patientId: $p, purpose: MARKETING, channel: PORTAL) { ok inputErrors { code } consent { active withdrawnAt withdrawnChannel } } }`;
    expect((await h.query(GIVE, { p: patient.id }, token)).data.giveConsent.consent).toEqual({
      purpose: 'MARKETING',
      active: true,
      givenChannel: 'PORTAL',
    });
    expect((await h.query(GIVE, { p: patient.id }, token)).data.giveConsent.ok).toBe(true);
    const service = await h.tokenFor({ role: 'service', scope: 'consents:read' });
    const STATUS = `query C($p: ID!) { consentStatus(patientId: $p, purpose: MARKETING) { granted textVersion } }`;
    expect((await h.query(STATUS, { p: patient.id }, service)).data.consentStatus).toEqual({
      granted: true,
      textVersion: 1,
    });
    const w = await h.query(WITHDRAW, { p: patient.id }, token);
    expect(w.data.withdrawConsent.consent).toMatchObject({ active: false, withdrawnChannel: 'PORTAL' });
    expect(w.data.withdrawConsent.consent.withdrawnAt).toBeTruthy();
    expect((await h.query(WITHDRAW, { p: patient.id }, token)).data.withdrawConsent.inputErrors).toEqual([
      { code: 'NOT_FOUND' },
    ]);
    expect((await h.query(STATUS, { p: patient.id }, service)).data.consentStatus).toEqual({
      granted: false,
      textVersion: null,
    });
    const hist = await h.query(
      `query { myPatient { consents(includeHistory: true) { purpose active } } }`,
      {},
      token,
    );
    expect(hist.data.myPatient.consents).toEqual([{ purpose: 'MARKETING', active: false }]);
    const svcPatient = await h.query(
      `query($id: ID!) { patient(id: $id) { phone } }`,
      { id: patient.id },
      service,
    );
    expect(codes(svcPatient)).toEqual(['FORBIDDEN']);
    const badVersion = await h.query(
      `mutation G($p: ID!) { giveConsent(patientId: $p, purpose: MARKETING, textVersion: 99, channel: PORTAL) { ok inputErrors { code } } }`,
      { p: patient.id },
      token,
    );
    expect(badVersion.data.giveConsent).toEqual({ ok: false, inputErrors: [{ code: 'NOT_FOUND' }] });
    const texts = await h.query(`query { consentTexts(purpose: TREATMENT) { version title } }`, {}, token);
    expect(texts.data.consentTexts[0].title).toMatch(/Согласие/);
  });
});
