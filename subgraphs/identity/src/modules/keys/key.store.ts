import { type Database, Envelope } from '@medikamente/runtime';
import type { JWK } from 'jose';
import { z } from 'zod';

type Query = Database['query'];

const jwk = z.record(z.string(), z.unknown()).transform((v) => v as JWK);
const row = z.object({
  kid: z.string(),
  alg: z.string(),
  private_key_sealed: z.string().nullable(),
  public_jwk: jwk,
  active: z.boolean(),
  created_at: z.coerce.date(),
  retired_at: z.coerce.date().nullable(),
});

export type StoredKey = {
  kid: string;
  alg: string;
  privateJwk: JWK;
  publicJwk: JWK;
  active: boolean;
  createdAt: Date;
  retiredAt: Date | null;
};
export type NewKey = Pick<StoredKey, 'kid' | 'alg' | 'privateJwk' | 'publicJwk'>;

const PRIVATE_COLUMN = { table: 'signing_key', column: 'private_key_sealed' } as const;
const COLUMNS = 'kid, alg, private_key_sealed, public_jwk, active, created_at, retired_at';
/** Keys that can still have valid tokens: the active one and those retired within the window. */
const PUBLISHED = `active or retired_at > now() - make_interval(secs => $1::float8)`;

/**
 * The only place that reads and writes `signing_key`. Private keys are sealed here (envelope
 * encryption bound to table, column and kid) and opened on read; the `private_jwk` column of
 * the first schema is emptied by {@link sealAtRest}.
 */
export class KeyStore {
  constructor(
    private readonly database: Database,
    private readonly envelope: Envelope,
  ) {}

  private toKey(raw: unknown): StoredKey {
    const r = row.parse(raw);
    if (!r.private_key_sealed) throw new Error(`signing_key ${r.kid} has no sealed private key`);
    const privateJwk = JSON.parse(
      this.envelope.openText(r.private_key_sealed, { ...PRIVATE_COLUMN, id: r.kid }),
    ) as JWK;
    return {
      kid: r.kid,
      alg: r.alg,
      privateJwk,
      publicJwk: r.public_jwk,
      active: r.active,
      createdAt: r.created_at,
      retiredAt: r.retired_at,
    };
  }

  private async insertActive(k: NewKey, q: Query): Promise<StoredKey> {
    const sealed = this.envelope.seal(JSON.stringify(k.privateJwk), { ...PRIVATE_COLUMN, id: k.kid });
    const rows = await q(
      `insert into signing_key (kid, alg, private_key_sealed, public_jwk, active)
       values ($1, $2, $3, ($4::text)::jsonb, true) returning ${COLUMNS}`,
      [k.kid, k.alg, sealed, JSON.stringify(k.publicJwk)],
    );
    return this.toKey(rows[0]);
  }

  /**
   * Returns the active key, creating it with `generate` when there is none. An advisory lock
   * makes replicas starting together agree on one key.
   */
  ensureActive(generate: () => Promise<NewKey>): Promise<StoredKey> {
    return this.database.tx(async (q) => {
      await q('select pg_advisory_xact_lock(727101)');
      const found = await q(`select ${COLUMNS} from signing_key where active limit 1`);
      if (found[0]) return this.toKey(found[0]);
      return this.insertActive(await generate(), q);
    });
  }

  /** The active key and the keys retired within the last `windowSec` seconds, newest first. */
  async published(windowSec: number): Promise<StoredKey[]> {
    const rows = await this.database.query(
      `select ${COLUMNS} from signing_key where ${PUBLISHED} order by active desc, created_at desc`,
      [windowSec],
    );
    return rows.map((r) => this.toKey(r));
  }

  /**
   * Retires the active key and makes a new one active, in one transaction. With `olderThanSec`
   * (automatic rotation) it does so only when the active key is older than that, so replicas
   * checking at the same time rotate once. Null when nothing was rotated.
   */
  rotate(
    generate: () => Promise<NewKey>,
    opts: { olderThanSec?: number } = {},
  ): Promise<{ active: StoredKey; retiredKid: string | null } | null> {
    return this.database.tx(async (q) => {
      await q('select pg_advisory_xact_lock(727101)');
      if (opts.olderThanSec !== undefined) {
        const due = await q(
          `select 1 from signing_key where active and created_at < now() - make_interval(secs => $1::float8)`,
          [opts.olderThanSec],
        );
        if (due.length === 0) return null;
      }
      const retired = await q<{ kid: string }>(
        'update signing_key set active = false, retired_at = now() where active returning kid',
      );
      const active = await this.insertActive(await generate(), q);
      return { active, retiredKid: retired[0]?.kid ?? null };
    });
  }

  /** Deletes retired keys past the window: every token they signed has expired. */
  async purgeRetired(windowSec: number): Promise<number> {
    const rows = await this.database.query(
      `delete from signing_key where not active and retired_at <= now() - make_interval(secs => $1::float8)
       returning kid`,
      [windowSec],
    );
    return rows.length;
  }

  /**
   * Seals private keys still stored in plaintext (`private_jwk`, written before encryption at
   * rest) and re-wraps those sealed under a previous master key. Idempotent.
   */
  sealAtRest(): Promise<number> {
    return this.database.tx(async (q) => {
      await q('select pg_advisory_xact_lock(727101)');
      const rows = await q<{ kid: string; private_jwk: unknown; private_key_sealed: string | null }>(
        `select kid, private_jwk, private_key_sealed from signing_key
         where private_jwk is not null or private_key_sealed not like $1`,
        [`ev1.${this.envelope.keyId}.%`],
      );
      for (const r of rows) {
        const ctx = { ...PRIVATE_COLUMN, id: r.kid };
        const plain = typeof r.private_jwk === 'string' ? r.private_jwk : JSON.stringify(r.private_jwk);
        const sealed =
          r.private_key_sealed && Envelope.isSealed(r.private_key_sealed)
            ? this.envelope.rewrap(r.private_key_sealed, ctx)
            : this.envelope.seal(plain, ctx);
        await q('update signing_key set private_key_sealed = $2, private_jwk = null where kid = $1', [
          r.kid,
          sealed,
        ]);
      }
      return rows.length;
    });
  }
}
