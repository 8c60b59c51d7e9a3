import { codes } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LabHarness, startLabSubgraph } from './harness';
import {
  actors,
  care,
  collectedOrder,
  LAB_ORDER,
  line,
  newPartnerId,
  partnerToken,
  postResults,
  REVIEW,
  release,
} from './lab-helpers';

let h: LabHarness;
beforeAll(async () => {
  h = await startLabSubgraph();
});
afterAll(async () => h?.stop());

const R = 'id numeric flag';
const PATHS = {
  labOrders: `query ($p: ID!) { labOrders(patientId: $p) { id status results { ${R} } } }`,
  labOrder: `query ($id: ID!) { labOrder(id: $id) { id status reviewComment results { ${R} previous { ${R} } } } }`,
  myLabOrders: `query { myLabOrders { id status results { ${R} } } }`,
  history: `query ($p: ID!, $t: ID!) { labResultHistory(patientId: $p, testId: $t) { ${R} previous { ${R} } } }`,
  entities: `query ($r: [_Any!]!) { _entities(representations: $r) {
    ... on LabResult { ${R} previous { ${R} } } ... on LabOrder { id results { ${R} } } ... on LabAlert { id flag result { ${R} } } } }`,
  alerts: `query { labAlerts(includeAcknowledged: true) { id result { ${R} } } }`,
};

/** Everything a caller gets by every path to the patient's results, as raw JSON. */
async function everyPath(
  token: string,
  x: { patientId: string; orderIds: string[]; resultIds: string[]; alertId: string; testId: string },
) {
  const raw: string[] = [];
  const ask = async (q: string, v: Record<string, unknown> = {}) => {
    const r = await h.query(q, v, token);
    raw.push(JSON.stringify(r));
    return r;
  };
  await ask(PATHS.labOrders, { p: x.patientId });
  for (const id of x.orderIds) await ask(PATHS.labOrder, { id });
  await ask(PATHS.myLabOrders);
  await ask(PATHS.history, { p: x.patientId, t: x.testId });
  await ask(PATHS.entities, {
    r: [
      ...x.resultIds.map((id) => ({ __typename: 'LabResult', id })),
      ...x.orderIds.map((id) => ({ __typename: 'LabOrder', id })),
      { __typename: 'LabAlert', id: x.alertId },
    ],
  });
  const alerts = await ask(PATHS.alerts);
  return { raw: raw.join('\n'), alerts };
}

describe('the review gate', () => {
  it('hides unreviewed results from the patient by every path until the ordering doctor releases them', async () => {
    const p = newPartnerId();
    const token = await partnerToken(h, p);
    // The first order: a critical potassium (an alert too). The second, later: a normal one.
    const first = await collectedOrder(h, p, ['K']);
    const second = await collectedOrder(h, p, ['K'], { who: first });
    const testId = first.tests[0]!.id;
    await h.service.database.query('update lab_order_test set test_id = $1 where order_id = $2', [
      testId,
      second.order.id,
    ]);
    await postResults(h, token, first.order.specimenCode, [
      line(first.code('K'), { numeric: 6.93, unit: 'ммоль/л' }),
    ]);
    await postResults(h, token, second.order.specimenCode, [
      line(first.code('K'), { numeric: 4.37, unit: 'ммоль/л' }),
    ]);
    const doctorView = async (id: string) => (await h.query(LAB_ORDER, { id }, first.doctor)).data.labOrder;
    const r1 = (await doctorView(first.order.id)).results[0];
    const r2 = (await doctorView(second.order.id)).results[0];
    expect(r1).toMatchObject({ numeric: 6.93, flag: 'HH' });
    expect(r2).toMatchObject({ numeric: 4.37, flag: 'N' });
    const [alert] = await h.service.stores.alerts.forDoctor(first.doctorId, true);
    const ids = {
      patientId: first.patientId,
      orderIds: [first.order.id, second.order.id],
      resultIds: [r1.id, r2.id],
      alertId: alert!.id,
      testId,
    };

    const hidden = async (results: string[], values: string[]) => {
      const seen = await everyPath(first.patient, ids);
      // The critical flag (of the result or of its alert) gives the value away too.
      for (const s of [...results, ...values, '"HH"']) expect(seen.raw).not.toContain(s);
      expect(codes(seen.alerts)).toEqual(['FORBIDDEN']);
      return seen.raw;
    };
    // Resulted, not reviewed: the patient sees that the orders exist, not a single value.
    const before = await hidden([r1.id, r2.id], ['6.93', '4.37']);
    expect(before).toContain(first.order.id);
    expect(before).toContain('"status":"RESULTED"');

    // Only the ordering doctor reviews: a colleague in care and a stranger are refused.
    const colleague = await actors(h);
    await care(h, colleague.doctorId, first.patientId);
    for (const other of [colleague.doctor, (await actors(h)).doctor])
      expect(codes(await h.query(REVIEW, { id: second.order.id, release: true }, other))).toEqual([
        'FORBIDDEN',
      ]);
    expect((await doctorView(second.order.id)).status).toBe('RESULTED');

    // The later result released: visible, but its `previous` never carries the unreleased earlier one.
    await release(h, first.doctor, second.order.id, 'Калий в норме, повторять не нужно');
    const released = await h.query(PATHS.labOrder, { id: second.order.id }, first.patient);
    expect(released.data.labOrder).toMatchObject({
      status: 'RELEASED',
      reviewComment: 'Калий в норме, повторять не нужно',
      results: [{ id: r2.id, numeric: 4.37, flag: 'N', previous: [] }],
    });
    await hidden([r1.id], ['6.93']);

    // Reviewed without release: still hidden.
    const reviewed = await h.query(
      REVIEW,
      { id: first.order.id, comment: 'Повторить анализ', release: false },
      first.doctor,
    );
    expect(reviewed.data.reviewLabOrder).toMatchObject({ ok: true, order: { status: 'REVIEWED' } });
    await hidden([r1.id], ['6.93', 'Повторить анализ']);

    // Released: visible by every path, with the doctor's comment.
    await release(h, first.doctor, first.order.id, 'Повторить анализ через неделю');
    const after = await everyPath(first.patient, ids);
    for (const s of [r1.id, r2.id, '6.93', '4.37', 'Повторить анализ через неделю'])
      expect(after.raw).toContain(s);
    const history = await h.query(PATHS.history, { p: first.patientId, t: testId }, first.patient);
    expect(history.data.labResultHistory.map((r: { id: string }) => r.id)).toEqual([r1.id, r2.id]);
    expect(history.data.labResultHistory[1].previous.map((r: { id: string }) => r.id)).toEqual([r1.id]);
    // The alerts list stays the doctors' (the alert itself, like its result, is now the patient's).
    expect(codes(after.alerts)).toEqual(['FORBIDDEN']);

    // Another patient never sees any of it.
    const stranger = await actors(h);
    const theirs = await everyPath(stranger.patient, ids);
    for (const s of [r1.id, r2.id, '6.93', '4.37', 'Повторить анализ']) expect(theirs.raw).not.toContain(s);
  });

  it('reviews only resulted orders', async () => {
    const c = await collectedOrder(h, newPartnerId(), ['K']);
    const early = await h.query(REVIEW, { id: c.order.id, release: true }, c.doctor);
    expect(early.data.reviewLabOrder).toMatchObject({
      ok: false,
      inputErrors: [{ code: 'LAB_ORDER_STATE' }],
    });
    expect((await h.query(LAB_ORDER, { id: c.order.id }, c.doctor)).data.labOrder.status).toBe('COLLECTED');
  });
});
