import {
  appError,
  type Database,
  ErrorCode,
  hasControlCharacters,
  type InputError,
  inputError,
} from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import type { OrderRecord, OrderStore } from '../orders/orders.store';
import { normaliseSpecimenCode } from '../orders/specimen-code';
import { decodeCursor, encodeCursor, parseInstant } from './partner.access';

export type PartnerOrder = OrderRecord & { cursor: string };
export type PartnerAnswer = {
  ok: boolean;
  inputErrors: InputError[];
  replayed: boolean;
  orders: PartnerOrder[];
};

const REJECTABLE = new Set(['COLLECTED', 'SENT', 'RECEIVED']);
const RECEIVABLE = new Set(['COLLECTED', 'SENT']);

export const asPartnerOrder = (o: OrderRecord): PartnerOrder => ({
  ...o,
  cursor: encodeCursor(o.feedSeq ?? 0),
});
export const refused = (inputErrors: InputError[]): PartnerAnswer => ({
  ok: false,
  inputErrors,
  replayed: false,
  orders: [],
});

/** A partner's specimen code, checked (form and check character) before it reaches SQL. */
export function specimenCodeError(field: string, code: string): { code: string } | { error: InputError } {
  const normal = normaliseSpecimenCode(code);
  return normal
    ? { code: normal }
    : {
        error: inputError(
          field,
          codes.SPECIMEN_CODE_INVALID,
          'Код образца введён с ошибкой (контрольный символ)',
        ),
      };
}

/** The partner laboratory's order intake: its feed, receipt and rejection of specimens. */
export class PartnerService {
  constructor(private readonly deps: { database: Database; orders: OrderStore }) {}

  async feed(partner: string, args: { after?: string | null; since?: string | null; first?: number | null }) {
    const after = args.after ? decodeCursor(args.after) : 0;
    if (after === null) throw appError(ErrorCode.BAD_USER_INPUT, 'Некорректный курсор', { field: 'after' });
    let since: Date | null = null;
    if (args.since) {
      since = parseInstant(args.since);
      if (!since)
        throw appError(ErrorCode.BAD_USER_INPUT, 'since: дата и время ISO 8601', { field: 'since' });
    }
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > 200)
      throw appError(ErrorCode.BAD_USER_INPUT, 'first: от 1 до 200', { field: 'first' });
    const rows = await this.deps.orders.feed(partner, after, since, first + 1);
    const page = rows.slice(0, first).map(asPartnerOrder);
    return {
      orders: page,
      endCursor: page.at(-1)?.cursor ?? args.after ?? null,
      hasMore: rows.length > first,
    };
  }

  /** Marks the partner's specimens received; all or nothing, a repeat changes nothing. */
  async acknowledge(partner: string, specimenCodes: readonly string[]): Promise<PartnerAnswer> {
    if (specimenCodes.length === 0 || specimenCodes.length > 200)
      return refused([inputError('input.specimenCodes', ErrorCode.BAD_USER_INPUT, 'От 1 до 200 кодов')]);
    const normal: string[] = [];
    const errors: InputError[] = [];
    specimenCodes.forEach((c, i) => {
      const r = specimenCodeError(`input.specimenCodes[${i}]`, c);
      if ('error' in r) errors.push(r.error);
      else normal.push(r.code);
    });
    if (errors.length > 0) return refused(errors);
    return this.deps.database
      .tx(async () => {
        const out: PartnerOrder[] = [];
        for (const [i, code] of normal.entries()) {
          const order = await this.deps.orders.lockBySpecimen(partner, code);
          if (!order)
            errors.push(
              inputError(`input.specimenCodes[${i}]`, codes.UNKNOWN_SPECIMEN, 'Нет такого образца'),
            );
          else if (order.status === 'ORDERED' || order.status === 'CANCELLED' || order.status === 'REJECTED')
            errors.push(stateOf(`input.specimenCodes[${i}]`, order));
          else
            out.push(
              asPartnerOrder(
                RECEIVABLE.has(order.status)
                  ? await this.deps.orders.transition(order.id, 'RECEIVED')
                  : order,
              ),
            );
        }
        // Nothing is written when any code is refused.
        if (errors.length > 0) throw new Refusal(errors);
        return { ok: true, inputErrors: [], replayed: false, orders: out };
      })
      .catch(refusalAnswer);
  }

  async reject(
    partner: string,
    input: { specimenCode: string; reason: string; comment?: string | null },
  ): Promise<PartnerAnswer> {
    const r = specimenCodeError('input.specimenCode', input.specimenCode);
    if ('error' in r) return refused([r.error]);
    const comment = input.comment?.trim() || null;
    if (comment && comment.length > 500)
      return refused([inputError('input.comment', ErrorCode.TOO_LONG, 'Не длиннее 500 символов')]);
    // The comment becomes the order's status reason, read by the doctor and the patient.
    if (comment && hasControlCharacters(comment))
      return refused([inputError('input.comment', ErrorCode.BAD_USER_INPUT, 'Недопустимые символы')]);
    return this.deps.database.tx(async () => {
      const order = await this.deps.orders.lockBySpecimen(partner, r.code);
      if (!order)
        return refused([inputError('input.specimenCode', codes.UNKNOWN_SPECIMEN, 'Нет такого образца')]);
      if (order.status === 'REJECTED')
        return { ok: true, inputErrors: [], replayed: true, orders: [asPartnerOrder(order)] };
      if (!REJECTABLE.has(order.status)) return refused([stateOf('input.specimenCode', order)]);
      const reason = comment ? `${input.reason}: ${comment}` : input.reason;
      const next = await this.deps.orders.transition(order.id, 'REJECTED', { reason });
      return { ok: true, inputErrors: [], replayed: false, orders: [asPartnerOrder(next)] };
    });
  }
}

export const stateOf = (field: string, order: OrderRecord): InputError =>
  inputError(field, codes.LAB_ORDER_STATE, `Действие невозможно: заказ в статусе ${order.status}`);

/** Thrown inside a transaction to roll it back and answer the input errors. */
export class Refusal extends Error {
  constructor(readonly errors: InputError[]) {
    super('refused');
  }
}
export const refusalAnswer = (e: unknown): PartnerAnswer => {
  if (e instanceof Refusal) return refused(e.errors);
  throw e;
};
