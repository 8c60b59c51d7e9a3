import { randomUUID } from 'node:crypto';
import { codes } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LabHarness, startLabSubgraph } from './harness';
import { newPartnerId, partnerToken } from './lab-helpers';

let h: LabHarness;
let admin: string;
let doctor: string;
beforeAll(async () => {
  h = await startLabSubgraph();
  admin = await h.tokenFor({ role: 'it_admin', sub: `admin-${randomUUID()}` });
  doctor = await h.tokenFor({ role: 'doctor', sub: `doctor-${randomUUID()}` });
});
afterAll(async () => h?.stop());

const SAVE = /* GraphQL */ `
  mutation ($input: SaveLabTestInput!) {
    saveLabTest(input: $input) {
      ok inputErrors { field code message }
      test { id code name unit unitAliases active partnerClientId referenceRanges { sex ageFrom ageTo low high } criticalHigh }
    }
  }`;
const SEARCH = /* GraphQL */ `
  query ($s: String, $all: Boolean) { labTests(search: $s, includeInactive: $all) { id code name active } }`;

const input = (extra: Record<string, unknown> = {}) => ({
  code: `GLU-${randomUUID().slice(0, 8)}`,
  codeSystem: 'LOCAL',
  name: 'Глюкоза в плазме',
  specimenType: 'венозная кровь',
  kind: 'NUMERIC',
  unit: 'ммоль/л',
  unitAliases: ['mmol/L', ' mmol/L '],
  referenceRanges: [{ sex: 'ANY', ageFrom: 18, low: 3.9, high: 6.1 }],
  criticalLow: 2.2,
  criticalHigh: 25,
  plausibleLow: 0,
  plausibleHigh: 150,
  turnaroundHours: 24,
  partnerClientId: 'lab_matrix',
  partnerName: 'Лаборатория «Матрица»',
  ...extra,
});
const testRows = async () =>
  Number((await h.service.database.query<{ n: number }>('select count(*)::int as n from lab_test'))[0]!.n);

