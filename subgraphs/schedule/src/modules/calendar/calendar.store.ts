import { randomUUID } from 'node:crypto';
import type { Database } from '@medikamente/runtime';
import type { ExceptionRule, Interval, TemplateRule } from './slots';

export type TemplateRecord = TemplateRule & { id: string };
export type ExceptionRecord = ExceptionRule & { id: string };
export type HolidayRecord = { id: string; branchId: string | null; date: string; name: string };

type Row = Record<string, unknown>;

const hhmm = (v: unknown) => String(v).slice(0, 5);

const toTemplate = (r: Row): TemplateRecord => ({
  id: String(r.id),
  specialistId: String(r.specialist_id),
  branchId: String(r.branch_id),
  roomId: (r.room_id as string | null) ?? null,
  weekday: Number(r.weekday),
  startTime: hhmm(r.start_time),
  endTime: hhmm(r.end_time),
  slotMinutes: Number(r.slot_minutes),
  breaks: (typeof r.breaks === 'string' ? JSON.parse(r.breaks) : r.breaks) as TemplateRecord['breaks'],
  validFrom: (r.valid_from as string | null) ?? null,
  validUntil: (r.valid_until as string | null) ?? null,
});

const toException = (r: Row): ExceptionRecord => ({
  id: String(r.id),
  specialistId: String(r.specialist_id),
  branchId: String(r.branch_id),
  roomId: (r.room_id as string | null) ?? null,
  kind: r.kind as ExceptionRecord['kind'],
  start: new Date(r.starts_at as string).getTime(),
  end: new Date(r.ends_at as string).getTime(),
});

/** Rows of `s`/`e` bounds grouped into intervals by one of their columns. */
function intervalsBy<K extends string>(
  rows: ReadonlyArray<Record<K, string> & { s: string; e: string }>,
  key: K,
): Map<string, Interval[]> {
  const out = new Map<string, Interval[]>();
  for (const r of rows) {
    const id = String(r[key]);
    const list = out.get(id) ?? [];
    list.push({ start: new Date(r.s).getTime(), end: new Date(r.e).getTime() });
    out.set(id, list);
  }
  return out;
}

const TEMPLATE_SELECT = `select id, specialist_id, branch_id, room_id, weekday, to_char(start_time, 'HH24:MI') as start_time,
  to_char(end_time, 'HH24:MI') as end_time, slot_minutes, breaks, to_char(valid_from, 'YYYY-MM-DD') as valid_from,
  to_char(valid_until, 'YYYY-MM-DD') as valid_until from weekly_template`;

