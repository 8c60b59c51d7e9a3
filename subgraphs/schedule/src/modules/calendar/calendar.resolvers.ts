import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import { ErrorCode, type InputError, inputError, textError } from '@medikamente/runtime';
import type { GraphQLResolveInfo } from 'graphql';
import type { ScheduleContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import type { BranchRecord } from '../catalog/catalog.store';
import { idError, isId, requireDate, requireDateRange, requireId } from '../ids';
import type { ExceptionRecord, TemplateRecord } from './calendar.store';
import {
  type ComputedSlot,
  formatInZone,
  isLocalDate,
  isLocalTime,
  parseDateTime,
  roomClashes,
  type TemplateRule,
} from './slots';

const MAX_RANGE_DAYS = 31;
/** Exceptions are listed for planning a year ahead at most per request. */
const MAX_EXCEPTION_RANGE_DAYS = 400;

type TemplateInput = {
  specialistId: string;
  branchId: string;
  roomId?: string | null;
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  breaks?: { start: string; end: string }[] | null;
  validFrom?: string | null;
  validUntil?: string | null;
};

/** Checks that the specialist works in the branch (and the room belongs to it). */
async function checkPlace(
  ctx: ScheduleContext,
  errors: InputError[],
  input: { specialistId: string; branchId: string; roomId?: string | null },
): Promise<BranchRecord | null> {
  if (!isId(input.specialistId))
    errors.push(inputError('specialistId', ErrorCode.INVALID_ID, 'Неверный идентификатор'));
  if (!isId(input.branchId))
    errors.push(inputError('branchId', ErrorCode.INVALID_ID, 'Неверный идентификатор'));
  // An empty roomId is not "no room": it is refused like any other malformed id.
  const roomIdError = idError('roomId', input.roomId);
  if (roomIdError) errors.push(roomIdError);
  if (errors.length) return null;
  const [specialist, branch] = await Promise.all([
    ctx.stores.catalog.specialist(input.specialistId.toLowerCase()),
    ctx.stores.catalog.branch(input.branchId.toLowerCase()),
  ]);
  if (!branch) errors.push(inputError('branchId', ErrorCode.NOT_FOUND, 'Филиал не найден'));
  if (!specialist || (branch && !specialist.branchIds.includes(branch.id)))
    errors.push(inputError('specialistId', ErrorCode.NOT_FOUND, 'Врач не работает в этом филиале'));
  if (input.roomId) {
    const room = await ctx.loaders.room.load(input.roomId.toLowerCase());
    if (!room || room.branchId !== branch?.id)
      errors.push(inputError('roomId', ErrorCode.NOT_FOUND, 'Кабинет не найден в филиале'));
  }
  return branch;
}

const WEEKDAY_NAMES = ['', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];

/**
 * A template that would put two doctors into one room at the same time is refused: the database
 * would accept only one booking of the two, and patients would be offered times that fail.
 */
async function roomClashError(ctx: ScheduleContext, rule: TemplateRule): Promise<InputError | null> {
  if (!rule.roomId) return null;
  const [clash] = roomClashes(rule, await ctx.stores.calendar.templatesInRoom(rule.roomId));
  if (!clash) return null;
  const doctor = await ctx.stores.catalog.specialist(clash.specialistId);
  return inputError(
    'roomId',
    ErrorCode.CONFLICT,
    `Кабинет в это время занят по расписанию врача ${doctor?.displayName ?? ''}: ${WEEKDAY_NAMES[clash.weekday]} ${clash.startTime}–${clash.endTime}`,
  );
}

/**
 * Marks a field's result as reusable by the gateway's response cache for a moment. Only for
 * PUBLIC data whose value depends on nothing but the arguments and the caller's role (the
 * gateway keys its cache by both); every other field keeps the default (never cached), and one
 * uncached field makes the whole response uncached.
 */
function publicHint(info: GraphQLResolveInfo, ctx: ScheduleContext) {
  const maxAge = ctx.services.availability.publicMaxAge;
  if (maxAge > 0) maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge, scope: 'PUBLIC' });
}

/** A slot as the API renders it (the parent of `Slot` field resolvers). */
export type SlotView = {
  specialistId: string;
  branchId: string;
  roomId: string | null;
  startsAt: string;
  endsAt: string;
};
const views = new WeakMap<ComputedSlot, SlotView>();

/** The API shape of a slot: instants rendered in the branch's zone (memoised per cached slot). */
export async function slotView(s: ComputedSlot, ctx: ScheduleContext): Promise<SlotView> {
  const known = views.get(s);
  if (known) return known;
  const branch = await ctx.stores.catalog.branch(s.branchId);
  const zone = branch?.timeZone ?? 'UTC';
  const view = {
    specialistId: s.specialistId,
    branchId: s.branchId,
    roomId: s.roomId,
    startsAt: formatInZone(s.start, zone),
    endsAt: formatInZone(s.end, zone),
  };
  views.set(s, view);
  return view;
}

