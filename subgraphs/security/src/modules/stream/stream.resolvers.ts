import { inputError } from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import type { Resolvers } from '../../generated/resolvers-types';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const MAX_SERVICES = 50;
/** Copied events compared per source when the officer asks (the hourly job compares all). */
const RECENT_EVENTS = 50_000;

export const streamResolvers: Resolvers = {
  Query: {
    auditChainStatus: (_, __, ctx) => ctx.services.stream.status(),
  },
  Mutation: {
    verifyAuditChains: async (_, { input }, ctx) => {
      const known = ctx.services.stream.sourceNames;
      const asked = input?.services ?? known;
      const unknown = asked.length > MAX_SERVICES ? asked : asked.filter((s) => !known.includes(s));
      if (unknown.length || known.length === 0)
        return {
          ok: false,
          inputErrors: [
            inputError(
              'input.services',
              codes.AUDIT_SOURCE_UNKNOWN,
              known.length ? 'Такой службы нет среди источников журнала' : 'Источники журнала не настроены',
            ),
          ],
          results: [],
        };
      return {
        ok: true,
        inputErrors: [],
        results: await ctx.services.stream.verify([...new Set(asked)], { recent: RECENT_EVENTS }),
      };
    },
  },
  AuditSourceStatus: {
    lastPulledAt: (s) => iso(s.lastPulledAt),
    halted: (s) => s.haltedReason !== null,
    lastCheckpointAt: (s) => iso(s.lastCheckpointAt),
  },
  AuditChainVerification: {
    checkedAt: (v) => v.checkedAt.toISOString(),
    result: (v) => (v.ok === true ? 'VERIFIED' : v.ok === false ? 'TAMPERED' : 'UNVERIFIED'),
    reason: (v) => v.reasonCode,
  },
};
