import type { Database } from '@medikamente/runtime';
import type { JWK } from 'jose';
import { z } from 'zod';

const jwk = z.record(z.string(), z.unknown()).transform((v) => v as JWK);
const row = z.object({
  kid: z.string(),
  alg: z.string(),
  private_jwk: jwk,
  public_jwk: jwk,
  active: z.boolean(),
});

export type StoredKey = { kid: string; alg: string; privateJwk: JWK; publicJwk: JWK; active: boolean };

const toKey = (raw: unknown): StoredKey => {
  const r = row.parse(raw);
  return { kid: r.kid, alg: r.alg, privateJwk: r.private_jwk, publicJwk: r.public_jwk, active: r.active };
};

/**
 * The only place that reads and writes `signing_key`. Private keys stay in this service's
 * database (in production: encrypted volume / KMS-wrapped; see the README of the service).
 */
export class KeyStore {
  constructor(private readonly database: Database) {}

  /**
   * Returns the active key, creating it with `generate` when there is none. An advisory lock
   * makes replicas starting together agree on one key.
   */
  ensureActive(generate: () => Promise<Omit<StoredKey, 'active'>>): Promise<StoredKey> {
    return this.database.tx(async (q) => {
      await q('select pg_advisory_xact_lock(727101)');
      const found = await q('select * from signing_key where active order by created_at desc limit 1');
      if (found[0]) return toKey(found[0]);
      const k = await generate();
      const rows = await q(
        `insert into signing_key (kid, alg, private_jwk, public_jwk, active)
         values ($1, $2, ($3::text)::jsonb, ($4::text)::jsonb, true) returning *`,
        [k.kid, k.alg, JSON.stringify(k.privateJwk), JSON.stringify(k.publicJwk)],
      );
      return toKey(rows[0]);
    });
  }

  async active(): Promise<StoredKey | null> {
    const rows = await this.database.query(
      'select * from signing_key where active order by created_at desc limit 1',
    );
    return rows[0] ? toKey(rows[0]) : null;
  }
}
