import { requireId } from '@medikamente/runtime';
import type { Resolvers } from '../../generated/resolvers-types';

export const labOrderResolvers: Resolvers = {
  Query: {
    unbilledLabOrders: (_, args, ctx) =>
      ctx.stores.labOrders.unbilled(args.branchId ? requireId(args.branchId, 'branchId') : null),
    patientUnbilledLabOrders: (_, args, ctx) =>
      ctx.stores.labOrders.unbilledOf(requireId(args.patientId, 'patientId')),
  },
  UnbilledLabOrder: {
    orderedAt: (o) => o.orderedAt.toISOString(),
  },
};
