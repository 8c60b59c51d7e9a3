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

/** UTC offset of a zone at an instant, in minutes. */
function offsetMinutes(tz: string, at: Date): number {
  const part = fmt(tz, { timeZoneName: 'longOffset' }, 'en-US')
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = part?.match(/GMT([+-])(\d{2}):(\d{2})/);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * Russian names of Russia's time zones, as people say them ("московское время"); every zone in
 * Russia is named by a city. Other zones fall back to their UTC offset.
 */
const ZONE_NAMES: Record<string, string> = {
  'Europe/Kaliningrad': 'калининградское',
  'Europe/Moscow': 'московское',
  'Europe/Simferopol': 'московское',
  'Europe/Kirov': 'московское',
  'Europe/Volgograd': 'волгоградское',
  'Europe/Samara': 'самарское',
  'Europe/Saratov': 'саратовское',
  'Europe/Ulyanovsk': 'ульяновское',
  'Europe/Astrakhan': 'астраханское',
  'Asia/Yekaterinburg': 'екатеринбургское',
  'Asia/Omsk': 'омское',
  'Asia/Novosibirsk': 'новосибирское',
  'Asia/Barnaul': 'барнаульское',
  'Asia/Tomsk': 'томское',
  'Asia/Novokuznetsk': 'новокузнецкое',
  'Asia/Krasnoyarsk': 'красноярское',
  'Asia/Irkutsk': 'иркутское',
  'Asia/Chita': 'читинское',
  'Asia/Yakutsk': 'якутское',
  'Asia/Khandyga': 'якутское',
  'Asia/Vladivostok': 'владивостокское',
  'Asia/Ust-Nera': 'владивостокское',
  'Asia/Sakhalin': 'сахалинское',
  'Asia/Magadan': 'магаданское',
  'Asia/Srednekolymsk': 'среднеколымское',
  'Asia/Kamchatka': 'камчатское',
  'Asia/Anadyr': 'анадырское',
};

/**
 * The zone as patients say it: "московское время", "екатеринбургское время (МСК+2)"; outside
 * Russia "время UTC+5:30".
 */
export function zoneLabel(tz: string, at: Date = new Date()): string {
  const offset = offsetMinutes(tz, at);
  const name = ZONE_NAMES[tz];
  const signed = (minutes: number) => {
    const abs = Math.abs(minutes);
    const h = Math.floor(abs / 60);
    const m = abs % 60;
    return `${minutes < 0 ? '−' : '+'}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
  };
  if (!name) return `время UTC${signed(offset)}`;
  const fromMoscow = offset - offsetMinutes('Europe/Moscow', at);
  return fromMoscow === 0 ? `${name} время` : `${name} время (МСК${signed(fromMoscow)})`;
}

/** "10:00 (московское время)": a time with its zone, for deadlines and confirmations. */
export const timeWithZone = (iso: string, tz: string): string =>
  `${timeIn(iso, tz)} (${zoneLabel(tz, new Date(iso))})`;

/** "12.02.2026" from "2026-02-12" (a calendar date, no zone involved). */
export function dateOnly(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : date;
}

/**
 * Parses a date typed by a person: "12.02.2026", "12.2.2026", "12022026" or ISO "2026-02-12".
 * Returns "YYYY-MM-DD", or null when it is not a real calendar date.
 */
export function parseDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let [y, mo, d] = m ? [m[1], m[2], m[3]] : [undefined, undefined, undefined];
  if (!m) {
    m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
    if (!m) return null;
    [d, mo, y] = [m[1], m[2], m[3]];
  }
  const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const check = new Date(`${iso}T12:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === iso ? iso : null;
}

/** "пн, 24 нояб." in the zone: a short day label. */
export const shortDayLabel = (iso: string, tz: string): string =>
  fmt(tz, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(iso));

/** "сегодня" / "завтра" / "понедельник, 24 ноября": a day relative to today in the zone. */
export function relativeDayLabel(iso: string, tz: string, now: Date = new Date()): string {
  const day = dayKey(iso, tz);
  const today = dayKey(now, tz);
  if (day === today) return `сегодня, ${dayLabel(iso, tz)}`;
  if (day === addDays(today, 1)) return `завтра, ${dayLabel(iso, tz)}`;
  return dayLabel(iso, tz);
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
