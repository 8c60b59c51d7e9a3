import { appError, ErrorCode, idError, inputError, requireId, textError } from '@medikamente/runtime';
import { GraphQLError } from 'graphql';
import { codes } from '../../error-codes.generated';
import type { Resolvers } from '../../generated/resolvers-types';
import { requireOwnBranch } from '../branches';
import type { ShiftRecord } from '../fiscal/shifts.store';
import { kopecksError, vatEnum } from '../money';
import type { PaymentRecord, ReceiptRecord, RefundRecord } from './payments.store';

const PHONE = /^\+7\d{10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const keyError = (v: unknown) => textError('input.idempotencyKey', v, { max: 100, required: true });
const noPayment = (inputErrors: ReturnType<typeof inputError>[]) => ({
  ok: false,
  inputErrors,
  payment: null,
});

const entity =
  <T>(
    load: (
      id: string,
      ctx: Parameters<NonNullable<NonNullable<Resolvers['Payment']>['__resolveReference']>>[1],
    ) => Promise<T | null>,
  ) =>
  async (
    ref: { id?: unknown },
    ctx: Parameters<NonNullable<NonNullable<Resolvers['Payment']>['__resolveReference']>>[1],
  ) => {
    const found = await load(requireId(ref.id), ctx);
    if (!found) throw appError(ErrorCode.NOT_FOUND);
    return found;
  };

const sumOf = (r: ReceiptRecord, type: 'cash' | 'electronically') =>
  r.body.payments.filter((p) => p.type === type).reduce((s, p) => s + p.sumKopecks, 0);

/** What the register or the shift's state refuses: expected, answered in inputErrors (ADR 0012). */
const SHIFT_REFUSALS = new Set<string>([
  codes.SHIFT_ALREADY_OPEN,
  codes.SHIFT_NOT_OPEN,
  codes.REGISTER_NOT_CONFIGURED,
  codes.REGISTER_UNAVAILABLE,
  codes.REGISTER_ERROR,
]);

async function shiftPayload(run: () => Promise<ShiftRecord>) {
  try {
    return { ok: true, inputErrors: [], shift: await run() };
  } catch (e) {
    const code = e instanceof GraphQLError ? String(e.extensions.code ?? '') : '';
    if (!SHIFT_REFUSALS.has(code)) throw e;
    const refusal = inputError('branchId', code as typeof codes.SHIFT_NOT_OPEN, (e as Error).message);
    return { ok: false, inputErrors: [refusal], shift: null };
  }
}

export const paymentResolvers: Resolvers = {
  Query: {
    fiscalShift: (_, args, ctx) =>
      ctx.services.shifts.current(ctx.principal, requireId(args.branchId, 'branchId')),
  },
  Mutation: {
    openFiscalShift: (_, args, ctx) =>
      shiftPayload(() => ctx.services.shifts.open(ctx.principal, requireId(args.branchId, 'branchId'))),
    closeFiscalShift: (_, args, ctx) =>
      shiftPayload(() => ctx.services.shifts.close(ctx.principal, requireId(args.branchId, 'branchId'))),
    takeDeskPayment: async (_, { input }, ctx) => {
      const contact = input.customerContact?.trim() || null;
      const inputErrors = [
        idError('input.invoiceId', input.invoiceId),
        input.method === 'ONLINE'
          ? inputError('input.method', ErrorCode.BAD_USER_INPUT, 'На кассе — наличные или карта')
          : null,
        kopecksError('input.amountKopecks', input.amountKopecks),
        contact && !PHONE.test(contact) && !(EMAIL.test(contact) && contact.length <= 254)
          ? inputError('input.customerContact', ErrorCode.BAD_USER_INPUT, 'Телефон +7XXXXXXXXXX или e-mail')
          : null,
        keyError(input.idempotencyKey),
      ].filter((e) => e !== null);
      if (inputErrors.length) return noPayment(inputErrors);
      const r = await ctx.services.desk.take(ctx.principal, {
        invoiceId: input.invoiceId.toLowerCase(),
        method: input.method as 'CASH' | 'CARD',
        amountKopecks: input.amountKopecks,
        customerContact: contact,
        idempotencyKey: input.idempotencyKey,
      });
      return r.ok ? { ok: true, inputErrors: [], payment: r.value } : noPayment(r.inputErrors);
    },
    retryPaymentFiscalisation: async (_, args, ctx) => {
      const payment = await ctx.loaders.payment.load(requireId(args.paymentId, 'paymentId'));
      if (!payment) return noPayment([inputError('paymentId', ErrorCode.NOT_FOUND, 'Платёж не найден')]);
      const invoice = await ctx.loaders.invoice.load(payment.invoiceId);
      requireOwnBranch(ctx.principal, invoice!.branchId, 'Платёж другого филиала');
      if (payment.status !== 'PENDING_FISCAL')
        return noPayment([inputError('paymentId', ErrorCode.CONFLICT, 'Платёж не ждёт чека')]);
      return {
        ok: true,
        inputErrors: [],
        payment: await ctx.services.desk.fiscalise(payment, ctx.principal.subject ?? 'unknown'),
      };
    },
    payInvoiceOnline: async (_, { input }, ctx) => {
      const inputErrors = [
        idError('input.invoiceId', input.invoiceId),
        keyError(input.idempotencyKey),
      ].filter((e) => e !== null);
      if (inputErrors.length) return noPayment(inputErrors);
      const r = await ctx.services.online.start(ctx.principal, {
        invoiceId: input.invoiceId.toLowerCase(),
        idempotencyKey: input.idempotencyKey,
      });
      return r.ok ? { ok: true, inputErrors: [], payment: r.value } : noPayment(r.inputErrors);
    },
    refundPayment: async (_, { input }, ctx) => {
      const inputErrors = [
        idError('input.paymentId', input.paymentId),
        kopecksError('input.amountKopecks', input.amountKopecks),
        textError('input.reason', input.reason, { max: 500, required: true }),
        keyError(input.idempotencyKey),
      ].filter((e) => e !== null);
      if (inputErrors.length) return { ok: false, inputErrors, refund: null };
      const r = await ctx.services.refunds.refund(ctx.principal, {
        paymentId: input.paymentId.toLowerCase(),
        amountKopecks: input.amountKopecks,
        reason: input.reason.trim(),
        idempotencyKey: input.idempotencyKey,
      });
      return r.ok
        ? { ok: true, inputErrors: [], refund: r.value }
        : { ok: false, inputErrors: r.inputErrors, refund: null };
    },
  },
  FiscalShift: {
    open: (s) => s.status === 'OPEN',
    openedAt: (s) => s.openedAt.toISOString(),
    closedAt: (s) => s.closedAt?.toISOString() ?? null,
  },
  Payment: {
    __resolveReference: entity<PaymentRecord>((id, ctx) => ctx.loaders.payment.load(id)),
    createdAt: (p) => p.createdAt.toISOString(),
    capturedAt: (p) => p.capturedAt?.toISOString() ?? null,
    refunds: async (p, _, ctx) => (await ctx.loaders.refundsOfPayment.load(p.id)) ?? [],
    refundedKopecks: async (p, _, ctx) =>
      ((await ctx.loaders.refundsOfPayment.load(p.id)) ?? [])
        .filter((r) => r.status === 'DONE')
        .reduce((s, r) => s + r.amountKopecks, 0),
    receipts: async (p, _, ctx) => (await ctx.loaders.receiptsOfPayment.load(p.id)) ?? [],
  },
  Refund: {
    __resolveReference: entity<RefundRecord>((id, ctx) => ctx.loaders.refund.load(id)),
    createdAt: (r) => r.createdAt.toISOString(),
  },
  Receipt: {
    __resolveReference: entity<ReceiptRecord>((id, ctx) => ctx.loaders.receipt.load(id)),
    totalKopecks: (r) => r.body.totalKopecks,
    cashKopecks: (r) => sumOf(r, 'cash'),
    electronicKopecks: (r) => sumOf(r, 'electronically'),
    lines: (r) => r.body.lines.map((l) => ({ ...l, vat: vatEnum(l.vat) })),
    customerContact: (r) => r.body.customerContact ?? null,
    fiscalDocumentNumber: (r) => r.fiscal.fiscalDocumentNumber,
    fiscalSign: (r) => r.fiscal.fiscalDocumentSign,
    fnNumber: (r) => r.fiscal.fnNumber,
    registrationNumber: (r) => r.fiscal.registrationNumber,
    shiftNumber: (r) => r.fiscal.shiftNumber,
    receiptNumber: (r) => r.fiscal.fiscalReceiptNumber ?? null,
    fiscalAt: (r) => r.fiscal.fiscalAt.toISOString(),
  },
};
