import { randomUUID } from 'node:crypto';
import {
  type Database,
  ErrorCode,
  hasControlCharacters,
  type InputError,
  idempotencyHash,
  inputError,
} from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import type { AlertsService } from '../alerts/alerts.service';
import type { AlertRecord } from '../alerts/alerts.store';
import type { CatalogueStore } from '../catalogue/catalogue.store';
import type { OrderStore } from '../orders/orders.store';
import { PARTNER_RESULT_ID, parseInstant } from '../partner/partner.access';
import {
  asPartnerOrder,
  type PartnerAnswer,
  Refusal,
  refusalAnswer,
  refused,
  specimenCodeError,
  stateOf,
} from '../partner/partner.service';
import { checkValue, computeFlag, formatRange, isCritical, pickRange } from './result-values';
import type { ResultStore } from './results.store';

/** A partner's result message (from postLabResults, or mapped from a FHIR bundle). */
export type ResultMessage = {
  specimenCode: string;
  partnerResultId: string;
  issuedAt: string | null;
  conclusion: string | null;
  results: ReadonlyArray<{
    testCode: string;
    /** Further candidate codes of the same test (FHIR codings), matched when testCode is not. */
    codes?: ReadonlyArray<{ code: string }>;
    numeric: number | null;
    unit: string | null;
    coded: string | null;
    text: string | null;
    comment: string | null;
  }>;
};

const OPEN_FOR_RESULTS = new Set(['COLLECTED', 'SENT', 'RECEIVED', 'RESULTED']);

function envelopeErrors(msg: ResultMessage, f: string): InputError[] {
  const errors: InputError[] = [];
  if (!PARTNER_RESULT_ID.test(msg.partnerResultId))
    errors.push(
      inputError(
        `${f}.partnerResultId`,
        ErrorCode.BAD_USER_INPUT,
        'Идентификатор: 1–100 печатных символов ASCII',
      ),
    );
  if (msg.results.length === 0)
    errors.push(inputError(`${f}.results`, ErrorCode.REQUIRED, 'Нет результатов'));
  if (msg.results.length > 100)
    errors.push(inputError(`${f}.results`, ErrorCode.BAD_USER_INPUT, 'Не больше 100 результатов'));
  if (msg.conclusion && (msg.conclusion.length > 4000 || hasControlCharacters(msg.conclusion)))
    errors.push(inputError(`${f}.conclusion`, ErrorCode.BAD_USER_INPUT, 'Заключение: до 4000 символов'));
  if (msg.issuedAt && !parseInstant(msg.issuedAt))
    errors.push(inputError(`${f}.issuedAt`, ErrorCode.BAD_USER_INPUT, 'issuedAt: дата и время ISO 8601'));
  msg.results.slice(0, 100).forEach((r, i) => {
    for (const [k, v, max] of [
      ['testCode', r.testCode, 64],
      ['unit', r.unit, 30],
      ['coded', r.coded, 200],
      ['text', r.text, 4000],
      ['comment', r.comment, 2000],
    ] as const)
      if (v && (v.length > max || hasControlCharacters(v)))
        errors.push(
          inputError(
            `${f}.results[${i}].${k}`,
            ErrorCode.BAD_USER_INPUT,
            `Не длиннее ${max} символов, без управляющих символов`,
          ),
        );
  });
  return errors;
}

/**
 * A partner's result message: checked against the order and the catalogue (units, plausible
 * values), flagged by the platform (never trusted from the partner), stored append-only;
 * idempotent by the partner's result id (a replay answers the same, a different message under the
 * same id is refused). Critical values raise alerts in the same transaction. Nothing is written
 * on any refusal.
 */
export class ResultIngest {
  constructor(
    private readonly deps: {
      database: Database;
      orders: OrderStore;
      catalogue: CatalogueStore;
      results: ResultStore;
      alerts: AlertsService;
    },
  ) {}

