import { randomUUID } from 'node:crypto';
import { ClientCredentials } from '@medikamente/runtime';
import { codes, gql, samplePdf, until } from '@medikamente/runtime/testing';
import { newSpecimenCode } from '@medikamente/subgraph-lab/testing';
import { factories, localDay } from '@medikamente/subgraph-schedule/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentId,
  loadTrustedDocuments,
  type TrustedDocument,
  type TrustedDocuments,
} from '../src/trusted-documents';
import { type Platform, startPlatform } from './platform';
import { manifestDir } from './trusted-manifests';

// Two partner laboratories through the real gateway with the repository's lab-partner-v1 manifest
// (ADR 0015, 0016): real identity clients and client-credentials tokens, a patient with full
// personal data booked with a doctor (the care relationship arrives as the schedule's event), orders
// for both laboratories. Every operation of the manifest is probed with P1's own specimens and with
// P2's codes; no answer carries the patient's data, and P2's codes answer exactly as made-up ones.

const repo = loadTrustedDocuments();
const v1 = repo.manifests.get('lab-partner-v1')!;
// A manifest P1 is not bound to (a third laboratory's), loaded beside the repository's.
const otherDir = manifestDir({
  'lab-partner-other': [
    'description: another laboratory\nversion: 1\noperations:\n  OtherFeed: { scope: lab.orders:read }\n',
    'query OtherFeed { partnerLabOrders(first: 5) { orders { specimenCode status } } }\n',
  ],
});
const other = loadTrustedDocuments(otherDir).manifests.get('lab-partner-other')!;
const registry: TrustedDocuments = {
  dir: repo.dir,
  manifests: new Map([...repo.manifests, ['lab-partner-other', other]]),
};
const byName = (name: string) => v1.documents.find((d) => d.name === name)!;

const PARTNER_SCOPES = ['lab.orders:read', 'lab.results:write', 'documents:lab-partner-v1'];
const PERSON = {
  lastName: 'Загоруйко',
  firstName: 'Евдокия',
  middleName: 'Ферапонтовна',
  birthDate: '1987-03-14',
  sex: 'FEMALE',
  phone: '+7 916 731-58-29',
  email: 'evdokia.zagoruyko@example.ru',
  passport: '4519 736281',
  snils: '112-233-445 95',
};
const NOTE = 'Подозрение на гиперкалиемию, принимает спиронолактон';
const COMMENTS = {
  p1: 'Калий повышен, приходите на приём в четверг',
  p2: 'Гемоглобин в норме, контроль через год',
};

let p: Platform;
/** Tokens and client ids of the two laboratories (P1, P2) and of a third one bound to another manifest. */
let P1: { id: string; token: string; creds: { clientId: string; clientSecret: string } };
let P2: { id: string; token: string };
let P3token: string;
let doctor: { accountId: string; token: string };
let patientId: string;
let orders: { p1: Order; p1Reject: Order; p1Pending: Order; p2: Order };
type Order = { id: string; specimenCode: string };
let tests: { k1: string; hgb1: string; k2: string };

async function client(scopes: string[], name: string) {
  const c = await p.identity.createClient({ role: 'lab_partner', scopes, name });
  const token = await new ClientCredentials({ tokenUrl: `${p.identityUrl}/oauth/token`, ...c }).token();
  return { id: c.clientId, token, creds: c };
}
/** A token of P1's own client asking identity for fewer scopes. */
const p1TokenWith = (scopes: string[]) =>
  new ClientCredentials({
    tokenUrl: `${p.identityUrl}/oauth/token`,
    ...P1.creds,
    scope: scopes.join(' '),
  }).token();

type Raw = { status: number; text: string; json: any; codes: string[] };
/** Every answer a partner got, as raw text (the leak checks read them all). */
const seen: Array<{ who: string; what: string; text: string }> = [];
async function send(
  url: string,
  token: string,
  body: unknown,
  who: string,
  init: RequestInit = {},
): Promise<Raw> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {}
  seen.push({
    who,
    what: typeof body === 'string' ? body.slice(0, 80) : JSON.stringify(body).slice(0, 200),
    text,
  });
  return { status: res.status, text, json, codes: json ? codes(json).map(String) : [] };
}
/** A manifest document by id through the gateway. */
const run = (doc: TrustedDocument, variables: Record<string, unknown>, token = P1.token, who = 'P1') =>
  send(p.url, token, { documentId: `sha256:${doc.id}`, operationName: doc.name, variables }, who);

