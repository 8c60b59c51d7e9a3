import { type AuditEventRow, auditEventFromRow, type Database } from '@medikamente/runtime';
import type { ReasonCode, StreamEvent, TamperReason } from './chain';

/**
 * Serialises every insert into audit_record across replicas and connections, so stream_id values
 * commit in increasing order (consumers read audit_record by a stream_id cursor).
 */
export const STREAM_INSERT_LOCK = 727_018;

export type SourceState = {
  service: string;
  lastSeq: number;
  lastHash: string;
  lastPulledAt: Date | null;
  lastErrorCode: string | null;
  failures: number;
  nextPullAt: Date | null;
  haltedReason: TamperReason | null;
  haltedAtSeq: number | null;
};
export type Checkpoint = { service: string; seq: number; hash: string; takenAt: Date };
export type Verification = {
  id: string;
  service: string;
  checkedAt: Date;
  ok: boolean | null;
  checkedEvents: number;
  brokenAtSeq: number | null;
  reasonCode: ReasonCode | null;
};
export type NewVerification = Omit<Verification, 'id' | 'checkedAt'>;

/** What ingestion decides for a batch, given the cursor it read under the lock. */
export type IngestDecision =
  | { copy: StreamEvent[] }
  | { halt: { seq: number; reason: TamperReason; checkedEvents: number } };

type SourceRow = {
  service: string;
  last_seq: string | number;
  last_hash: string;
  last_pulled_at: Date | string | null;
  last_error_code: string | null;
  failures: number;
  next_pull_at: Date | string | null;
  halted_reason: string | null;
  halted_at_seq: string | number | null;
};
const date = (v: Date | string | null) => {
  if (v === null) return null;
  const d = new Date(v);
  return Number.isFinite(d.getTime()) ? d : null;
};
const num = (v: string | number | null) => (v === null ? null : Number(v));
const toSource = (r: SourceRow): SourceState => ({
  service: r.service,
  lastSeq: Number(r.last_seq),
  lastHash: r.last_hash,
  lastPulledAt: date(r.last_pulled_at),
  lastErrorCode: r.last_error_code,
  failures: Number(r.failures),
  nextPullAt: date(r.next_pull_at),
  haltedReason: r.halted_reason as TamperReason | null,
  haltedAtSeq: num(r.halted_at_seq),
});

type RecordRow = AuditEventRow & { service: string; stream_id: string | number };
export type StreamRecord = StreamEvent & { service: string; streamId: number };
const toRecord = (r: RecordRow): StreamRecord => ({
  ...auditEventFromRow(r),
  id: String(r.id),
  patientId: String(r.patient_id),
  purpose: r.purpose ?? null,
  service: r.service,
  streamId: Number(r.stream_id),
});

type VerificationRow = {
  id: string | number;
  service: string;
  checked_at: Date | string;
  ok: boolean | null;
  checked_events: number;
  broken_at_seq: string | number | null;
  reason_code: string | null;
};
const toVerification = (r: VerificationRow): Verification => ({
  id: String(r.id),
  service: r.service,
  checkedAt: new Date(r.checked_at),
  ok: r.ok,
  checkedEvents: Number(r.checked_events),
  brokenAtSeq: num(r.broken_at_seq),
  reasonCode: r.reason_code as ReasonCode | null,
});

/** The audit stream's tables: all SQL of the module. */
export class StreamStore {
  constructor(private readonly database: Database) {}

  /** Makes sure every configured source has its cursor row. */
  async ensureSources(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    await this.database.query(
      'insert into audit_source (service) select unnest($1::text[]) on conflict (service) do nothing',
      [names],
    );
  }

  async sources(): Promise<SourceState[]> {
    return (await this.database.query<SourceRow>('select * from audit_source order by service')).map(
      toSource,
    );
  }

  async source(service: string): Promise<SourceState | null> {
    const [row] = await this.database.query<SourceRow>('select * from audit_source where service = $1', [
      service,
    ]);
    return row ? toSource(row) : null;
  }

