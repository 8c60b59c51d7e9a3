import { appError, ErrorCode, type Principal, requireId } from '@medikamente/runtime';
import type { Resolvers } from '../../generated/resolvers-types';
import { STATUS_LABELS, TYPE_LABELS } from './requests.labels';
import { DEADLINE_RULES } from './requests.rules';
import type { Outcome } from './requests.service';

/** A patient reaches only their own requests; staff roles are decided by the policy. */
const ownOnly = (p: Principal, patientId: string) => p.role !== 'patient' || p.patientId === patientId;
const payload = (r: Outcome) =>
  r.ok
    ? { ok: true, inputErrors: [], request: r.request }
    : { ok: false, inputErrors: r.inputErrors, request: null };
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const requestsResolvers: Resolvers = {
  Query: {
    myDataRequests: (_, __, ctx) =>
      ctx.principal.patientId ? ctx.stores.requests.forPatient(ctx.principal.patientId) : [],
    dataRequests: (_, { filter }, ctx) =>
      ctx.stores.requests.list({
        status: filter?.status,
        type: filter?.type,
        overdue:
          filter?.overdue == null ? null : { today: ctx.services.requests.today(), value: filter.overdue },
      }),
    dataRequest: async (_, args, ctx) => {
      const request = await ctx.loaders.dataRequest.load(requireId(args.id));
      return request && ownOnly(ctx.principal, request.patientId) ? request : null;
    },
  },
  Mutation: {
    fileDataRequest: async (_, { input }, ctx) => {
      if (!ctx.principal.patientId || !ctx.principal.subject) throw appError(ErrorCode.FORBIDDEN);
      return payload(await ctx.services.requests.file(ctx.principal, input));
    },
    registerDataRequest: async (_, { input }, ctx) =>
      payload(await ctx.services.requests.register(ctx.principal, input)),
    assignDataRequest: async (_, { input }, ctx) =>
      payload(await ctx.services.requests.assign(ctx.principal, input)),
    extendDataRequest: async (_, { input }, ctx) =>
      payload(await ctx.services.requests.extend(ctx.principal, input)),
    completeDataRequest: async (_, { input }, ctx) =>
      payload(await ctx.services.requests.complete(ctx.principal, input)),
    refuseDataRequest: async (_, { input }, ctx) =>
      payload(await ctx.services.requests.refuse(ctx.principal, input)),
  },
  DataRequest: {
    __resolveReference: async (ref, ctx) => {
      const request = await ctx.loaders.dataRequest.load(requireId(ref.id));
      if (!request) throw appError(ErrorCode.NOT_FOUND);
      return request;
    },
    typeLabel: (r) => TYPE_LABELS[r.type],
    statusLabel: (r) => STATUS_LABELS[r.status],
    extendable: (r, _, ctx) =>
      DEADLINE_RULES[r.type].extensionDays > 0 &&
      (r.status === 'RECEIVED' || r.status === 'IN_PROGRESS') &&
      ctx.services.requests.today() <= r.dueOn,
    overdue: (r, _, ctx) => ctx.services.requests.isOverdue(r),
    escalatedAt: (r) => iso(r.escalatedAt),
    closedAt: (r) => iso(r.closedAt),
    createdAt: (r) => r.createdAt.toISOString(),
    history: (r, _, ctx) => ctx.loaders.dataRequestSteps.load(r.id),
  },
  DataRequestStep: {
    at: (s) => s.at.toISOString(),
  },
};
