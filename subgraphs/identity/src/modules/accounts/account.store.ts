import { type Database, Envelope, EnvelopeError } from '@medikamente/runtime';
import { z } from 'zod';
import { ACCOUNT_ROLES, type AccountRole } from './credentials';

type Query = Database['query'];

const row = z.object({
  id: z.string(),
  login: z.string(),
  password_hash: z.string(),
  role: z.enum(ACCOUNT_ROLES),
  patient_id: z.string().nullable(),
  branch_ids: z.array(z.string()),
  display_name: z.string().nullable(),
  totp_secret: z.string().nullable(),
  totp_enabled: z.boolean(),
  failed_attempts: z.coerce.number().int(),
  locked_until: z.coerce.date().nullable(),
  dismissed_at: z.coerce.date().nullable(),
  created_at: z.coerce.date(),
});

/** An account as the domain sees it; holds secrets, so it never reaches the API as is. */
export type AccountRecord = {
  id: string;
  login: string;
  passwordHash: string;
  role: AccountRole;
  patientId: string | null;
  branchIds: string[];
  displayName: string | null;
  totpSecret: string | null;
  totpEnabled: boolean;
  failedAttempts: number;
  lockedUntil: Date | null;
  dismissedAt: Date | null;
  createdAt: Date;
};

const TOTP_COLUMN = { table: 'account', column: 'totp_secret' } as const;

/** Opens the sealed TOTP secret of a row; a plaintext one is refused (start-up seals them all). */
function openTotp(envelope: Envelope, id: string, stored: string | null): string | null {
  if (stored === null) return null;
  if (!Envelope.isSealed(stored)) throw new Error(`account.totp_secret of ${id} is not sealed`);
  return envelope.openText(stored, { ...TOTP_COLUMN, id });
}

const toRecord = (envelope: Envelope, raw: unknown): AccountRecord => {
  const r = row.parse(raw);
  return {
    id: r.id,
    login: r.login,
    passwordHash: r.password_hash,
    role: r.role,
    patientId: r.patient_id,
    branchIds: r.branch_ids,
    displayName: r.display_name,
    totpSecret: openTotp(envelope, r.id, r.totp_secret),
    totpEnabled: r.totp_enabled,
    failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until,
    dismissedAt: r.dismissed_at,
    createdAt: r.created_at,
  };
};

export type NewAccount = {
  id: string;
  login: string;
  passwordHash: string;
  role: AccountRole;
  patientId: string | null;
  branchIds: string[];
  displayName: string | null;
};

/**
 * The only place that reads and writes the `account` table. TOTP secrets are sealed here
 * (envelope encryption bound to table, column and account id) and opened on read.
 */
export class AccountStore {
  private readonly toRecord: (raw: unknown) => AccountRecord;

  constructor(
    private readonly database: Database,
    private readonly envelope: Envelope,
  ) {
    this.toRecord = (raw) => toRecord(envelope, raw);
  }

  /** Inserts an account; null when the login is taken. */
  async create(a: NewAccount, q: Query = this.database.query): Promise<AccountRecord | null> {
    const rows = await q(
      `insert into account (id, login, password_hash, role, patient_id, branch_ids, display_name)
       values ($1, $2, $3, $4, $5, $6::uuid[], $7)
       on conflict (login) do nothing
       returning *`,
      [a.id, a.login, a.passwordHash, a.role, a.patientId, a.branchIds, a.displayName],
    );
    return rows[0] ? this.toRecord(rows[0]) : null;
  }

  async byId(id: string): Promise<AccountRecord | null> {
    const rows = await this.database.query('select * from account where id = $1', [id]);
    return rows[0] ? this.toRecord(rows[0]) : null;
  }

  async byLogin(login: string): Promise<AccountRecord | null> {
    const rows = await this.database.query('select * from account where login = $1', [login]);
    return rows[0] ? this.toRecord(rows[0]) : null;
  }

  /** Whether a login has an account (no secret is read or opened). */
  async loginTaken(login: string): Promise<boolean> {
    const rows = await this.database.query('select 1 from account where login = $1', [login]);
    return rows.length > 0;
  }

