import { randomUUID } from 'node:crypto';
import {
  addToOutbox,
  appError,
  type Database,
  ErrorCode,
  hasControlCharacters,
  IdempotencyMismatchError,
  IdempotencyStore,
  type InputError,
  inputError,
  isId,
  type Principal,
} from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import type { CareStore } from '../care/care.store';
import type { CatalogueStore, LabTestRecord } from '../catalogue/catalogue.store';
import { ageInYears } from '../results/result-values';
import type { OrderRecord, OrderStatus, OrderStore, PatientSex, Priority } from './orders.store';
import { newSpecimenCode } from './specimen-code';

export type OrderInput = {
  patientId: string;
  visitId: string;
  testIds: readonly string[];
  priority: Priority;
  clinicalNote?: string | null;
  patientSex: PatientSex;
  patientBirthDate?: string | null;
  idempotencyKey: string;
};

type Result<T> = { ok: true; value: T } | { ok: false; errors: InputError[] };
const fail = <T>(errors: InputError[]): Result<T> => ({ ok: false, errors });

/** Where an order may go from each status by the clinic's own steps. */
const STEPS: Record<'COLLECTED' | 'SENT', OrderStatus[]> = { COLLECTED: ['ORDERED'], SENT: ['COLLECTED'] };
const CANCELLABLE = new Set<OrderStatus>(['ORDERED', 'COLLECTED', 'SENT', 'RECEIVED']);

/**
 * The doctor's side of orders: ordering from a visit (one order per partner laboratory and
 * specimen type, each with its own pseudonymous specimen code), the specimen's steps, cancelling,
 * and the review that releases the results to the patient.
 */
export class OrdersService {
  private readonly idempotency: IdempotencyStore;
  constructor(
    private readonly deps: {
      database: Database;
      orders: OrderStore;
      catalogue: CatalogueStore;
      care: CareStore;
    },
  ) {
    this.idempotency = new IdempotencyStore(deps.database);
  }

  private async requireCare(doctor: string, patientId: string): Promise<void> {
    if (!(await this.deps.care.activeFor(doctor, [patientId])).has(patientId))
      throw appError(ErrorCode.FORBIDDEN);
  }

  async order(input: OrderInput, by: Principal): Promise<Result<OrderRecord[]>> {
    const errors: InputError[] = [];
    if (!isId(input.patientId))
      errors.push(
        inputError('input.patientId', ErrorCode.BAD_USER_INPUT, 'Некорректный идентификатор пациента'),
      );
    if (!isId(input.visitId))
      errors.push(inputError('input.visitId', ErrorCode.BAD_USER_INPUT, 'Некорректный идентификатор приёма'));
    const key = input.idempotencyKey.trim();
    if (!key || key.length > 100 || hasControlCharacters(key))
      errors.push(
        inputError('input.idempotencyKey', ErrorCode.BAD_USER_INPUT, 'Нужен ключ повтора (до 100 символов)'),
      );
    const note = input.clinicalNote?.trim() || null;
    if (note && note.length > 2000)
      errors.push(inputError('input.clinicalNote', ErrorCode.TOO_LONG, 'Не длиннее 2000 символов'));
    else if (note && hasControlCharacters(note))
      errors.push(inputError('input.clinicalNote', ErrorCode.BAD_USER_INPUT, 'Недопустимые символы'));
    let ageYears: number | null = null;
    if (input.patientBirthDate) {
      const d = /^\d{4}-\d{2}-\d{2}$/.test(input.patientBirthDate)
        ? new Date(`${input.patientBirthDate}T00:00:00Z`)
        : null;
      // A day past the month's end (2026-02-30) rolls over in Date: compare the date back.
      const calendar = d && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(input.patientBirthDate);
      if (!d || !calendar || d > new Date() || d.getUTCFullYear() < 1900)
        errors.push(
          inputError('input.patientBirthDate', ErrorCode.BAD_USER_INPUT, 'Некорректная дата рождения'),
        );
      else ageYears = ageInYears(input.patientBirthDate, new Date().toISOString());
    }
    const testIds = [...new Set(input.testIds)];
    if (testIds.length === 0)
      errors.push(inputError('input.testIds', ErrorCode.REQUIRED, 'Выберите анализы'));
    if (testIds.length > 30)
      errors.push(inputError('input.testIds', ErrorCode.BAD_USER_INPUT, 'Не больше 30 анализов'));
    const badId = testIds.findIndex((id) => !isId(id));
    if (badId >= 0)
      errors.push(
        inputError(`input.testIds[${badId}]`, codes.UNKNOWN_LAB_TEST, 'Нет такого анализа в справочнике'),
      );
    if (errors.length > 0) return fail(errors);
    await this.requireCare(by.subject!, input.patientId);
    const tests = await this.deps.catalogue.byIds(testIds);
    testIds.forEach((id, i) => {
      const t = tests.get(id);
      if (!t)
        errors.push(
          inputError(`input.testIds[${i}]`, codes.UNKNOWN_LAB_TEST, 'Нет такого анализа в справочнике'),
        );
      else if (!t.active)
        errors.push(
          inputError(`input.testIds[${i}]`, codes.LAB_TEST_INACTIVE, `Анализ «${t.name}» не выполняется`),
        );
    });
    if (errors.length > 0) return fail(errors);
    // One specimen per partner laboratory and specimen type.
    const groups = new Map<string, LabTestRecord[]>();
    for (const id of testIds) {
      const t = tests.get(id)!;
      const k = `${t.partnerClientId}|${t.specimenType}`;
      groups.set(k, [...(groups.get(k) ?? []), t]);
    }
    return this.deps.database.tx(async () => {
      const ids = [...groups.keys()].map(() => randomUUID());
      const claim = await this.idempotency.claim({
        principal: by,
        key,
        operation: 'orderLabTests',
        request: { ...input, testIds, idempotencyKey: undefined },
        result: { ids },
      });
      if (claim.status === 'mismatch') throw new IdempotencyMismatchError('input.idempotencyKey');
      if (claim.status === 'replayed') {
        const found = await this.deps.orders.byIds(claim.result.ids);
        return { ok: true as const, value: claim.result.ids.map((id) => found.get(id)!).filter(Boolean) };
      }
      const created: OrderRecord[] = [];
      for (const [i, group] of [...groups.values()].entries())
        created.push(
          await this.deps.orders.insert({
            id: ids[i]!,
            patientId: input.patientId,
            visitId: input.visitId,
            orderedBy: by.subject!,
            partnerClientId: group[0]!.partnerClientId,
            partnerName: group[0]!.partnerName,
            priority: input.priority,
            clinicalNote: note,
            specimenCode: newSpecimenCode(),
            specimenType: group[0]!.specimenType,
            patientSex: input.patientSex,
            patientAgeYears: ageYears,
            testIds: group.map((t) => t.id),
          }),
        );
      // Billing invoices each order: ids, the tests' price references and names — no note, no results.
      for (const [i, group] of [...groups.values()].entries()) {
        const order = created[i]!;
        await addToOutbox(this.deps.database.query, 'lab.order_placed', {
          orderId: order.id,
          patientId: order.patientId,
          orderedBy: order.orderedBy,
          orderedAt: order.createdAt.toISOString(),
          tests: group.map((t) => ({ testId: t.id, priceReference: t.priceReference, name: t.name })),
        });
      }
      return { ok: true as const, value: created };
    });
  }