  /**
   * Copies a batch exactly once: under the global insert lock, reads the source's cursor, lets
   * `decide` check the events after it (those at or below it were copied by another puller),
   * then inserts them and advances the cursor — or halts the source and records the break — in
   * the same transaction. Returns how many events were copied.
   */
  async ingest(
    service: string,
    events: readonly StreamEvent[],
    decide: (cursor: SourceState, fresh: StreamEvent[]) => IngestDecision,
  ): Promise<{ copied: number; halted: boolean }> {
    return this.database.tx(async (q) => {
      await q('select pg_advisory_xact_lock($1)', [STREAM_INSERT_LOCK]);
      const [row] = await q<SourceRow>('select * from audit_source where service = $1 for update', [service]);
      if (!row) throw new Error(`audit source ${service} has no cursor`);
      const cursor = toSource(row);
      if (cursor.haltedReason) return { copied: 0, halted: true };
      const fresh = events.filter((e) => e.seq > cursor.lastSeq);
      if (fresh.length === 0) return { copied: 0, halted: false };
      const decision = decide(cursor, fresh);
      if ('halt' in decision) {
        await this.haltIn(q, service, decision.halt);
        return { copied: 0, halted: true };
      }
      const rows = decision.copy.map((e, n) => ({
        ...e,
        occurredAt: e.occurredAt.toISOString(),
        categories: e.categories.join(','),
        actorBranches: e.actorBranches?.join(',') ?? null,
        n,
      }));
      if (rows.length === 0) return { copied: 0, halted: false };
      // One JSON parameter works the same on postgres.js and PGlite.
      await q(
        `insert into audit_record (service, seq, id, occurred_at, actor_id, actor_role, patient_id, categories,
           operation, request_id, client_address, purpose, actor_branches, prev_hash, hash)
         select $1, "seq", "id", "occurredAt", "actorId", "actorRole", "patientId", string_to_array("categories", ','),
           "operation", "requestId", "clientAddress", "purpose", string_to_array("actorBranches", ','), "prevHash", "hash"
         from jsonb_to_recordset($2::jsonb) as t("seq" bigint, "id" uuid, "occurredAt" timestamptz, "actorId" text,
           "actorRole" text, "patientId" uuid, "categories" text, "operation" text, "requestId" text,
           "clientAddress" text, "purpose" text, "actorBranches" text, "prevHash" text, "hash" text, "n" int)
         order by "n"`,
        [service, JSON.stringify(rows)],
      );
      const last = decision.copy[decision.copy.length - 1]!;
      await q('update audit_source set last_seq = $2, last_hash = $3 where service = $1', [
        service,
        last.seq,
        last.hash,
      ]);
      return { copied: rows.length, halted: false };
    });
  }

  /** Halts a source at a break (once): recorded as a failed verification, never copied past. */
  async halt(
    service: string,
    at: { seq: number; reason: TamperReason; checkedEvents: number },
  ): Promise<void> {
    await this.database.tx(async (q) => {
      const [row] = await q<SourceRow>('select * from audit_source where service = $1 for update', [service]);
      if (row && !row.halted_reason) await this.haltIn(q, service, at);
    });
  }

  private async haltIn(
    q: Database['query'],
    service: string,
    at: { seq: number; reason: TamperReason; checkedEvents: number },
  ): Promise<void> {
    await q('update audit_source set halted_reason = $2, halted_at_seq = $3 where service = $1', [
      service,
      at.reason,
      at.seq,
    ]);
    await this.insertVerification(q, {
      service,
      ok: false,
      checkedEvents: at.checkedEvents,
      brokenAtSeq: at.seq,
      reasonCode: at.reason,
    });
  }

  /** A pull reached the source: failures reset, due again at the job's next round. */
  async pulled(service: string): Promise<void> {
    await this.database.query(
      `update audit_source set last_pulled_at = now(), last_error_code = null, failures = 0,
              next_pull_at = '-infinity'
        where service = $1`,
      [service],
    );
  }

  /** A pull failed: its code kept, the failure counted, the next pull after `backoffMs`. */
  async failed(service: string, code: string, backoffMs: (failures: number) => number): Promise<number> {
    const [row] = await this.database.query<{ failures: number }>(
      'update audit_source set last_error_code = $2, failures = failures + 1 where service = $1 returning failures',
      [service, code],
    );
    const failures = Number(row?.failures ?? 1);
    await this.database.query(
      `update audit_source set next_pull_at = now() + $2 * interval '1 millisecond' where service = $1`,
      [service, backoffMs(failures)],
    );
    return failures;
  }