describe('the test catalogue', () => {
  it('it_admin adds a test and changes it by id; doctors find it by code or words of the name', async () => {
    const created = await h.query(SAVE, { input: input() }, admin);
    expect(created.data.saveLabTest).toMatchObject({ ok: true, inputErrors: [] });
    const test = created.data.saveLabTest.test;
    expect(test).toMatchObject({ name: 'Глюкоза в плазме', unitAliases: ['mmol/L'], active: true });
    expect(test.referenceRanges).toEqual([{ sex: 'ANY', ageFrom: 18, ageTo: null, low: 3.9, high: 6.1 }]);

    const changed = await h.query(
      SAVE,
      { input: input({ id: test.id, code: test.code, criticalHigh: 30 }) },
      admin,
    );
    expect(changed.data.saveLabTest).toMatchObject({ ok: true, test: { id: test.id, criticalHigh: 30 } });

    for (const s of [test.code.toLowerCase(), 'глюкоза плазме', 'ПЛАЗМ'])
      expect((await h.query(SEARCH, { s }, doctor)).data.labTests.map((t: { id: string }) => t.id)).toContain(
        test.id,
      );
    expect((await h.query(SEARCH, { s: 'глюкоза мочи' }, doctor)).data.labTests).toEqual([]);

    // Inactive tests are left out unless asked for.
    await h.query(SAVE, { input: input({ id: test.id, code: test.code, active: false }) }, admin);
    expect((await h.query(SEARCH, { s: test.code }, doctor)).data.labTests).toEqual([]);
    expect((await h.query(SEARCH, { s: test.code, all: true }, doctor)).data.labTests).toEqual([
      { id: test.id, code: test.code, name: 'Глюкоза в плазме', active: false },
    ]);
  });

  it.each([
    ['a malformed code', { code: 'глю коза' }, 'input.code', 'BAD_USER_INPUT'],
    ['a blank name', { name: '   ' }, 'input.name', 'REQUIRED'],
    [
      'a range with low above high',
      { referenceRanges: [{ sex: 'ANY', low: 7, high: 3 }] },
      'input.referenceRanges[0].high',
      'BAD_USER_INPUT',
    ],
    [
      'a range without bounds',
      { referenceRanges: [{ sex: 'MALE', ageFrom: 18 }] },
      'input.referenceRanges[0].low',
      'REQUIRED',
    ],
    [
      'an age band ending before it starts',
      { referenceRanges: [{ sex: 'ANY', ageFrom: 18, ageTo: 12, low: 1 }] },
      'input.referenceRanges[0].ageTo',
      'BAD_USER_INPUT',
    ],
    [
      'critical limits the wrong way round',
      { criticalLow: 30, criticalHigh: 2 },
      'input.criticalHigh',
      'BAD_USER_INPUT',
    ],
    [
      'plausible limits the wrong way round',
      { plausibleLow: 100, plausibleHigh: 1 },
      'input.plausibleHigh',
      'BAD_USER_INPUT',
    ],
    ['ranges on a coded test', { kind: 'CODED' }, 'input.kind', 'BAD_USER_INPUT'],
    ['no turnaround', { turnaroundHours: 0 }, 'input.turnaroundHours', 'BAD_USER_INPUT'],
    [
      'a malformed partner client id',
      { partnerClientId: 'Lab Matrix!' },
      'input.partnerClientId',
      'BAD_USER_INPUT',
    ],
    ['a control character in the name', { name: 'Глюкоза\u0007' }, 'input.name', 'BAD_USER_INPUT'],
  ])('refuses %s with a typed error and writes nothing', async (_, extra, field, code) => {
    const before = await testRows();
    const r = await h.query(SAVE, { input: input(extra) }, admin);
    expect(r.errors).toBeUndefined();
    expect(r.data.saveLabTest.ok).toBe(false);
    expect(r.data.saveLabTest.test).toBeNull();
    expect(r.data.saveLabTest.inputErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await testRows()).toBe(before);
  });

  it('refuses a code another test has (new or changed) and an unknown id, writing nothing', async () => {
    const first = (await h.query(SAVE, { input: input() }, admin)).data.saveLabTest.test;
    const second = (await h.query(SAVE, { input: input() }, admin)).data.saveLabTest.test;
    const before = await testRows();
    const dup = await h.query(SAVE, { input: input({ code: first.code, name: 'Другой' }) }, admin);
    expect(dup.data.saveLabTest).toMatchObject({
      ok: false,
      test: null,
      inputErrors: [{ field: 'input.code', code: 'CONFLICT' }],
    });
    const steal = await h.query(SAVE, { input: input({ id: second.id, code: first.code }) }, admin);
    expect(steal.data.saveLabTest.inputErrors).toMatchObject([{ field: 'input.code', code: 'CONFLICT' }]);
    const unknown = await h.query(SAVE, { input: input({ id: randomUUID() }) }, admin);
    expect(unknown.data.saveLabTest).toMatchObject({
      ok: false,
      inputErrors: [{ field: 'input.id', code: 'NOT_FOUND' }],
    });
    expect(await testRows()).toBe(before);
    const [row] = await h.service.database.query<{ code: string; name: string }>(
      'select code, name from lab_test where id = $1',
      [second.id],
    );
    expect(row).toEqual({ code: second.code, name: 'Глюкоза в плазме' });
  });

  it('only it_admin saves; only doctors and it_admin read the catalogue', async () => {
    const before = await testRows();
    const refusedSavers = [
      doctor,
      await h.tokenFor({ role: 'patient', pid: randomUUID() }),
      await h.tokenFor({ role: 'receptionist' }),
      await partnerToken(h, newPartnerId()),
    ];
    for (const token of refusedSavers) {
      const r = await h.query(SAVE, { input: input() }, token);
      expect(r.data?.saveLabTest ?? null).toBeNull();
      expect(codes(r)).toEqual(['FORBIDDEN']);
    }
    const anonymous = await h.query(SAVE, { input: input() });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await testRows()).toBe(before);

    expect((await h.query(SEARCH, {}, admin)).data.labTests.length).toBeGreaterThan(0);
    for (const token of [
      await h.tokenFor({ role: 'patient', pid: randomUUID() }),
      await h.tokenFor({ role: 'receptionist' }),
      await h.tokenFor({ role: 'cashier' }),
      await partnerToken(h, newPartnerId()),
    ])
      expect(codes(await h.query(SEARCH, {}, token))).toEqual(['FORBIDDEN']);
  });
});
