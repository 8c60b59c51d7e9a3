import {
  appError,
  ErrorCode,
  idError,
  inputError,
  type Principal,
  requireDate,
  requireId,
  textError,
} from '@medikamente/runtime';
import { DateTime } from 'luxon';
import type { Resolvers } from '../../generated/resolvers-types';
import { kopecksError, vatEnum } from '../money';

/** A patient reaches only their own invoices (others' answer as absent); staff as the policy allows. */
const ownOnly = (p: Principal, patientId: string) => p.role !== 'patient' || p.patientId === patientId;

export const invoiceResolvers: Resolvers = {
  Query: {
    invoices: (_, args, ctx) => {
      const patientId = requireId(args.patientId, 'patientId');
      return ownOnly(ctx.principal, patientId) ? ctx.stores.invoices.forPatient(patientId) : [];
    },
    invoice: async (_, args, ctx) => {
      const invoice = await ctx.loaders.invoice.load(requireId(args.id));
      return invoice && ownOnly(ctx.principal, invoice.patientId) ? invoice : null;
    },
    myInvoices: (_, __, ctx) =>
      ctx.principal.patientId ? ctx.stores.invoices.forPatient(ctx.principal.patientId) : [],
    branchInvoices: (_, args, ctx) => {
      const day = DateTime.fromISO(requireDate(args.day, 'day'), { zone: ctx.env.CLINIC_TIME_ZONE });
      return ctx.stores.invoices.forBranch(
        requireId(args.branchId, 'branchId'),
        day.toJSDate(),
        day.plus({ days: 1 }).toJSDate(),
      );
    },
    invoicesAwaitingRefundDecision: (_, args, ctx) =>
      ctx.stores.invoices.awaitingRefundDecision(args.branchId ? requireId(args.branchId, 'branchId') : null),
  },
  Mutation: {
    createInvoice: async (_, { input }, ctx) => {
      const lines = input.lines.map((l) => ({
        ...l,
        quantity: l.quantity ?? 1,
        discountKopecks: l.discountKopecks ?? 0,
      }));
      const inputErrors = [
        idError('input.patientId', input.patientId),
        idError('input.branchId', input.branchId),
        textError('input.idempotencyKey', input.idempotencyKey, { max: 100, required: true }),
        input.lines.length === 0 || input.lines.length > 50
          ? inputError('input.lines', ErrorCode.BAD_USER_INPUT, 'От 1 до 50 позиций')
          : null,
        ...lines.flatMap((l, i) => [
          idError(`input.lines.${i}.priceItemId`, l.priceItemId),
          Number.isInteger(l.quantity) && l.quantity >= 1 && l.quantity <= 100
            ? null
            : inputError(`input.lines.${i}.quantity`, ErrorCode.BAD_USER_INPUT, 'Количество от 1 до 100'),
          kopecksError(`input.lines.${i}.discountKopecks`, l.discountKopecks, 0),
          textError(`input.lines.${i}.discountReason`, l.discountReason, { max: 300 }),
        ]),
      ].filter((e) => e !== null);
      if (inputErrors.length) return { ok: false, inputErrors, invoice: null };
      const r = await ctx.services.invoices.createAtDesk(ctx.principal, {
        patientId: input.patientId.toLowerCase(),
        branchId: input.branchId.toLowerCase(),
        idempotencyKey: input.idempotencyKey,
        lines: lines.map((l) => ({
          priceItemId: l.priceItemId.toLowerCase(),
          quantity: l.quantity,
          discountKopecks: l.discountKopecks,
          discountReason: l.discountReason?.trim() || null,
        })),
      });
      return r.ok
        ? { ok: true, inputErrors: [], invoice: r.value }
        : { ok: false, inputErrors: r.inputErrors, invoice: null };
    },
  },
  Invoice: {
    __resolveReference: async (ref, ctx) => {
      const invoice = await ctx.loaders.invoice.load(requireId(ref.id));
      if (!invoice) throw appError(ErrorCode.NOT_FOUND);
      return invoice;
    },
    createdAt: (i) => i.createdAt.toISOString(),
    lines: async (i, _, ctx) => (await ctx.loaders.lines.load(i.id)) ?? [],
    totalKopecks: async (i, _, ctx) => (await ctx.loaders.totals.load(i.id))!.chargedKopecks,
    paidKopecks: async (i, _, ctx) => (await ctx.loaders.totals.load(i.id))!.paidKopecks,
    refundedKopecks: async (i, _, ctx) => (await ctx.loaders.totals.load(i.id))!.refundedKopecks,
    reversedKopecks: async (i, _, ctx) => (await ctx.loaders.totals.load(i.id))!.reversedKopecks,
    balanceKopecks: async (i, _, ctx) => (await ctx.loaders.totals.load(i.id))!.balanceKopecks,
    status: async (i, _, ctx) => {
      if ((await ctx.loaders.cancellation.load(i.id))?.outcome === 'REVERSED') return 'CANCELLED';
      const t = (await ctx.loaders.totals.load(i.id))!;
      if (t.balanceKopecks <= 0) return 'PAID';
      return t.paidKopecks - t.refundedKopecks > 0 ? 'PARTIALLY_PAID' : 'UNPAID';
    },
    payments: async (i, _, ctx) => (await ctx.loaders.paymentsOfInvoice.load(i.id)) ?? [],
    cancellation: async (i, _, ctx) => {
      const c = await ctx.loaders.cancellation.load(i.id);
      return c && { outcome: c.outcome, reason: c.reason, cancelledAt: c.cancelledAt.toISOString() };
    },
  },
  InvoiceLine: {
    vat: (l) => vatEnum(l.vat),
  },
};
