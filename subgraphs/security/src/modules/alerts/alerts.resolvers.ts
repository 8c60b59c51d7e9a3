import { appError, ErrorCode, requireId } from '@medikamente/runtime';
import type { SecurityContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import { filterText } from '../trail/trail.resolvers';
import { type LiveSecurityAlert, type Outcome, SECURITY_ALERT_CHANNEL } from './alerts.service';
import type { AlertRecord, AlertStatus } from './alerts.store';
import { RULE_IDS, type RulesConfig } from './rules.config';

const MAX_ALERTS = 200;
const upper = <T extends string>(s: T) => s.toUpperCase() as Uppercase<T>;

/** The thresholds of a rule in words, for the officer. */
function parameters(cfg: RulesConfig, id: (typeof RULE_IDS)[number]): string {
  const r = cfg.rules;
  switch (id) {
    case 'volumeSpike':
      return `окно ${r.volumeSpike.windowMinutes} мин; не меньше ${r.volumeSpike.minEvents} событий и в ${r.volumeSpike.factor} раза больше своей нормы за ${r.volumeSpike.baselineDays} дн.`;
    case 'fishing':
      return `окно ${r.fishing.windowMinutes} мин; от ${r.fishing.minSearches} поисков без открытия карты`;
    case 'afterHours': {
      const h = cfg.workingHours.default;
      return `рабочее время ${h.start}–${h.end}, дни недели ${h.weekdays.join(', ')}, пояс ${h.zone ?? cfg.defaultZone}; филиалов со своим временем: ${Object.keys(cfg.workingHours.branches).length}`;
    }
    case 'noRelationship':
      return `роли: ${r.noRelationship.roles.join(', ')}; категории: ${r.noRelationship.categories.join(', ')}`;
    default:
      return 'срабатывает всегда';
  }
}

export const alertResolvers: Resolvers = {
  Query: {
    securityAlerts: (_, { filter, first }, ctx) =>
      ctx.stores.alerts.queue(
        {
          statuses: (filter?.statuses ?? []) as AlertStatus[],
          actorId: filterText(filter?.actorId, 'filter.actorId'),
          patientId: filter?.patientId ? requireId(filter.patientId, 'filter.patientId') : null,
        },
        Math.max(1, Math.min(first ?? 50, MAX_ALERTS)),
      ),
    securityAlert: (_, { id }, ctx) => ctx.loaders.alert.load(requireId(id)),
    monitoringRules: (_, __, ctx) => {
      const cfg = ctx.services.alerts.rules;
      return RULE_IDS.map((id) => ({
        id,
        title: cfg.rules[id].title,
        explanation: cfg.rules[id].explanation,
        severity: upper(cfg.rules[id].severity),
        enabled: cfg.rules[id].enabled,
        parameters: parameters(cfg, id),
      }));
    },
  },
  Mutation: {
    triageSecurityAlert: async (_, { input }, ctx) =>
      payload(await ctx.services.alerts.triage(ctx.principal, input.alertId, input.status, input.note)),
    assignSecurityAlert: async (_, { input }, ctx) =>
      payload(await ctx.services.alerts.assign(ctx.principal, input.alertId, input.assigneeId)),
    addSecurityAlertNote: async (_, { input }, ctx) =>
      payload(await ctx.services.alerts.addNote(ctx.principal, input.alertId, input.note)),
    setVipPatient: async (_, { input }, ctx) => {
      await ctx.services.alerts.setVip(
        ctx.principal,
        requireId(input.patientId, 'input.patientId'),
        input.vip,
      );
      return { ok: true, inputErrors: [] };
    },
  },
  Subscription: {
    securityAlertRaised: {
      subscribe: (_: unknown, __: unknown, ctx: SecurityContext) => {
        if (ctx.principal.role !== 'security_officer') throw appError(ErrorCode.FORBIDDEN);
        return ctx.services.pubsub.subscribe<LiveSecurityAlert>(SECURITY_ALERT_CHANNEL);
      },
      // Read fresh for every event; the policy layer decides what the subscriber sees of it.
      resolve: (e: LiveSecurityAlert, _: unknown, ctx: SecurityContext) => ctx.loaders.alert.load(e.alertId),
    },
  } as never,
  SecurityAlert: {
    __resolveReference: (ref, ctx) => ctx.loaders.alert.load(requireId(ref.id)),
    rule: (a) => a.rule,
    ruleTitle: (a, _, ctx) => ctx.services.alerts.rules.rules[a.rule].title,
    explanation: (a, _, ctx) => ctx.services.alerts.rules.rules[a.rule].explanation,
    severity: (a) => upper(a.severity),
    occurredAt: (a) => a.occurredAt.toISOString(),
    evidence: (a) => JSON.stringify(a.evidence),
    raisedAt: (a) => a.raisedAt.toISOString(),
    updatedAt: (a) => a.updatedAt.toISOString(),
    steps: (a, _, ctx) => ctx.loaders.alertSteps.load(a.id),
  },
  SecurityAlertStep: {
    at: (s) => s.at.toISOString(),
    status: (s) => (s.status as AlertStatus | null) ?? null,
  },
};

function payload(o: Outcome<AlertRecord>) {
  return o.ok
    ? { ok: true, inputErrors: [], alert: o.value }
    : { ok: false, inputErrors: o.inputErrors, alert: null };
}
