import {
  appError,
  ErrorCode,
  hasControlCharacters,
  type InputError,
  inputError,
  textError,
} from '@medikamente/runtime';
import type { ScheduleContext } from '../../context';
import type { Resolvers } from '../../generated/resolvers-types';
import type { ReminderChannel } from './settings.store';

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** The signed-in patient (these operations are the patient's own; nobody acts for them here). */
function patientOf(ctx: ScheduleContext): string {
  if (!ctx.principal.patientId) throw appError(ErrorCode.FORBIDDEN, 'Только для пациентов');
  return ctx.principal.patientId;
}

/**
 * A push subscription as a browser produces it. The server will POST to the endpoint, so it must
 * be a configured push service (no internal hosts); https, except a push service configured on
 * this machine itself (tests, development).
 */
function checkSubscription(
  input: { endpoint: string; p256dh: string; auth: string },
  pushHosts: string[],
): InputError[] {
  const errors: InputError[] = [];
  let url: URL | null = null;
  try {
    url = new URL(input.endpoint);
  } catch {}
  const host = url?.hostname.toLowerCase() ?? '';
  const listed = pushHosts.some((h) => host === h || host.endsWith(`.${h}`));
  const local = ['127.0.0.1', 'localhost'].includes(host);
  if (
    !url ||
    input.endpoint.length > 1000 ||
    hasControlCharacters(input.endpoint) ||
    !listed ||
    !(
      (url.protocol === 'https:' && (url.port === '' || url.port === '443')) ||
      (url.protocol === 'http:' && local)
    )
  )
    errors.push(inputError('endpoint', ErrorCode.BAD_USER_INPUT, 'Неверный адрес подписки'));
  if (!BASE64URL.test(input.p256dh) || input.p256dh.length < 80 || input.p256dh.length > 100)
    errors.push(inputError('p256dh', ErrorCode.BAD_USER_INPUT, 'Неверный ключ подписки'));
  if (!BASE64URL.test(input.auth) || input.auth.length < 16 || input.auth.length > 30)
    errors.push(inputError('auth', ErrorCode.BAD_USER_INPUT, 'Неверный ключ подписки'));
  return errors;
}

const payload = async (ctx: ScheduleContext, patientId: string, inputErrors: InputError[] = []) => ({
  settings: inputErrors.length ? null : await ctx.stores.reminderSettings.forPatient(patientId),
  inputErrors,
});

export const reminderSettingsResolvers = {
  Query: {
    reminderChannels: (_: unknown, __: unknown, ctx: ScheduleContext) => ctx.services.reminderChannels,
    myReminderSettings: (_: unknown, __: unknown, ctx: ScheduleContext) =>
      ctx.stores.reminderSettings.forPatient(patientOf(ctx)),
  },
  Mutation: {
    setReminderChannel: async (_: unknown, args: { channel: ReminderChannel }, ctx: ScheduleContext) => {
      const patientId = patientOf(ctx);
      // Only the clinic's enabled channels (GraphQL has already checked it is a ReminderChannel).
      if (!ctx.services.reminderChannels.enabled.includes(args.channel))
        return payload(ctx, patientId, [
          inputError('channel', ErrorCode.BAD_USER_INPUT, 'Этот способ напоминаний недоступен'),
        ]);
      await ctx.stores.reminderSettings.setChannel(patientId, args.channel);
      return payload(ctx, patientId);
    },
    registerPushSubscription: async (
      _: unknown,
      args: { input: { endpoint: string; p256dh: string; auth: string } },
      ctx: ScheduleContext,
    ) => {
      const patientId = patientOf(ctx);
      const errors = checkSubscription(args.input, ctx.services.reminderChannels.pushHosts);
      if (errors.length) return payload(ctx, patientId, errors);
      await ctx.stores.reminderSettings.addPush(patientId, {
        endpoint: args.input.endpoint,
        keys: { p256dh: args.input.p256dh, auth: args.input.auth },
      });
      return payload(ctx, patientId);
    },
    removePushSubscription: async (_: unknown, args: { endpoint: string }, ctx: ScheduleContext) => {
      const patientId = patientOf(ctx);
      // Whatever was registered passed checkSubscription: anything else names no subscription.
      const error = textError('endpoint', args.endpoint, { max: 1000, required: true });
      if (error) return payload(ctx, patientId, [error]);
      if (!URL.canParse(args.endpoint))
        return payload(ctx, patientId, [
          inputError('endpoint', ErrorCode.BAD_USER_INPUT, 'Неверный адрес подписки'),
        ]);
      await ctx.stores.reminderSettings.removePush(patientId, args.endpoint);
      return payload(ctx, patientId);
    },
  },
} satisfies Resolvers;
