import { randomUUID } from 'node:crypto';
import type { Database } from '@medikamente/runtime';

export type BranchSettings = {
  minNoticeMinutes: number;
  horizonDays: number;
  holdMinutes: number;
  lateCancelHours: number;
  reminderLeadHours: number;
};

export type BranchRecord = {
  id: string;
  name: string;
  address: string;
  timeZone: string;
  settings: BranchSettings;
};

export type RoomRecord = { id: string; branchId: string; name: string };

export type ServiceRecord = { id: string; name: string; specialty: string; durationMinutes: number };

export type SpecialistRecord = {
  id: string;
  accountId: string;
  displayName: string;
  specialties: string[];
  branchIds: string[];
  serviceIds: string[];
};

type Row = Record<string, unknown>;

const toBranch = (r: Row): BranchRecord => ({
  id: String(r.id),
  name: String(r.name),
  address: String(r.address),
  timeZone: String(r.time_zone),
  settings: {
    minNoticeMinutes: Number(r.min_notice_minutes),
    horizonDays: Number(r.horizon_days),
    holdMinutes: Number(r.hold_minutes),
    lateCancelHours: Number(r.late_cancel_hours),
    reminderLeadHours: Number(r.reminder_lead_hours),
  },
});

const toService = (r: Row): ServiceRecord => ({
  id: String(r.id),
  name: String(r.name),
  specialty: String(r.specialty),
  durationMinutes: Number(r.duration_minutes),
});

const SPECIALIST_SELECT = `select s.id, s.account_id, s.display_name, s.specialties,
  coalesce((select array_agg(branch_id::text order by branch_id) from specialist_branch b where b.specialist_id = s.id), '{}') as branch_ids,
  coalesce((select array_agg(service_id::text order by service_id) from specialist_service v where v.specialist_id = s.id), '{}') as service_ids
  from specialist s`;

const toSpecialist = (r: Row): SpecialistRecord => ({
  id: String(r.id),
  accountId: String(r.account_id),
  displayName: String(r.display_name),
  specialties: (r.specialties as string[]) ?? [],
  branchIds: (r.branch_ids as string[]) ?? [],
  serviceIds: (r.service_ids as string[]) ?? [],
});

/**
 * The clinic's catalogue: branches with their booking settings, rooms, services and specialists.
 * Small and read on every availability request, so reads are cached in memory for a few seconds
 * (writes through this store clear the cache; other replicas see changes within the TTL).
 */
export class CatalogStore {
  private cache:
    | {
        at: number;
        branches: Map<string, BranchRecord>;
        specialists: SpecialistRecord[];
        services: Map<string, ServiceRecord>;
      }
    | undefined;

  constructor(
    private readonly database: Database,
    private readonly ttlMs = 5000,
  ) {}

  private async snapshot() {
    if (this.cache && Date.now() - this.cache.at < this.ttlMs) return this.cache;
    const [branches, specialists, services] = await Promise.all([
      this.database.query('select * from branch order by name'),
      this.database.query(`${SPECIALIST_SELECT} order by s.sort_name`),
      this.database.query('select * from service order by specialty, name'),
    ]);
    this.cache = {
      at: Date.now(),
      branches: new Map(branches.map((r) => [String(r.id), toBranch(r)])),
      specialists: specialists.map(toSpecialist),
      services: new Map(services.map((r) => [String(r.id), toService(r)])),
    };
    return this.cache;
  }

  invalidate() {
    this.cache = undefined;
  }

  async branches(): Promise<BranchRecord[]> {
    return [...(await this.snapshot()).branches.values()];
  }

  async branch(id: string): Promise<BranchRecord | null> {
    return (await this.snapshot()).branches.get(id) ?? null;
  }

  async services(specialty?: string | null): Promise<ServiceRecord[]> {
    const all = [...(await this.snapshot()).services.values()];
    return specialty ? all.filter((s) => s.specialty === specialty) : all;
  }

  async service(id: string): Promise<ServiceRecord | null> {
    return (await this.snapshot()).services.get(id) ?? null;
  }

  async specialists(
    filter: {
      specialty?: string | null;
      branchId?: string | null;
      serviceId?: string | null;
      name?: string | null;
    } = {},
  ): Promise<SpecialistRecord[]> {
    const name = filter.name?.trim().toLowerCase();
    return (await this.snapshot()).specialists.filter(
      (s) =>
        (!filter.specialty || s.specialties.includes(filter.specialty)) &&
        (!filter.branchId || s.branchIds.includes(filter.branchId)) &&
        (!filter.serviceId || s.serviceIds.includes(filter.serviceId)) &&
        (!name ||
          s.displayName
            .toLowerCase()
            .split(/\s+/)
            .some((w) => w.startsWith(name))),
    );
  }

  async specialist(id: string): Promise<SpecialistRecord | null> {
    return (await this.snapshot()).specialists.find((s) => s.id === id) ?? null;
  }

