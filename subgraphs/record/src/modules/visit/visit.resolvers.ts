import { appError, ErrorCode, idError, optionalId, requireId, textError } from '@medikamente/runtime';
import type { RecordContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import { currentVersion, recordAccessOf, visibleVersions } from './visit.access';
import type { VisitContent } from './visit.content';
import type { VisitRecord } from './visit.types';

const subject = (ctx: RecordContext) => {
  if (!ctx.principal.subject) throw appError(ErrorCode.UNAUTHENTICATED);
  return ctx.principal.subject;
};

/** A visit as the caller may list it: a patient sees only signed visits not entered in error. */
async function visibleToCaller(ctx: RecordContext, visits: VisitRecord[]): Promise<VisitRecord[]> {
  if (ctx.principal.role !== 'patient') return visits;
  const versions = await Promise.all(visits.map((v) => ctx.loaders.versionsOfVisit.load(v.id)));
  return visits.filter((v, i) => v.status === 'SIGNED' && currentVersion(ctx, versions[i]!) !== null);
}

/**
 * Whether the caller may reach a version or addendum through its visit: a patient not when the
 * visit is hidden from them (unsigned, or entered in error), whichever id they kept from before.
 */
async function visitShown(ctx: RecordContext, visitId: string): Promise<boolean> {
  if (ctx.principal.role !== 'patient') return true;
  const visit = await ctx.loaders.visit.load(visitId);
  return visit !== null && (await visibleToCaller(ctx, [visit])).length > 0;
}

const contentFields = {
  complaints: (c: { content: VisitContent }) => c.content.complaints,
  anamnesis: (c: { content: VisitContent }) => c.content.anamnesis,
  examination: (c: { content: VisitContent }) => c.content.examination,
  diagnoses: (c: { content: VisitContent }) => c.content.diagnoses,
  conclusion: (c: { content: VisitContent }) => c.content.conclusion,
  recommendations: (c: { content: VisitContent }) => c.content.recommendations,
  prescriptions: (c: { content: VisitContent }) => c.content.prescriptions,
  referrals: (c: { content: VisitContent }) => c.content.referrals,
};

const noVisit = { ok: false, visit: null };
const noDraft = { ok: false, draft: null };
const noVersion = { ok: false, version: null };

export const visitResolvers: Resolvers = {
  Query: {
    visits: async (_, args, ctx) => {
      const patientId = requireId(args.patientId, 'patientId');
      // Visits the caller may not see are dropped by the policy layer (recordAccess tells why).
      const visits = await ctx.stores.visits.visitsOfPatient(patientId, {
        signedOnly: ctx.principal.role === 'patient',
      });
      return visibleToCaller(ctx, visits);
    },
    visit: async (_, args, ctx) => {
      const visit = await ctx.loaders.visit.load(requireId(args.id));
      if (!visit) return null;
      const [shown] = await visibleToCaller(ctx, [visit]);
      return shown ?? null;
    },
    visitForAppointment: (_, args, ctx) =>
      ctx.stores.visits.visitByAppointment(requireId(args.appointmentId, 'appointmentId')),
    myVisitDraft: (_, args, ctx) =>
      ctx.stores.visits.draftOf(requireId(args.visitId, 'visitId'), subject(ctx)),
    recordAccess: async (_, args, ctx) => recordAccessOf(ctx, requireId(args.patientId, 'patientId')),
    myRecord: async (_, __, ctx) => {
      const patientId = ctx.principal.patientId;
      if (!patientId) return [];
      return visibleToCaller(ctx, await ctx.stores.visits.visitsOfPatient(patientId, { signedOnly: true }));
    },
  },
  Mutation: {
    openVisit: async (_, { input }, ctx) => {
      const inputErrors = [
        idError('input.patientId', input.patientId),
        input.appointmentId ? idError('input.appointmentId', input.appointmentId) : null,
        input.branchId ? idError('input.branchId', input.branchId) : null,
      ].filter((e) => e !== null);
      if (inputErrors.length) return { ...noVisit, inputErrors };
      const r = await ctx.services.visits.open(subject(ctx), {
        patientId: input.patientId,
        appointmentId: optionalId(input.appointmentId, 'input.appointmentId'),
        branchId: optionalId(input.branchId, 'input.branchId'),
      });
      return 'inputErrors' in r ? { ...noVisit, ...r } : { ok: true, inputErrors: [], visit: r.visit };
    },
    saveVisitDraft: async (_, { input }, ctx) => {
      const bad = idError('input.visitId', input.visitId);
      if (bad) return { ...noDraft, inputErrors: [bad] };
      if (
        input.expectedRevision != null &&
        (input.expectedRevision < 0 || input.expectedRevision > 1_000_000)
      )
        return {
          ...noDraft,
          inputErrors: [
            {
              field: 'input.expectedRevision',
              code: ErrorCode.BAD_USER_INPUT,
              message: 'Неверная версия черновика',
            },
          ],
        };
      const r = await ctx.services.visits.saveDraft(subject(ctx), {
        visitId: input.visitId,
        content: input.content,
        expectedRevision: input.expectedRevision ?? null,
      });
      return 'inputErrors' in r ? { ...noDraft, ...r } : { ok: true, inputErrors: [], draft: r.draft };
    },
    signVisit: async (_, { input }, ctx) => {
      const inputErrors = [
        idError('input.visitId', input.visitId),
        textError('input.reason', input.reason, { max: 2000 }),
        textError('input.idempotencyKey', input.idempotencyKey, { max: 100, required: true }),
      ].filter((e) => e !== null);
      if (inputErrors.length) return { ...noVersion, inputErrors };
      subject(ctx);
      const r = await ctx.services.visits.sign(ctx.principal, {
        visitId: input.visitId,
        reason: input.reason ?? null,
        idempotencyKey: input.idempotencyKey,
      });
      return 'inputErrors' in r ? { ...noVersion, ...r } : { ok: true, inputErrors: [], version: r.version };
    },
    startVisitCorrection: async (_, { input }, ctx) => {
      const bad = idError('input.visitId', input.visitId);
      if (bad) return { ...noDraft, inputErrors: [bad] };
      const r = await ctx.services.visits.startCorrection(subject(ctx), input.visitId);
      return 'inputErrors' in r ? { ...noDraft, ...r } : { ok: true, inputErrors: [], draft: r.draft };
    },
    discardVisitDraft: async (_, { input }, ctx) => {
      const bad = idError('input.visitId', input.visitId);
      if (bad) return { ...noVisit, inputErrors: [bad] };
      const r = await ctx.services.visits.discardDraft(subject(ctx), input.visitId);
      return 'inputErrors' in r ? { ...noVisit, ...r } : { ok: true, inputErrors: [], visit: r.visit };
    },
    addVisitAddendum: async (_, { input }, ctx) => {
      const inputErrors = [
        idError('input.visitId', input.visitId),
        textError('input.text', input.text, { max: 20_000, required: true }),
        textError('input.idempotencyKey', input.idempotencyKey, { max: 100, required: true }),
      ].filter((e) => e !== null);
      if (inputErrors.length) return { ...noVisit, inputErrors };
      subject(ctx);
      const r = await ctx.services.visits.addAddendum(ctx.principal, {
        visitId: input.visitId,
        text: input.text.trim(),
        idempotencyKey: input.idempotencyKey,
      });
      return 'inputErrors' in r ? { ...noVisit, ...r } : { ok: true, inputErrors: [], visit: r.visit };
    },
    markVisitEnteredInError: async (_, { input }, ctx) => {
      const inputErrors = [
        idError('input.visitId', input.visitId),
        textError('input.reason', input.reason, { max: 2000, required: true }),
        textError('input.idempotencyKey', input.idempotencyKey, { max: 100, required: true }),
      ].filter((e) => e !== null);
      if (inputErrors.length) return { ...noVersion, inputErrors };
      subject(ctx);
      const r = await ctx.services.visits.enteredInError(ctx.principal, {
        visitId: input.visitId,
        reason: input.reason,
        idempotencyKey: input.idempotencyKey,
      });
      return 'inputErrors' in r ? { ...noVersion, ...r } : { ok: true, inputErrors: [], version: r.version };
    },
  },
  Visit: {
    __resolveReference: async (ref, ctx) => {
      const visit = await ctx.loaders.visit.load(requireId(ref.id));
      if (!visit) return null as never;
      const [shown] = await visibleToCaller(ctx, [visit]);
      return (shown ?? null) as never;
    },
    appointment: (v) => (v.appointmentId ? { id: v.appointmentId } : null),
    startedAt: (v) => v.startedAt.toISOString(),
    current: async (v, _, ctx) => currentVersion(ctx, await ctx.loaders.versionsOfVisit.load(v.id)),
    versions: async (v, _, ctx) => visibleVersions(ctx, await ctx.loaders.versionsOfVisit.load(v.id)),
    addenda: (v, _, ctx) => ctx.loaders.addendaOfVisit.load(v.id),
  },
  VisitVersion: {
    __resolveReference: async (ref, ctx) => {
      const version = await ctx.loaders.version.load(requireId(ref.id));
      if (!version || (ctx.principal.role === 'patient' && version.status === 'ENTERED_IN_ERROR'))
        return null as never;
      return (await visitShown(ctx, version.visitId)) ? version : (null as never);
    },
    signedAt: (v) => v.signedAt.toISOString(),
    ...contentFields,
  },
  VisitDraft: {
    __resolveReference: async (ref, ctx) => (await ctx.loaders.draft.load(requireId(ref.id))) as never,
    updatedAt: (d) => d.updatedAt.toISOString(),
    ...contentFields,
  },
  VisitAddendum: {
    __resolveReference: async (ref, ctx) => {
      // Addenda are loaded per visit; an entity reference looks the visit's list up.
      const addendum = await ctx.stores.visits.addendumById(requireId(ref.id));
      return (addendum && (await visitShown(ctx, addendum.visitId)) ? addendum : null) as never;
    },
    signedAt: (a) => a.signedAt.toISOString(),
  },
};
