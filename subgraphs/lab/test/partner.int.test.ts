import { randomUUID } from 'node:crypto';
import { codes } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSpecimenCode } from '../src/modules/orders/specimen-code';
import { type LabHarness, startLabSubgraph } from './harness';
import {
  ACK,
  ATTACH,
  CANCEL,
  catalogueTest,
  collectedOrder,
  FEED,
  LAB_ORDER,
  line,
  newPartnerId,
  order,
  PARTNER_ORDER,
  POST,
  partnerToken,
  REJECT,
  release,
  rowsOf,
} from './lab-helpers';

let h: LabHarness;
beforeAll(async () => {
  h = await startLabSubgraph();
});
afterAll(async () => h?.stop());

const codesOf = (r: { data?: any }, key: string) =>
  r.data[key].orders.map((o: { specimenCode: string }) => o.specimenCode);

describe('the partner API', () => {
  it('pages its feed with after/first and since, and a cancellation moves the order to the end', async () => {
    const p = newPartnerId();
    const token = await partnerToken(h, p);
    const a = await collectedOrder(h, p);
    const b = await collectedOrder(h, p);
    const c = await collectedOrder(h, p);
    // An order not yet collected is not the partner's business.
    await order(h, c.doctor, c.patientId, [(await catalogueTest(h, p, 'K')).id]);

    const first = await h.query(FEED, { first: 2 }, token);
    expect(first.data.partnerLabOrders).toMatchObject({ hasMore: true });
    expect(codesOf(first, 'partnerLabOrders')).toEqual([a.order.specimenCode, b.order.specimenCode]);
    const rest = await h.query(FEED, { first: 2, after: first.data.partnerLabOrders.endCursor }, token);
    expect(rest.data.partnerLabOrders).toMatchObject({ hasMore: false });
    expect(codesOf(rest, 'partnerLabOrders')).toEqual([c.order.specimenCode]);
    const end = rest.data.partnerLabOrders.endCursor;
    const empty = await h.query(FEED, { after: end }, token);
    expect(empty.data.partnerLabOrders).toEqual({ orders: [], endCursor: end, hasMore: false });
    expect(first.data.partnerLabOrders.orders[0]).toMatchObject({
      status: 'COLLECTED',
      priority: 'URGENT',
      specimenType: 'венозная кровь',
      sex: 'FEMALE',
      ageBand: '30-39',
      tests: [{ code: a.tests[0]!.code, codeSystem: 'LOCAL', unit: 'ммоль/л', resulted: false }],
    });

    // since: only what changed at or after it.
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await h.query(FEED, { since: future }, token)).data.partnerLabOrders.orders).toEqual([]);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect(codesOf(await h.query(FEED, { since: past }, token), 'partnerLabOrders')).toHaveLength(3);

    // A cancellation takes a new feed position: the partner's cursor finds the change.
    await h.query(CANCEL, { id: a.order.id, reason: 'Назначено повторно' }, a.doctor);
    const changed = await h.query(FEED, { after: end }, token);
    expect(changed.data.partnerLabOrders.orders).toMatchObject([
      { specimenCode: a.order.specimenCode, status: 'CANCELLED' },
    ]);

    for (const bad of [{ after: 'not-a-cursor' }, { first: 0 }, { first: 500 }, { since: 'вчера' }])
      expect(codes(await h.query(FEED, bad, token))).toEqual(['BAD_USER_INPUT']);
  });

  it("never shows one partner another's orders: same answers as for a made-up code", async () => {
    const [p1, p2] = [newPartnerId(), newPartnerId()];
    const t1 = await partnerToken(h, p1);
    const mine = await collectedOrder(h, p1);
    const theirs = await collectedOrder(h, p2);
    const madeUp = newSpecimenCode();
    const feed = await h.query(FEED, {}, t1);
    expect(codesOf(feed, 'partnerLabOrders')).toEqual([mine.order.specimenCode]);

    const same = async (q: string, vars: (code: string) => Record<string, unknown>) => {
      const a = await h.query(q, vars(theirs.order.specimenCode), t1);
      const b = await h.query(q, vars(madeUp), t1);
      expect(JSON.stringify(a).replaceAll(theirs.order.specimenCode, 'X')).toBe(
        JSON.stringify(b).replaceAll(madeUp, 'X'),
      );
      return a;
    };
    const one = await same(PARTNER_ORDER, (code) => ({ code }));
    expect(one.data.partnerLabOrder).toBeNull();
    for (const [q, vars, key] of [
      [ACK, (code: string) => ({ codes: [code] }), 'acknowledgeLabSpecimens'],
      [REJECT, (code: string) => ({ code, reason: 'HEMOLYSED' }), 'rejectLabSpecimen'],
      [
        POST,
        (code: string) => ({
          input: {
            specimenCode: code,
            partnerResultId: 'R-1',
            results: [line(theirs.tests[0]!.code, { numeric: 4.2, unit: 'ммоль/л' })],
          },
        }),
        'postLabResults',
      ],
      [
        ATTACH,
        (code: string) => ({ code, rid: 'R-1', pdf: Buffer.from('%PDF-1.4').toString('base64') }),
        'attachLabReport',
      ],
    ] as const) {
      const r = await same(q, vars);
      expect(r.data[key]).toMatchObject({
        ok: false,
        orders: [],
        inputErrors: [{ code: 'UNKNOWN_SPECIMEN' }],
      });
    }
    // All or nothing: one foreign code refuses the whole receipt.
    const mixed = await h.query(ACK, { codes: [mine.order.specimenCode, theirs.order.specimenCode] }, t1);
    expect(mixed.data.acknowledgeLabSpecimens).toMatchObject({
      ok: false,
      inputErrors: [{ field: 'input.specimenCodes[1]', code: 'UNKNOWN_SPECIMEN' }],
    });
    expect((await rowsOf(h, mine.order.id)).status).toBe('COLLECTED');
    expect(await rowsOf(h, theirs.order.id)).toEqual({
      results: 0,
      posts: 0,
      alerts: 0,
      reports: 0,
      status: 'COLLECTED',
    });
    // A mistyped code is told apart by its check character, before any lookup.
    const typo = `${mine.order.specimenCode.slice(0, -1)}${mine.order.specimenCode.endsWith('0') ? '1' : '0'}`;
    expect(
      (await h.query(ACK, { codes: [typo] }, t1)).data.acknowledgeLabSpecimens.inputErrors,
    ).toMatchObject([{ code: 'SPECIMEN_CODE_INVALID' }]);
    // The clinic's own views of orders are not the partner's.
    expect(codes(await h.query(LAB_ORDER, { id: theirs.order.id }, t1))).toEqual(['FORBIDDEN']);
  });

  it('refuses tokens without the scope an operation needs', async () => {
    const p = newPartnerId();
    const c = await collectedOrder(h, p);
    const readOnly = await partnerToken(h, p, 'lab.orders:read');
    const writeOnly = await partnerToken(h, p, 'lab.results:write');
    expect(codes(await h.query(FEED, {}, writeOnly))).toEqual(['INSUFFICIENT_SCOPE']);
    expect(codes(await h.query(PARTNER_ORDER, { code: c.order.specimenCode }, writeOnly))).toEqual([
      'INSUFFICIENT_SCOPE',
    ]);
    for (const [q, vars] of [
      [ACK, { codes: [c.order.specimenCode] }],
      [REJECT, { code: c.order.specimenCode, reason: 'CLOTTED' }],
      [
        POST,
        {
          input: {
            specimenCode: c.order.specimenCode,
            partnerResultId: 'R-2',
            results: [line(c.tests[0]!.code, { numeric: 4.2, unit: 'ммоль/л' })],
          },
        },
      ],
    ] as const)
      expect(codes(await h.query(q, vars, readOnly))).toEqual(['INSUFFICIENT_SCOPE']);
    expect(await rowsOf(h, c.order.id)).toMatchObject({ results: 0, posts: 0, status: 'COLLECTED' });
    // Staff and patients are not partners.
    expect(codes(await h.query(FEED, {}, c.doctor))).toEqual(['FORBIDDEN']);
    expect(codes(await h.query(FEED, {}, c.patient))).toEqual(['FORBIDDEN']);
  });

  it('receives, rejects and results specimens; never sees patient ids, notes or the review', async () => {
    const p = newPartnerId();
    const token = await partnerToken(h, p);
    const c = await collectedOrder(h, p, ['K'], { note: 'Пациентка Иванова, подозрение на гиперкалиемию' });
    const raw: string[] = [];
    const call = async (q: string, vars: Record<string, unknown>) => {
      const r = await h.query(q, vars, token);
      raw.push(JSON.stringify(r));
      return r;
    };
    const ack = await call(ACK, { codes: [c.order.specimenCode.toLowerCase().replaceAll('-', ' ')] });
    expect(ack.data.acknowledgeLabSpecimens).toMatchObject({
      ok: true,
      orders: [{ specimenCode: c.order.specimenCode, status: 'RECEIVED' }],
    });
    expect((await call(ACK, { codes: [c.order.specimenCode] })).data.acknowledgeLabSpecimens.ok).toBe(true);
    const posted = await call(POST, {
      input: {
        specimenCode: c.order.specimenCode,
        partnerResultId: `R-${randomUUID()}`,
        results: [line(c.code('K'), { numeric: 4.4, unit: 'mmol/L' })],
      },
    });
    expect(posted.data.postLabResults).toMatchObject({ ok: true, orders: [{ status: 'RESULTED' }] });
    await call(FEED, {});
    expect((await call(PARTNER_ORDER, { code: c.order.specimenCode })).data.partnerLabOrder).toMatchObject({
      status: 'RESULTED',
      tests: [{ resulted: true }],
    });

    // Reviewed and released by the doctor: the partner still sees RESULTED.
    await h.query(
      'mutation ($id: ID!) { reviewLabOrder(input: { orderId: $id, release: false }) { ok } }',
      { id: c.order.id },
      c.doctor,
    );
    expect((await call(PARTNER_ORDER, { code: c.order.specimenCode })).data.partnerLabOrder.status).toBe(
      'RESULTED',
    );
    await release(h, c.doctor, c.order.id, 'Калий в норме');
    expect((await call(PARTNER_ORDER, { code: c.order.specimenCode })).data.partnerLabOrder.status).toBe(
      'RESULTED',
    );
    const feed = await call(FEED, {});
    expect(feed.data.partnerLabOrders.orders.map((o: { status: string }) => o.status)).toEqual(['RESULTED']);

    // A rejected specimen; a repeat of the rejection is a replay.
    const r = await collectedOrder(h, p);
    const rejected = await call(REJECT, {
      code: r.order.specimenCode,
      reason: 'HEMOLYSED',
      comment: 'гемолиз 3+',
    });
    expect(rejected.data.rejectLabSpecimen).toMatchObject({
      ok: true,
      replayed: false,
      orders: [{ status: 'REJECTED' }],
    });
    expect(
      (await call(REJECT, { code: r.order.specimenCode, reason: 'HEMOLYSED' })).data.rejectLabSpecimen,
    ).toMatchObject({ ok: true, replayed: true });
    const doctorView = await h.query(
      'query ($id: ID!) { labOrder(id: $id) { status statusReason } }',
      { id: r.order.id },
      r.doctor,
    );
    expect(doctorView.data.labOrder).toEqual({ status: 'REJECTED', statusReason: 'HEMOLYSED: гемолиз 3+' });
    await call(FEED, { first: 200 });

    const all = raw.join('\n');
    for (const secret of [
      c.patientId,
      r.patientId,
      c.order.id,
      c.doctorId,
      'Иванова',
      'гиперкалиемию',
      'Контроль калия',
      'Калий в норме',
      'REVIEWED',
      'RELEASED',
    ])
      expect(all).not.toContain(secret);
  });
});
