/** Dates and times in a branch's IANA time zone, Russian labels. */

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(tz: string, opts: Intl.DateTimeFormatOptions, locale = 'ru-RU'): Intl.DateTimeFormat {
  const key = `${locale}|${tz}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: tz, ...opts });
    cache.set(key, f);
  }
  return f;
}

/** "09:30" in the zone. */
export const timeIn = (iso: string, tz: string): string =>
  fmt(tz, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** "понедельник, 24 ноября" in the zone. */
export const dayLabel = (iso: string, tz: string): string =>
  fmt(tz, { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso));

/** "24.11.2025, 09:30" in the zone. */
export const dateTimeIn = (iso: string, tz: string): string =>
  `${fmt(tz, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso))}, ${timeIn(iso, tz)}`;

/** "2025-11-24": the local date in the zone (for grouping and date inputs). */
export const dayKey = (iso: string | Date, tz: string): string =>
  fmt(tz, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA').format(
    typeof iso === 'string' ? new Date(iso) : iso,
  );

/** Today's local date in the zone, "YYYY-MM-DD". */
export const todayIn = (tz: string): string => dayKey(new Date(), tz);

/** Adds days to a "YYYY-MM-DD" date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "Europe/Moscow (UTC+3)". */
export function zoneLabel(tz: string, at: Date = new Date()): string {
  const part = fmt(tz, { timeZoneName: 'shortOffset' }, 'en-US')
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = part ? part.replace('GMT', 'UTC') : '';
  return `${tz}${offset ? ` (${offset === 'UTC' ? 'UTC+0' : offset})` : ''}`;
}

/** Groups items by their local day in the zone, in order. */
export function groupByDay<T>(items: readonly T[], startsAt: (t: T) => string, tz: (t: T) => string) {
  const days = new Map<string, T[]>();
  for (const item of items) {
    const key = dayKey(startsAt(item), tz(item));
    const list = days.get(key);
    if (list) list.push(item);
    else days.set(key, [item]);
  }
  return [...days.entries()].map(([day, list]) => ({ day, items: list }));
}

export const STATUS_LABELS: Record<string, string> = {
  HELD: 'удержано',
  BOOKED: 'записан',
  CONFIRMED: 'подтверждено',
  CHECKED_IN: 'пришёл',
  COMPLETED: 'завершено',
  NO_SHOW: 'не пришёл',
  CANCELLED: 'отменено',
};
