import { randomUUID } from 'node:crypto';
import { appError, ErrorCode, idError, inputError, requireId } from '@medikamente/runtime';
import type { Resolvers } from '../../generated/resolvers-types';
import { shownVisit } from '../download/download.access';

const noLink = { ok: false, link: null };

export const attachmentResolvers: Resolvers = {
  Mutation: {
    requestAttachmentUpload: async (_, { input }, ctx) => {
      const bad = idError('input.visitId', input.visitId);
      if (bad) return { ...noLink, inputErrors: [bad] };
      const doctor = ctx.principal.subject;
      if (!doctor) throw appError(ErrorCode.UNAUTHENTICATED);
      const visit = await ctx.loaders.visit.load(input.visitId.toLowerCase());
      if (!visit)
        return {
          ...noLink,
          inputErrors: [inputError('input.visitId', ErrorCode.NOT_FOUND, 'Приём не найден')],
        };
      if (!(await ctx.services.canAccess(doctor, visit.patientId)))
        return {
          ...noLink,
          inputErrors: [inputError('input.visitId', ErrorCode.FORBIDDEN, 'Нет доступа к медкарте пациента')],
        };
      // The id the attachment will get: the link is spent once a row has it.
      const link = await ctx.services.links.issue({
        kind: 'upload',
        id: randomUUID(),
        sub: doctor,
        visitId: visit.id,
      });
      return { ok: true, inputErrors: [], link: { url: link.url, expiresAt: link.expiresAt.toISOString() } };
    },
  },
  Visit: {
    attachments: (v, _, ctx) => ctx.loaders.attachmentsOfVisit.load(v.id),
  },
  Attachment: {
    __resolveReference: async (ref, ctx) => {
      const attachment = await ctx.loaders.attachment.load(requireId(ref.id));
      if (!attachment) return null as never;
      // A patient sees the files of the visits the record shows them (signed, not entered in error).
      if (ctx.principal.role === 'patient') {
        const visit = await ctx.loaders.visit.load(attachment.visitId);
        if (!visit || !(await shownVisit(ctx, visit))) return null as never;
      }
      return attachment;
    },
    createdAt: (a) => a.createdAt.toISOString(),
  },
};
