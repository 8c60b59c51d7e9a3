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
