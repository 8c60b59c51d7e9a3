import { DateTime } from 'luxon';
import type { BranchRecord, CatalogStore, SpecialistRecord } from '../catalog/catalog.store';
import type { CalendarStore } from './calendar.store';
import { type ComputedSlot, datesBetween, localToInstant, slotsIn, workingWindows } from './slots';

export type AvailabilityQuery = {
  specialty?: string | null;
  specialistId?: string | null;
  serviceId?: string | null;
  branchId?: string | null;
  from: string;
  to: string;
  limit: number;
  /** Earliest start regardless of the branch's minimum notice (staff: now). */
  ignoreNotice?: boolean;
  now?: number;
  /** Bypass the short-lived result cache (booking alternatives, seeding). */
  fresh?: boolean;
};

/** How long a computed slot list may be served again (a booking invalidates it at once). */
const CACHE_TTL_MS = 2000;

const DAY = 86_400_000;

/**
 * Free slots: for every matching specialist and branch, the working windows of the requested
 * local dates in the branch's zone, minus busy time, on the slot grid; limited by the branch's
 * minimum notice and booking horizon. A slot in a room is free only while no appointment of any
 * doctor takes that room (the database's room constraint would refuse it as SLOT_TAKEN). At most
 * six queries whatever the number of doctors.
 */
export class Availability {
  /**
   * Recent results per query. Entries are dropped when an appointment of one of their doctors
   * changes (on every replica: appointment events arrive by NOTIFY) or after CACHE_TTL_MS; a
   * stale slot can at worst be offered and then refused by the database as SLOT_TAKEN.
   */
  private readonly cache = new Map<
    string,
    { at: number; doctors: Set<string>; slots: Promise<ComputedSlot[]> }
  >();

  constructor(
    private readonly catalog: CatalogStore,
    private readonly calendar: CalendarStore,
    /** Seconds a public slot list may be served from a response cache (see ADR 0008). */
    readonly publicMaxAge = 0,
  ) {}

  /** Forgets cached results involving the doctor (all results when no doctor is given). */
  invalidate(specialistId?: string): void {
    if (!specialistId) {
      this.cache.clear();
      return;
    }
    for (const [k, e] of this.cache) if (e.doctors.has(specialistId)) this.cache.delete(k);
  }

  async freeSlots(q: AvailabilityQuery): Promise<ComputedSlot[]> {
    // Inside a transaction a shared computation may wait on the transaction itself (PGlite).
    if (q.fresh || q.now !== undefined || this.calendar.inTransaction()) return this.compute(q);
    const key = JSON.stringify([
      q.specialty,
      q.specialistId,
      q.serviceId,
      q.branchId,
      q.from,
      q.to,
      q.limit,
      !!q.ignoreNotice,
    ]);
    const hit = this.cache.get(key);
    const now = Date.now();
    if (hit && now - hit.at < CACHE_TTL_MS) return hit.slots;
    // Single flight: concurrent requests for the same query share one computation.
    const doctors = new Set<string>();
    const slots = this.compute(q, doctors);
    if (this.cache.size > 5000) this.cache.clear();
    const entry = { at: now, doctors, slots };
    this.cache.set(key, entry);
    slots.catch(() => {
      if (this.cache.get(key) === entry) this.cache.delete(key);
    });
    return slots;
  }

