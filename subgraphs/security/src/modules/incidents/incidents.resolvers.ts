import { requireId } from '@medikamente/runtime';
import type { Resolvers } from '../../generated/resolvers-types';
import { type DraftKind, moscowTime, notificationDraft } from './incidents.draft';
import type { IncidentOutcome } from './incidents.service';
import type { IncidentRecord, IncidentStatus } from './incidents.store';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const payload = (r: IncidentOutcome) =>
  r.ok
    ? { ok: true, inputErrors: [], incident: r.incident }
    : { ok: false, inputErrors: r.inputErrors, incident: null };
/** The notice due next: the 24-hour one until it is submitted, then the 72-hour one. */
const nextNotice = (i: IncidentRecord): DraftKind => (i.status === 'OPEN' ? 'INITIAL_24H' : 'RESULTS_72H');

export const incidentsResolvers: Resolvers = {
  Query: {
    incidents: (_, { status }, ctx) => ctx.stores.incidents.list((status as IncidentStatus | null) ?? null),
    incident: (_, { id }, ctx) => ctx.loaders.incident.load(requireId(id)),
  },
  Mutation: {
    openIncident: async (_, { input }, ctx) =>
      payload(await ctx.services.incidents.open(ctx.principal, input)),
    linkAlertToIncident: async (_, { input }, ctx) =>
      payload(await ctx.services.incidents.linkAlert(ctx.principal, input)),
    updateIncident: async (_, { input }, ctx) =>
      payload(await ctx.services.incidents.update(ctx.principal, input)),
    resolveIncidentAffectedPatients: async (_, { input }, ctx) =>
      payload(await ctx.services.incidents.resolveAffected(ctx.principal, input)),
    recordIncidentNotification: async (_, { input }, ctx) =>
      payload(await ctx.services.incidents.recordNotification(ctx.principal, input)),
    closeIncident: async (_, { input }, ctx) =>
      payload(await ctx.services.incidents.close(ctx.principal, input)),
  },
  SecurityIncident: {
    detectedAt: (i) => i.detectedAt.toISOString(),
    detectedAtMoscow: (i) => moscowTime(i.detectedAt),
    deadline24h: (i) => i.deadline24h.toISOString(),
    deadline24hMoscow: (i) => moscowTime(i.deadline24h),
    deadline72h: (i) => i.deadline72h.toISOString(),
    deadline72hMoscow: (i) => moscowTime(i.deadline72h),
    overdue: (i, _, ctx) => {
      const now = ctx.services.incidents.now();
      return (
        (i.status === 'OPEN' && now >= i.deadline24h) || (i.status === 'NOTIFIED_24H' && now >= i.deadline72h)
      );
    },
    overdue24hAt: (i) => iso(i.overdue24hAt),
    overdue72hAt: (i) => iso(i.overdue72hAt),
    notified24hAt: (i) => iso(i.notified24hAt),
    reported72hAt: (i) => iso(i.reported72hAt),
    alertIds: (i, _, ctx) => ctx.loaders.incidentAlerts.load(i.id),
    affectedPatients: (i) => (i.affected ? { ...i.affected, total: i.affected.patientIds.length } : null),
    notificationDraft: async (i, { kind }, ctx) =>
      notificationDraft(
        i,
        (kind as DraftKind | null) ?? nextNotice(i),
        (await ctx.loaders.incidentAlerts.load(i.id)).length,
      ),
    closedAt: (i) => iso(i.closedAt),
    createdAt: (i) => i.createdAt.toISOString(),
    history: (i, _, ctx) => ctx.loaders.incidentSteps.load(i.id),
  },
  SecurityIncidentStep: {
    at: (s) => s.at.toISOString(),
  },
};
