import { randomUUID } from 'node:crypto';
import type { LabTestRecord } from '../src/modules/catalogue/catalogue.store';
import { PARTNER_SCOPES } from '../src/testing';
import type { LabHarness } from './harness';

/** What the helpers need of a running lab subgraph (the harness, or a restarted service). */
export type LabHost = Pick<LabHarness, 'service' | 'query' | 'tokenFor'>;

export const ORDER = /* GraphQL */ `
  mutation ($input: OrderLabTestsInput!) {
    orderLabTests(input: $input) {
      ok inputErrors { field code }
      orders { id status specimenCode specimenType partnerName clinicalNote tests { testId code } }
    }
  }`;
export const STEP = /* GraphQL */ `
  mutation ($id: ID!, $step: LabSpecimenStep!) {
    recordLabSpecimenStep(input: { orderId: $id, step: $step }) {
      ok inputErrors { field code } order { id status collectedAt sentAt }
    }
  }`;
export const CANCEL = /* GraphQL */ `
  mutation ($id: ID!, $reason: String!) {
    cancelLabOrder(input: { orderId: $id, reason: $reason }) {
      ok inputErrors { field code } order { id status statusReason }
    }
  }`;
export const REVIEW = /* GraphQL */ `
  mutation ($id: ID!, $comment: String, $release: Boolean) {
    reviewLabOrder(input: { orderId: $id, patientComment: $comment, release: $release }) {
      ok inputErrors { field code } order { id status reviewComment }
    }
  }`;
const RESULT_FIELDS = 'id testCode numeric unit coded flag critical referenceText partnerComment released';
export const LAB_ORDER = /* GraphQL */ `
  query ($id: ID!) {
    labOrder(id: $id) { id status reviewComment hasReport results { ${RESULT_FIELDS} } }
  }`;
export const PARTNER_FIELDS =
  'specimenCode specimenType priority status collectedAt sex ageBand cursor tests { code codeSystem name unit resulted }';
const PARTNER_PAYLOAD = `ok replayed inputErrors { field code } orders { specimenCode status }`;
export const POST = /* GraphQL */ `
  mutation ($input: PostLabResultsInput!) { postLabResults(input: $input) { ${PARTNER_PAYLOAD} } }`;
export const POST_FHIR = /* GraphQL */ `
  mutation ($bundle: String!) { postFhirLabReport(input: { bundle: $bundle }) { ${PARTNER_PAYLOAD} } }`;
export const ATTACH = /* GraphQL */ `
  mutation ($code: String!, $rid: String!, $pdf: String!) {
    attachLabReport(input: { specimenCode: $code, partnerResultId: $rid, pdfBase64: $pdf }) { ${PARTNER_PAYLOAD} }
  }`;
export const ACK = /* GraphQL */ `
  mutation ($codes: [String!]!) { acknowledgeLabSpecimens(input: { specimenCodes: $codes }) { ${PARTNER_PAYLOAD} } }`;
export const REJECT = /* GraphQL */ `
  mutation ($code: String!, $reason: SpecimenRejectionReason!, $comment: String) {
    rejectLabSpecimen(input: { specimenCode: $code, reason: $reason, comment: $comment }) { ${PARTNER_PAYLOAD} }
  }`;
export const FEED = /* GraphQL */ `
  query ($after: String, $since: String, $first: Int) {
    partnerLabOrders(after: $after, since: $since, first: $first) {
      orders { ${PARTNER_FIELDS} } endCursor hasMore
    }
  }`;
export const PARTNER_ORDER = /* GraphQL */ `
  query ($code: String!) { partnerLabOrder(specimenCode: $code) { ${PARTNER_FIELDS} } }`;