async function gw(q: string, variables: Record<string, unknown>, token: string) {
  const r = await p.query(q, variables, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
}

beforeAll(async () => {
  p = await startPlatform({ gateway: { trustedDocuments: registry } });
  P1 = await client(PARTNER_SCOPES, 'Лаборатория «Матрица»');
  P2 = await client(PARTNER_SCOPES, 'Лаборатория «Гемотест»');
  P3token = (await client(['lab.orders:read', 'documents:lab-partner-other'], 'Третья лаборатория')).token;

  // The clinic: a doctor with a schedule, reception, the catalogue (it_admin), a registered patient.
  const f = factories(p.schedule);
  const branch = await f.branch('Europe/Moscow');
  const service = await f.service(30);
  doctor = await p.account('doctor');
  const specialist = await f.doctor(branch.id, [service.id], { accountId: doctor.accountId });
  const reception = await p.account('receptionist', { branchIds: [branch.id] });
  const admin = await p.account('it_admin');
  const save = async (
    code: string,
    partner: string,
    name: string,
    unit: string,
    ranges: object,
    crit: object,
  ) =>
    (
      await gw(
        `mutation ($i: SaveLabTestInput!) { saveLabTest(input: $i) { ok inputErrors { field code } test { id } } }`,
        {
          i: {
            code,
            codeSystem: 'LOCAL',
            name,
            specimenType: 'венозная кровь',
            kind: 'NUMERIC',
            unit,
            referenceRanges: [ranges],
            plausibleLow: 0.1,
            plausibleHigh: 400,
            turnaroundHours: 24,
            partnerClientId: partner,
            partnerName: 'Партнёрская лаборатория',
            ...crit,
          },
        },
        admin.token,
      )
    ).saveLabTest.test.id as string;
  const suffix = randomUUID().slice(0, 6);
  const K = { sex: 'ANY', low: 3.5, high: 5.1 };
  tests = {
    k1: await save(`K1-${suffix}`, P1.id, 'Калий', 'ммоль/л', K, { criticalHigh: 6.5, criticalLow: 2.5 }),
    hgb1: await save(`HGB1-${suffix}`, P1.id, 'Гемоглобин', 'г/л', { sex: 'ANY', low: 117, high: 155 }, {}),
    k2: await save(`K2-${suffix}`, P2.id, 'Калий', 'ммоль/л', K, { criticalHigh: 6.5 }),
  };
  const reg = await gw(
    `mutation ($i: PatientInput!) { registerPatient(input: $i) { ok inputErrors { field code } patient { id } } }`,
    { i: PERSON },
    reception.token,
  );
  patientId = reg.registerPatient.patient.id;
  // Reception books the doctor for the patient: the lab learns of the care relationship by event.
  const booked = await gw(
    `mutation ($i: BookingInput!) { bookAppointment(input: $i) { appointment { id } inputErrors { code } } }`,
    {
      i: {
        specialistId: specialist.id,
        branchId: branch.id,
        serviceId: service.id,
        startsAt: `${localDay(branch.timeZone, 1)}T10:00`,
        patientId,
        idempotencyKey: `k-${randomUUID()}`,
      },
    },
    reception.token,
  );
  expect(booked.bookAppointment.inputErrors).toEqual([]);
  await until('the lab knows the care relationship', async () =>
    (await p.lab.stores.care.activeFor(doctor.accountId, [patientId])).has(patientId),
  );

  const order = async (testIds: string[], collect = true) => {
    const d = await gw(
      `mutation ($i: OrderLabTestsInput!) { orderLabTests(input: $i) { ok inputErrors { field code } orders { id specimenCode partnerName } } }`,
      {
        i: {
          patientId,
          visitId: randomUUID(),
          testIds,
          priority: 'URGENT',
          clinicalNote: NOTE,
          patientSex: 'FEMALE',
          patientBirthDate: PERSON.birthDate,
          idempotencyKey: randomUUID(),
        },
      },
      doctor.token,
    );
    expect(d.orderLabTests.inputErrors).toEqual([]);
    const placed = d.orderLabTests.orders as Order[];
    if (collect)
      for (const o of placed) {
        const s = await gw(
          `mutation ($id: ID!) { recordLabSpecimenStep(input: { orderId: $id, step: COLLECTED }) { ok } }`,
          { id: o.id },
          doctor.token,
        );
        expect(s.recordLabSpecimenStep.ok).toBe(true);
      }
    return placed;
  };
  // One visit's tests for both laboratories: one order (specimen) per laboratory.
  const both = await order([tests.k1, tests.hgb1, tests.k2]);
  expect(both).toHaveLength(2);
  const stored = await p.lab.stores.orders.byIds(both.map((o) => o.id));
  const p1Order = both.find((o) => stored.get(o.id)!.partnerClientId === P1.id)!;
  const p2Order = both.find((o) => stored.get(o.id)!.partnerClientId === P2.id)!;
  const [p1Reject] = await order([tests.k1]);
  const [p1Pending] = await order([tests.hgb1], false);
  orders = { p1: p1Order, p1Reject: p1Reject!, p1Pending: p1Pending!, p2: p2Order };

  // P2 does its whole job on its specimen first (a critical value, a report); the doctor releases it.
  const p2Code = orders.p2.specimenCode;
  const ack = await run(
    byName('AcknowledgeSpecimens'),
    { input: { specimenCodes: [p2Code] } },
    P2.token,
    'P2',
  );
  expect(ack.json.data.answer.ok).toBe(true);
  const posted = await run(
    byName('PostResults'),
    {
      input: {
        specimenCode: p2Code,
        partnerResultId: 'P2-R-1',
        results: [{ testCode: `K2-${suffix}`, numeric: 6.9, unit: 'mmol/L' }],
      },
    },
    P2.token,
    'P2',
  );
  expect(posted.json.data.answer.ok).toBe(true);
  const attached = await run(
    byName('AttachReport'),
    { input: { specimenCode: p2Code, partnerResultId: 'P2-R-1', pdfBase64: pdf('P2') } },
    P2.token,
    'P2',
  );
  expect(attached.json.data.answer.ok).toBe(true);
  await review(orders.p2.id, COMMENTS.p2);
}, 180_000);
afterAll(async () => p?.stop());

const pdf = (text: string) => Buffer.from(samplePdf(text)).toString('base64');
async function review(orderId: string, comment: string) {
  const d = await gw(
    `mutation ($id: ID!, $c: String) { reviewLabOrder(input: { orderId: $id, patientComment: $c, release: true }) { ok inputErrors { code } } }`,
    { id: orderId, c: comment },
    doctor.token,
  );
  expect(d.reviewLabOrder.ok).toBe(true);
}

/** What must never reach a partner: the person, their ids, the doctor's words. */
function secrets(): Record<string, string[]> {
  return {
    name: [PERSON.lastName, PERSON.firstName, PERSON.middleName],
    phone: [PERSON.phone, '9167315829', '731-58-29', '7315829'],
    email: [PERSON.email, 'evdokia', 'zagoruyko'],
    passport: [PERSON.passport, '4519736281', '736281'],
    snils: [PERSON.snils, '11223344595', '445 95'],
    birthDate: [PERSON.birthDate],
    patientId: [patientId],
    note: [NOTE, 'спиронолактон'],
    doctor: [doctor.accountId],
    review: [COMMENTS.p1, COMMENTS.p2],
  };
}
function expectNoLeaks(
  entries: Array<{ who: string; what: string; text: string }>,
  extra: Record<string, string[]> = {},
) {
  expect(entries.length).toBeGreaterThan(0);
  const all = { ...secrets(), ...extra };
  for (const e of entries)
    for (const [kind, values] of Object.entries(all))
      for (const v of values)
        expect(e.text.includes(v), `${e.who} ${e.what}: the answer carries ${kind} (${v})`).toBe(false);
}

/**
 * Per operation of the manifest: variables on P1's own specimens (`own`, run in order) and, for a
 * specimen code, the same request about another code (`about`). A manifest operation without an
 * entry here fails the probe: a new partner operation gets its probe before it ships.
 */
type Pass = 'first' | 'replay';
type Probe = {
  own: (pass: Pass) => Array<Record<string, unknown>>;
  about?: (code: string) => Record<string, unknown>;
};
let k1Code: string;
let hgb1Code: string;
const fhirBundle = (code: string, rid: string) =>
  JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
        resource: {
          resourceType: 'DiagnosticReport',
          status: 'final',
          code: { text: 'Гемоглобин' },
          identifier: [
            { system: 'https://lis.partner.example/report', value: rid },
            { system: 'urn:medikamente:specimen', value: code },
          ],
          issued: '2026-01-15T10:00:00+03:00',
          result: [{ reference: 'urn:uuid:00000000-0000-4000-8000-000000000002' }],
        },
      },
      {
        fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002',
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: 'urn:medikamente:lab-test', code: hgb1Code }] },
          valueQuantity: { value: 131, unit: 'г/л' },
        },
      },
    ],
  });
