import { appError, ErrorCode, requireId } from '@medikamente/runtime';
import type { Resolvers } from '../../generated/resolvers-types';
import { auditDisclosure, healthAccess } from '../download/download.access';
import { requireRecordAccess } from '../visit/visit.access';
import { recordExportOf } from './export.build';

export const exportResolvers: Resolvers = {
  Query: {
    recordExport: async (_, args, ctx) => {
      const patientId = requireId(args.patientId, 'patientId');
      await requireRecordAccess(ctx, patientId);
      const { purpose } = await healthAccess(ctx, patientId);
      const exported = await recordExportOf(ctx, patientId);
      // A disclosure of the whole record: audited before it is answered, the patient's own too.
      await auditDisclosure(ctx, { patientId, operation: 'recordExport', purpose }).catch(() => {
        throw appError(ErrorCode.AUDIT_UNAVAILABLE);
      });
      return exported;
    },
  },
  RecordExport: {
    generatedAt: (e) => e.generatedAt.toISOString(),
  },
};
