/**
 * Demo laboratory data for local runs, written through the lab subgraph's own checks, stores and
 * consumer (no SQL into its tables):
 * - the catalogue (scripts/seed-lab-catalogue.ts), every test performed by the demo partner
 *   laboratory (its identity client id), checked as the catalogue API checks it;
 * - the schedule's appointments of the demo patients reach the lab's inbox as appointment events,
 *   as for the record (care relationships; also for a data directory older than the lab);
 * - Соколова's fasting glucose over the last year, ordered by Иванова: order → collected → sent →
 *   received → result (flagged by the platform's rules) → released, dated in the past (the
 *   portal's chart; historical orders notify nobody).
 *
 * Idempotent: tests by code (a changed partner client is written over), history orders by
 * deterministic ids.
 */
import type { LabService } from '@medikamente/subgraph-lab';
import type { PatientService } from '@medikamente/subgraph-patient';
import type { ScheduleService } from '@medikamente/subgraph-schedule';
import { validateLabTest } from '../subgraphs/lab/src/modules/catalogue/catalogue.validate';
import { newSpecimenCode } from '../subgraphs/lab/src/modules/orders/specimen-code';
import {
  ageInYears,
  checkValue,
  computeFlag,
  formatRange,
  pickRange,
  type Sex,
} from '../subgraphs/lab/src/modules/results/result-values';
import { DEMO_LAB_TESTS, GLUCOSE_HISTORY, HISTORY_TEST } from './seed-lab-catalogue';
import { nameUuid, replayAppointmentEvents } from './seed-record';
import type { DemoDoctor } from './seed-schedule';

const DAY = 86_400_000;

/**
 * Writes the demo catalogue's tests that are missing or performed by another client (the
 * partner's identity client id); returns how many.
 */
export async function seedLabCatalogue(
  lab: LabService,
  partner: { clientId: string; name: string },
): Promise<number> {
  let written = 0;
  for (const t of DEMO_LAB_TESTS) {
    const existing = await lab.stores.catalogue.byCode(t.code);
    if (existing?.partnerClientId === partner.clientId) continue;
    const checked = validateLabTest({
      id: existing?.id ?? null,
      code: t.code,
      codeSystem: t.codeSystem,
      name: t.name,
      specimenType: t.specimenType,
      kind: t.kind,
      unit: t.unit,
      unitAliases: t.unitAliases,
      referenceRanges: t.ranges.map((r) => ({ ...r, ageFrom: r.ageFrom ?? null, ageTo: null })),
      criticalLow: t.critical?.[0] ?? null,
      criticalHigh: t.critical?.[1] ?? null,
      plausibleLow: t.plausible?.[0] ?? null,
      plausibleHigh: t.plausible?.[1] ?? null,
      normalCodes: t.normalCodes ?? [],
      turnaroundHours: t.turnaroundHours,
      partnerClientId: partner.clientId,
      partnerName: partner.name,
      priceReference: t.priceReference,
      active: true,
    });
    if (!checked.ok)
      throw new Error(
        `seed: lab test ${t.code} refused: ${checked.errors.map((e) => `${e.field} ${e.code}`).join(', ')}`,
      );
    await lab.stores.catalogue.save(checked.input);
    written++;
  }
  return written;
}

