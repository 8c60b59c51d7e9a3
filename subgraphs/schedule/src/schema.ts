import { inputErrorSdl } from '@medikamente/runtime';
import { subgraphTypeDefs } from '@medikamente/schema';
import { bookingSdl } from './modules/booking/booking.sdl';
import { calendarSdl } from './modules/calendar/calendar.sdl';
import { catalogSdl } from './modules/catalog/catalog.sdl';
import { liveSdl } from './modules/live/live.sdl';
import { reminderSettingsSdl } from './modules/reminder-settings/settings.sdl';
import { remindersSdl } from './modules/reminders/reminders.sdl';

/** The schedule subgraph's SDL (with the federation and classification header). */
export const scheduleTypeDefs = subgraphTypeDefs(
  [inputErrorSdl, catalogSdl, calendarSdl, bookingSdl, remindersSdl, reminderSettingsSdl, liveSdl].join('\n'),
);

/** Typed resolvers (scripts/generate-resolver-types.ts): the context and the records resolvers receive. */
export const resolverTypes = {
  contextType: '../context#ScheduleContext',
  mappers: {
    Appointment: '../modules/booking/booking.store#AppointmentRecord',
    Branch: '../modules/catalog/catalog.store#BranchRecord',
    Room: '../modules/catalog/catalog.store#RoomRecord',
    Service: '../modules/catalog/catalog.store#ServiceRecord',
    Specialist: '../modules/catalog/catalog.store#SpecialistRecord',
    WeeklyTemplate: '../modules/calendar/calendar.store#TemplateRecord',
    ScheduleException: '../modules/calendar/calendar.store#ExceptionRecord',
    Holiday: '../modules/calendar/calendar.store#HolidayRecord',
    ReminderSettings: '../modules/reminder-settings/settings.store#ReminderSettingsRecord',
    Slot: '../modules/calendar/calendar.resolvers#SlotView',
    AppointmentEvent: '../modules/booking/booking.events#LiveAppointmentEvent',
  },
};
