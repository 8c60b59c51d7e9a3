import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LabHarness, startLabSubgraph } from './harness';
import {
  CANCEL,
  collectedOrder,
  LAB_ORDER,
  line,
  newPartnerId,
  POST,
  partnerToken,
  postResults,
  REJECT,
  rowsOf,
} from './lab-helpers';

let h: LabHarness;
beforeAll(async () => {
  h = await startLabSubgraph();
});
afterAll(async () => h?.stop());

/** A partner with its token and a collected order of `kinds` tests. */
async function specimen(
  kinds: Array<'K' | 'HGB' | 'CREA'>,
  o: { sex?: 'MALE' | 'FEMALE'; age?: number } = {},
) {
  const p = newPartnerId();
  const c = await collectedOrder(h, p, kinds, o);
  return { ...c, partner: p, token: await partnerToken(h, p) };
}
const NOTHING = { results: 0, posts: 0, alerts: 0, reports: 0, status: 'COLLECTED' };

describe('partner results', () => {
  it.each([
    ['a woman', 'FEMALE', 34, { hgb: 'N', crea: 'H' }, '117–155 г/л'],
    ['a man', 'MALE', 34, { hgb: 'L', crea: 'N' }, '132–173 г/л'],
    ['a child', 'MALE', 5, { hgb: 'N', crea: 'H' }, '110–140 г/л'],
  ] as const)('flags by the platform by sex and age: %s', async (_, sex, age, flags, hgbRange) => {
    const s = await specimen(['HGB', 'CREA'], { sex, age });
    const r = await postResults(h, s.token, s.order.specimenCode, [
      line(s.code('HGB'), { numeric: 120, unit: 'g/L' }),
      line(s.code('CREA'), { numeric: 95, unit: 'µmol/L', comment: 'Липемия' }),
    ]);
    expect(r.data.postLabResults).toMatchObject({
      ok: true,
      replayed: false,
      orders: [{ status: 'RESULTED' }],
    });
    const seen = (await h.query(LAB_ORDER, { id: s.order.id }, s.doctor)).data.labOrder;
    const by = (code: string) => seen.results.find((x: { testCode: string }) => x.testCode === code);
    // The unit alias is stored as the catalogue's canonical unit.
    expect(by(s.code('HGB'))).toMatchObject({
      numeric: 120,
      unit: 'г/л',
      flag: flags.hgb,
      referenceText: hgbRange,
    });
    expect(by(s.code('CREA'))).toMatchObject({
      unit: 'мкмоль/л',
      flag: flags.crea,
      partnerComment: 'Липемия',
    });
    expect(seen.status).toBe('RESULTED');
  });

  it('has no way for a partner to send its own flag', async () => {
    const s = await specimen(['K']);
    const withFlag = { ...line(s.code('K'), { numeric: 4.4, unit: 'ммоль/л' }), flag: 'HH' };
    const r = await h.query(
      POST,
      { input: { specimenCode: s.order.specimenCode, partnerResultId: 'R-flag', results: [withFlag] } },
      s.token,
    );
    expect(r.data?.postLabResults ?? null).toBeNull();
    expect(r.errors?.[0]?.message).toMatch(/flag/);
    expect(await rowsOf(h, s.order.id)).toEqual(NOTHING);
  });

  it.each([
    ['a unit of another dimension', { numeric: 88, unit: 'мг/дл' }, 'unit', 'UNIT_MISMATCH'],
    ['no unit', { numeric: 4.4 }, 'unit', 'UNIT_MISMATCH'],
    ['an implausible value', { numeric: 40, unit: 'ммоль/л' }, 'numeric', 'VALUE_IMPLAUSIBLE'],
    ['a coded value for a numeric test', { coded: 'отрицательно' }, 'numeric', 'VALUE_KIND_MISMATCH'],
  ] as const)('refuses %s with a typed error and writes nothing, not even the critical value beside it', async (_, v, sub, code) => {
    const s = await specimen(['HGB', 'K']);
    const r = await postResults(h, s.token, s.order.specimenCode, [
      line(s.code('HGB'), { numeric: 40, unit: 'г/л' }), // critical (LL): would raise an alert
      line(s.code('K'), v),
    ]);
    expect(r.data.postLabResults).toMatchObject({
      ok: false,
      replayed: false,
      orders: [],
      inputErrors: [{ field: `input.results[1].${sub}`, code }],
    });
    expect(await rowsOf(h, s.order.id)).toEqual(NOTHING);
  });

  it('replays the same message, refuses another one under the same id and a test not in the order', async () => {
    const s = await specimen(['K']);
    const rid = `R-${randomUUID()}`;
    const body = [line(s.code('K'), { numeric: 4.4, unit: 'mmol/L' })];
    const first = await postResults(h, s.token, s.order.specimenCode, body, rid);
    expect(first.data.postLabResults).toMatchObject({ ok: true, replayed: false });
    const after = await rowsOf(h, s.order.id);
    expect(after).toMatchObject({ results: 1, posts: 1, status: 'RESULTED' });
    const again = await postResults(h, s.token, s.order.specimenCode, body, rid);
    expect(again.data.postLabResults).toEqual({ ...first.data.postLabResults, replayed: true });
    const changed = await postResults(
      h,
      s.token,
      s.order.specimenCode,
      [line(s.code('K'), { numeric: 4.5, unit: 'mmol/L' })],
      rid,
    );
    expect(changed.data.postLabResults).toMatchObject({
      ok: false,
      inputErrors: [{ field: 'input.partnerResultId', code: 'RESULT_CONFLICT' }],
    });
    // The same id on another of the partner's specimens is a conflict too.
    const other = await collectedOrder(h, s.partner, ['K']);
    const moved = await postResults(
      h,
      s.token,
      other.order.specimenCode,
      [line(other.code('K'), { numeric: 4.4, unit: 'mmol/L' })],
      rid,
    );
    expect(moved.data.postLabResults.inputErrors).toMatchObject([{ code: 'RESULT_CONFLICT' }]);
    expect(await rowsOf(h, other.order.id)).toEqual(NOTHING);
    const unknown = await postResults(h, s.token, other.order.specimenCode, [
      line('NOT-ORDERED', { numeric: 1, unit: 'г/л' }),
    ]);
    expect(unknown.data.postLabResults.inputErrors).toMatchObject([
      { field: 'input.results[0].testCode', code: 'UNKNOWN_LAB_TEST' },
    ]);
    expect(await rowsOf(h, s.order.id)).toEqual(after);
    expect(await rowsOf(h, other.order.id)).toEqual(NOTHING);
  });

  it('takes partial results (RECEIVED), then the rest (RESULTED); a test already resulted is refused', async () => {
    const s = await specimen(['HGB', 'CREA']);
    const part = await postResults(h, s.token, s.order.specimenCode, [
      line(s.code('HGB'), { numeric: 130, unit: 'г/л' }),
    ]);
    expect(part.data.postLabResults).toMatchObject({ ok: true, orders: [{ status: 'RECEIVED' }] });
    expect(await rowsOf(h, s.order.id)).toMatchObject({ results: 1, posts: 1, status: 'RECEIVED' });
    const twice = await postResults(h, s.token, s.order.specimenCode, [
      line(s.code('CREA'), { numeric: 70, unit: 'мкмоль/л' }),
      line(s.code('HGB'), { numeric: 131, unit: 'г/л' }),
    ]);
    expect(twice.data.postLabResults.inputErrors).toMatchObject([
      { field: 'input.results[1].testCode', code: 'RESULT_ALREADY_POSTED' },
    ]);
    expect(await rowsOf(h, s.order.id)).toMatchObject({ results: 1, posts: 1, status: 'RECEIVED' });
    const rest = await postResults(h, s.token, s.order.specimenCode, [
      line(s.code('CREA'), { numeric: 70, unit: 'мкмоль/л' }),
    ]);
    expect(rest.data.postLabResults).toMatchObject({ ok: true, orders: [{ status: 'RESULTED' }] });
    expect(await rowsOf(h, s.order.id)).toMatchObject({ results: 2, posts: 2, status: 'RESULTED' });
  });

  it('refuses results for a cancelled or a rejected specimen', async () => {
    const cancelled = await specimen(['K']);
    await h.query(CANCEL, { id: cancelled.order.id, reason: 'Дубль назначения' }, cancelled.doctor);
    const rejected = await specimen(['K']);
    const rej = await h.query(
      REJECT,
      { code: rejected.order.specimenCode, reason: 'CLOTTED' },
      rejected.token,
    );
    expect(rej.data.rejectLabSpecimen.ok).toBe(true);
    for (const [s, status] of [
      [cancelled, 'CANCELLED'],
      [rejected, 'REJECTED'],
    ] as const) {
      const r = await postResults(h, s.token, s.order.specimenCode, [
        line(s.code('K'), { numeric: 7.1, unit: 'ммоль/л' }),
      ]);
      expect(r.data.postLabResults).toMatchObject({
        ok: false,
        inputErrors: [{ field: 'input.specimenCode', code: 'LAB_ORDER_STATE' }],
      });
      expect(await rowsOf(h, s.order.id)).toEqual({ ...NOTHING, status });
    }
  });

  it('keeps results and result posts append-only', async () => {
    const s = await specimen(['K']);
    await postResults(h, s.token, s.order.specimenCode, [
      line(s.code('K'), { numeric: 4.4, unit: 'ммоль/л' }),
    ]);
    for (const sql of [
      'update lab_result set numeric_value = 4.0 where order_id = $1',
      'delete from lab_result where order_id = $1',
      "update lab_result_post set request_hash = 'x' where order_id = $1",
      'delete from lab_result_post where order_id = $1',
    ])
      await expect(h.service.database.query(sql, [s.order.id])).rejects.toThrow(/append-only/);
    const [row] = await h.service.database.query<{ numeric_value: number }>(
      'select numeric_value from lab_result where order_id = $1',
      [s.order.id],
    );
    expect(Number(row!.numeric_value)).toBe(4.4);
  });
});
