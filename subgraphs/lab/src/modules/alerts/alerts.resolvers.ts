import { appError, ErrorCode, filterEvents, requireId } from '@medikamente/runtime';
import type { LabContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import { ALERT_CHANNEL, type LiveAlert } from './alerts.service';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const alertResolvers: Resolvers = {
  Query: {
    labAlerts: (_, args, ctx) =>
      ctx.stores.alerts.forDoctor(ctx.principal.subject!, args.includeAcknowledged ?? false),
  },
  Mutation: {
    acknowledgeLabAlert: async (_, args, ctx) => ({
      ok: true,
      inputErrors: [],
      alert: await ctx.services.alerts.acknowledge(args.alertId, ctx.principal),
    }),
  },
  Subscription: {
    labAlertRaised: {
      subscribe: (_: unknown, __: unknown, ctx: LabContext) => {
        const me = ctx.principal.subject;
        if (ctx.principal.role !== 'doctor' || !me) throw appError(ErrorCode.FORBIDDEN);
        return filterEvents(
          ctx.services.pubsub.subscribe<LiveAlert>(ALERT_CHANNEL),
          (e) => e.recipient === me,
        );
      },
      // Read fresh for every event; the policy layer decides what the subscriber sees of it.
      resolve: async (e: LiveAlert, _: unknown, ctx: LabContext) =>
        (await ctx.stores.alerts.byIds([e.alertId])).get(e.alertId) ?? null,
    },
  } as never,
  LabAlert: {
    __resolveReference: (ref, ctx) => ctx.loaders.alert.load(requireId(ref.id)),
    result: (a, _, ctx) => ctx.loaders.result.load(a.resultId),
    raisedAt: (a) => a.raisedAt.toISOString(),
    escalatedTo: (a) => (a.escalatedTo === 'unassigned' ? null : a.escalatedTo),
    escalatedAt: (a) => iso(a.escalatedAt),
    acknowledgedAt: (a) => iso(a.acknowledgedAt),
    steps: (a, _, ctx) => ctx.loaders.alertSteps.load(a.id),
  },
  LabAlertStep: {
    at: (s) => s.at.toISOString(),
  },
};