  /** Copied events of a source with seq in (after, upTo], in chain order. */
  async records(service: string, after: number, upTo: number, limit: number): Promise<StreamRecord[]> {
    const rows = await this.database.query<RecordRow>(
      `select * from audit_record where service = $1 and seq > $2 and seq <= $3 order by seq limit $4`,
      [service, after, upTo, limit],
    );
    return rows.map(toRecord);
  }

  /** Copied events after a stream_id, in stream order (what downstream consumers read). */
  async afterStreamId(streamId: number, limit: number): Promise<StreamRecord[]> {
    const rows = await this.database.query<RecordRow>(
      'select * from audit_record where stream_id > $1 order by stream_id limit $2',
      [streamId, limit],
    );
    return rows.map(toRecord);
  }

  async record(service: string, seq: number): Promise<StreamRecord | null> {
    const [row] = await this.database.query<RecordRow>(
      'select * from audit_record where service = $1 and seq = $2',
      [service, seq],
    );
    return row ? toRecord(row) : null;
  }

  /** Records a head as a checkpoint when it moved past the last one and that one is older than `everyMs`. */
  async checkpointIfDue(
    service: string,
    head: { seq: number; hash: string },
    everyMs: number,
  ): Promise<boolean> {
    if (head.seq === 0) return false;
    const rows = await this.database.query(
      `insert into chain_checkpoint (service, seq, hash)
       select $1, $2, $3
        where not exists (select 1 from chain_checkpoint c where c.service = $1
                            and (c.seq >= $2 or c.taken_at > now() - $4 * interval '1 millisecond'))
       on conflict do nothing returning seq`,
      [service, head.seq, head.hash, everyMs],
    );
    return rows.length === 1;
  }

  /** The newest checkpoints of a source (by seq), at most `limit`. */
  async checkpoints(service: string, limit: number): Promise<Checkpoint[]> {
    const rows = await this.database.query<{
      service: string;
      seq: string | number;
      hash: string;
      taken_at: Date | string;
    }>('select * from chain_checkpoint where service = $1 order by seq desc limit $2', [service, limit]);
    return rows.map((r) => ({
      service: r.service,
      seq: Number(r.seq),
      hash: r.hash,
      takenAt: new Date(r.taken_at),
    }));
  }

  async recordVerification(v: NewVerification): Promise<Verification> {
    return this.insertVerification(this.database.query, v);
  }

  private async insertVerification(q: Database['query'], v: NewVerification): Promise<Verification> {
    const [row] = await q<VerificationRow>(
      `insert into chain_verification (service, ok, checked_events, broken_at_seq, reason_code)
       values ($1, $2, $3, $4, $5) returning *`,
      [v.service, v.ok, v.checkedEvents, v.brokenAtSeq, v.reasonCode],
    );
    return toVerification(row!);
  }

  /** Each source's newest verification. */
  async lastVerifications(): Promise<Map<string, Verification>> {
    const rows = await this.database.query<VerificationRow>(
      `select distinct on (service) * from chain_verification order by service, checked_at desc, id desc`,
    );
    return new Map(rows.map((r) => [r.service, toVerification(r)]));
  }

  /** The newest checkpoint of every source. */
  async lastCheckpoints(): Promise<Map<string, Checkpoint>> {
    const rows = await this.database.query<{
      service: string;
      seq: string | number;
      hash: string;
      taken_at: Date | string;
    }>('select distinct on (service) * from chain_checkpoint order by service, seq desc');
    return new Map(
      rows.map((r) => [
        r.service,
        { service: r.service, seq: Number(r.seq), hash: r.hash, takenAt: new Date(r.taken_at) },
      ]),
    );
  }

  /** Takes a job's lease for `leaseMs` (false while another replica holds it). */
  async acquire(job: string, holder: string, leaseMs: number): Promise<boolean> {
    const rows = await this.database.query(
      `insert into stream_job_lease (job, holder, lease_until) values ($1, $2, now() + $3 * interval '1 millisecond')
       on conflict (job) do update set holder = excluded.holder, lease_until = excluded.lease_until
        where stream_job_lease.lease_until < now() or stream_job_lease.holder = excluded.holder
       returning job`,
      [job, holder, leaseMs],
    );
    return rows.length === 1;
  }

  async release(job: string, holder: string): Promise<void> {
    await this.database.query(
      `update stream_job_lease set holder = null, lease_until = '-infinity' where job = $1 and holder = $2`,
      [job, holder],
    );
  }
}
