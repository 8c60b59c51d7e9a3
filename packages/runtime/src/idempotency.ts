import { createHash } from 'node:crypto';
import type { Principal } from './auth';
import type { Database } from './db';
import { ErrorCode, type InputError } from './errors';

/**
 * The shared idempotency table: one row per (actor, key), bound to the operation, a hash of the
 * request and the result it produced. Every subgraph that accepts idempotency keys includes this
 * migration (`openDatabase({ migrations: [IDEMPOTENCY_MIGRATION] })`), so the table is the same
 * everywhere. `request_hash` is null only for rows carried over from before the hash was kept:
 * such a key replays its result for any request with the same operation.
 */
export const IDEMPOTENCY_MIGRATION = {
  name: '0000_idempotency.sql',
  sql: `create table if not exists idempotency (
  actor text not null,
  key text not null,
  operation text not null,
  request_hash text,
  result jsonb not null,
  created_at timestamptz not null default now(),
  primary key (actor, key)
)
-- statement-break
create index if not exists idempotency_created_idx on idempotency (created_at)`,
};

/** The outcome of claiming a key: the caller does the work, replays a result, or refuses. */
export type IdempotencyClaim<R> =
  | { status: 'claimed' }
  | { status: 'replayed'; result: R }
  /** The key was used by this actor for a different request (or operation): IDEMPOTENCY_MISMATCH. */
  | { status: 'mismatch' };

export type IdempotencyRequest<R> = {
  /** Who sent the request; keys are scoped per caller, so two callers never share one. */
  principal: Pick<Principal, 'kind' | 'subject'>;
  key: string;
  /** The mutation, e.g. `bookAppointment`; the same key for another operation is a mismatch. */
  operation: string;
  /** The request's arguments as the caller understood them; compared by a canonical hash. */
  request: Record<string, unknown>;
  /** What the request produces (e.g. the id of the created row), stored for replays. */
  result: R;
};

/**
 * Thrown by callers that abort their transaction on a mismatched key; the resolver turns it into
 * the payload's `IDEMPOTENCY_MISMATCH` input error.
 */
export class IdempotencyMismatchError extends Error {
  readonly code = ErrorCode.IDEMPOTENCY_MISMATCH;
  constructor(readonly field = 'idempotencyKey') {
    super('idempotency key already used for a different request');
    this.name = 'IdempotencyMismatchError';
  }

  /** The expected failure to return in a payload's `inputErrors`. */
  toInputError(): InputError {
    return {
      field: this.field,
      code: this.code,
      message: 'Ключ повтора уже использован для другого запроса',
    };
  }
}

/** The scope of a caller's keys: `user:<account>`, `client:<id>`. */
export const idempotencyActor = (p: Pick<Principal, 'kind' | 'subject'>) =>
  `${p.kind}:${p.subject ?? 'anonymous'}`;

/** JSON with object keys sorted at every level, so equal requests hash equally. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object')
    return Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k] ?? null)]);
  return value;
}

/** SHA-256 of a request's canonical JSON (absent and null fields are the same request). */
export function idempotencyHash(request: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(request)))
    .digest('hex');
}

/**
 * Idempotency keys of mutations. `claim` runs inside the caller's transaction, so the key is
 * bound together with the work it protects: a rolled-back request releases its key, and a
 * concurrent twin with the same key waits on the row until the first commits, then replays its
 * result (Postgres' unique-index wait; PGlite is a single connection and serialises anyway).
 */
export class IdempotencyStore {
  constructor(private readonly database: Database) {}

  /**
   * Binds `key` to this request and its result when the key is new (`claimed`: do the work in
   * the same transaction); returns the stored result of the same request sent before
   * (`replayed`); or `mismatch` when the key was used for a different request.
   */
  async claim<R>(r: IdempotencyRequest<R>): Promise<IdempotencyClaim<R>> {
    if (!this.database.inTransaction())
      throw new Error('IdempotencyStore.claim must run inside the transaction of the work it protects');
    // Keys are scoped per caller: callers without an identity would share one scope.
    if (!r.principal.subject) throw new Error('IdempotencyStore.claim needs an authenticated caller');
    const actor = idempotencyActor(r.principal);
    const hash = idempotencyHash(r.request);
    const bound = await this.database.query(
      `insert into idempotency (actor, key, operation, request_hash, result) values ($1, $2, $3, $4, $5::jsonb)
       on conflict (actor, key) do nothing returning key`,
      [actor, r.key, r.operation, hash, JSON.stringify(r.result)],
    );
    if (bound.length > 0) return { status: 'claimed' };
    const [row] = await this.database.query<{
      operation: string;
      request_hash: string | null;
      result: unknown;
    }>('select operation, request_hash, result from idempotency where actor = $1 and key = $2', [
      actor,
      r.key,
    ]);
    if (!row) throw new Error('idempotency key neither bound nor found');
    const sameRequest = row.request_hash === null || row.request_hash === hash;
    if (row.operation !== r.operation || !sameRequest) return { status: 'mismatch' };
    return { status: 'replayed', result: row.result as R };
  }

  /** Forgets keys older than `before` (a retry after that is a new request). */
  async purge(before: Date): Promise<number> {
    const rows = await this.database.query('delete from idempotency where created_at < $1 returning key', [
      before,
    ]);
    return rows.length;
  }
}
