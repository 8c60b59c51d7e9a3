import { randomUUID } from 'node:crypto';
import type { FixtureRegistry, FixtureRequest, SubjectFixture } from '@medikamente/runtime/testing';
import type { LabTestRecord } from './modules/catalogue/catalogue.store';
import { newSpecimenCode } from './modules/orders/specimen-code';
import type { LabService } from './service';

/** Specimen codes as the clinic prints them (fixtures and benchmarks preparing orders). */
export { newSpecimenCode };

/** The scopes a partner laboratory's client holds. */
export const PARTNER_SCOPES = 'lab.orders:read lab.results:write';

/** The clinical note the fixtures write (a full view sees it; a partner never does). */
export const FIXTURE_NOTE = 'Контроль калия на фоне диуретиков';

/** A potassium test with reference and critical ranges, the fixtures' catalogue entry. */
export const potassiumTest = (partnerClientId: string, code = `K-${randomUUID().slice(0, 8)}`) => ({
  id: null,
  code,
  codeSystem: 'LOCAL' as const,
  name: 'Калий (K+) в сыворотке',
  specimenType: 'венозная кровь',
  kind: 'NUMERIC' as const,
  unit: 'ммоль/л',
  unitAliases: ['mmol/L'],
  referenceRanges: [{ sex: 'ANY' as const, ageFrom: 18, ageTo: null, low: 3.5, high: 5.1 }],
  criticalLow: 2.5,
  criticalHigh: 6.5,
  plausibleLow: 0.5,
  plausibleHigh: 15,
  normalCodes: [],
  turnaroundHours: 24,
  partnerClientId,
  partnerName: 'Лаборатория «Матрица»',
  priceReference: 'LAB-K',
  active: true,
});

const patientOf = (r: FixtureRequest) => {
  if (!r.subject.patientId) throw new Error('lab fixtures need a subject with a patient id');
  return r.subject.patientId;
};

/** An order of the subject's for a partner (the caller when `partnerOwns` is asked), collected. */
async function collectedOrder(service: LabService, r: FixtureRequest) {
  const patientId = patientOf(r);
  if (r.conditions.includes('careRelationship'))
    await service.stores.care.grant(
      r.caller.accountId,
      patientId,
      `matrix:${randomUUID()}`,
      new Date(Date.now() + 86_400_000),
    );
  const partner = r.conditions.includes('partnerOwns')
    ? r.caller.accountId
    : `lab_matrix_${randomUUID().slice(0, 8)}`;
  const test = (await service.stores.catalogue.save(potassiumTest(partner))) as LabTestRecord;
  const order = await service.stores.orders.insert({
    id: randomUUID(),
    patientId,
    visitId: randomUUID(),
    orderedBy: `matrix-doctor-${randomUUID()}`,
    partnerClientId: partner,
    partnerName: test.partnerName,
    priority: 'URGENT',
    clinicalNote: FIXTURE_NOTE,
    specimenCode: newSpecimenCode(),
    specimenType: test.specimenType,
    patientSex: 'FEMALE',
    patientAgeYears: 34,
    testIds: [test.id],
  });
  return { order: await service.stores.orders.transition(order.id, 'COLLECTED'), test };
}

/** A resulted order with a critical potassium result; released when `resultReleased` is asked. */
async function resultedOrder(service: LabService, r: FixtureRequest) {
  const { order, test } = await collectedOrder(service, r);
  const resultId = randomUUID();
  await service.stores.results.insert({
    id: resultId,
    orderId: order.id,
    patientId: order.patientId,
    testId: test.id,
    partnerResultId: `matrix-${resultId}`,
    kind: 'NUMERIC',
    numeric: 6.8,
    unit: 'ммоль/л',
    coded: null,
    text: null,
    rangeLow: 3.5,
    rangeHigh: 5.1,
    rangeText: '3,5–5,1 ммоль/л',
    flag: 'HH',
    partnerComment: 'Гемолиза нет',
  });
  await service.stores.orders.transition(order.id, 'RESULTED');
  if (r.conditions.includes('resultReleased')) await service.stores.orders.transition(order.id, 'RELEASED');
  return { order, test, resultId };
}

const ownOnly = (what: string) => `answers with the caller's own ${what} only: _entities covers the policy`;

/** One object of each subject type the lab subgraph owns, for the generated policy matrix. */
export const subjectFixtures = {
  LabOrder: {
    conditions: ['careRelationship'],
    async create(service, r) {
      const { order } = await collectedOrder(service, r);
      return {
        key: { id: order.id },
        args: { patientId: order.patientId, visitId: order.visitId },
        known: { clinicalNote: FIXTURE_NOTE, specimenCode: order.specimenCode, status: 'COLLECTED' },
        skip: { 'Query.labOrdersToReview': ownOnly('orders to review') },
      };
    },
  },
  LabResult: {
    conditions: ['careRelationship', 'resultReleased'],
    requires: { resultReleased: ['self'] },
    async create(service, r) {
      const { order, test, resultId } = await resultedOrder(service, r);
      return {
        key: { id: resultId },
        args: { patientId: order.patientId, testId: test.id },
        known: { numeric: 6.8, flag: 'HH', partnerComment: 'Гемолиза нет' },
      };
    },
  },
  LabAlert: {
    conditions: ['careRelationship', 'resultReleased'],
    requires: { resultReleased: ['self'] },
    async create(service, r) {
      const { order, resultId } = await resultedOrder(service, r);
      const alert = await service.stores.alerts.raise({
        orderId: order.id,
        resultId,
        patientId: order.patientId,
        doctorAccountId: order.orderedBy,
        flag: 'HH',
        escalateAfterSec: 3600,
      });
      return {
        key: { id: alert.id },
        args: {},
        known: { flag: 'HH', doctorAccountId: order.orderedBy },
        skip: { 'Query.labAlerts': ownOnly('alerts') },
      };
    },
  },
  PartnerLabOrder: {
    conditions: ['careRelationship', 'partnerOwns'],
    async create(service, r) {
      const { order } = await collectedOrder(service, r);
      return {
        key: { specimenCode: order.specimenCode },
        known: { specimenType: 'венозная кровь', sex: 'FEMALE', ageBand: '30-39', priority: 'URGENT' },
        // Another laboratory's code answers null without an error, as a made-up one (no existence
        // oracle), by the root field and by _entities alike.
        hiddenAs: {
          'Query.partnerLabOrder': { lab_partner: '' },
          'Query._entities': { lab_partner: '' },
        },
      };
    },
  },
} satisfies Record<string, SubjectFixture<LabService>> satisfies FixtureRegistry;
