import type { Database } from '@medikamente/runtime';
import { z } from 'zod';

type Query = Database['query'];

const refreshRow = z.object({
  id: z.string(),
  family_id: z.string(),
  session_id: z.string(),
  account_id: z.string(),
  expires_at: z.coerce.date(),
  used_at: z.coerce.date().nullable(),
  revoked_at: z.coerce.date().nullable(),
  session_revoked_at: z.coerce.date().nullable(),
  amr: z.array(z.string()),
});

export type RefreshRecord = {
  id: string;
  familyId: string;
  sessionId: string;
  accountId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  sessionRevokedAt: Date | null;
  amr: string[];
};

export type NewRefresh = {
  id: string;
  familyId: string;
  sessionId: string;
  accountId: string;
  tokenHash: string;
  ttlSec: number;
};

/** The only place that reads and writes `session` and `refresh_token`. */
export class SessionStore {
  constructor(private readonly database: Database) {}

  /** Runs `fn` in one transaction; stores accept the transaction's query function. */
  tx<T>(fn: (q: Query) => Promise<T>): Promise<T> {
    return this.database.tx(fn);
  }

  async createSession(
    id: string,
    accountId: string,
    amr: string[],
    q: Query = this.database.query,
  ): Promise<void> {
    await q('insert into session (id, account_id, amr) values ($1, $2, $3::text[])', [id, accountId, amr]);
  }

  async insertRefresh(r: NewRefresh, q: Query = this.database.query): Promise<void> {
    await q(
      `insert into refresh_token (id, family_id, session_id, account_id, token_hash, expires_at)
       values ($1, $2, $3, $4, $5, now() + make_interval(secs => $6::float8))`,
      [r.id, r.familyId, r.sessionId, r.accountId, r.tokenHash, r.ttlSec],
    );
  }

  /** Finds a refresh token by hash and locks it for the rest of the transaction. */
  async lockRefresh(tokenHash: string, q: Query): Promise<RefreshRecord | null> {
    const rows = await q(
      `select rt.id, rt.family_id, rt.session_id, rt.account_id, rt.expires_at, rt.used_at, rt.revoked_at,
              s.revoked_at as session_revoked_at, s.amr
       from refresh_token rt join session s on s.id = rt.session_id
       where rt.token_hash = $1
       for update of rt`,
      [tokenHash],
    );
    if (!rows[0]) return null;
    const r = refreshRow.parse(rows[0]);
    return {
      id: r.id,
      familyId: r.family_id,
      sessionId: r.session_id,
      accountId: r.account_id,
      expiresAt: r.expires_at,
      usedAt: r.used_at,
      revokedAt: r.revoked_at,
      sessionRevokedAt: r.session_revoked_at,
      amr: r.amr,
    };
  }

  async markUsed(id: string, q: Query): Promise<void> {
    await q('update refresh_token set used_at = now() where id = $1', [id]);
  }

  /** Revokes a whole refresh-token family and the session it belongs to (reuse detected). */
  async revokeFamily(familyId: string, sessionId: string, q: Query): Promise<void> {
    await q('update refresh_token set revoked_at = now() where family_id = $1 and revoked_at is null', [
      familyId,
    ]);
    await q('update session set revoked_at = now() where id = $1 and revoked_at is null', [sessionId]);
  }

  /** Revokes one session and its refresh tokens; false when it was not active. */
  async revokeSession(sessionId: string, q: Query = this.database.query): Promise<boolean> {
    const rows = await q(
      'update session set revoked_at = now() where id = $1 and revoked_at is null returning id',
      [sessionId],
    );
    await q('update refresh_token set revoked_at = now() where session_id = $1 and revoked_at is null', [
      sessionId,
    ]);
    return rows.length > 0;
  }

  /** Revokes every session of an account (dismissal). */
  async revokeAllForAccount(accountId: string, q: Query = this.database.query): Promise<number> {
    const rows = await q(
      'update session set revoked_at = now() where account_id = $1 and revoked_at is null returning id',
      [accountId],
    );
    await q('update refresh_token set revoked_at = now() where account_id = $1 and revoked_at is null', [
      accountId,
    ]);
    return rows.length;
  }

  async isActive(sessionId: string): Promise<boolean> {
    const rows = await this.database.query('select 1 from session where id = $1 and revoked_at is null', [
      sessionId,
    ]);
    return rows.length > 0;
  }

  async countForAccount(accountId: string): Promise<number> {
    const rows = await this.database.query<{ n: string | number }>(
      'select count(*) as n from session where account_id = $1',
      [accountId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Sessions revoked within the last `windowSec` seconds: id -> epoch seconds (rounded up). */
  async revokedSince(windowSec: number): Promise<Record<string, number>> {
    const rows = await this.database.query<{ id: string; at: string | number }>(
      `select id, ceil(extract(epoch from revoked_at))::bigint as at from session
       where revoked_at is not null and revoked_at > now() - make_interval(secs => $1::float8)`,
      [windowSec],
    );
    return Object.fromEntries(rows.map((r) => [r.id, Number(r.at)]));
  }
}