  private async compute(q: AvailabilityQuery, doctors?: Set<string>): Promise<ComputedSlot[]> {
    const now = q.now ?? Date.now();
    const service = q.serviceId ? await this.catalog.service(q.serviceId) : null;
    if (q.serviceId && !service) return [];
    let specialists: SpecialistRecord[];
    if (q.specialistId) {
      const s = await this.catalog.specialist(q.specialistId);
      specialists = s ? [s] : [];
    } else {
      specialists = await this.catalog.specialists({
        specialty: q.specialty ?? service?.specialty ?? null,
        branchId: q.branchId ?? null,
        serviceId: q.serviceId ?? null,
      });
    }
    if (service) specialists = specialists.filter((s) => s.serviceIds.includes(service.id));
    if (q.specialty) specialists = specialists.filter((s) => s.specialties.includes(q.specialty!));
    if (specialists.length === 0) return [];
    for (const s of specialists) doctors?.add(s.id);
    const branches = new Map<string, BranchRecord>();
    for (const b of await this.catalog.branches()) branches.set(b.id, b);
    const ids = specialists.map((s) => s.id);
    // A local date range spans at most ±14 h around UTC dates.
    const rangeStart = Date.parse(`${q.from}T00:00:00Z`) - DAY;
    const rangeEnd = Date.parse(`${q.to}T00:00:00Z`) + 2 * DAY;
    const [templates, exceptions, busy, holidays] = await Promise.all([
      this.calendar.templatesFor(ids),
      this.calendar.exceptionsFor(ids, rangeStart, rangeEnd),
      this.calendar.busy(ids, rangeStart, rangeEnd),
      this.calendar.holidays(q.from, q.to),
    ]);
    const dates = datesBetween(q.from, q.to);
    const horizons = new Map<string, number>();
    // First the working windows of every doctor and branch, then one query for the time taken in
    // the rooms they use (by any doctor), then the slots.
    const plans: Array<Omit<Parameters<typeof slotsIn>[0], 'roomBusy'>> = [];
    for (const s of specialists) {
      for (const branchId of s.branchIds) {
        if (q.branchId && branchId !== q.branchId) continue;
        const branch = branches.get(branchId);
        if (!branch) continue;
        const zone = branch.timeZone;
        const windows = workingWindows({
          zone,
          dates,
          templates: templates.filter((t) => t.specialistId === s.id && t.branchId === branchId),
          exceptions: exceptions.filter((e) => e.specialistId === s.id && e.branchId === branchId),
          holidays: new Set(
            holidays.filter((h) => h.branchId === null || h.branchId === branchId).map((h) => h.date),
          ),
        });
        if (windows.length === 0) continue;
        const notBefore = q.ignoreNotice ? now : now + branch.settings.minNoticeMinutes * 60_000;
        let notAfter = horizons.get(branchId);
        if (notAfter === undefined) {
          notAfter = q.ignoreNotice
            ? Number.POSITIVE_INFINITY
            : DateTime.fromMillis(now, { zone }).plus({ days: branch.settings.horizonDays }).toMillis();
          horizons.set(branchId, notAfter);
        }
        const lastLocalMidnight = localToInstant(q.to, '00:00', zone) + DAY * 2;
        plans.push({
          specialistId: s.id,
          branchId,
          windows,
          busy: busy.get(s.id) ?? [],
          durationMinutes: service?.durationMinutes,
          notBefore,
          notAfter: Math.min(notAfter, lastLocalMidnight),
        });
      }
    }
    const rooms = [...new Set(plans.flatMap((p) => p.windows.flatMap((w) => (w.roomId ? [w.roomId] : []))))];
    const [roomBusy, roomUsers] = await Promise.all([
      this.calendar.roomBusy(rooms, rangeStart, rangeEnd),
      this.calendar.roomUsers(rooms),
    ]);
    // Another doctor's booking in a shared room changes these slots too: drop them with it.
    for (const id of roomUsers) doctors?.add(id);
    const out: ComputedSlot[] = [];
    for (const plan of plans) out.push(...slotsIn({ ...plan, roomBusy }));
    out.sort((a, b) => a.start - b.start || a.specialistId.localeCompare(b.specialistId));
    return out.slice(0, q.limit);
  }

  /**
   * Whether `start` is a slot start on the specialist's grid in that branch for an appointment of
   * `durationMinutes` (busy time ignored: the database's exclusion constraint decides that).
   */
  async isOnGrid(args: {
    specialistId: string;
    branch: BranchRecord;
    start: number;
    durationMinutes: number;
  }): Promise<{ ok: boolean; roomId: string | null }> {
    const zone = args.branch.timeZone;
    const date = DateTime.fromMillis(args.start, { zone }).toISODate()!;
    const [templates, exceptions, holidays] = await Promise.all([
      this.calendar.templatesFor([args.specialistId]),
      this.calendar.exceptionsFor([args.specialistId], args.start - DAY, args.start + DAY),
      this.calendar.holidays(date, date),
    ]);
    const windows = workingWindows({
      zone,
      dates: [date],
      templates: templates.filter((t) => t.branchId === args.branch.id),
      exceptions: exceptions.filter((e) => e.branchId === args.branch.id),
      holidays: new Set(
        holidays.filter((h) => h.branchId === null || h.branchId === args.branch.id).map((h) => h.date),
      ),
    });
    const slots = slotsIn({
      specialistId: args.specialistId,
      branchId: args.branch.id,
      windows,
      busy: [],
      durationMinutes: args.durationMinutes,
      notBefore: Number.NEGATIVE_INFINITY,
      notAfter: Number.POSITIVE_INFINITY,
    });
    const hit = slots.find((s) => s.start === args.start);
    return { ok: !!hit, roomId: hit?.roomId ?? null };
  }
}
