import { appError, ErrorCode, IdempotencyMismatchError, requireId } from '@medikamente/runtime';
import type { LabContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import type { ResultRecord } from '../results/results.store';
import type { OrderRecord } from './orders.store';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const subject = (ctx: LabContext) => {
  if (!ctx.principal.subject) throw appError(ErrorCode.UNAUTHENTICATED);
  return ctx.principal;
};

const FLAG_TEXT = {
  N: 'В пределах нормы',
  L: 'Ниже нормы',
  H: 'Выше нормы',
  LL: 'Критически низкое значение — врач уже знает о нём',
  HH: 'Критически высокое значение — врач уже знает о нём',
  A: 'Отличается от нормы',
} as const;

const orderPayload = (
  r:
    | { ok: true; value: OrderRecord }
    | { ok: false; errors: { field: string; code: string; message: string }[] },
) =>
  r.ok ? { ok: true, inputErrors: [], order: r.value } : { ok: false, inputErrors: r.errors, order: null };

export const orderResolvers: Resolvers = {
  Query: {
    // Orders and results the caller may not see are dropped by the policy layer.
    labOrders: (_, args, ctx) => ctx.stores.orders.forPatient(requireId(args.patientId, 'patientId')),
    labOrder: (_, args, ctx) => ctx.loaders.order.load(requireId(args.id)),
    labOrdersForVisit: (_, args, ctx) => ctx.stores.orders.forVisit(requireId(args.visitId, 'visitId')),
    labOrdersToReview: (_, __, ctx) => ctx.stores.orders.toReview(subject(ctx).subject!),
    myLabOrders: (_, __, ctx) =>
      ctx.principal.patientId ? ctx.stores.orders.forPatient(ctx.principal.patientId) : [],
    labResultHistory: (_, args, ctx) =>
      ctx.stores.results.history(requireId(args.patientId, 'patientId'), requireId(args.testId, 'testId'), {
        releasedOnly: ctx.principal.role === 'patient',
      }),
  },
  Mutation: {
    orderLabTests: async (_, { input }, ctx) => {
      try {
        const r = await ctx.services.orders.order(input, subject(ctx));
        return r.ok
          ? { ok: true, inputErrors: [], orders: r.value }
          : { ok: false, inputErrors: r.errors, orders: [] };
      } catch (e) {
        if (e instanceof IdempotencyMismatchError)
          return { ok: false, inputErrors: [e.toInputError()], orders: [] };
        throw e;
      }
    },
    recordLabSpecimenStep: async (_, { input }, ctx) =>
      orderPayload(await ctx.services.orders.step(input.orderId, input.step, subject(ctx))),
    cancelLabOrder: async (_, { input }, ctx) =>
      orderPayload(await ctx.services.orders.cancel(input.orderId, input.reason, subject(ctx))),
    reviewLabOrder: async (_, { input }, ctx) =>
      orderPayload(await ctx.services.orders.review(input, subject(ctx))),
  },
  LabOrder: {
    __resolveReference: (ref, ctx) => ctx.loaders.order.load(requireId(ref.id)),
    orderedByAccountId: (o) => o.orderedBy,
    // Written for the patient to read with the results: a patient never gets it before the release.
    reviewComment: (o, _, ctx) =>
      ctx.principal.role === 'patient' && o.status !== 'RELEASED' ? null : o.reviewComment,
    tests: async (o, _, ctx) => ctx.loaders.orderTests.load(o.id),
    results: (o, _, ctx) => ctx.loaders.resultsOfOrder.load(o.id),
    hasReport: async (o, _, ctx) => (await ctx.loaders.reportsOfOrder.load(o.id)).length > 0,
    createdAt: (o) => o.createdAt.toISOString(),
    collectedAt: (o) => iso(o.collectedAt),
    sentAt: (o) => iso(o.sentAt),
    receivedAt: (o) => iso(o.receivedAt),
    resultedAt: (o) => iso(o.resultedAt),
    reviewedAt: (o) => iso(o.reviewedAt),
    releasedAt: (o) => iso(o.releasedAt),
  },
  LabOrderTest: {
    code: async (t, _, ctx) => (await ctx.loaders.test.load(t.testId))?.code ?? '',
    name: async (t, _, ctx) => (await ctx.loaders.test.load(t.testId))?.name ?? '',
    unit: async (t, _, ctx) => (await ctx.loaders.test.load(t.testId))?.unit ?? null,
    resulted: async (t, _, ctx) =>
      (await ctx.loaders.resultsOfOrder.load(t.orderId)).some((r) => r.testId === t.testId),
  },
  LabResult: {
    __resolveReference: (ref, ctx) => ctx.loaders.result.load(requireId(ref.id)),
    testCode: async (r, _, ctx) => (await ctx.loaders.test.load(r.testId))?.code ?? '',
    testName: async (r, _, ctx) => (await ctx.loaders.test.load(r.testId))?.name ?? '',
    referenceRange: (r: ResultRecord) =>
      r.rangeLow === null && r.rangeHigh === null
        ? null
        : { sex: 'ANY' as const, ageFrom: null, ageTo: null, low: r.rangeLow, high: r.rangeHigh },
    referenceText: (r) => r.rangeText,
    flagText: (r) => (r.flag ? FLAG_TEXT[r.flag] : null),
    critical: (r) => r.flag === 'HH' || r.flag === 'LL',
    resultedAt: (r) => r.resultedAt.toISOString(),
    previous: async (r, _, ctx) =>
      ctx.stores.results.history(r.patientId, r.testId, {
        releasedOnly: ctx.principal.role === 'patient',
        before: r.resultedAt,
      }),
  },
};
