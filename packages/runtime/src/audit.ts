import { createHash, randomUUID } from 'node:crypto';
import type { Database } from './db';

/** One read of a patient's personal data by someone other than that patient. */
export type AuditEventInput = {
  actorId: string;
  actorRole: string;
  patientId: string;
  categories: string[];
  operation: string | null;
  requestId: string;
  clientAddress: string | null;
  /**
   * Why access was granted: the policy conditions that held (e.g. `careRelationship`,
   * `breakGlass`, `self`), comma-separated; null for role-wide access. Needs AUDIT_PURPOSE_MIGRATION.
   */
  purpose?: string | null;
  /**
   * The branches of the actor's token (the zone of after-hours monitoring); hashed only when some
   * are present, so earlier chains verify. Needs AUDIT_BRANCH_MIGRATION.
   */
  actorBranches?: string[] | null;
};

export type AuditEvent = AuditEventInput & {
  id: string;
  seq: number;
  occurredAt: Date;
  prevHash: string;
  hash: string;
};

export const GENESIS_HASH = '0'.repeat(64);

/** The SQL that creates the append-only, hash-chained audit table; include it in a migration. */
export const AUDIT_MIGRATION_SQL = `
create table if not exists audit_event (
  seq bigserial primary key,
  id uuid not null,
  occurred_at timestamptz not null,
  actor_id text not null,
  actor_role text not null,
  patient_id uuid not null,
  categories text[] not null,
  operation text,
  request_id text not null,
  client_address text,
  prev_hash text not null,
  hash text not null
);
-- statement-break
create index if not exists audit_event_patient_idx on audit_event (patient_id, occurred_at desc);
-- statement-break
create or replace function audit_event_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only' using errcode = '42501';
end $$;
-- statement-break
drop trigger if exists audit_event_no_update on audit_event;
-- statement-break
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_refuse_change();
-- statement-break
drop trigger if exists audit_event_no_truncate on audit_event;
-- statement-break
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_refuse_change();
`;

function canonical(e: Omit<AuditEvent, 'seq' | 'hash'>): string {
  // The purpose joins the hashed content only when present, so chains written before it verify.
  const fields: unknown[] = [
    e.id,
    e.occurredAt.toISOString(),
    e.actorId,
    e.actorRole,
    e.patientId,
    [...e.categories].sort(),
    e.operation,
    e.requestId,
    e.clientAddress,
    e.prevHash,
  ];
  if (e.purpose) fields.push(e.purpose);
  // An object, so it can never be read as a purpose; absent (or empty) leaves older hashes intact.
  if (e.actorBranches?.length) fields.push({ branches: [...e.actorBranches].sort() });
  return JSON.stringify(fields);
}

export function hashEvent(e: Omit<AuditEvent, 'seq' | 'hash'>): string {
  return createHash('sha256').update(canonical(e)).digest('hex');
}

/** A row of audit_event (or of a copy with the same columns) as the drivers return it. */
export type AuditEventRow = {
  seq: string | number;
  id: string;
  occurred_at: Date;
  actor_id: string;
  actor_role: string;
  patient_id: string;
  categories: string[];
  operation: string | null;
  request_id: string;
  client_address: string | null;
  purpose?: string | null;
  actor_branches?: string[] | null;
  prev_hash: string;
  hash: string;
};

