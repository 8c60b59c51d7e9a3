import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Database } from '../db';
import { type Envelope, EnvelopeError, gcmOpen, gcmSeal } from './envelope';

/**
 * Per-subject data keys (envelope encryption, DOMAIN.md "Encryption at rest").
 *
 * One random AES-256 data key per data subject (a patient) and data category, stored wrapped
 * under the service's master key (an {@link Envelope}) in `subject_key`. Values are sealed under
 * the subject's data key with AES-256-GCM; the additional data binds each ciphertext to its
 * table, column, row and subject, so a ciphertext moved to another row, column or patient fails
 * to open. Rotating the master key re-wraps the data keys only ({@link SubjectKeyring.rewrapAll});
 * no content is re-encrypted. Deleting a subject's key of a category (crypto-shredding) makes
 * everything sealed under it unreadable.
 *
 * Blind indexes (equality search over sealed values) use one index key per purpose, kept wrapped
 * in the same table under the nil subject, so they survive master-key rotation.
 *
 * Format of a sealed value: `dk1.<b64url(iv ‖ ciphertext ‖ tag)>`.
 */
export const KEYRING_MIGRATION = {
  name: '0000_keyring.sql',
  sql: `create table if not exists subject_key (
  subject_id uuid not null,
  category text not null,
  wrapped text not null,
  created_at timestamptz not null default now(),
  rewrapped_at timestamptz,
  primary key (subject_id, category)
)`,
};

/** Where a value lives, bound into its ciphertext. */
export type SealContext = { table: string; column: string; row: string; subject: string };

const NIL = '00000000-0000-0000-0000-000000000000';
const PREFIX = 'dk1.';

function aad(ctx: SealContext, category: string): Buffer {
  return Buffer.concat(
    ['dk1', category, ctx.table, ctx.column, ctx.row, ctx.subject].map((p) => {
      const b = Buffer.from(p, 'utf8');
      const len = Buffer.alloc(4);
      len.writeUInt32BE(b.length);
      return Buffer.concat([len, b]);
    }),
  );
}

/** A subject's data key of one category, unwrapped (kept only in this process's memory). */
export class DataKey {
  constructor(
    readonly subject: string,
    readonly category: string,
    private readonly key: Buffer,
  ) {}

  /** A key for another purpose (HMAC), derived with HKDF so the data key itself only encrypts. */
  derive(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), `medikamente:${purpose}`, 32));
  }

  seal(plaintext: string | Uint8Array, ctx: Omit<SealContext, 'subject'>): string {
    const bytes = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    return (
      PREFIX +
      gcmSeal(this.key, bytes, aad({ ...ctx, subject: this.subject }, this.category)).toString('base64url')
    );
  }

  /** Raw bytes (attachments): iv ‖ ciphertext ‖ tag. */
  sealBytes(bytes: Uint8Array, ctx: Omit<SealContext, 'subject'>): Buffer {
    return gcmSeal(this.key, bytes, aad({ ...ctx, subject: this.subject }, this.category));
  }

  open(sealed: string, ctx: Omit<SealContext, 'subject'>): Buffer {
    if (!sealed.startsWith(PREFIX))
      throw new EnvelopeError('MALFORMED', 'not a value sealed under a data key');
    return this.openBytes(Buffer.from(sealed.slice(PREFIX.length), 'base64url'), ctx);
  }

  openText(sealed: string, ctx: Omit<SealContext, 'subject'>): string {
    return this.open(sealed, ctx).toString('utf8');
  }

  openBytes(sealed: Uint8Array, ctx: Omit<SealContext, 'subject'>): Buffer {
    const full = { ...ctx, subject: this.subject };
    return gcmOpen(
      this.key,
      Buffer.from(sealed),
      aad(full, this.category),
      `${ctx.table}.${ctx.column} of ${ctx.row}`,
    );
  }
}

type Row = { subject_id: string; category: string; wrapped: string };

/** Data keys per subject and category in the service's database, wrapped under its master key. */
export class SubjectKeyring {
  private readonly cache = new Map<string, DataKey>();
  private readonly indexKeys = new Map<string, Buffer>();

  constructor(
    private readonly database: Database,
    private readonly envelope: Envelope,
    /** Unwrapped keys kept in memory at most (least recently used dropped first). */
    private readonly cacheSize = 1000,
  ) {}

