/**
 * The unencrypted control of `pnpm bench:record`: a keyring whose data keys store values as they
 * are (identity codec) — no key look-up or unwrap, no AES-GCM, no additional data, no base64.
 * Everything else in the record subgraph (SQL, JSON, policy, audit, GraphQL) runs unchanged, so
 * encrypted / control is the cost of the encryption. Benchmarks only: the service refuses it in
 * production (`unsafeKeyring`), and nothing outside scripts/ imports this file.
 */
import {
  type Database,
  DataKey,
  Envelope,
  generateMasterKey,
  type SealContext,
  SubjectKeyring,
} from '@medikamente/runtime';

type Ctx = Omit<SealContext, 'subject'>;

class PlainDataKey extends DataKey {
  override seal(plaintext: string | Uint8Array, _ctx: Ctx): string {
    return typeof plaintext === 'string' ? plaintext : Buffer.from(plaintext).toString('utf8');
  }
  override sealBytes(bytes: Uint8Array, _ctx: Ctx): Buffer {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  override open(sealed: string, _ctx: Ctx): Buffer {
    return Buffer.from(sealed, 'utf8');
  }
  override openText(sealed: string, _ctx: Ctx): string {
    return sealed;
  }
  override openBytes(sealed: Uint8Array, _ctx: Ctx): Buffer {
    return Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  }
}

/** Identity "keys" for every subject (the blind index and derived keys still work, on a zero key). */
export class PlainKeyring extends SubjectKeyring {
  constructor(database: Database) {
    // Never used to wrap anything: keysFor below does not read the keys table.
    super(database, Envelope.fromBase64(generateMasterKey()));
  }

  override async keysFor(subjects: readonly string[], category: string): Promise<Map<string, DataKey>> {
    return new Map([...new Set(subjects)].map((s) => [s, new PlainDataKey(s, category, Buffer.alloc(32))]));
  }
}