const PROBES: Record<string, Probe> = {
  PartnerOrders: { own: () => [{}, { first: 1 }, { since: '2020-01-01T00:00:00Z', first: 200 }] },
  PartnerOrder: {
    own: () => [
      { specimenCode: orders.p1.specimenCode },
      { specimenCode: orders.p1.specimenCode.toLowerCase() },
    ],
    about: (specimenCode) => ({ specimenCode }),
  },
  AcknowledgeSpecimens: {
    // The rejected specimen is acknowledged before it is rejected (the replay: the other one only).
    own: (pass) => [
      {
        input: {
          specimenCodes:
            pass === 'first'
              ? [orders.p1.specimenCode, orders.p1Reject.specimenCode]
              : [orders.p1.specimenCode],
        },
      },
    ],
    about: (code) => ({ input: { specimenCodes: [code] } }),
  },
  RejectSpecimen: {
    own: () => [
      { input: { specimenCode: orders.p1Reject.specimenCode, reason: 'HEMOLYSED', comment: 'гемолиз' } },
    ],
    about: (specimenCode) => ({ input: { specimenCode, reason: 'CLOTTED' } }),
  },
  PostResults: {
    own: () => [
      {
        input: {
          specimenCode: orders.p1.specimenCode,
          partnerResultId: 'P1-R-1',
          issuedAt: '2026-01-15T10:00:00+03:00',
          results: [{ testCode: k1Code, numeric: 7.1, unit: 'ммоль/л', comment: 'повтор подтвердил' }],
        },
      },
    ],
    about: (specimenCode) => ({
      input: {
        specimenCode,
        partnerResultId: 'P1-R-1',
        results: [{ testCode: k1Code, numeric: 4.4, unit: 'ммоль/л' }],
      },
    }),
  },
  PostFhirReport: {
    own: () => [{ input: { bundle: fhirBundle(orders.p1.specimenCode, 'P1-R-2') } }],
    about: (code) => ({ input: { bundle: fhirBundle(code, 'P1-R-3') } }),
  },
  AttachReport: {
    own: () => [
      { input: { specimenCode: orders.p1.specimenCode, partnerResultId: 'P1-R-1', pdfBase64: pdf('P1') } },
    ],
    about: (specimenCode) => ({ input: { specimenCode, partnerResultId: 'P2-R-1', pdfBase64: pdf('P1') } }),
  },
};
const ORDER_OF_PROBES = [
  'PartnerOrders',
  'PartnerOrder',
  'AcknowledgeSpecimens',
  'RejectSpecimen',
  'PostResults',
  'PostFhirReport',
  'AttachReport',
];