/** A doctor and a patient (ids and tokens); the doctor has no care relationship yet. */
export async function actors(h: LabHost) {
  const doctorId = `doctor-${randomUUID()}`;
  const patientId = randomUUID();
  const doctor = await h.tokenFor({ role: 'doctor', sub: doctorId });
  const patient = await h.tokenFor({
    role: 'patient',
    sub: `patient-account-${randomUUID()}`,
    pid: patientId,
  });
  return { doctorId, patientId, doctor, patient };
}
export type Actors = Awaited<ReturnType<typeof actors>>;

/** Grants a doctor a care relationship with a patient (as the schedule's appointment events would). */
export const care = (h: LabHost, doctorId: string, patientId: string) =>
  h.service.stores.care.grant(
    doctorId,
    patientId,
    `appointment:${randomUUID()}`,
    new Date(Date.now() + 86_400_000),
  );

/** A partner laboratory's client id (unique per test) and its token. */
export const newPartnerId = () => `lab_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
export const partnerToken = (h: LabHost, clientId: string, scope = PARTNER_SCOPES) =>
  h.tokenFor({ role: 'lab_partner', sub: clientId, scope });

const base = {
  id: null,
  codeSystem: 'LOCAL' as const,
  specimenType: 'венозная кровь',
  kind: 'NUMERIC' as const,
  unitAliases: [] as string[],
  criticalLow: null as number | null,
  criticalHigh: null as number | null,
  normalCodes: [] as string[],
  turnaroundHours: 24,
  partnerName: 'Лаборатория «Матрица»',
  priceReference: null as string | null,
  active: true,
};
const any = (low: number, high: number, ageFrom: number | null = null, ageTo: number | null = null) => ({
  sex: 'ANY' as const,
  ageFrom,
  ageTo,
  low,
  high,
});
const sexed = (sex: 'MALE' | 'FEMALE', low: number, high: number) => ({
  sex,
  ageFrom: 18,
  ageTo: null,
  low,
  high,
});

/** Catalogue entries of realistic tests (ranges by sex and age, critical and plausible limits). */
export const TESTS = {
  K: {
    name: 'Калий (K+) в сыворотке',
    unit: 'ммоль/л',
    unitAliases: ['mmol/L'],
    referenceRanges: [any(3.5, 5.1)],
    criticalLow: 2.5,
    criticalHigh: 6.5,
    plausibleLow: 0.5,
    plausibleHigh: 15,
  },
  HGB: {
    name: 'Гемоглобин',
    unit: 'г/л',
    unitAliases: ['g/L'],
    referenceRanges: [
      any(110, 140, 1, 12),
      any(115, 160, 12, 18),
      sexed('MALE', 132, 173),
      sexed('FEMALE', 117, 155),
    ],
    criticalLow: 60,
    criticalHigh: 220,
    plausibleLow: 10,
    plausibleHigh: 300,
  },
  CREA: {
    name: 'Креатинин',
    unit: 'мкмоль/л',
    unitAliases: ['µmol/L'],
    referenceRanges: [any(27, 88, 1, 18), sexed('FEMALE', 44, 80), sexed('MALE', 62, 106)],
    plausibleLow: 5,
    plausibleHigh: 3000,
  },
  URINE: {
    name: 'Белок в моче',
    specimenType: 'моча',
    kind: 'CODED' as const,
    unit: null,
    referenceRanges: [],
    plausibleLow: null,
    plausibleHigh: null,
    normalCodes: ['отрицательно'],
  },
};

/** Saves a catalogue test of the given kind for a partner (through the store), with a unique code. */
export async function catalogueTest(
  h: LabHost,
  partnerClientId: string,
  kind: keyof typeof TESTS,
  extra: Partial<typeof base> = {},
) {
  const code = `${kind}-${randomUUID().slice(0, 8)}`;
  const saved = await h.service.stores.catalogue.save({
    ...base,
    ...TESTS[kind],
    ...extra,
    code,
    partnerClientId,
  });
  if (!saved) throw new Error('catalogue test not saved');
  return saved;
}

/** A birth date for someone aged `years` today (a month past the birthday). */
export function bornYearsAgo(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
}

export type OrderOpts = { sex?: 'MALE' | 'FEMALE' | 'UNKNOWN'; age?: number; note?: string; key?: string };
export const orderInput = (patientId: string, testIds: string[], o: OrderOpts = {}) => ({
  patientId,
  visitId: randomUUID(),
  testIds,
  priority: 'URGENT',
  clinicalNote: o.note ?? 'Контроль калия на фоне диуретиков',
  patientSex: o.sex ?? 'FEMALE',
  patientBirthDate: bornYearsAgo(o.age ?? 34),
  idempotencyKey: o.key ?? randomUUID(),
});

/** Orders tests as the doctor (who must be in care); throws unless ok. */
export async function order(
  h: LabHost,
  doctor: string,
  patientId: string,
  testIds: string[],
  o: OrderOpts = {},
) {
  const r = await h.query(ORDER, { input: orderInput(patientId, testIds, o) }, doctor);
  if (!r.data?.orderLabTests?.ok) throw new Error(`orderLabTests: ${JSON.stringify(r)}`);
  return r.data.orderLabTests.orders as Array<{ id: string; specimenCode: string; status: string }>;
}

/**
 * A doctor in care with a patient, an order of the partner's `kinds` tests (one specimen), collected:
 * what the partner sees in its feed.
 */
export async function collectedOrder(
  h: LabHost,
  partner: string,
  kinds: Array<keyof typeof TESTS> = ['K'],
  o: OrderOpts & { who?: Actors } = {},
) {
  const who = o.who ?? (await actors(h));
  await care(h, who.doctorId, who.patientId);
  const tests: LabTestRecord[] = [];
  for (const k of kinds) tests.push(await catalogueTest(h, partner, k));
  const [placed] = await order(
    h,
    who.doctor,
    who.patientId,
    tests.map((t) => t.id),
    o,
  );
  const step = await h.query(STEP, { id: placed!.id, step: 'COLLECTED' }, who.doctor);
  if (!step.data?.recordLabSpecimenStep?.ok) throw new Error(`collect: ${JSON.stringify(step)}`);
  return { ...who, order: placed!, tests, code: (k: keyof typeof TESTS) => tests[kinds.indexOf(k)]!.code };
}

/** A result line for postLabResults. */
export const line = (
  testCode: string,
  v: { numeric?: number; unit?: string; coded?: string; comment?: string },
) => ({
  testCode,
  numeric: v.numeric ?? null,
  unit: v.unit ?? null,
  coded: v.coded ?? null,
  comment: v.comment ?? null,
});

/** Posts a partner's results for a specimen (a fresh result id unless given). */
export const postResults = (
  h: LabHost,
  token: string,
  specimenCode: string,
  results: ReturnType<typeof line>[],
  partnerResultId: string = `R-${randomUUID()}`,
) => h.query(POST, { input: { specimenCode, partnerResultId, results } }, token);

/** Rows of the order in each written table (the "nothing written" checks). */
export async function rowsOf(h: LabHost, orderId: string) {
  const count = async (table: string, where = 'order_id = $1') =>
    Number(
      (
        await h.service.database.query<{ n: number }>(
          `select count(*)::int as n from ${table} where ${where}`,
          [orderId],
        )
      )[0]!.n,
    );
  const [status] = await h.service.database.query<{ status: string }>(
    'select status from lab_order where id = $1',
    [orderId],
  );
  return {
    results: await count('lab_result'),
    posts: await count('lab_result_post'),
    alerts: await count('lab_alert'),
    reports: await count('lab_report'),
    status: status?.status,
  };
}

/** Releases an order's results to the patient as its ordering doctor. */
export async function release(h: LabHost, doctor: string, orderId: string, comment?: string) {
  const r = await h.query(REVIEW, { id: orderId, comment, release: true }, doctor);
  if (!r.data?.reviewLabOrder?.ok) throw new Error(`review: ${JSON.stringify(r)}`);
  return r.data.reviewLabOrder.order;
}
