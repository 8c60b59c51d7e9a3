import type { LabContext } from '../../context';
import { codes } from '../../error-codes.generated';
import type { Resolvers } from '../../generated/resolvers-types';
import { mapFhirResultBundle } from '../fhir/fhir-input';
import type { OrderTest } from '../orders/orders.store';
import { normaliseSpecimenCode } from '../orders/specimen-code';
import { ageBand, partnerWith, SCOPES } from './partner.access';
import { asPartnerOrder, refused } from './partner.service';

const MAX_BUNDLE_CHARS = 1_000_000;

/**
 * An order by its specimen code (malformed or unknown: null); the policy decides what is shown.
 * With `partner`, another laboratory's code is null too, exactly as a made-up code: a refusal
 * would tell the partner that the code exists at the clinic.
 */
async function bySpecimen(code: string, ctx: LabContext, partner?: string) {
  const normal = normaliseSpecimenCode(code);
  const order = normal ? await ctx.stores.orders.bySpecimen(normal) : null;
  if (!order || (partner !== undefined && order.partnerClientId !== partner)) return null;
  return asPartnerOrder(order);
}

const test = async (t: OrderTest, ctx: LabContext) => ctx.loaders.test.load(t.testId);

/** The partner laboratory's operations; every one checks the token's scope first. */
export const partnerResolvers: Resolvers = {
  Query: {
    partnerLabOrders: (_, args, ctx) =>
      ctx.services.partner.feed(partnerWith(ctx.principal, SCOPES.ordersRead), args),
    partnerLabOrder: (_, args, ctx) =>
      bySpecimen(args.specimenCode, ctx, partnerWith(ctx.principal, SCOPES.ordersRead)),
  },
  Mutation: {
    acknowledgeLabSpecimens: (_, { input }, ctx) =>
      ctx.services.partner.acknowledge(partnerWith(ctx.principal, SCOPES.resultsWrite), input.specimenCodes),
    rejectLabSpecimen: (_, { input }, ctx) =>
      ctx.services.partner.reject(partnerWith(ctx.principal, SCOPES.resultsWrite), input),
    postLabResults: (_, { input }, ctx) =>
      ctx.services.ingest.post(partnerWith(ctx.principal, SCOPES.resultsWrite), {
        specimenCode: input.specimenCode,
        partnerResultId: input.partnerResultId,
        issuedAt: input.issuedAt ?? null,
        conclusion: input.conclusion ?? null,
        results: input.results.map((r) => ({
          testCode: r.testCode,
          numeric: r.numeric ?? null,
          unit: r.unit ?? null,
          coded: r.coded ?? null,
          text: r.text ?? null,
          comment: r.comment ?? null,
        })),
      }),
    postFhirLabReport: async (_, { input }, ctx) => {
      const partner = partnerWith(ctx.principal, SCOPES.resultsWrite);
      const invalid = (message: string) =>
        refused([{ field: 'input.bundle', code: codes.FHIR_INVALID, message }]);
      if (input.bundle.length > MAX_BUNDLE_CHARS) return invalid('Документ больше 1 МБ');
      let json: unknown;
      try {
        json = JSON.parse(input.bundle);
      } catch {
        return invalid('Документ не является JSON');
      }
      const mapped = mapFhirResultBundle(json);
      if (!mapped.ok)
        return refused(
          mapped.errors.map((e) => ({
            field: e.path ? `input.bundle.${e.path}` : 'input.bundle',
            code: codes.FHIR_INVALID,
            message: e.message,
          })),
        );
      return ctx.services.ingest.post(partner, mapped.input, 'input.bundle');
    },
    attachLabReport: (_, { input }, ctx) =>
      ctx.services.reports.attach(partnerWith(ctx.principal, SCOPES.resultsWrite), input),
  },
  PartnerLabOrder: {
    // Whose order it is, the policy layer decides (partnerOwns, per order); a partner asking for
    // another laboratory's code gets null, as for a made-up one (a refusal would confirm the code).
    __resolveReference: (ref, ctx) =>
      bySpecimen(
        ref.specimenCode,
        ctx,
        ctx.principal.role === 'lab_partner' ? (ctx.principal.subject ?? '') : undefined,
      ),
    // After the results the partner learns nothing of the clinic's review.
    status: (o) => (o.status === 'REVIEWED' || o.status === 'RELEASED' ? 'RESULTED' : o.status),
    tests: (o, _, ctx) => ctx.loaders.orderTests.load(o.id),
    collectedAt: (o) => o.collectedAt?.toISOString() ?? null,
    sex: (o) => o.patientSex,
    ageBand: (o) => ageBand(o.patientAgeYears),
  },
  PartnerLabTest: {
    code: async (t, _, ctx) => (await test(t, ctx))?.code ?? '',
    codeSystem: async (t, _, ctx) => (await test(t, ctx))?.codeSystem ?? 'LOCAL',
    name: async (t, _, ctx) => (await test(t, ctx))?.name ?? '',
    unit: async (t, _, ctx) => (await test(t, ctx))?.unit ?? null,
    resulted: async (t, _, ctx) =>
      (await ctx.loaders.resultsOfOrder.load(t.orderId)).some((r) => r.testId === t.testId),
  },
};
