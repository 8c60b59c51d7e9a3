import { requireDate, requireId } from '@medikamente/runtime';
import type { Resolvers } from '../../generated/resolvers-types';

export const reconciliationResolvers: Resolvers = {
  Query: {
    reconciliation: (_, args, ctx) =>
      ctx.services.reconciliation.reconcile(
        ctx.principal,
        requireId(args.branchId, 'branchId'),
        requireDate(args.day, 'day'),
      ),
  },
  Reconciliation: {
    balanced: (r) => r.discrepancies.length === 0,
    checkedAt: (r) => r.checkedAt.toISOString(),
  },
  LedgerMethodTotals: {
    netKopecks: (t) => t.paymentsKopecks - t.refundsKopecks,
  },
  ReconciledShift: {
    openedAt: (s) => s.openedAt.toISOString(),
    closedAt: (s) => s.closedAt?.toISOString() ?? null,
  },
};