  async byIds(ids: readonly string[]): Promise<Map<string, AccountRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.database.query('select * from account where id = any($1::uuid[])', [[...ids]]);
    return new Map(rows.map(this.toRecord).map((a) => [a.id, a]));
  }

  /** Staff accounts (not patients), oldest first; bounded, the clinic has hundreds at most. */
  async listStaff(limit = 2000): Promise<AccountRecord[]> {
    const rows = await this.database.query(
      `select * from account where role <> 'patient' order by created_at, id limit $1`,
      [limit],
    );
    return rows.map(this.toRecord);
  }

  /**
   * Counts a failed sign-in atomically; on reaching the threshold the account is locked and the
   * counter starts again, so each lock period is followed by a full allowance.
   */
  async recordFailure(id: string, threshold: number, lockMinutes: number): Promise<{ locked: boolean }> {
    const rows = await this.database.query<{ locked: boolean }>(
      `update account set
         failed_attempts = case when failed_attempts + 1 >= $2 then 0 else failed_attempts + 1 end,
         locked_until = case when failed_attempts + 1 >= $2 then now() + make_interval(secs => $3::float8) else locked_until end
       where id = $1
       returning (locked_until is not null and locked_until > now()) as locked`,
      [id, threshold, lockMinutes * 60],
    );
    return { locked: rows[0]?.locked === true };
  }

  async resetFailures(id: string): Promise<void> {
    await this.database.query(
      'update account set failed_attempts = 0, locked_until = null where id = $1 and (failed_attempts <> 0 or locked_until is not null)',
      [id],
    );
  }

  /** Stores a not-yet-confirmed TOTP secret; refused (false) once TOTP is enabled. */
  async setPendingTotp(id: string, secret: string): Promise<boolean> {
    const rows = await this.database.query(
      'update account set totp_secret = $2 where id = $1 and totp_enabled = false returning id',
      [id, this.envelope.seal(secret, { ...TOTP_COLUMN, id })],
    );
    return rows.length === 1;
  }

  async enableTotp(id: string): Promise<AccountRecord | null> {
    const rows = await this.database.query(
      'update account set totp_enabled = true where id = $1 and totp_secret is not null returning *',
      [id],
    );
    return rows[0] ? this.toRecord(rows[0]) : null;
  }

  /** Marks an account dismissed (idempotent: the first dismissal time is kept). */
  async markDismissed(id: string, q: Query = this.database.query): Promise<AccountRecord | null> {
    const rows = await q(
      'update account set dismissed_at = coalesce(dismissed_at, now()) where id = $1 returning *',
      [id],
    );
    return rows[0] ? this.toRecord(rows[0]) : null;
  }

  /** Accounts dismissed within the last `windowSec` seconds: id -> epoch seconds (rounded up). */
  async dismissedSince(windowSec: number): Promise<Record<string, number>> {
    const rows = await this.database.query<{ id: string; at: string | number }>(
      `select id, ceil(extract(epoch from dismissed_at))::bigint as at from account
       where dismissed_at is not null and dismissed_at > now() - make_interval(secs => $1::float8)`,
      [windowSec],
    );
    return Object.fromEntries(rows.map((r) => [r.id, Number(r.at)]));
  }

  /**
   * Seals TOTP secrets still stored in plaintext (written before encryption at rest) and
   * re-wraps those sealed under a previous master key. Idempotent. A row that fails
   * authentication (altered, or copied from another row) is left as it is and counted: that
   * account cannot pass TOTP until an administrator resets it, and the others keep working.
   */
  async sealAtRest(): Promise<{ sealed: number; unreadable: number }> {
    return this.database.tx(async (q) => {
      await q('select pg_advisory_xact_lock(727102)');
      const rows = await q<{ id: string; totp_secret: string }>(
        'select id, totp_secret from account where totp_secret is not null and totp_secret not like $1',
        [`ev1.${this.envelope.keyId}.%`],
      );
      let unreadable = 0;
      for (const r of rows) {
        const ctx = { ...TOTP_COLUMN, id: r.id };
        let sealed: string;
        try {
          sealed = Envelope.isSealed(r.totp_secret)
            ? this.envelope.rewrap(r.totp_secret, ctx)
            : this.envelope.seal(r.totp_secret, ctx);
        } catch (e) {
          if (!(e instanceof EnvelopeError) || e.code !== 'DECRYPT_FAILED') throw e;
          unreadable++;
          continue;
        }
        await q('update account set totp_secret = $2 where id = $1', [r.id, sealed]);
      }
      return { sealed: rows.length - unreadable, unreadable };
    });
  }
}
