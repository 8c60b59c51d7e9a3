import { type AnyErrorCode, appError, ErrorCode, idError, inputError } from '@medikamente/runtime';
import type { RecordContext } from '../../context';
import { codes } from '../../error-codes.generated';
import type { Resolvers } from '../../generated/resolvers-types';
import { requireRecordAccess } from '../visit/visit.access';
import { printableVersion, shownVisit } from './download.access';
import type { FileLinkKind } from './download.link';

type Target = { kind: FileLinkKind; id: string } | { field: string; code: AnyErrorCode; message: string };

const notFound = (field: string, message: string): Target => ({ field, code: ErrorCode.NOT_FOUND, message });

/** What a download request names, once the caller may read it (FORBIDDEN is thrown, as for visits). */
async function targetOf(
  ctx: RecordContext,
  input: { attachmentId?: string | null; visitId?: string | null; visitVersionId?: string | null },
): Promise<Target> {
  if (input.attachmentId) {
    const attachment = await ctx.loaders.attachment.load(input.attachmentId.toLowerCase());
    if (!attachment) return notFound('input.attachmentId', 'Файл не найден');
    await requireRecordAccess(ctx, attachment.patientId);
    const visit = await ctx.loaders.visit.load(attachment.visitId);
    if (!visit || !(await shownVisit(ctx, visit))) return notFound('input.attachmentId', 'Файл не найден');
    return { kind: 'attachment', id: attachment.id };
  }
  if (input.visitId) {
    const visit = await ctx.loaders.visit.load(input.visitId.toLowerCase());
    if (!visit) return notFound('input.visitId', 'Приём не найден');
    await requireRecordAccess(ctx, visit.patientId);
    const current = (await shownVisit(ctx, visit))?.current;
    if (!current)
      return { field: 'input.visitId', code: codes.VISIT_NOT_SIGNED, message: 'Приём ещё не подписан' };
    const printable = await printableVersion(ctx, current.id);
    if (!printable) return notFound('input.visitId', 'Заключение по этому приёму не печатается');
    return { kind: 'pdf', id: current.id };
  }
  const versionId = input.visitVersionId!.toLowerCase();
  const version = await ctx.loaders.version.load(versionId);
  if (!version) return notFound('input.visitVersionId', 'Версия не найдена');
  await requireRecordAccess(ctx, version.patientId);
  if (!(await printableVersion(ctx, versionId)))
    return notFound('input.visitVersionId', 'Эта версия не печатается');
  return { kind: 'pdf', id: versionId };
}

const noLink = { ok: false, link: null };

export const downloadResolvers: Resolvers = {
  Mutation: {
    requestDownload: async (_, { input }, ctx) => {
      const given = (['attachmentId', 'visitId', 'visitVersionId'] as const).filter((k) => input[k] != null);
      if (given.length !== 1)
        return {
          ...noLink,
          inputErrors: [
            inputError('input', ErrorCode.BAD_USER_INPUT, 'Укажите одно: файл, приём или версию заключения'),
          ],
        };
      const bad = idError(`input.${given[0]}`, input[given[0]!]);
      if (bad) return { ...noLink, inputErrors: [bad] };
      const sub = ctx.principal.subject;
      if (!sub) throw appError(ErrorCode.UNAUTHENTICATED);
      const target = await targetOf(ctx, input);
      if ('field' in target)
        return { ...noLink, inputErrors: [inputError(target.field, target.code, target.message)] };
      const link = await ctx.services.links.issue({ kind: target.kind, id: target.id, sub });
      return { ok: true, inputErrors: [], link: { url: link.url, expiresAt: link.expiresAt.toISOString() } };
    },
  },
};
