import {
  appError,
  ErrorCode,
  entityError,
  IdempotencyMismatchError,
  type InputError,
  requireText,
  textError,
} from '@medikamente/runtime';
import type { PatientContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import { requireId } from '../ids';
import type { PatientRecord } from './patient.store';
import { normalizePhone, type PatientFields, parseIsoDate, validatePatientFields } from './validation';

const REQUIRED: (keyof PatientFields)[] = ['lastName', 'firstName', 'birthDate', 'sex'];
const fail = (inputErrors: InputError[], duplicates: PatientRecord[] = []) => ({
  ok: false,
  inputErrors,
  patient: null,
  duplicates,
});
const done = (patient: PatientRecord) => ({ ok: true, inputErrors: [], patient, duplicates: [] });

function ageYears(birthDate: string, now = new Date()): number {
  const b = new Date(`${birthDate}T00:00:00Z`);
  let age = now.getUTCFullYear() - b.getUTCFullYear();
  const m = now.getUTCMonth() - b.getUTCMonth();
  if (m < 0 || (m === 0 && now.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

/** Patients may only act on their own record; staff roles are already limited by the policy. */
function assertSelfOrStaff(ctx: PatientContext, patientId: string) {
  if (ctx.principal.role === 'patient' && ctx.principal.patientId !== patientId)
    throw appError(ErrorCode.FORBIDDEN);
}

async function load(ctx: PatientContext, id: string): Promise<PatientRecord | null> {
  const p = await ctx.loaders.patient.load(id);
  return p?.mergedInto ? ctx.loaders.patient.load(p.mergedInto) : p;
}

export const patientResolvers = {
  Query: {
    patient: async (_: unknown, args: { id: string }, ctx: PatientContext) => {
      const id = requireId(args.id);
      assertSelfOrStaff(ctx, id);
      const p = await load(ctx, id);
      if (!p) throw appError(ErrorCode.NOT_FOUND);
      return p;
    },
    myPatient: async (_: unknown, __: unknown, ctx: PatientContext) =>
      ctx.principal.patientId ? load(ctx, ctx.principal.patientId) : null,
    searchPatients: async (_, args, ctx) => {
      // Up to 1000 rows: reception exports a day's list; the cost limit still bounds the query.
      const first = Math.min(Math.max(args.first ?? 20, 1), 1000);
      const after = args.after ? requireId(args.after, 'after') : null;
      const { phone, birthDate } = args.query;
      const text = requireText(args.query.text, 'text', { max: 200 }) ?? undefined;
      if (!text && !phone && !birthDate)
        throw appError(ErrorCode.BAD_USER_INPUT, 'Укажите ФИО, телефон или дату рождения');
      const normalizedPhone = phone ? normalizePhone(phone) : null;
      if (phone && !normalizedPhone) throw appError(ErrorCode.INVALID_PHONE, 'Неверный номер телефона');
      if (birthDate && !parseIsoDate(birthDate))
        throw appError(ErrorCode.INVALID_DATE, 'Дата должна быть в формате ГГГГ-ММ-ДД');
      const { items, hasNext } = await ctx.stores.patients.search(
        { text, phone: normalizedPhone, birthDate },
        first,
        after,
      );
      for (const p of items) ctx.loaders.patient.prime(p.id, p);
      return { nodes: items, pageInfo: { endCursor: items.at(-1)?.id ?? null, hasNextPage: hasNext } };
    },
    patientDuplicates: async (
      _: unknown,
      args: { phone: string; birthDate: string },
      ctx: PatientContext,
    ) => {
      const phone = normalizePhone(args.phone);
      if (!phone) throw appError(ErrorCode.INVALID_PHONE, 'Неверный номер телефона');
      if (!parseIsoDate(args.birthDate))
        throw appError(ErrorCode.INVALID_DATE, 'Дата должна быть в формате ГГГГ-ММ-ДД');
      return ctx.stores.patients.duplicates(phone, args.birthDate);
    },
  },
  Mutation: {
    registerPatient: async (_, args, ctx) => {
      const keyError = textError('idempotencyKey', args.idempotencyKey, { max: 100 });
      if (keyError) return fail([keyError]);
      const v = validatePatientFields(args.input, REQUIRED);
      if (!v.ok) return fail(v.errors);
      if (!args.confirmNotDuplicate && v.value.phone && v.value.birthDate) {
        const dups = await ctx.stores.patients.duplicates(v.value.phone, v.value.birthDate);
        if (dups.length)
          return fail(
            [
              {
                field: 'phone',
                code: ErrorCode.DUPLICATE,
                message: 'Пациент с таким телефоном и датой рождения уже есть',
              },
            ],
            dups,
          );
      }
      try {
        const { patient } = await ctx.stores.patients.create(v.value, {
          createdBy: ctx.principal.subject!,
          idempotency: args.idempotencyKey
            ? {
                principal: ctx.principal,
                key: args.idempotencyKey,
                operation: 'registerPatient',
                request: { input: v.value },
              }
            : null,
        });
        return done(patient);
      } catch (e) {
        if (e instanceof IdempotencyMismatchError) return fail([e.toInputError()]);
        throw e;
      }
    },
    registerSelf: async (_, args, ctx) => {
      const id = ctx.principal.patientId;
      if (!id) throw appError(ErrorCode.FORBIDDEN);
      // Validated first: a retry returns the record, but never answers bad input with success.
      const v = validatePatientFields(args.input, REQUIRED);
      if (!v.ok) return fail(v.errors);
      const existing = await ctx.loaders.patient.load(id);
      if (existing) return done(existing);
      const { patient } = await ctx.stores.patients.create(v.value, {
        id,
        accountId: ctx.principal.subject,
        createdBy: ctx.principal.subject!,
        // The key is the patient's own record: any retry (another tab) gets the record made first.
        idempotency: { principal: ctx.principal, key: id, operation: 'registerSelf', request: {} },
      });
      return done(patient);
    },
    updatePatient: async (_, args, ctx) => {
      const id = requireId(args.id);
      assertSelfOrStaff(ctx, id);
      const v = validatePatientFields(args.input, []);
      if (!v.ok) return fail(v.errors);
      for (const f of REQUIRED) {
        if (v.value[f] === null)
          return fail([{ field: f, code: ErrorCode.REQUIRED, message: 'Обязательное поле' }]);
      }
      const current = await load(ctx, id);
      if (!current) throw appError(ErrorCode.NOT_FOUND);
      const updated = await ctx.stores.patients.update(current.id, v.value);
      return done(updated!);
    },
    mergePatients: async (_, args, ctx) => {
      const keepId = requireId(args.keepId, 'keepId');
      const mergeId = requireId(args.mergeId, 'mergeId');
      if (keepId === mergeId)
        return fail([
          {
            field: 'mergeId',
            code: ErrorCode.BAD_USER_INPUT,
            message: 'Нельзя объединить запись с самой собой',
          },
        ]);
      const [keep, merge] = await Promise.all([
        ctx.loaders.patient.load(keepId),
        ctx.loaders.patient.load(mergeId),
      ]);
      if (!keep || !merge) throw appError(ErrorCode.NOT_FOUND);
      if (keep.mergedInto || merge.mergedInto)
        return fail([{ field: 'mergeId', code: ErrorCode.CONFLICT, message: 'Запись уже объединена' }]);
      await ctx.stores.patients.merge(keepId, mergeId);
      ctx.loaders.patient.clearAll();
      return done((await ctx.loaders.patient.load(keepId))!);
    },
  },
  Patient: {
    // Errors are returned, not thrown, so that one bad representation fails only its own
    // position in _entities.
    __resolveReference: (ref, ctx) => {
      try {
        const id = requireId(ref.id);
        assertSelfOrStaff(ctx, id);
        return load(ctx, id);
      } catch (e) {
        return entityError(e);
      }
    },
    fullName: (p: PatientRecord) => [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' '),
    ageYears: (p: PatientRecord) => ageYears(p.birthDate),
    ageBand: (p: PatientRecord) => {
      const a = ageYears(p.birthDate);
      const lo = Math.floor(a / 10) * 10;
      return `${lo}-${lo + 9}`;
    },
    consents: async (p: PatientRecord, args: { includeHistory?: boolean }, ctx: PatientContext) =>
      (args.includeHistory ? ctx.loaders.consentHistory : ctx.loaders.consents).load(p.id),
  },
} satisfies Resolvers;
