import { randomUUID } from 'node:crypto';
import { codes, samplePdf } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TEST_SYSTEM, SPECIMEN_SYSTEM } from '../src/modules/fhir/fhir-input';
import { specimen as fhirSpecimen, observation, report, url } from '../src/modules/fhir/fhir-input.fixture';
import { type LabHarness, startLabSubgraph } from './harness';
import {
  ATTACH,
  collectedOrder,
  FEED,
  line,
  newPartnerId,
  ORDER,
  orderInput,
  POST,
  POST_FHIR,
  partnerToken,
  REJECT,
  rowsOf,
} from './lab-helpers';

// An attacker's inputs to the lab subgraph (a partner's or a doctor's): each is a typed refusal or
// a consistent answer — never INTERNAL, never a half-written order.

let h: LabHarness;
beforeAll(async () => {
  h = await startLabSubgraph();
});
afterAll(async () => h?.stop());

async function specimen(kinds: Array<'K' | 'HGB'> = ['K']) {
  const p = newPartnerId();
  const c = await collectedOrder(h, p, kinds);
  return { ...c, partner: p, token: await partnerToken(h, p) };
}

/** Error codes of a response: top-level errors and the payload's input errors. */
const allCodes = (r: { data?: any; errors?: unknown }, key: string): string[] => [
  ...codes(r as never).map(String),
  ...((r.data?.[key]?.inputErrors ?? []) as Array<{ code: string }>).map((e) => e.code),
];

