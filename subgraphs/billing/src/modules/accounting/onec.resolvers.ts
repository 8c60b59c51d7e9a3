import { appError, inputError, requireDate } from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import type { Resolvers } from '../../generated/resolvers-types';

const REASONS = {
  disabled: 'Выгрузка в 1С не настроена',
  busy: 'Выгрузка уже идёт (другой экземпляр сервиса): дождитесь её окончания',
} as const;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const oneCResolvers: Resolvers = {
  Query: {
    oneCExportStatus: (_, __, ctx) => ctx.services.onecExport.status(),
    enterpriseDataExport: async (_, args, ctx) => {
      const file = await ctx.services.onecExport.enterpriseData(requireDate(args.day, 'day'));
      if (!file) throw appError(codes.ONEC_NOT_CONFIGURED, 'Не заданы реквизиты организации для файла 1С');
      return file;
    },
  },
  Mutation: {
    runOneCExport: async (_, __, ctx) =>
      ctx.services.onecExport.enabled
        ? { ok: true, inputErrors: [], run: await ctx.services.onecExport.runOnce() }
        : {
            ok: false,
            inputErrors: [inputError('runOneCExport', codes.ONEC_NOT_CONFIGURED, 'Обмен с 1С не настроен')],
            run: null,
          },
  },
  OneCExportRun: {
    reason: (r) => (r.reason ? REASONS[r.reason] : null),
    status: (_, __, ctx) => ctx.services.onecExport.status(),
  },
  OneCExportFailure: {
    kind: (f) => (f.kind === 'refund' ? 'REFUND' : 'PAYMENT'),
    id: (f) => f.ourId,
    nextAttemptAt: (f) => iso(f.nextAttemptAt),
  },
  OneCExportLastRun: {
    startedAt: (r) => iso(r.startedAt),
    finishedAt: (r) => iso(r.finishedAt),
  },
};