/** An audit event from its row (both drivers). */
export const auditEventFromRow = (r: AuditEventRow): AuditEvent => ({
  seq: Number(r.seq),
  id: r.id,
  occurredAt: new Date(r.occurred_at),
  actorId: r.actor_id,
  actorRole: r.actor_role,
  patientId: r.patient_id,
  categories: r.categories,
  operation: r.operation,
  requestId: r.request_id,
  clientAddress: r.client_address,
  purpose: r.purpose ?? null,
  actorBranches: r.actor_branches?.length ? r.actor_branches : null,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** Append-only, hash-chained audit log in the owning service's database. */
export class AuditLog {
  constructor(private readonly database: Database) {}

  /**
   * Appends events atomically, chaining each to the previous one. Serialised by an advisory
   * lock; one multi-row INSERT per request (a staff list of 1000 patients is 1000 events).
   */
  async append(events: AuditEventInput[]): Promise<void> {
    if (events.length === 0) return;
    await this.database.tx(async (q) => {
      await q('select pg_advisory_xact_lock(727002)');
      const last = await q<{ hash: string }>('select hash from audit_event order by seq desc limit 1');
      let prevHash = last[0]?.hash ?? GENESIS_HASH;
      const rows: Record<string, unknown>[] = [];
      for (const input of events) {
        const e = {
          ...input,
          purpose: input.purpose ?? null,
          actorBranches: input.actorBranches?.length ? [...input.actorBranches].sort() : null,
          id: randomUUID(),
          occurredAt: new Date(),
          prevHash,
        };
        const hash = hashEvent(e);
        rows.push({
          ...e,
          occurredAt: e.occurredAt.toISOString(),
          categories: e.categories.join(','),
          actorBranches: e.actorBranches?.join(',') ?? null,
          hash,
          n: rows.length,
        });
        prevHash = hash;
      }
      // One JSON parameter works the same on postgres.js and PGlite.
      await q(
        `insert into audit_event (id, occurred_at, actor_id, actor_role, patient_id, categories, operation, request_id, client_address, purpose, actor_branches, prev_hash, hash)
         select "id", "occurredAt", "actorId", "actorRole", "patientId", string_to_array("categories", ','), "operation", "requestId", "clientAddress", "purpose", string_to_array("actorBranches", ','), "prevHash", "hash"
         from jsonb_to_recordset($1::jsonb) as t("id" uuid, "occurredAt" timestamptz, "actorId" text, "actorRole" text, "patientId" uuid,
           "categories" text, "operation" text, "requestId" text, "clientAddress" text, "purpose" text, "actorBranches" text, "prevHash" text, "hash" text, "n" int)
         order by "n"`,
        [JSON.stringify(rows)],
      );
    });
  }

  /** Events about one patient, newest first. */
  async forPatient(patientId: string, limit = 100): Promise<AuditEvent[]> {
    const rows = await this.database.query<AuditEventRow>(
      'select * from audit_event where patient_id = $1 order by seq desc limit $2',
      [patientId, limit],
    );
    return rows.map(auditEventFromRow);
  }

  /**
   * Events after `seq` in chain order, at most `limit` (the audit stream's pull, ADR 0018). The
   * table is its own outbox: rows commit under the append lock in seq order, so a page never
   * skips a row a later page would show.
   */
  async after(seq: number, limit: number): Promise<AuditEvent[]> {
    const rows = await this.database.query<AuditEventRow>(
      'select * from audit_event where seq > $1 order by seq asc limit $2',
      [seq, limit],
    );
    return rows.map(auditEventFromRow);
  }

  /** One event by its sequence number, or null. */
  async at(seq: number): Promise<AuditEvent | null> {
    const [row] = await this.database.query<AuditEventRow>('select * from audit_event where seq = $1', [seq]);
    return row ? auditEventFromRow(row) : null;
  }

  /** The chain's head: the last event's seq and hash (seq 0 and the genesis hash when empty). */
  async head(): Promise<{ seq: number; hash: string }> {
    const [row] = await this.database.query<{ seq: string | number; hash: string }>(
      'select seq, hash from audit_event order by seq desc limit 1',
    );
    return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  /** Recomputes the chain; returns the first broken sequence number, or null when intact. */
  async verify(): Promise<{ ok: boolean; checked: number; brokenAt: number | null }> {
    const rows = (await this.database.query<AuditEventRow>('select * from audit_event order by seq asc')).map(
      auditEventFromRow,
    );
    let prev = GENESIS_HASH;
    for (const e of rows) {
      if (e.prevHash !== prev || hashEvent(e) !== e.hash)
        return { ok: false, checked: rows.length, brokenAt: e.seq };
      prev = e.hash;
    }
    return { ok: true, checked: rows.length, brokenAt: null };
  }
}

/** The audit table as an inline migration (use AUDIT_MIGRATIONS, which also adds the purpose). */
export const AUDIT_MIGRATION = { name: '0000_audit.sql', sql: AUDIT_MIGRATION_SQL };
/** Why access was granted (the conditions that held); added after the first release of the table. */
export const AUDIT_PURPOSE_MIGRATION = {
  name: '0000_audit_purpose.sql',
  sql: 'alter table audit_event add column if not exists purpose text',
};
/** The audit table with every later column: `openDatabase({ migrations: [...AUDIT_MIGRATIONS] })`. */
/** The actor's branches (after-hours monitoring in the branch's zone); added with the audit stream. */
export const AUDIT_BRANCH_MIGRATION = {
  name: '0000_audit_branches.sql',
  sql: 'alter table audit_event add column if not exists actor_branches text[]',
};
export const AUDIT_MIGRATIONS = [AUDIT_MIGRATION, AUDIT_PURPOSE_MIGRATION, AUDIT_BRANCH_MIGRATION];