export const calendarResolvers = {
  Query: {
    freeSlots: async (_, { input }, ctx, info) => {
      const { from, to } = requireDateRange(input.from, input.to, MAX_RANGE_DAYS);
      const limit = Math.min(Math.max(input.limit ?? 500, 1), 2000);
      // Reception books walk-ins: the patients' minimum notice and horizon do not apply.
      const ignoreNotice = ctx.principal.role === 'receptionist';
      const slots = await ctx.services.availability.freeSlots({
        specialty: input.specialty?.slice(0, 100) ?? null,
        specialistId: input.specialistId ? requireId(input.specialistId, 'specialistId') : null,
        serviceId: input.serviceId ? requireId(input.serviceId, 'serviceId') : null,
        branchId: input.branchId ? requireId(input.branchId, 'branchId') : null,
        from,
        to,
        limit,
        ignoreNotice,
      });
      if (!ignoreNotice) publicHint(info, ctx);
      return Promise.all(slots.map((s) => slotView(s, ctx)));
    },
    weeklyTemplates: (_: unknown, args: { specialistId: string }, ctx: ScheduleContext) =>
      ctx.stores.calendar.templatesFor([requireId(args.specialistId, 'specialistId')]),
    scheduleExceptions: async (
      _: unknown,
      args: { specialistId: string; from: string; to: string },
      ctx: ScheduleContext,
    ) => {
      const range = requireDateRange(args.from, args.to, MAX_EXCEPTION_RANGE_DAYS);
      const from = Date.parse(`${range.from}T00:00:00Z`) - 86_400_000;
      const to = Date.parse(`${range.to}T00:00:00Z`) + 2 * 86_400_000;
      return ctx.stores.calendar.exceptionsFor([requireId(args.specialistId, 'specialistId')], from, to);
    },
    holidays: (_: unknown, args: { from: string; to: string }, ctx: ScheduleContext) =>
      ctx.stores.calendar.holidays(requireDate(args.from, 'from'), requireDate(args.to, 'to')),
  },
  Mutation: {
    setWeeklyTemplate: async (_: unknown, { input }: { input: TemplateInput }, ctx: ScheduleContext) => {
      const errors: InputError[] = [];
      await checkPlace(ctx, errors, input);
      if (!Number.isInteger(input.weekday) || input.weekday < 1 || input.weekday > 7)
        errors.push(inputError('weekday', ErrorCode.BAD_USER_INPUT, 'День недели от 1 (пн) до 7 (вс)'));
      for (const f of ['startTime', 'endTime'] as const)
        if (!isLocalTime(input[f]))
          errors.push(inputError(f, ErrorCode.INVALID_DATE, 'Время в формате ЧЧ:ММ'));
      if (isLocalTime(input.startTime) && isLocalTime(input.endTime) && input.endTime <= input.startTime)
        errors.push(inputError('endTime', ErrorCode.BAD_USER_INPUT, 'Окончание позже начала'));
      if (!Number.isInteger(input.slotMinutes) || input.slotMinutes < 5 || input.slotMinutes > 240)
        errors.push(inputError('slotMinutes', ErrorCode.BAD_USER_INPUT, 'Длина слота от 5 до 240 минут'));
      const breaks = input.breaks ?? [];
      for (const b of breaks)
        if (!isLocalTime(b.start) || !isLocalTime(b.end) || b.end <= b.start)
          errors.push(inputError('breaks', ErrorCode.BAD_USER_INPUT, 'Перерыв: ЧЧ:ММ–ЧЧ:ММ'));
      // A blank date is "no limit", like null; anything else must be a date in range.
      const validFrom = input.validFrom?.trim() || null;
      const validUntil = input.validUntil?.trim() || null;
      if (validFrom !== null && !isLocalDate(validFrom))
        errors.push(inputError('validFrom', ErrorCode.INVALID_DATE, 'Дата ГГГГ-ММ-ДД'));
      if (validUntil !== null && !isLocalDate(validUntil))
        errors.push(inputError('validUntil', ErrorCode.INVALID_DATE, 'Дата ГГГГ-ММ-ДД'));
      if (
        validFrom &&
        validUntil &&
        validUntil < validFrom &&
        isLocalDate(validFrom) &&
        isLocalDate(validUntil)
      )
        errors.push(inputError('validUntil', ErrorCode.BAD_USER_INPUT, 'Окончание не раньше начала'));
      if (errors.length) return { template: null, inputErrors: errors };
      const rule: TemplateRule = {
        specialistId: input.specialistId.toLowerCase(),
        branchId: input.branchId.toLowerCase(),
        roomId: input.roomId?.toLowerCase() ?? null,
        weekday: input.weekday,
        startTime: input.startTime,
        endTime: input.endTime,
        slotMinutes: input.slotMinutes,
        breaks,
        validFrom,
        validUntil,
      };
      const clash = await roomClashError(ctx, rule);
      if (clash) return { template: null, inputErrors: [clash] };
      ctx.services.availability.invalidate();
      const template = await ctx.stores.calendar.addTemplate(rule);
      return { template, inputErrors: [] };
    },
    removeWeeklyTemplate: async (_: unknown, args: { id: string }, ctx: ScheduleContext) => {
      ctx.services.availability.invalidate();
      const template = await ctx.stores.calendar.removeTemplate(requireId(args.id));
      if (!template)
        return { template: null, inputErrors: [inputError('id', ErrorCode.NOT_FOUND, 'Шаблон не найден')] };
      return { template, inputErrors: [] };
    },
    addScheduleException: async (
      _: unknown,
      {
        input,
      }: {
        input: {
          specialistId: string;
          branchId: string;
          roomId?: string | null;
          kind: ExceptionRecord['kind'];
          startsAt: string;
          endsAt: string;
        };
      },
      ctx: ScheduleContext,
    ) => {
      const errors: InputError[] = [];
      const branch = await checkPlace(ctx, errors, input);
      const zone = branch?.timeZone ?? 'UTC';
      const start = parseDateTime(input.startsAt, zone);
      const end = parseDateTime(input.endsAt, zone);
      if (start === null)
        errors.push(inputError('startsAt', ErrorCode.INVALID_DATE, 'Неверные дата и время'));
      if (end === null) errors.push(inputError('endsAt', ErrorCode.INVALID_DATE, 'Неверные дата и время'));
      if (start !== null && end !== null && end <= start)
        errors.push(inputError('endsAt', ErrorCode.BAD_USER_INPUT, 'Окончание позже начала'));
      if (start !== null && end !== null && end - start > 366 * 86_400_000)
        errors.push(inputError('endsAt', ErrorCode.BAD_USER_INPUT, 'Не дольше года'));
      if (errors.length) return { exception: null, inputErrors: errors };
      ctx.services.availability.invalidate();
      const exception = await ctx.stores.calendar.addException({
        specialistId: input.specialistId.toLowerCase(),
        branchId: input.branchId.toLowerCase(),
        roomId: input.roomId?.toLowerCase() ?? null,
        kind: input.kind,
        start: start!,
        end: end!,
      });
      return { exception, inputErrors: [] };
    },
    addHoliday: async (
      _: unknown,
      { input }: { input: { branchId?: string | null; date: string; name: string } },
      ctx: ScheduleContext,
    ) => {
      const errors: InputError[] = [];
      if (!isLocalDate(input.date))
        errors.push(inputError('date', ErrorCode.INVALID_DATE, 'Дата ГГГГ-ММ-ДД'));
      const name = input.name?.trim() ?? '';
      const nameError = textError('name', name, { max: 200, required: true });
      if (nameError) errors.push(nameError);
      const branchIdError = idError('branchId', input.branchId);
      if (branchIdError) errors.push(branchIdError);
      else if (input.branchId != null && !(await ctx.stores.catalog.branch(input.branchId.toLowerCase())))
        errors.push(inputError('branchId', ErrorCode.NOT_FOUND, 'Филиал не найден'));
      if (errors.length) return { holiday: null, inputErrors: errors };
      ctx.services.availability.invalidate();
      const holiday = await ctx.stores.calendar.addHoliday({
        branchId: input.branchId?.toLowerCase() ?? null,
        date: input.date,
        name,
      });
      if (!holiday)
        return {
          holiday: null,
          inputErrors: [inputError('date', ErrorCode.DUPLICATE, 'Праздник на эту дату уже есть')],
        };
      return { holiday, inputErrors: [] };
    },
  },
  Slot: {
    // A slot is computed from existing rows: a missing one is a broken invariant (INTERNAL).
    specialist: async (s, _, ctx, info) => {
      publicHint(info, ctx);
      const found = await ctx.stores.catalog.specialist(s.specialistId);
      if (!found) throw new Error('slot of an unknown specialist');
      return found;
    },
    branch: async (s, _, ctx, info) => {
      publicHint(info, ctx);
      const found = await ctx.stores.catalog.branch(s.branchId);
      if (!found) throw new Error('slot of an unknown branch');
      return found;
    },
  },
  ScheduleException: {
    startsAt: async (e: ExceptionRecord, _: unknown, ctx: ScheduleContext) =>
      formatInZone(e.start, (await ctx.stores.catalog.branch(e.branchId))?.timeZone ?? 'UTC'),
    endsAt: async (e: ExceptionRecord, _: unknown, ctx: ScheduleContext) =>
      formatInZone(e.end, (await ctx.stores.catalog.branch(e.branchId))?.timeZone ?? 'UTC'),
  },
  WeeklyTemplate: {
    breaks: (t: TemplateRecord) => t.breaks,
  },
} satisfies Resolvers;