  private ctx(subject: string, category: string) {
    return { table: 'subject_key', column: category, id: subject };
  }

  /** The data keys of `subjects` for `category`, created for those without one. */
  async keysFor(subjects: readonly string[], category: string): Promise<Map<string, DataKey>> {
    const out = new Map<string, DataKey>();
    const missing: string[] = [];
    for (const s of new Set(subjects)) {
      const hit = this.cache.get(`${s}|${category}`);
      if (hit) {
        // Refresh its place in the LRU order.
        this.cache.delete(`${s}|${category}`);
        this.cache.set(`${s}|${category}`, hit);
        out.set(s, hit);
      } else missing.push(s);
    }
    if (missing.length === 0) return out;
    const rows = await this.database.query<Row>(
      'select subject_id, category, wrapped from subject_key where category = $1 and subject_id = any($2::uuid[])',
      [category, missing],
    );
    const found = new Map(rows.map((r) => [String(r.subject_id), r.wrapped]));
    for (const s of missing) {
      let wrapped = found.get(s);
      if (!wrapped) {
        const fresh = randomBytes(32);
        const sealed = this.envelope.seal(fresh, this.ctx(s, category));
        fresh.fill(0);
        // Two replicas creating the same key at once: the first insert wins, both read it back.
        await this.database.query(
          'insert into subject_key (subject_id, category, wrapped) values ($1, $2, $3) on conflict do nothing',
          [s, category, sealed],
        );
        const [row] = await this.database.query<Row>(
          'select subject_id, category, wrapped from subject_key where subject_id = $1 and category = $2',
          [s, category],
        );
        wrapped = row!.wrapped;
      }
      const key = new DataKey(s, category, this.envelope.open(wrapped, this.ctx(s, category)));
      this.remember(`${s}|${category}`, key);
      out.set(s, key);
    }
    return out;
  }

  async keyFor(subject: string, category: string): Promise<DataKey> {
    return (await this.keysFor([subject], category)).get(subject)!;
  }

  /**
   * A blind index of `value` for equality search over sealed values: a truncated HMAC-SHA-256
   * under the index key of `purpose` (hex, 32 digits). The caller normalises the value first.
   */
  async blindIndex(purpose: string, value: string): Promise<string> {
    let key = this.indexKeys.get(purpose);
    if (!key) {
      // A random key of its own (the nil subject's data key of category `index:<purpose>`), so
      // the index stays stable across master-key rotation (only its wrapping changes).
      key = (await this.keyFor(NIL, `index:${purpose}`)).derive(`blind-index:${purpose}`);
      this.indexKeys.set(purpose, key);
    }
    return createHmac('sha256', key).update(value, 'utf8').digest('hex').slice(0, 32);
  }

  /** Forgets unwrapped keys (tests; after a rotation). */
  clearCache(): void {
    this.cache.clear();
    this.indexKeys.clear();
  }

  /** Re-wraps every data key still wrapped under an older master key; returns how many. */
  async rewrapAll(batch = 500): Promise<number> {
    let done = 0;
    let after = { subject: NIL, category: '' };
    for (;;) {
      const rows = await this.database.query<Row>(
        `select subject_id, category, wrapped from subject_key
          where (subject_id, category) > ($1::uuid, $2) order by subject_id, category limit $3`,
        [after.subject, after.category, batch],
      );
      if (rows.length === 0) return done;
      for (const r of rows) {
        const subject = String(r.subject_id);
        if (!this.envelope.needsRewrap(r.wrapped)) continue;
        const next = this.envelope.rewrap(r.wrapped, this.ctx(subject, r.category));
        const changed = await this.database.query(
          'update subject_key set wrapped = $3, rewrapped_at = now() where subject_id = $1 and category = $2 and wrapped = $4 returning 1',
          [subject, r.category, next, r.wrapped],
        );
        done += changed.length;
      }
      const last = rows[rows.length - 1]!;
      after = { subject: String(last.subject_id), category: last.category };
    }
  }

  /** Deletes a subject's data key of a category (crypto-shredding); returns whether one existed. */
  async shred(subject: string, category: string): Promise<boolean> {
    this.cache.delete(`${subject}|${category}`);
    const rows = await this.database.query(
      'delete from subject_key where subject_id = $1 and category = $2 returning 1',
      [subject, category],
    );
    return rows.length > 0;
  }

  private remember(k: string, key: DataKey): void {
    this.cache.set(k, key);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }
}