/** Weekly templates, exceptions, holidays, and the busy time that availability subtracts. */
export class CalendarStore {
  /**
   * Templates and holidays change rarely and are read on every booking: kept for a few seconds
   * (cleared at once by writes through this store; other replicas see a change within the TTL).
   */
  private readonly cache = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly database: Database,
    private readonly ttlMs = 5000,
  ) {}

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    // Inside a transaction, never wait on a load started outside it: on PGlite that load queues
    // behind this very transaction. Read on the transaction instead.
    if (this.database.inTransaction()) return load();
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = load();
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { at: Date.now(), value });
    value.catch(() => this.cache.delete(key));
    return value;
  }

  invalidate(): void {
    this.cache.clear();
  }

  /** Whether the caller runs inside an open transaction of this store's database. */
  inTransaction(): boolean {
    return this.database.inTransaction();
  }

  templatesFor(specialistIds: readonly string[]): Promise<TemplateRecord[]> {
    return this.cached(`t|${specialistIds.join(',')}`, () => this.loadTemplates(specialistIds));
  }

  private async loadTemplates(specialistIds: readonly string[]): Promise<TemplateRecord[]> {
    const rows = await this.database.query(
      `${TEMPLATE_SELECT} where specialist_id = any($1::uuid[]) order by weekday, start_time`,
      [specialistIds],
    );
    return rows.map(toTemplate);
  }

  async exceptionsFor(
    specialistIds: readonly string[],
    from: number,
    to: number,
  ): Promise<ExceptionRecord[]> {
    const rows = await this.database.query(
      `select id, specialist_id, branch_id, room_id, kind, lower(during) as starts_at, upper(during) as ends_at
       from schedule_exception
       where specialist_id = any($1::uuid[]) and during && tstzrange($2::timestamptz, $3::timestamptz)
       order by lower(during)`,
      [specialistIds, new Date(from), new Date(to)],
    );
    return rows.map(toException);
  }

  holidays(fromDate: string, toDate: string): Promise<HolidayRecord[]> {
    return this.cached(`h|${fromDate}|${toDate}`, () => this.loadHolidays(fromDate, toDate));
  }

  private async loadHolidays(fromDate: string, toDate: string): Promise<HolidayRecord[]> {
    const rows = await this.database.query(
      `select id, branch_id, to_char(day, 'YYYY-MM-DD') as day, name from holiday
       where day between $1::date and $2::date order by day`,
      [fromDate, toDate],
    );
    return rows.map((r) => ({
      id: String(r.id),
      branchId: (r.branch_id as string | null) ?? null,
      date: String(r.day),
      name: String(r.name),
    }));
  }

  /**
   * Time taken per specialist in [from, to): appointments that hold a slot (not cancelled; holds
   * only while not expired). Overbooked appointments do not take the slot from the grid.
   */
  async busy(specialistIds: readonly string[], from: number, to: number): Promise<Map<string, Interval[]>> {
    const rows = await this.database.query<{ specialist_id: string; s: string; e: string }>(
      `select specialist_id, lower(during) as s, upper(during) as e from appointment
       where specialist_id = any($1::uuid[])
         and lower(during) >= $2::timestamptz and lower(during) < $3::timestamptz
         and status <> 'CANCELLED' and not overbooked
         and (status <> 'HELD' or hold_expires_at > now())`,
      // No appointment is longer than a day: starting a day early catches every overlap, and the
      // btree on (specialist_id, lower(during)) answers this 5x faster than the GiST on ranges.
      [specialistIds, new Date(from - 86_400_000), new Date(to)],
    );
    return intervalsBy(rows, 'specialist_id');
  }

  /**
   * Time taken in each room in [from, to) by any doctor's appointment, counted as the database's
   * room exclusion constraint counts it (not cancelled, not overbooked, holds while active).
   */
  async roomBusy(roomIds: readonly string[], from: number, to: number): Promise<Map<string, Interval[]>> {
    if (roomIds.length === 0) return new Map();
    const rows = await this.database.query<{ room_id: string; s: string; e: string }>(
      `select room_id, lower(during) as s, upper(during) as e from appointment
       where room_id = any($1::uuid[]) and during && tstzrange($2::timestamptz, $3::timestamptz)
         and status <> 'CANCELLED' and not overbooked
         and (status <> 'HELD' or hold_expires_at > now())`,
      [roomIds, new Date(from), new Date(to)],
    );
    return intervalsBy(rows, 'room_id');
  }

  /** Doctors whose templates or extra hours use any of the rooms (their bookings take room time). */
  roomUsers(roomIds: readonly string[]): Promise<string[]> {
    if (roomIds.length === 0) return Promise.resolve([]);
    const ids = [...roomIds].sort();
    return this.cached(`r|${ids.join(',')}`, async () => {
      const rows = await this.database.query<{ specialist_id: string }>(
        `select specialist_id from weekly_template where room_id = any($1::uuid[])
         union select specialist_id from schedule_exception where room_id = any($1::uuid[])`,
        [ids],
      );
      return rows.map((r) => String(r.specialist_id));
    });
  }

  /** Every template that uses the room (for the double-booked-room check when a template is saved). */
  async templatesInRoom(roomId: string): Promise<TemplateRecord[]> {
    const rows = await this.database.query(
      `${TEMPLATE_SELECT} where room_id = $1 order by weekday, start_time`,
      [roomId],
    );
    return rows.map(toTemplate);
  }

  async addTemplate(t: TemplateRule): Promise<TemplateRecord> {
    this.invalidate();
    const id = randomUUID();
    await this.database.query(
      `insert into weekly_template (id, specialist_id, branch_id, room_id, weekday, start_time, end_time, slot_minutes,
         breaks, valid_from, valid_until) values ($1, $2, $3, $4, $5, $6::time, $7::time, $8, $9::jsonb, $10::date, $11::date)`,
      [
        id,
        t.specialistId,
        t.branchId,
        t.roomId,
        t.weekday,
        t.startTime,
        t.endTime,
        t.slotMinutes,
        JSON.stringify(t.breaks),
        t.validFrom,
        t.validUntil,
      ],
    );
    this.invalidate();
    return { id, ...t };
  }

  async removeTemplate(id: string): Promise<TemplateRecord | null> {
    this.invalidate();
    const rows = await this.database.query(`${TEMPLATE_SELECT} where id = $1`, [id]);
    if (rows.length === 0) return null;
    await this.database.query('delete from weekly_template where id = $1', [id]);
    this.invalidate();
    return toTemplate(rows[0]!);
  }

  async addException(e: ExceptionRule): Promise<ExceptionRecord> {
    const id = randomUUID();
    await this.database.query(
      `insert into schedule_exception (id, specialist_id, branch_id, room_id, kind, during)
       values ($1, $2, $3, $4, $5, tstzrange($6::timestamptz, $7::timestamptz))`,
      [id, e.specialistId, e.branchId, e.roomId, e.kind, new Date(e.start), new Date(e.end)],
    );
    return { id, ...e };
  }

  async addHoliday(h: Omit<HolidayRecord, 'id'>): Promise<HolidayRecord | null> {
    this.invalidate();
    const id = randomUUID();
    const rows = await this.database.query(
      `insert into holiday (id, branch_id, day, name) values ($1, $2, $3::date, $4) on conflict do nothing returning id`,
      [id, h.branchId, h.date, h.name],
    );
    this.invalidate();
    return rows.length ? { id, ...h } : null;
  }
}
