import type { Database } from '@medikamente/runtime';
import { z } from 'zod';

type Query = Database['query'];

export const VERIFICATION_CHANNELS = ['email', 'sms'] as const;
export type VerificationChannel = (typeof VERIFICATION_CHANNELS)[number];

const row = z.object({
  id: z.string(),
  login: z.string(),
  channel: z.enum(VERIFICATION_CHANNELS),
  password_hash: z.string(),
  display_name: z.string(),
  code_hash: z.string(),
  attempts: z.coerce.number().int(),
  expires_at: z.coerce.date(),
});

/** A sign-up waiting for its code. Holds the password hash: never reaches the API. */
export type PendingSignUp = {
  id: string;
  login: string;
  channel: VerificationChannel;
  passwordHash: string;
  displayName: string;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
};

const toPending = (raw: unknown): PendingSignUp => {
  const r = row.parse(raw);
  return {
    id: r.id,
    login: r.login,
    channel: r.channel,
    passwordHash: r.password_hash,
    displayName: r.display_name,
    codeHash: r.code_hash,
    attempts: r.attempts,
    expiresAt: r.expires_at,
  };
};

export type NewPendingSignUp = Omit<PendingSignUp, 'attempts' | 'expiresAt'> & { ttlSec: number };

/** The only place that reads and writes `signup_verification`. */
export class SignUpStore {
  constructor(private readonly database: Database) {}

  /** Runs `fn` in one transaction; stores accept the transaction's query function. */
  tx<T>(fn: (q: Query) => Promise<T>): Promise<T> {
    return this.database.tx(fn);
  }

  /** Inserts a pending sign-up; returns when its code expires. */
  async create(p: NewPendingSignUp): Promise<Date> {
    const rows = await this.database.query<{ expires_at: string | Date }>(
      `insert into signup_verification (id, login, channel, password_hash, display_name, code_hash, expires_at)
       values ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7::float8))
       returning expires_at`,
      [p.id, p.login, p.channel, p.passwordHash, p.displayName, p.codeHash, p.ttlSec],
    );
    return new Date(rows[0]!.expires_at);
  }

  /** The pending sign-up if it has not expired, locked for the rest of the transaction. */
  async lockLive(id: string, q: Query): Promise<PendingSignUp | null> {
    const rows = await q(
      'select * from signup_verification where id = $1 and expires_at > now() for update',
      [id],
    );
    return rows[0] ? toPending(rows[0]) : null;
  }

  async countAttempt(id: string, q: Query): Promise<void> {
    await q('update signup_verification set attempts = attempts + 1 where id = $1', [id]);
  }

  async delete(id: string, q: Query = this.database.query): Promise<void> {
    await q('delete from signup_verification where id = $1', [id]);
  }

  /** Deletes expired sign-ups (their password hashes go with them). */
  async purgeExpired(): Promise<number> {
    const rows = await this.database.query(
      'delete from signup_verification where expires_at <= now() returning id',
    );
    return rows.length;
  }

  /** Rows for a login (tests and support tooling). */
  async countForLogin(login: string): Promise<number> {
    const rows = await this.database.query<{ n: string | number }>(
      'select count(*) as n from signup_verification where login = $1',
      [login],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
