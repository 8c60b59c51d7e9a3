import { ErrorCode, type InputError, inputError, textError } from '@medikamente/runtime';
import type { ScheduleContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import { isValidZone } from '../calendar/slots';
import { idError, isId, requireId } from '../ids';
import type { BranchRecord, ServiceRecord, SpecialistRecord } from './catalog.store';

/** A required text field, trimmed; its error (empty, control characters, too long) goes to `errors`. */
function text(errors: InputError[], field: string, value: unknown, max: number): string {
  const error = textError(field, value, { max, required: true });
  if (error) errors.push(error);
  return typeof value === 'string' ? value.trim() : '';
}

function intIn(errors: InputError[], field: string, v: number | null | undefined, min: number, max: number) {
  if (v === null || v === undefined) return undefined;
  if (!Number.isInteger(v) || v < min || v > max)
    errors.push(inputError(field, ErrorCode.BAD_USER_INPUT, `Допустимо от ${min} до ${max}`));
  return v;
}

const SETTINGS_LIMITS = {
  minNoticeMinutes: [0, 10080],
  horizonDays: [1, 365],
  holdMinutes: [1, 60],
  lateCancelHours: [0, 168],
  reminderLeadHours: [1, 168],
} as const;

export const catalogResolvers = {
  Query: {
    branches: (_: unknown, __: unknown, ctx: ScheduleContext) => ctx.stores.catalog.branches(),
    branch: (_: unknown, args: { id: string }, ctx: ScheduleContext) =>
      ctx.stores.catalog.branch(requireId(args.id)),
    services: (_: unknown, args: { specialty?: string | null }, ctx: ScheduleContext) =>
      ctx.stores.catalog.services(args.specialty),
    specialties: (_: unknown, __: unknown, ctx: ScheduleContext) => ctx.stores.catalog.specialties(),
    specialists: (_, args, ctx) => {
      const f = args.filter ?? {};
      return ctx.stores.catalog.specialists({
        specialty: f.specialty?.slice(0, 100) ?? null,
        branchId: f.branchId ? requireId(f.branchId, 'branchId') : null,
        serviceId: f.serviceId ? requireId(f.serviceId, 'serviceId') : null,
        name: f.name?.slice(0, 100) ?? null,
      });
    },
    specialist: (_: unknown, args: { id: string }, ctx: ScheduleContext) =>
      ctx.stores.catalog.specialist(requireId(args.id)),
  },
  Mutation: {
    createBranch: async (
      _: unknown,
      { input }: { input: { name: string; address: string; timeZone: string } },
      ctx: ScheduleContext,
    ) => {
      const errors: InputError[] = [];
      const name = text(errors, 'name', input.name, 200);
      const address = text(errors, 'address', input.address, 500);
      if (!isValidZone(input.timeZone))
        errors.push(
          inputError(
            'timeZone',
            ErrorCode.INVALID_TIME_ZONE,
            'Неизвестный часовой пояс (IANA, например Europe/Moscow)',
          ),
        );
      if ((await ctx.stores.catalog.branches()).some((b) => b.name === name))
        errors.push(inputError('name', ErrorCode.DUPLICATE, 'Филиал с таким названием уже есть'));
      if (errors.length) return { branch: null, inputErrors: errors };
      return {
        branch: await ctx.stores.catalog.createBranch({ name, address, timeZone: input.timeZone }),
        inputErrors: [],
      };
    },
    updateBranchSettings: async (
      _: unknown,
      args: { branchId: string; input: { [K in keyof BranchRecord['settings']]?: number | null } },
      ctx: ScheduleContext,
    ) => {
      const errors: InputError[] = [];
      for (const [k, [min, max]] of Object.entries(SETTINGS_LIMITS))
        intIn(errors, k, args.input[k as keyof typeof SETTINGS_LIMITS], min, max);
      if (errors.length) return { branch: null, inputErrors: errors };
      const branch = await ctx.stores.catalog.updateBranchSettings(
        requireId(args.branchId, 'branchId'),
        args.input,
      );
      if (!branch)
        return {
          branch: null,
          inputErrors: [inputError('branchId', ErrorCode.NOT_FOUND, 'Филиал не найден')],
        };
      return { branch, inputErrors: [] };
    },
    createRoom: async (_: unknown, args: { branchId: string; name: string }, ctx: ScheduleContext) => {
      const errors: InputError[] = [];
      const name = text(errors, 'name', args.name, 100);
      const branch = await ctx.stores.catalog.branch(requireId(args.branchId, 'branchId'));
      if (!branch) errors.push(inputError('branchId', ErrorCode.NOT_FOUND, 'Филиал не найден'));
      const rooms = branch ? await ctx.loaders.rooms.load(branch.id) : [];
      if (rooms.some((r) => r.name === name))
        errors.push(inputError('name', ErrorCode.DUPLICATE, 'Такой кабинет уже есть'));
      if (errors.length) return { room: null, inputErrors: errors };
      return { room: await ctx.stores.catalog.createRoom(branch!.id, name), inputErrors: [] };
    },
    createService: async (
      _: unknown,
      { input }: { input: { name: string; specialty: string; durationMinutes: number } },
      ctx: ScheduleContext,
    ) => {
      const errors: InputError[] = [];
      const name = text(errors, 'name', input.name, 200);
      const specialty = text(errors, 'specialty', input.specialty, 100);
      intIn(errors, 'durationMinutes', input.durationMinutes, 5, 480);
      if ((await ctx.stores.catalog.services()).some((s) => s.name === name))
        errors.push(inputError('name', ErrorCode.DUPLICATE, 'Услуга с таким названием уже есть'));
      if (errors.length) return { service: null, inputErrors: errors };
      return {
        service: await ctx.stores.catalog.createService({
          name,
          specialty,
          durationMinutes: input.durationMinutes,
        }),
        inputErrors: [],
      };
    },
    createSpecialist: async (
      _: unknown,
      { input }: { input: Omit<SpecialistRecord, 'id'> },
      ctx: ScheduleContext,
    ) => {
      const errors: InputError[] = [];
      // The account lives in identity: its id is checked for shape here, not for existence.
      const accountIdError = idError('accountId', input.accountId);
      if (accountIdError) errors.push(accountIdError);
      const accountId = accountIdError ? '' : input.accountId.toLowerCase();
      const displayName = text(errors, 'displayName', input.displayName, 200);
      const specialties = [...new Set(input.specialties.map((s) => s.trim()).filter(Boolean))];
      if (specialties.length === 0)
        errors.push(inputError('specialties', ErrorCode.REQUIRED, 'Укажите специальность'));
      const specialtyError = specialties.map((s) => textError('specialties', s, { max: 100 })).find(Boolean);
      if (specialtyError) errors.push(specialtyError);
      if (input.branchIds.some((b) => !isId(b)) || input.serviceIds.some((s) => !isId(s)))
        errors.push(inputError('branchIds', ErrorCode.INVALID_ID, 'Неверный идентификатор'));
      else {
        for (const b of input.branchIds)
          if (!(await ctx.stores.catalog.branch(b.toLowerCase())))
            errors.push(inputError('branchIds', ErrorCode.NOT_FOUND, 'Филиал не найден'));
        for (const s of input.serviceIds)
          if (!(await ctx.stores.catalog.service(s.toLowerCase())))
            errors.push(inputError('serviceIds', ErrorCode.NOT_FOUND, 'Услуга не найдена'));
      }
      if (accountId && (await ctx.stores.catalog.specialistByAccount(accountId)))
        errors.push(inputError('accountId', ErrorCode.DUPLICATE, 'Этот сотрудник уже заведён как врач'));
      if (errors.length) return { specialist: null, inputErrors: errors };
      const specialist = await ctx.stores.catalog.createSpecialist({
        accountId,
        displayName,
        specialties,
        branchIds: [...new Set(input.branchIds.map((b) => b.toLowerCase()))],
        serviceIds: [...new Set(input.serviceIds.map((s) => s.toLowerCase()))],
      });
      return { specialist, inputErrors: [] };
    },
    grantSchedulePermission: async (
      _: unknown,
      args: { accountId: string; permission: 'OVERBOOK' },
      ctx: ScheduleContext,
    ) => {
      const accountId = requireId(args.accountId, 'accountId');
      await ctx.stores.catalog.grantPermission(
        accountId,
        args.permission,
        ctx.principal.subject ?? 'unknown',
      );
      return true;
    },
  },
  Branch: {
    __resolveReference: (ref: { id: string }, ctx: ScheduleContext) =>
      isId(ref.id) ? ctx.stores.catalog.branch(ref.id.toLowerCase()) : null,
    rooms: (b: BranchRecord, _: unknown, ctx: ScheduleContext) => ctx.loaders.rooms.load(b.id),
  },
  Service: {
    __resolveReference: (ref: { id: string }, ctx: ScheduleContext) =>
      isId(ref.id) ? ctx.stores.catalog.service(ref.id.toLowerCase()) : null,
  },
  Specialist: {
    __resolveReference: (ref: { id: string }, ctx: ScheduleContext) =>
      isId(ref.id) ? ctx.stores.catalog.specialist(ref.id.toLowerCase()) : null,
    branches: async (s: SpecialistRecord, _: unknown, ctx: ScheduleContext) =>
      (await Promise.all(s.branchIds.map((id) => ctx.stores.catalog.branch(id)))).filter(
        (b): b is BranchRecord => b !== null,
      ),
    services: async (s: SpecialistRecord, _: unknown, ctx: ScheduleContext) =>
      (await Promise.all(s.serviceIds.map((id) => ctx.stores.catalog.service(id)))).filter(
        (x): x is ServiceRecord => x !== null,
      ),
  },
} satisfies Resolvers;