  async specialistByAccount(accountId: string): Promise<SpecialistRecord | null> {
    return (await this.snapshot()).specialists.find((s) => s.accountId === accountId) ?? null;
  }

  async specialties(): Promise<string[]> {
    const set = new Set<string>();
    for (const s of (await this.snapshot()).specialists) for (const x of s.specialties) set.add(x);
    for (const s of (await this.snapshot()).services.values()) set.add(s.specialty);
    return [...set].sort((a, b) => a.localeCompare(b, 'ru'));
  }

  async rooms(branchIds: readonly string[]): Promise<Map<string, RoomRecord[]>> {
    const rows = await this.database.query(
      'select id, branch_id, name from room where branch_id = any($1::uuid[]) order by name',
      [branchIds],
    );
    const out = new Map<string, RoomRecord[]>();
    for (const r of rows) {
      const room = { id: String(r.id), branchId: String(r.branch_id), name: String(r.name) };
      out.set(room.branchId, [...(out.get(room.branchId) ?? []), room]);
    }
    return out;
  }

  async roomsByIds(ids: readonly string[]): Promise<Map<string, RoomRecord>> {
    const rows = await this.database.query(
      'select id, branch_id, name from room where id = any($1::uuid[])',
      [ids],
    );
    return new Map(
      rows.map((r) => [
        String(r.id),
        { id: String(r.id), branchId: String(r.branch_id), name: String(r.name) },
      ]),
    );
  }

  async createBranch(input: {
    id?: string;
    name: string;
    address: string;
    timeZone: string;
  }): Promise<BranchRecord> {
    const [row] = await this.database.query(
      'insert into branch (id, name, address, time_zone) values ($1, $2, $3, $4) returning *',
      [input.id ?? randomUUID(), input.name, input.address, input.timeZone],
    );
    this.invalidate();
    return toBranch(row!);
  }

  async updateBranchSettings(
    id: string,
    s: { [K in keyof BranchSettings]?: BranchSettings[K] | null },
  ): Promise<BranchRecord | null> {
    const [row] = await this.database.query(
      `update branch set
         min_notice_minutes = coalesce($2, min_notice_minutes),
         horizon_days = coalesce($3, horizon_days),
         hold_minutes = coalesce($4, hold_minutes),
         late_cancel_hours = coalesce($5, late_cancel_hours),
         reminder_lead_hours = coalesce($6, reminder_lead_hours)
       where id = $1 returning *`,
      [
        id,
        s.minNoticeMinutes ?? null,
        s.horizonDays ?? null,
        s.holdMinutes ?? null,
        s.lateCancelHours ?? null,
        s.reminderLeadHours ?? null,
      ],
    );
    this.invalidate();
    return row ? toBranch(row) : null;
  }

  async createRoom(branchId: string, name: string): Promise<RoomRecord> {
    const id = randomUUID();
    await this.database.query('insert into room (id, branch_id, name) values ($1, $2, $3)', [
      id,
      branchId,
      name,
    ]);
    return { id, branchId, name };
  }

  async createService(input: Omit<ServiceRecord, 'id'>): Promise<ServiceRecord> {
    const [row] = await this.database.query(
      'insert into service (id, name, specialty, duration_minutes) values ($1, $2, $3, $4) returning *',
      [randomUUID(), input.name, input.specialty, input.durationMinutes],
    );
    this.invalidate();
    return toService(row!);
  }

  async createSpecialist(input: Omit<SpecialistRecord, 'id'> & { id?: string }): Promise<SpecialistRecord> {
    const id = input.id ?? randomUUID();
    await this.database.tx(async (q) => {
      await q(
        'insert into specialist (id, account_id, display_name, sort_name, specialties) values ($1, $2, $3, $4, $5)',
        [id, input.accountId, input.displayName, input.displayName.toLowerCase(), input.specialties],
      );
      for (const b of input.branchIds)
        await q('insert into specialist_branch (specialist_id, branch_id) values ($1, $2)', [id, b]);
      for (const s of input.serviceIds)
        await q('insert into specialist_service (specialist_id, service_id) values ($1, $2)', [id, s]);
    });
    this.invalidate();
    return { ...input, id };
  }

  async setNotifyEmail(specialistId: string, email: string | null): Promise<boolean> {
    const rows = await this.database.query(
      'update specialist set notify_email = $2 where id = $1 returning id',
      [specialistId, email],
    );
    return rows.length > 0;
  }

  async grantPermission(accountId: string, permission: 'OVERBOOK', grantedBy: string): Promise<void> {
    await this.database.query(
      `insert into schedule_permission (account_id, permission, granted_by) values ($1, $2, $3)
       on conflict do nothing`,
      [accountId, permission, grantedBy],
    );
  }

  async hasPermission(accountId: string, permission: 'OVERBOOK'): Promise<boolean> {
    const rows = await this.database.query(
      'select 1 from schedule_permission where account_id = $1 and permission = $2',
      [accountId, permission],
    );
    return rows.length > 0;
  }
}