describe('dates a partner sends', () => {
  // Valid for JavaScript's Date, outside what PostgreSQL's timestamptz stores (year 0, BC years).
  const unstorable = ['0000-01-01T00:00:00Z', '-000100-01-01T00:00:00Z', '-271821-04-20T00:00:00Z'];

  it('issuedAt outside the storable range is BAD_USER_INPUT and writes nothing', async () => {
    const s = await specimen();
    for (const issuedAt of unstorable) {
      const r = await h.query(
        POST,
        {
          input: {
            specimenCode: s.order.specimenCode,
            partnerResultId: `R-${randomUUID()}`,
            issuedAt,
            results: [line(s.code('K'), { numeric: 4.2, unit: 'ммоль/л' })],
          },
        },
        s.token,
      );
      expect(allCodes(r, 'postLabResults'), issuedAt).toEqual(['BAD_USER_INPUT']);
    }
    expect(await rowsOf(h, s.order.id)).toMatchObject({ results: 0, posts: 0 });
  });

  it('a FHIR issued instant outside the storable range is FHIR_INVALID', async () => {
    const s = await specimen();
    const spec = fhirSpecimen();
    spec.identifier = [{ system: SPECIMEN_SYSTEM, value: s.order.specimenCode }];
    const k = observation('k');
    k.code = { coding: [{ system: LOCAL_TEST_SYSTEM, code: s.code('K') }] };
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: url.report,
          resource: report({ result: [{ reference: url.k }], issued: '0000-01-01T00:00:00Z' }),
        },
        { fullUrl: url.specimen, resource: spec },
        { fullUrl: url.k, resource: k },
      ],
    };
    const r = await h.query(POST_FHIR, { bundle: JSON.stringify(bundle) }, s.token);
    expect(allCodes(r, 'postFhirLabReport')).toEqual(['FHIR_INVALID']);
    expect(await rowsOf(h, s.order.id)).toMatchObject({ results: 0, posts: 0 });
  });

  it('since outside the storable range is BAD_USER_INPUT', async () => {
    const s = await specimen();
    for (const since of unstorable) {
      const r = await h.query(FEED, { since }, s.token);
      expect(codes(r as never), since).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('text a partner sends', () => {
  it('a rejection comment with control characters is refused (it reaches the doctor and the patient)', async () => {
    const s = await specimen();
    for (const comment of ['гемолиз\u0000', 'гемолиз\u001b[31m']) {
      const r = await h.query(REJECT, { code: s.order.specimenCode, reason: 'OTHER', comment }, s.token);
      expect(allCodes(r, 'rejectLabSpecimen')).toEqual(['BAD_USER_INPUT']);
    }
    expect(await rowsOf(h, s.order.id)).toMatchObject({ status: 'COLLECTED' });
  });

  it('a report for a result id no message could have is NOT_FOUND, whatever its characters', async () => {
    const s = await specimen();
    const pdf = Buffer.from(samplePdf()).toString('base64');
    for (const rid of ['R\u0000', 'Р-кириллица', 'x'.repeat(500)]) {
      const r = await h.query(ATTACH, { code: s.order.specimenCode, rid, pdf }, s.token);
      expect(allCodes(r, 'attachLabReport'), JSON.stringify(rid)).toEqual(['NOT_FOUND']);
    }
  });
});

describe('races', () => {
  it('one result id sent at once for several specimens: one is taken, the others are RESULT_CONFLICT', async () => {
    const p = newPartnerId();
    const token = await partnerToken(h, p);
    const specimens = [];
    for (let i = 0; i < 6; i++) specimens.push(await collectedOrder(h, p, ['K']));
    const rid = `R-${randomUUID()}`;
    const answers = await Promise.all(
      specimens.map((s) =>
        h.query(
          POST,
          {
            input: {
              specimenCode: s.order.specimenCode,
              partnerResultId: rid,
              results: [line(s.code('K'), { numeric: 4.2, unit: 'ммоль/л' })],
            },
          },
          token,
        ),
      ),
    );
    const outcomes = answers.map((r) =>
      r.data?.postLabResults?.ok ? 'ok' : allCodes(r, 'postLabResults').join(),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(5).fill('RESULT_CONFLICT'));
    const rows = await Promise.all(specimens.map((s) => rowsOf(h, s.order.id)));
    expect(rows.map((r) => r.results).sort()).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it('the same message and different messages for one specimen at once: no INTERNAL, each test once', async () => {
    const s = await specimen(['K', 'HGB']);
    const k = line(s.code('K'), { numeric: 4.2, unit: 'ммоль/л' });
    const hgb = line(s.code('HGB'), { numeric: 130, unit: 'г/л' });
    const same = { specimenCode: s.order.specimenCode, partnerResultId: `R-${randomUUID()}`, results: [k] };
    const [a, b, c, d] = await Promise.all([
      h.query(POST, { input: same }, s.token),
      h.query(POST, { input: same }, s.token),
      h.query(POST, { input: { ...same, partnerResultId: `R-${randomUUID()}` } }, s.token),
      h.query(
        POST,
        {
          input: { specimenCode: s.order.specimenCode, partnerResultId: `R-${randomUUID()}`, results: [hgb] },
        },
        s.token,
      ),
    ]);
    for (const r of [a, b, c, d]) expect(codes(r as never)).toEqual([]);
    // Potassium went in once: either under the message sent twice (then one of the two is its
    // replay) or under the other id (then both copies are RESULT_ALREADY_POSTED).
    const sent = [a, b].map((r) => r.data.postLabResults);
    const other = c.data.postLabResults;
    if (other.ok) {
      for (const x of sent)
        expect(x.inputErrors.map((e: { code: string }) => e.code)).toEqual(['RESULT_ALREADY_POSTED']);
    } else {
      expect(other.inputErrors.map((e: { code: string }) => e.code)).toEqual(['RESULT_ALREADY_POSTED']);
      expect(sent.map((x) => [x.ok, x.replayed]).sort()).toEqual([
        [true, false],
        [true, true],
      ]);
    }
    expect(d.data.postLabResults.ok).toBe(true);
    expect(await rowsOf(h, s.order.id)).toMatchObject({ results: 2, posts: 2, status: 'RESULTED' });
  });

  it('two different reports under one result id at once: one is attached, the other RESULT_CONFLICT', async () => {
    const s = await specimen();
    const rid = `R-${randomUUID()}`;
    const posted = await h.query(
      POST,
      {
        input: {
          specimenCode: s.order.specimenCode,
          partnerResultId: rid,
          results: [line(s.code('K'), { numeric: 4.2, unit: 'ммоль/л' })],
        },
      },
      s.token,
    );
    expect(posted.data.postLabResults.ok).toBe(true);
    const pdfs = [0, 1, 2, 3].map((i) => Buffer.from(samplePdf(`Отчёт ${i}`)).toString('base64'));
    const answers = await Promise.all(
      pdfs.map((pdf) => h.query(ATTACH, { code: s.order.specimenCode, rid, pdf }, s.token)),
    );
    const outcomes = answers.map((r) =>
      r.data?.attachLabReport?.ok ? 'ok' : allCodes(r, 'attachLabReport').join(),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(3).fill('RESULT_CONFLICT'));
    expect(await rowsOf(h, s.order.id)).toMatchObject({ reports: 1 });
  });
});

describe('a partner asking the subgraph by _entities', () => {
  it("gets for another laboratory's specimen code exactly what a made-up code gets", async () => {
    const mine = await specimen();
    const theirs = await specimen();
    const q = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on PartnerLabOrder { specimenCode status } } }`;
    const ask = (code: string) =>
      h.query(q, { reps: [{ __typename: 'PartnerLabOrder', specimenCode: code }] }, mine.token);
    const own = await ask(mine.order.specimenCode);
    expect(own.data._entities[0]).toEqual({ specimenCode: mine.order.specimenCode, status: 'COLLECTED' });
    const other = await ask(theirs.order.specimenCode);
    const madeUp = await ask('00000-00000-0');
    expect(JSON.stringify(other)).toBe(JSON.stringify(madeUp));
    expect(JSON.stringify(other)).not.toContain(theirs.order.specimenCode);
  });
});

describe('a doctor', () => {
  it('an idempotency key with control characters is BAD_USER_INPUT', async () => {
    const s = await specimen();
    const r = await h.query(
      ORDER,
      { input: { ...orderInput(s.patientId, [s.tests[0]!.id]), idempotencyKey: 'k\u0000' } },
      s.doctor,
    );
    expect(allCodes(r, 'orderLabTests')).toEqual(['BAD_USER_INPUT']);
  });
});

describe('forged values a partner may try (these held before: typed refusals)', () => {
  it('extreme numbers, lookalike units and codes, oversized lists, deep or looping FHIR', async () => {
    const s = await specimen(['K', 'HGB']);
    const post = (results: unknown[], specimenCode = s.order.specimenCode) =>
      h.query(POST, { input: { specimenCode, partnerResultId: `R-${randomUUID()}`, results } }, s.token);
    const k = s.code('K');
    const cases: Array<[unknown[], string[]]> = [
      [[line(k, { numeric: 1e308, unit: 'ммоль/л' })], ['VALUE_IMPLAUSIBLE']],
      [[line(k, { numeric: -0, unit: 'ммоль/л' })], ['VALUE_IMPLAUSIBLE']],
      [[line(k, { numeric: 5e-324, unit: 'ммоль/л' })], ['VALUE_IMPLAUSIBLE']],
      // Latin "o" and "m" inside the Cyrillic unit, a fullwidth slash: refused, never converted.
      [[line(k, { numeric: 4.2, unit: 'ммoль/л' })], ['UNIT_MISMATCH']],
      [[line(k, { numeric: 4.2, unit: 'мmоль/л' })], ['UNIT_MISMATCH']],
      [[line(k, { numeric: 4.2, unit: 'ммоль／л' })], ['UNIT_MISMATCH']],
      [[line(`${k}\u200b`, { numeric: 4.2, unit: 'ммоль/л' })], ['UNKNOWN_LAB_TEST']],
      [Array.from({ length: 101 }, () => line(k, { numeric: 4.2, unit: 'ммоль/л' })), ['BAD_USER_INPUT']],
    ];
    for (const [results, expected] of cases) {
      const r = await post(results);
      expect(allCodes(r, 'postLabResults'), JSON.stringify(results).slice(0, 80)).toEqual(expected);
    }
    const code = s.order.specimenCode;
    for (const lookalike of [
      code.replace(/[0-9]/, (d) => String.fromCharCode(0xff10 + Number(d))),
      `${code}\u200b`,
    ])
      expect(
        allCodes(await post([line(k, { numeric: 4.2, unit: 'ммоль/л' })], lookalike), 'postLabResults'),
      ).toEqual(['SPECIMEN_CODE_INVALID']);
    // Written as text: 5000 levels would overflow JSON.stringify here (the server only parses it).
    const deep = `{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Observation","extension":${'['.repeat(5000)}${']'.repeat(5000)}}}]}`;
    const looping = JSON.stringify({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: 'urn:uuid:a',
          resource: {
            resourceType: 'DiagnosticReport',
            status: 'final',
            identifier: [{ system: 'x', value: 'R-loop' }],
            specimen: [{ reference: 'urn:uuid:a' }],
            result: [{ reference: 'urn:uuid:a' }],
          },
        },
      ],
    });
    for (const bundle of [
      deep,
      looping,
      'null',
      '[]',
      '"x"',
      '{"resourceType":"Bundle","type":"collection","entry":{}}',
    ])
      expect(
        allCodes(await h.query(POST_FHIR, { bundle }, s.token), 'postFhirLabReport').every(
          (c) => c === 'FHIR_INVALID',
        ),
      ).toBe(true);
    expect(await rowsOf(h, s.order.id)).toMatchObject({ results: 0, posts: 0, status: 'COLLECTED' });
  });
});
