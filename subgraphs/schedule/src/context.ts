import { AuditLog, type BaseContext, type Database, PgPubSub, type WithStores } from '@medikamente/runtime';
import DataLoader from 'dataloader';
import type { ScheduleEnv } from './env';
import { APPOINTMENT_CHANNEL, type LiveAppointmentEvent } from './modules/booking/booking.events';
import type { BookingService } from './modules/booking/booking.service';
import { createBooking } from './modules/booking/booking.setup';
import { type AppointmentRecord, AppointmentStore } from './modules/booking/booking.store';
import { Availability } from './modules/calendar/availability';
import { CalendarStore } from './modules/calendar/calendar.store';
import { CatalogStore, type RoomRecord } from './modules/catalog/catalog.store';
import { type ReminderChannel, ReminderSettingsStore } from './modules/reminder-settings/settings.store';
import type { PatientDirectory } from './modules/reminders/patient-directory';
import type { Reminders } from './modules/reminders/reminders.service';
import { createReminders } from './modules/reminders/reminders.setup';

export type Stores = {
  catalog: CatalogStore;
  calendar: CalendarStore;
  appointments: AppointmentStore;
  reminderSettings: ReminderSettingsStore;
  audit: AuditLog;
};

/** The subgraph's stores on its database. */
export const createStores = (database: Database): Stores => ({
  catalog: new CatalogStore(database),
  calendar: new CalendarStore(database),
  appointments: new AppointmentStore(database),
  reminderSettings: new ReminderSettingsStore(database),
  audit: new AuditLog(database),
});

/** Options of `createScheduleService` beyond the kit's. */
export type ScheduleOptions = {
  /** Replaces the patient subgraph as the source of reminder contacts (tests of one subgraph). */
  patients?: PatientDirectory;
};
/** What the schedule's domain factories get from the kit. */
export type ScheduleDeps = WithStores<ScheduleEnv, ScheduleOptions, Stores>;

export type Services = {
  availability: Availability;
  booking: BookingService;
  reminders: Reminders;
  pubsub: PgPubSub;
  /** Reminder channels the clinic enabled (configuration), for the portal. */
  reminderChannels: { enabled: ReminderChannel[]; webPushPublicKey: string | null; pushHosts: string[] };
};

/** Availability, booking rules, reminders and the live event bus of this subgraph. */
export async function createServices(deps: ScheduleDeps): Promise<Services> {
  const { database, env, stores, onClose } = deps;
  const pubsub = new PgPubSub(database);
  onClose(() => pubsub.close());
  const availability = new Availability(stores.catalog, stores.calendar, env.PUBLIC_SLOTS_MAX_AGE);
  // Every replica drops cached availability of a doctor whose appointments changed anywhere.
  const changes = pubsub.subscribe<LiveAppointmentEvent>(APPOINTMENT_CHANNEL);
  onClose(() => changes.return?.());
  void (async () => {
    for await (const e of changes) availability.invalidate(e.specialistId);
  })();
  const booking = createBooking(deps, availability);
  const { reminders, reminderChannels } = await createReminders(deps, booking);
  return { availability, booking, reminders, pubsub, reminderChannels };
}

export type ScheduleContext = BaseContext & {
  stores: Stores;
  services: Services;
  loaders: {
    appointment: DataLoader<string, AppointmentRecord | null>;
    rooms: DataLoader<string, RoomRecord[]>;
    room: DataLoader<string, RoomRecord | null>;
  };
};

/** Per-request loaders (no N+1 in journals, slot lists and _entities). */
export function createLoaders(stores: Stores): ScheduleContext['loaders'] {
  return {
    appointment: new DataLoader(async (ids) => {
      const found = await stores.appointments.byIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    rooms: new DataLoader(async (branchIds) => {
      const found = await stores.catalog.rooms(branchIds);
      return branchIds.map((id) => found.get(id) ?? []);
    }),
    room: new DataLoader(async (ids) => {
      const found = await stores.catalog.roomsByIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
