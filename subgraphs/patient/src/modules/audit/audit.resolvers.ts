import type { AuditEvent } from '@medikamente/runtime';
import type { PatientContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import { requireId } from '../ids';

const limit = (n: number | undefined, max: number) => Math.min(Math.max(n ?? max, 1), max);

export const auditResolvers = {
  Query: {
    // Who else viewed the record: the patient's own reads (audited since HEALTH has auditSelf) are left out.
    myAccessLog: async (_: unknown, args: { first?: number }, ctx: PatientContext) =>
      ctx.principal.patientId
        ? (await ctx.stores.audit.forPatient(ctx.principal.patientId, limit(args.first, 200) * 2))
            .filter((e) => e.actorId !== ctx.principal.subject)
            .slice(0, limit(args.first, 200))
        : [],
    auditEvents: async (_: unknown, args: { patientId: string; first?: number }, ctx: PatientContext) =>
      ctx.stores.audit.forPatient(requireId(args.patientId, 'patientId'), limit(args.first, 500)),
    verifyAuditChain: (_: unknown, __: unknown, ctx: PatientContext) => ctx.stores.audit.verify(),
  },
  AccessLogEntry: { occurredAt: (e: AuditEvent) => e.occurredAt.toISOString() },
  AuditEvent: { occurredAt: (e: AuditEvent) => e.occurredAt.toISOString() },
} satisfies Resolvers;
