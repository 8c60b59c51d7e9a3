import { ActionTokens, channelsFromEnv, Notifier, ReminderQueue } from '@medikamente/notifications';
import type { Job } from '@medikamente/runtime';
import type { ScheduleDeps, Services } from '../../context';
import type { ScheduleEnv } from '../../env';
import type { BookingService } from '../booking/booking.service';
import type { ReminderChannel } from '../reminder-settings/settings.store';
import { GraphPatientDirectory } from './patient-directory';
import { Reminders } from './reminders.service';
import { RemindersStore } from './reminders.store';

/**
 * Appointment reminders through the configured channels, with contacts read from the patient
 * subgraph as this service's machine client (or `options.patients` in tests of one subgraph).
 */
export async function createReminders(deps: ScheduleDeps, booking: BookingService) {
  const { database, env, stores, logger, credentials } = deps;
  const channels = channelsFromEnv(env);
  const reminders = new Reminders({
    database,
    appointments: stores.appointments,
    catalog: stores.catalog,
    booking,
    queue: new ReminderQueue({
      database,
      connectionString: env.SCHEDULE_DATABASE_URL,
      queue: 'schedule-reminders',
    }),
    notifier: new Notifier({ database, channels, logger }),
    settings: stores.reminderSettings,
    tokens: new ActionTokens({
      database,
      secret: await new RemindersStore(database).serviceSecret('reminder-links'),
    }),
    patients:
      deps.options.patients ??
      new GraphPatientDirectory(
        env.PATIENT_URL,
        credentials ?? { token: async () => Promise.reject(new Error('no service credentials configured')) },
      ),
    portalUrl: env.PORTAL_URL,
    clinicTimeZone: 'Europe/Moscow',
    quietHours: { start: env.QUIET_HOURS_START, end: env.QUIET_HOURS_END },
    doctorListAt: env.DOCTOR_LIST_AT,
    logger,
  });
  const reminderChannels: Services['reminderChannels'] = {
    enabled: channels.map((c) => c.channel.toUpperCase() as ReminderChannel),
    webPushPublicKey: env.NOTIFY_PUSH_PUBLIC_KEY ?? null,
    pushHosts: env.PUSH_ENDPOINT_HOSTS.map((h) => h.toLowerCase()),
  };
  return { reminders, reminderChannels };
}

/** The reminder scheduler and worker, when REMINDERS_ENABLED. */
export const remindersJob = (reminders: Reminders, env: ScheduleEnv): Job => ({
  start: () => (env.REMINDERS_ENABLED === 'true' ? reminders.start(env.REMINDER_TICK_MS) : undefined),
  stop: () => reminders.stop(),
});