/** Seeds the demo laboratory data; `created` is false when everything was there already. */
export async function seedLab(opts: {
  lab: LabService;
  schedule: ScheduleService;
  patient: PatientService;
  /** The demo partner laboratory's identity client. */
  partner: { clientId: string; name: string };
  /** The demo doctors in their seed order (Иванова first). */
  doctors: DemoDoctor[];
  /** `demoPatientIds()`: the account patients first (Соколова first). */
  patientIds: string[];
  log?: (s: string) => void;
}): Promise<{ created: boolean }> {
  const { lab, partner } = opts;
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const tests = await seedLabCatalogue(lab, partner);
  if (tests > 0) {
    const inbox = lab.inbox;
    if (!inbox) throw new Error('the lab subgraph consumes no events');
    const applied = await replayAppointmentEvents({
      schedule: opts.schedule,
      inbox,
      patientIds: opts.patientIds,
    });
    log(`lab: ${tests} catalogue tests, ${applied} appointment events applied (${Date.now() - started} ms)`);
  }

  const patientId = opts.patientIds[0];
  const doctor = opts.doctors[0];
  const card = patientId ? (await opts.patient.stores.patients.byIds([patientId])).get(patientId) : undefined;
  if (!patientId || !doctor || !card) return { created: tests > 0 };
  const written = await seedGlucoseHistory({ lab, patientId, card, doctorAccountId: doctor.accountId });
  if (written > 0) log(`lab: ${written} released glucose results (${Date.now() - started} ms)`);
  return { created: tests > 0 || written > 0 };
}

/**
 * A patient's fasting glucose over the last year (GLUCOSE_HISTORY), ordered by a doctor: order →
 * collected → sent → received → result (flagged by the platform's rules) → released, dated in the
 * past (historical orders notify nobody). Ids derive from `key` (idempotent; another patient needs
 * another key); returns how many orders were written.
 */
export async function seedGlucoseHistory(opts: {
  lab: LabService;
  patientId: string;
  card: { birthDate: string; sex: Sex };
  doctorAccountId: string;
  /** Namespace of the deterministic ids (the demo's `lab-history` by default). */
  key?: string;
}): Promise<number> {
  const { lab, patientId, card } = opts;
  const test = await lab.stores.catalogue.byCode(HISTORY_TEST);
  if (!test) return 0;
  const key = opts.key ?? 'lab-history';
  const ids = GLUCOSE_HISTORY.map((_, i) => nameUuid(`${key}:${i}`));
  const present = await lab.stores.orders.byIds(ids);
  const { orders, results } = lab.stores;
  let written = 0;
  for (const [i, h] of GLUCOSE_HISTORY.entries()) {
    const id = ids[i]!;
    if (present.has(id)) continue;
    // Collected at 08:30 Moscow time (fasting), that many days ago.
    const at = new Date(Math.floor((Date.now() - h.daysAgo * DAY) / DAY) * DAY + 5.5 * 3_600_000);
    const age = ageInYears(card.birthDate, at.toISOString());
    const checked = checkValue(test, { numeric: h.value, unit: test.unit });
    if (!checked.ok) throw new Error(`seed: glucose ${h.value} refused: ${checked.error.code}`);
    const range = pickRange(test, card.sex, age);
    await lab.database.tx(async () => {
      await orders.insert({
        id,
        patientId,
        visitId: null,
        orderedBy: opts.doctorAccountId,
        partnerClientId: test.partnerClientId,
        partnerName: test.partnerName,
        priority: 'ROUTINE',
        clinicalNote: 'Контроль гликемии натощак',
        specimenCode: newSpecimenCode(),
        specimenType: test.specimenType,
        patientSex: card.sex,
        patientAgeYears: age,
        testIds: [test.id],
      });
      for (const step of ['COLLECTED', 'SENT', 'RECEIVED'] as const) await orders.transition(id, step);
      await results.insert({
        id: nameUuid(`${key}:${i}:result`),
        orderId: id,
        patientId,
        testId: test.id,
        partnerResultId: opts.key ? `dialab-${key}-${i + 1}` : `dialab-demo-${i + 1}`,
        ...checked.value,
        rangeLow: range?.low ?? null,
        rangeHigh: range?.high ?? null,
        rangeText: formatRange(range, test.unit),
        flag: computeFlag(test, checked.value, range),
        partnerComment: null,
        resultedAt: at,
      });
      await orders.transition(id, 'RESULTED');
      await orders.transition(id, 'RELEASED', {
        reviewComment: h.comment ?? null,
        reviewedBy: opts.doctorAccountId,
      });
      await orders.backdate(id, at);
    });
    written++;
  }
  return written;
}