describe('P1 through the gateway with the lab-partner-v1 manifest', () => {
  it('runs every operation of the manifest on its own specimens and learns nothing of P2 or the patient', async () => {
    const catalogue = await p.lab.stores.catalogue.byIds([tests.k1, tests.hgb1]);
    k1Code = catalogue.get(tests.k1)!.code;
    hgb1Code = catalogue.get(tests.hgb1)!.code;
    // Every operation of the manifest has a probe (and the probe order names every one).
    expect(v1.documents.map((d) => d.name).sort()).toEqual(Object.keys(PROBES).sort());
    const docs = [...v1.documents].sort(
      (a, b) => ORDER_OF_PROBES.indexOf(a.name) - ORDER_OF_PROBES.indexOf(b.name),
    );
    const madeUp = newSpecimenCode();
    const p1Seen = () => seen.filter((s) => s.who === 'P1');
    const answers: Record<string, Raw[]> = {};
    for (const pass of ['first', 'replay'] as const satisfies Pass[])
      for (const doc of docs) {
        const probe = PROBES[doc.name]!;
        for (const variables of probe.own(pass)) {
          const r = await run(doc, variables);
          expect(r.status, `${doc.name} ${r.text}`).toBe(200);
          expect(r.json.errors, `${doc.name} ${r.text}`).toBeUndefined();
          if (doc.operation === 'mutation') {
            expect(r.json.data.answer, `${pass} ${doc.name}`).toMatchObject({ ok: true, inputErrors: [] });
            if (pass === 'replay' && doc.name !== 'AcknowledgeSpecimens')
              expect(r.json.data.answer.replayed, doc.name).toBe(true);
          }
          answers[doc.name] = [...(answers[doc.name] ?? []), r];
        }
        if (!probe.about) continue;
        // P2's specimen code answers byte for byte as a made-up one (not even its existence shows).
        const theirs = await run(doc, probe.about(orders.p2.specimenCode));
        const nobody = await run(doc, probe.about(madeUp));
        expect(theirs.status).toBe(nobody.status);
        expect(theirs.text.replaceAll(orders.p2.specimenCode, 'CODE'), doc.name).toBe(
          nobody.text.replaceAll(madeUp, 'CODE'),
        );
        if (doc.operation === 'mutation') expect(theirs.json.data.answer.ok).toBe(false);
        else expect(theirs.json.data.partnerLabOrder).toBeNull();
      }
    // P1 saw its own orders only: the collected ones, never the pending one nor P2's.
    const feed = answers.PartnerOrders![0]!.json.data.partnerLabOrders.orders.map(
      (o: { specimenCode: string }) => o.specimenCode,
    );
    expect(feed.sort()).toEqual([orders.p1.specimenCode, orders.p1Reject.specimenCode].sort());
    expect(answers.PartnerOrder![0]!.json.data.partnerLabOrder).toMatchObject({
      specimenCode: orders.p1.specimenCode,
      sex: 'FEMALE',
      ageBand: expect.stringMatching(/^\d+-\d+$/),
    });
    // The clinic reviews P1's results; what P1 reads afterwards tells nothing of the review.
    await review(orders.p1.id, COMMENTS.p1);
    const after = await run(byName('PartnerOrder'), { specimenCode: orders.p1.specimenCode });
    expect(after.json.data.partnerLabOrder.status).toBe('RESULTED');
    const feedAfter = await run(byName('PartnerOrders'), { first: 200 });
    expect(feedAfter.json.data.partnerLabOrders.orders).toHaveLength(2);
    // The leak check reads real answers: P1's own specimen code is in them.
    expect(p1Seen().some((e) => e.text.includes(orders.p1.specimenCode))).toBe(true);
    expectNoLeaks(p1Seen(), {
      p2Specimen: [orders.p2.specimenCode],
      pendingSpecimen: [orders.p1Pending.specimenCode],
      p2Client: [P2.id],
    });
  });

  it('is refused any document that is not on its list, before it is parsed', async () => {
    const before = seen.length;
    const refused = async (body: unknown, status: number, code: string, init: RequestInit = {}) => {
      const r = await send(p.url, P1.token, body, 'P1', init);
      expect(
        { status: r.status, codes: r.codes },
        typeof body === 'string' ? body.slice(0, 60) : JSON.stringify(body).slice(0, 200),
      ).toEqual({
        status,
        codes: [code],
      });
      expect(r.text).not.toMatch(/Syntax Error|stack|Cannot query field/);
      return r;
    };
    const variables = { specimenCode: orders.p1.specimenCode };
    for (const doc of v1.documents) {
      // The very text of an allowed operation, alone, with its id, or as an APQ registration.
      await refused({ query: doc.body, variables }, 400, 'PERSISTED_DOCUMENT_REQUIRED');
      await refused({ query: doc.body, documentId: doc.id, variables }, 400, 'PERSISTED_DOCUMENT_REQUIRED');
      await refused(
        { query: doc.body, extensions: { persistedQuery: { version: 1, sha256Hash: doc.id } } },
        400,
        'PERSISTED_DOCUMENT_REQUIRED',
      );
      // Its id with a changed body (one more space) is another document.
      await refused(
        { documentId: documentId(`${doc.body} `), variables },
        403,
        'PERSISTED_DOCUMENT_NOT_ALLOWED',
      );
    }
    const texts = [
      '{ __schema { types { name fields { name } } } }',
      '{ __type(name: "LabOrder") { fields { name } } }',
      '{ _service { sdl } }',
      ...['LabOrder', 'LabResult', 'LabAlert'].map(
        (t) =>
          `{ _entities(representations: [{ __typename: "${t}", id: "${randomUUID()}" }]) { __typename } }`,
      ),
      `{ _entities(representations: [{ __typename: "PartnerLabOrder", specimenCode: "${orders.p2.specimenCode}" }]) { ... on PartnerLabOrder { status } } }`,
      `{ _entities(representations: [{ __typename: "Patient", id: "${patientId}" }]) { ... on Patient { lastName phone } } }`,
      `query { patient(id: "${patientId}") { lastName firstName phone email passport snils } }`,
      `query { labOrders(patientId: "${patientId}") { clinicalNote reviewComment orderedByAccountId } }`,
    ];
    for (const query of texts) await refused({ query }, 400, 'PERSISTED_DOCUMENT_REQUIRED');
    // APQ registration of a new text, then its hash alone.
    const sneaky = `query Sneaky { labOrders(patientId: "${patientId}") { clinicalNote } }`;
    await refused(
      { query: sneaky, extensions: { persistedQuery: { version: 1, sha256Hash: documentId(sneaky) } } },
      400,
      'PERSISTED_DOCUMENT_REQUIRED',
    );
    await refused(
      { extensions: { persistedQuery: { version: 1, sha256Hash: documentId(sneaky) } } },
      403,
      'PERSISTED_DOCUMENT_NOT_ALLOWED',
    );
    // Another manifest's id: P1 is refused it, the laboratory bound to that manifest runs it.
    await refused({ documentId: other.documents[0]!.id }, 403, 'PERSISTED_DOCUMENT_NOT_ALLOWED');
    const mine = await send(p.url, P3token, { documentId: other.documents[0]!.id }, 'P3');
    expect(mine.json).toEqual({ data: { partnerLabOrders: { orders: [] } } });
    // A batch, and GET (with an id or with text).
    await refused([{ documentId: byName('PartnerOrders').id }], 400, 'PERSISTED_DOCUMENT_REQUIRED');
    for (const qs of [
      `documentId=sha256:${byName('PartnerOrders').id}`,
      `query=${encodeURIComponent('{ __typename }')}`,
    ]) {
      const res = await fetch(`${p.url}?${qs}`, {
        headers: { authorization: `Bearer ${P1.token}`, 'apollo-require-preflight': 'true' },
      });
      const text = await res.text();
      seen.push({ who: 'P1', what: `GET ${qs}`, text });
      expect({ status: res.status, codes: codes(JSON.parse(text)) }).toEqual({
        status: 400,
        codes: ['PERSISTED_DOCUMENT_REQUIRED'],
      });
    }
    // Garbage of 250 KB gets the same cheap refusal; over the gateway's 256 KB body limit, 413.
    await refused({ query: `{ ${'{'.repeat(250_000)}` }, 400, 'PERSISTED_DOCUMENT_REQUIRED');
    await refused({ query: `{ ${'{'.repeat(300_000)}` }, 413, 'PAYLOAD_TOO_LARGE');
    expectNoLeaks(seen.slice(before), { p2Specimen: [] });
  });

  it('a token without documents:lab-partner-v1 runs nothing; one without lab.results:write posts nothing', async () => {
    const unbound = await p1TokenWith(['lab.orders:read', 'lab.results:write']);
    const readOnly = await p1TokenWith(['lab.orders:read', 'documents:lab-partner-v1']);
    for (const doc of v1.documents) {
      const variables = (PROBES[doc.name]!.about ?? (() => ({})))(orders.p1.specimenCode);
      const r = await run(doc, variables, unbound);
      expect({ status: r.status, codes: r.codes }, doc.name).toEqual({
        status: 403,
        codes: ['PERSISTED_DOCUMENT_NOT_ALLOWED'],
      });
      const ro = await run(doc, variables, readOnly);
      if (doc.scope === 'lab.results:write')
        expect({ status: ro.status, codes: ro.codes }, doc.name).toEqual({
          status: 403,
          codes: ['INSUFFICIENT_SCOPE'],
        });
      else expect(ro.json.errors, doc.name).toBeUndefined();
    }
    // Nothing was written by them: P1's rejected specimen and posts are as the probe left them.
    const rows = await p.lab.database.query<{ n: number }>(
      'select count(*)::int as n from lab_result_post where partner_client_id = $1',
      [P1.id],
    );
    expect(rows[0]!.n).toBe(2);
  });
});

