import type { AuditLog, BaseContext, PgPubSub } from '@medikamente/runtime';
import DataLoader from 'dataloader';
import type { BookingService } from './modules/booking/booking.service';
import type { AppointmentRecord, AppointmentStore } from './modules/booking/booking.store';
import type { Availability } from './modules/calendar/availability';
import type { CalendarStore } from './modules/calendar/calendar.store';
import type { CatalogStore, RoomRecord } from './modules/catalog/catalog.store';
import type { ReminderChannel, ReminderSettingsStore } from './modules/reminder-settings/settings.store';
import type { Reminders } from './modules/reminders/reminders.service';

export type Stores = {
  catalog: CatalogStore;
  calendar: CalendarStore;
  appointments: AppointmentStore;
  reminderSettings: ReminderSettingsStore;
  audit: AuditLog;
};

export type Services = {
  availability: Availability;
  booking: BookingService;
  reminders: Reminders;
  pubsub: PgPubSub;
  /** Reminder channels the clinic enabled (configuration), for the portal. */
  reminderChannels: { enabled: ReminderChannel[]; webPushPublicKey: string | null; pushHosts: string[] };
};

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
