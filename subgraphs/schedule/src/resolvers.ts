import type { Resolvers } from './generated/resolvers-types';
import { bookingResolvers } from './modules/booking/booking.resolvers';
import { calendarResolvers } from './modules/calendar/calendar.resolvers';
import { catalogResolvers } from './modules/catalog/catalog.resolvers';
import { liveResolvers } from './modules/live/live.resolvers';
import { reminderSettingsResolvers } from './modules/reminder-settings/settings.resolvers';
import { remindersResolvers } from './modules/reminders/reminders.resolvers';

/** All resolvers of the subgraph, merged per type and typed by the SDL (generated resolver types). */
export const resolvers: Resolvers = [
  catalogResolvers,
  calendarResolvers,
  bookingResolvers,
  remindersResolvers,
  reminderSettingsResolvers,
  liveResolvers,
].reduce<Resolvers>((acc, r) => {
  for (const [type, fields] of Object.entries(r)) acc[type] = { ...acc[type], ...fields };
  return acc;
}, {});