  async post(partner: string, msg: ResultMessage, f = 'input'): Promise<PartnerAnswer> {
    const errors = envelopeErrors(msg, f);
    const code = specimenCodeError(`${f}.specimenCode`, msg.specimenCode);
    if ('error' in code) errors.push(code.error);
    if (errors.length > 0 || 'error' in code) return refused(errors);
    const requestHash = idempotencyHash({ ...msg, specimenCode: code.code });
    const raised: AlertRecord[] = [];
    const answer = await this.deps.database
      .tx(async (): Promise<PartnerAnswer> => {
        // The partner's result id first (always before the order row: no lock-order deadlock), so
        // one id sent at once for two specimens is taken by one and is a conflict for the other.
        await this.deps.results.lockPost(partner, msg.partnerResultId);
        const order = await this.deps.orders.lockBySpecimen(partner, code.code);
        if (!order)
          throw new Refusal([inputError(`${f}.specimenCode`, codes.UNKNOWN_SPECIMEN, 'Нет такого образца')]);
        const earlier = await this.deps.results.post(partner, msg.partnerResultId);
        if (earlier) {
          if (earlier.requestHash !== requestHash || earlier.orderId !== order.id)
            throw new Refusal([
              inputError(
                `${f}.partnerResultId`,
                codes.RESULT_CONFLICT,
                'Результат с этим идентификатором уже принят с другими данными',
              ),
            ]);
          return { ok: true, inputErrors: [], replayed: true, orders: [asPartnerOrder(order)] };
        }
        if (!OPEN_FOR_RESULTS.has(order.status)) throw new Refusal([stateOf(`${f}.specimenCode`, order)]);
        const orderTests = (await this.deps.orders.testsOf([order.id])).get(order.id) ?? [];
        const catalogue = await this.deps.catalogue.byIds(orderTests.map((t) => t.testId));
        const byCode = new Map([...catalogue.values()].map((t) => [t.code.toLowerCase(), t]));
        const done = new Set(
          ((await this.deps.results.forOrders([order.id])).get(order.id) ?? []).map((r) => r.testId),
        );
        const seen = new Set<string>();
        const rows = [];
        for (const [i, r] of msg.results.entries()) {
          const field = `${f}.results[${i}]`;
          const test = [r.testCode, ...(r.codes ?? []).map((c) => c.code)]
            .map((c) => byCode.get(c.trim().toLowerCase()))
            .find((t) => t !== undefined);
          if (!test) {
            errors.push(
              inputError(`${field}.testCode`, codes.UNKNOWN_LAB_TEST, 'Этого анализа нет в заказе'),
            );
            continue;
          }
          if (seen.has(test.id) || done.has(test.id)) {
            errors.push(
              inputError(
                `${field}.testCode`,
                codes.RESULT_ALREADY_POSTED,
                'Результат этого анализа уже принят',
              ),
            );
            continue;
          }
          seen.add(test.id);
          const checked = checkValue(test, r);
          if (!checked.ok) {
            const sub = checked.error.code === 'UNIT_MISMATCH' ? 'unit' : 'numeric';
            errors.push(inputError(`${field}.${sub}`, codes[checked.error.code], checked.error.message));
            continue;
          }
          const range = pickRange(test, order.patientSex, order.patientAgeYears);
          const flag = computeFlag(test, checked.value, range);
          rows.push({
            id: randomUUID(),
            orderId: order.id,
            patientId: order.patientId,
            testId: test.id,
            partnerResultId: msg.partnerResultId,
            kind: checked.value.kind,
            numeric: checked.value.numeric,
            unit: checked.value.unit,
            coded: checked.value.coded,
            text: checked.value.text,
            rangeLow: range?.low ?? null,
            rangeHigh: range?.high ?? null,
            rangeText: formatRange(range, test.unit),
            flag,
            partnerComment: r.comment?.trim() || null,
          });
        }
        if (errors.length > 0) throw new Refusal(errors);
        for (const row of rows) {
          await this.deps.results.insert(row);
          if (isCritical(row.flag)) raised.push(await this.deps.alerts.raise(order, row.id, row.flag!));
        }
        const complete = orderTests.every((t) => done.has(t.testId) || seen.has(t.testId));
        const next = complete
          ? await this.deps.orders.transition(order.id, 'RESULTED')
          : order.status === 'RECEIVED' || order.status === 'RESULTED'
            ? order
            : await this.deps.orders.transition(order.id, 'RECEIVED');
        const ok: PartnerAnswer = {
          ok: true,
          inputErrors: [],
          replayed: false,
          orders: [asPartnerOrder(next)],
        };
        await this.deps.results.recordPost({
          partnerClientId: partner,
          partnerResultId: msg.partnerResultId,
          orderId: order.id,
          requestHash,
          answer: { accepted: rows.length },
          conclusion: msg.conclusion?.trim() || null,
          issuedAt: msg.issuedAt ? new Date(msg.issuedAt) : null,
        });
        return ok;
      })
      .catch(refusalAnswer);
    // After the commit: the e-mail part of each critical alert (the live event went with the commit).
    for (const alert of raised) await this.deps.alerts.notify(alert);
    return answer;
  }
}
