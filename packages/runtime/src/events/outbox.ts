import { randomUUID } from 'node:crypto';
import type { Database } from '../db';

/** A fact one service tells others, e.g. `appointment.booked`. */
export type DomainEvent<T = Record<string, unknown>> = {
  id: string;
  type: string;
  occurredAt: string;
  payload: T;
};

/** The producer side: an outbox table written in the same transaction as the change itself. */
export const OUTBOX_MIGRATION = {
  name: '0000_outbox.sql',
  sql: `create table if not exists outbox (
  id uuid primary key,
  type text not null,
  payload jsonb not null,
  occurred_at timestamptz not null default now(),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  delivered_at timestamptz,
  last_error text
)
-- statement-break
create index if not exists outbox_pending_idx on outbox (next_attempt_at) where delivered_at is null`,
};

/**
 * The consumer side: ids of events already applied, per consumer, so redelivery is harmless.
 * (A database migrated before consumers had names gets the column from the next migration.)
 */
export const INBOX_MIGRATION = {
  name: '0000_inbox.sql',
  sql: `create table if not exists inbox (
  consumer text not null default 'default',
  event_id uuid not null,
  type text not null,
  processed_at timestamptz not null default now(),
  primary key (consumer, event_id)
)`,
};

/**
 * Several consumers in one service each keep their own inbox: the key is (consumer, event id).
 * Upgrades an inbox created keyed by event id alone; its rows belong to the consumer `default`.
 */
export const INBOX_CONSUMERS_MIGRATION = {
  name: '0000_inbox_consumers.sql',
  sql: `alter table inbox add column if not exists consumer text not null default 'default'
-- statement-break
alter table inbox drop constraint if exists inbox_pkey
-- statement-break
alter table inbox add primary key (consumer, event_id)`,
};

/** What a service that consumes events migrates (the inbox, per consumer). */
export const INBOX_MIGRATIONS = [INBOX_MIGRATION, INBOX_CONSUMERS_MIGRATION];

type Query = Database['query'];

/**
 * Adds an event inside the caller's transaction (pass the transaction's query function). With
 * `notify`, the same statement also sends a NOTIFY (delivered on commit) for live subscribers.
 */
export async function addToOutbox(
  q: Query,
  type: string,
  payload: Record<string, unknown>,
  notify?: { channel: string; payload: unknown },
): Promise<string> {
  const id = randomUUID();
  if (notify)
    await q(
      `with o as (insert into outbox (id, type, payload) values ($1, $2, $3::jsonb) returning id)
       select pg_notify($4, $5) from o`,
      [id, type, JSON.stringify(payload), notify.channel, JSON.stringify(notify.payload)],
    );
  else
    await q('insert into outbox (id, type, payload) values ($1, $2, $3::jsonb)', [
      id,
      type,
      JSON.stringify(payload),
    ]);
  return id;
}

/**
 * Applies an event exactly once for one consumer: the inbox row and the effect commit together,
 * so a redelivered event (at-least-once relay or broker) changes nothing. Returns false for a
 * duplicate.
 */
export async function applyOnce(
  database: Database,
  event: DomainEvent,
  apply: (q: Query) => Promise<void>,
  consumer = 'default',
): Promise<boolean> {
  return database.tx(async (q) => {
    const claimed = await q(
      `insert into inbox (consumer, event_id, type) values ($1, $2, $3)
       on conflict do nothing returning event_id`,
      [consumer, event.id, event.type],
    );
    if (claimed.length === 0) return false;
    await apply(q);
    return true;
  });
}

export type RelayOptions = {
  database: Database;
  /** Delivers a batch; throwing marks the whole batch for retry with backoff. */
  deliver(events: DomainEvent[]): Promise<void>;
  intervalMs?: number;
  batchSize?: number;
  /**
   * How long a claimed batch is reserved for this relay (default 30 s): if the process dies
   * before recording the outcome, the rows are sent again after this.
   */
  leaseMs?: number;
  onError?(err: unknown): void;
};

type OutboxRow = {
  id: string;
  type: string;
  occurred_at: Date | string;
  payload: Record<string, unknown> | string;
};

/**
 * Relays undelivered outbox rows to consumers, at least once, in order of occurrence.
 * A pass claims a batch with `for update skip locked` and a lease (several replicas relay in
 * parallel without sending a row twice at the same time), then delivers with no transaction or
 * connection held — a slow consumer must not hold PGlite's only connection — and records the
 * outcome. A crash before `delivered_at` is set means the rows are sent again when the lease
 * ends (consumers dedupe through their inbox).
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly opts: RelayOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.opts.intervalMs ?? 500);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs one relay pass now (also used by tests); returns how many events were delivered. */
  tick(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    const { database } = this.opts;
    let ids: string[] = [];
    try {
      const rows = await database.query<OutboxRow>(
        `update outbox set next_attempt_at = now() + $2 * interval '1 millisecond'
         where id in (
           select id from outbox where delivered_at is null and next_attempt_at <= now()
           order by occurred_at, id limit $1 for update skip locked)
         returning id, type, occurred_at, payload`,
        [this.opts.batchSize ?? 100, this.opts.leaseMs ?? 30_000],
      );
      if (rows.length === 0) return 0;
      const events: DomainEvent[] = rows
        .map((r) => ({
          id: String(r.id),
          type: r.type,
          occurredAt: new Date(r.occurred_at).toISOString(),
          payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
        }))
        .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
      ids = events.map((e) => e.id);
      await this.opts.deliver(events);
    } catch (err) {
      if (ids.length > 0) {
        // Exponential backoff, capped at 5 minutes.
        await database
          .query(
            `update outbox set attempts = attempts + 1, last_error = $2,
               next_attempt_at = now() + least(interval '5 minutes', interval '1 second' * power(2, attempts))
             where id = any($1::uuid[])`,
            [ids, String((err as Error)?.message ?? err).slice(0, 500)],
          )
          .catch(() => {});
      }
      this.opts.onError?.(err);
      return 0;
    }
    try {
      await database.query(
        'update outbox set delivered_at = now(), attempts = attempts + 1, last_error = null where id = any($1::uuid[])',
        [ids],
      );
    } catch (err) {
      // Delivered but not recorded: sent again after the lease (the consumer's inbox dedupes).
      this.opts.onError?.(err);
    }
    return ids.length;
  }
}