describe('a partner token straight at the subgraphs (bypassing the gateway)', () => {
  it('on the lab subgraph reaches only what the policy gives it: its own orders, no patient data', async () => {
    const before = seen.length;
    const direct = (query: string, variables: Record<string, unknown> = {}) =>
      send(p.labUrl, P1.token, { query, variables }, 'P1');
    // Real ids of the patient's orders, results and alerts, as the doctor sees them.
    const doc = await gw(
      `query ($p: ID!) { labOrders(patientId: $p) { id results { id critical } } labAlerts(includeAcknowledged: true) { id } }`,
      { p: patientId },
      doctor.token,
    );
    const orderIds = doc.labOrders.map((o: { id: string }) => o.id) as string[];
    const resultIds: string[] = doc.labOrders.flatMap((o: { results: Array<{ id: string }> }) =>
      o.results.map((r) => r.id),
    );
    const alertIds = doc.labAlerts.map((a: { id: string }) => a.id) as string[];
    expect(orderIds.length).toBe(4);
    expect(resultIds.length).toBeGreaterThanOrEqual(3);
    expect(alertIds.length).toBe(2);
    const reps = [
      ...orderIds.map((id) => ({ __typename: 'LabOrder', id })),
      ...resultIds.map((id) => ({ __typename: 'LabResult', id })),
      ...alertIds.map((id) => ({ __typename: 'LabAlert', id })),
    ];
    const entities = await direct(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on LabOrder { id patientId clinicalNote reviewComment orderedByAccountId specimenCode status }
        ... on LabResult { id patientId numeric flag }
        ... on LabAlert { id patientId doctorAccountId flag }
      } }`,
      { reps },
    );
    expect(entities.json.data._entities).toEqual(reps.map(() => null));
    expect(new Set(entities.codes)).toEqual(new Set(['FORBIDDEN']));
    // P2's specimen, by the partner field and by _entities: exactly as a made-up code.
    const madeUp = newSpecimenCode();
    const asks = [
      (c: string) =>
        direct(
          'query ($c: String!) { partnerLabOrder(specimenCode: $c) { specimenCode status sex ageBand } }',
          { c },
        ),
      (c: string) =>
        direct(
          'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PartnerLabOrder { specimenCode status } } }',
          { r: [{ __typename: 'PartnerLabOrder', specimenCode: c }] },
        ),
    ];
    for (const ask of asks) {
      const theirs = await ask(orders.p2.specimenCode);
      const nobody = await ask(madeUp);
      expect(theirs.text.replaceAll(orders.p2.specimenCode, 'X')).toBe(nobody.text.replaceAll(madeUp, 'X'));
      expect(theirs.json.errors).toBeUndefined();
    }
    // The doctor's and the patient's operations are not the partner's.
    for (const [q, v] of [
      ['query ($p: ID!) { labOrders(patientId: $p) { id clinicalNote } }', { p: patientId }],
      [
        'query ($p: ID!, $t: ID!) { labResultHistory(patientId: $p, testId: $t) { id numeric } }',
        { p: patientId, t: tests.k1 },
      ],
      ['query ($id: ID!) { labOrder(id: $id) { id clinicalNote } }', { id: orders.p1.id }],
      ['{ labOrdersToReview { id } }', {}],
      ['{ myLabOrders { id } }', {}],
      ['{ labAlerts { id } }', {}],
      ['{ labTests { id code } }', {}],
      ['{ _service { sdl } }', {}],
    ] as const) {
      const r = await direct(q, v);
      expect(r.codes, q).toContain('FORBIDDEN');
      expect(JSON.stringify(r.json.data ?? {}), q).not.toMatch(/"id":"/);
    }
    // Its own order through the subgraph still shows only the pseudonymous view.
    const own = await direct(
      'query ($c: String!) { partnerLabOrder(specimenCode: $c) { specimenCode status sex ageBand } }',
      {
        c: orders.p1.specimenCode,
      },
    );
    expect(own.json.data.partnerLabOrder).toMatchObject({
      specimenCode: orders.p1.specimenCode,
      status: 'RESULTED',
    });
    expectNoLeaks(seen.slice(before), { p2Specimen: [orders.p2.specimenCode] });
  });

  it("cannot feed the subgraphs' event inboxes (a forged release notice, a forged appointment)", async () => {
    const inbox = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '/internal/events');
    const event = (type: string, payload: Record<string, unknown>) => ({
      events: [{ id: randomUUID(), type, occurredAt: new Date().toISOString(), payload }],
    });
    const forged = [
      [inbox(p.scheduleUrls[0]!), event('lab.results_released', { orderId: orders.p2.id, patientId })],
      [
        inbox(p.labUrl),
        event('appointment.booked', {
          appointmentId: randomUUID(),
          patientId,
          doctorAccountId: P1.id,
          endsAt: new Date().toISOString(),
          status: 'BOOKED',
        }),
      ],
    ] as const;
    for (const [url, body] of forged) {
      const r = await send(url, P1.token, body, 'P1');
      expect(r.status, url).toBe(403);
    }
  });

  it('on the patient subgraph, directly and through the gateway, yields no personal data', async () => {
    const before = seen.length;
    const fields =
      'id lastName firstName middleName fullName phone email birthDate sex ageBand passport snils';
    for (const [q, v] of [
      [`query ($id: ID!) { patient(id: $id) { ${fields} } }`, { id: patientId }],
      [
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { ${fields} } } }`,
        { r: [{ __typename: 'Patient', id: patientId }] },
      ],
      [`{ searchPatients(query: { text: "${PERSON.lastName}" }) { nodes { ${fields} } } }`, {}],
      [
        `query { patientDuplicates(phone: "${PERSON.phone}", birthDate: "${PERSON.birthDate}") { ${fields} } }`,
        {},
      ],
    ] as const) {
      const r = await send(p.patientUrl, P1.token, { query: q, variables: v }, 'P1');
      expect(r.codes.length, `${q}: ${r.text}`).toBeGreaterThan(0);
      expect(
        r.codes.every((c) => c === 'FORBIDDEN'),
        r.text,
      ).toBe(true);
      // Through the gateway the same text never gets past the allowlist.
      const g = await send(p.url, P1.token, { query: q, variables: v }, 'P1');
      expect({ status: g.status, codes: g.codes }).toEqual({
        status: 400,
        codes: ['PERSISTED_DOCUMENT_REQUIRED'],
      });
    }
    expectNoLeaks(seen.slice(before));
    // And the gateway with a plain GraphQL client: the same refusal (no data object at all).
    const viaClient = await gql(
      p.url,
      `query ($id: ID!) { patient(id: $id) { lastName } }`,
      { id: patientId },
      { token: P1.token },
    );
    expect(viaClient.data ?? null).toBeNull();
  });
});