  /** The ordering doctor (or one in care) records the specimen's collection or dispatch. */
  async step(orderId: string, step: 'COLLECTED' | 'SENT', by: Principal): Promise<Result<OrderRecord>> {
    return this.change(orderId, by, async (order) => {
      if (order.status === step) return { ok: true, value: order }; // a retry changes nothing
      if (!STEPS[step].includes(order.status)) return fail([stateError(order.status)]);
      return { ok: true, value: await this.deps.orders.transition(order.id, step) };
    });
  }

  async cancel(orderId: string, reason: string, by: Principal): Promise<Result<OrderRecord>> {
    const r = reason.trim();
    if (!r) return fail([inputError('input.reason', ErrorCode.REQUIRED, 'Укажите причину отмены')]);
    if (r.length > 500 || hasControlCharacters(r))
      return fail([inputError('input.reason', ErrorCode.BAD_USER_INPUT, 'Причина: до 500 символов')]);
    return this.change(orderId, by, async (order) => {
      if (order.status === 'CANCELLED') return { ok: true, value: order };
      if (!CANCELLABLE.has(order.status)) return fail([stateError(order.status)]);
      const cancelled = await this.deps.orders.transition(order.id, 'CANCELLED', { reason: r });
      await addToOutbox(this.deps.database.query, 'lab.order_cancelled', { orderId: order.id });
      return { ok: true, value: cancelled };
    });
  }

  /** The ordering doctor reviews the results; released ones reach the patient (and a notification). */
  async review(
    input: { orderId: string; patientComment?: string | null; release?: boolean | null },
    by: Principal,
  ): Promise<Result<OrderRecord>> {
    const comment = input.patientComment?.trim() || null;
    if (comment && (comment.length > 2000 || hasControlCharacters(comment)))
      return fail([
        inputError('input.patientComment', ErrorCode.BAD_USER_INPUT, 'Комментарий: до 2000 символов'),
      ]);
    const release = input.release ?? true;
    return this.change(input.orderId, by, async (order) => {
      if (order.orderedBy !== by.subject)
        throw appError(ErrorCode.FORBIDDEN, 'Результаты проверяет назначивший врач');
      if (order.status === 'RELEASED' || (order.status === 'REVIEWED' && !release))
        return { ok: true, value: order };
      if (order.status !== 'RESULTED' && order.status !== 'REVIEWED') return fail([stateError(order.status)]);
      const next = await this.deps.orders.transition(order.id, release ? 'RELEASED' : 'REVIEWED', {
        reviewComment: comment,
        reviewedBy: by.subject,
      });
      if (release)
        // Carries no values: the consumer tells the patient that results are ready.
        await addToOutbox(this.deps.database.query, 'lab.results_released', {
          orderId: order.id,
          patientId: order.patientId,
        });
      return { ok: true, value: next };
    });
  }

  private async change(
    orderId: string,
    by: Principal,
    apply: (order: OrderRecord) => Promise<Result<OrderRecord>>,
  ): Promise<Result<OrderRecord>> {
    if (!isId(orderId))
      return fail([
        inputError('input.orderId', ErrorCode.BAD_USER_INPUT, 'Некорректный идентификатор заказа'),
      ]);
    return this.deps.database.tx(async () => {
      const order = await this.deps.orders.lock(orderId);
      if (!order) throw appError(ErrorCode.NOT_FOUND);
      await this.requireCare(by.subject!, order.patientId);
      return apply(order);
    });
  }
}

export const stateError = (status: OrderStatus): InputError =>
  inputError('input.orderId', codes.LAB_ORDER_STATE, `Действие невозможно: заказ в статусе ${status}`);
