import { randomUUID } from 'node:crypto';
import {
  type Database,
  IdempotencyMismatchError,
  IdempotencyStore,
  type Principal,
} from '@medikamente/runtime';

export type EntryRecord = {
  id: string;
  patientId: string;
  authorAccountId: string;
  text: string;
  createdAt: Date;
};

type Row = {
  id: string;
  patient_id: string;
  author_account_id: string;
  text: string;
  created_at: Date | string;
};
const toRecord = (r: Row): EntryRecord => ({
  id: String(r.id),
  patientId: String(r.patient_id),
  authorAccountId: r.author_account_id,
  text: r.text,
  createdAt: new Date(r.created_at),
});

/** Entries: all SQL of the module. */
export class EntryStore {
  private readonly idempotency: IdempotencyStore;
  constructor(private readonly database: Database) {
    this.idempotency = new IdempotencyStore(database);
  }

  async byIds(ids: readonly string[]): Promise<Map<string, EntryRecord>> {
    const rows = await this.database.query<Row>('select * from entry where id = any($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [String(r.id), toRecord(r)]));
  }

  async forPatient(patientId: string): Promise<EntryRecord[]> {
    const rows = await this.database.query<Row>(
      'select * from entry where patient_id = $1 order by created_at desc, id',
      [patientId],
    );
    return rows.map(toRecord);
  }

  /** Adds an entry; the same idempotency key and request returns the first entry, another request throws. */
  async add(
    input: { patientId: string; text: string },
    by: { principal: Pick<Principal, 'kind' | 'subject'>; accountId: string; idempotencyKey: string },
  ): Promise<EntryRecord> {
    return this.database.tx(async () => {
      const id = randomUUID();
      const claim = await this.idempotency.claim({
        principal: by.principal,
        key: by.idempotencyKey,
        operation: 'addEntry',
        request: input,
        result: { id },
      });
      if (claim.status === 'mismatch') throw new IdempotencyMismatchError('input.idempotencyKey');
      if (claim.status === 'replayed') return (await this.byIds([claim.result.id])).get(claim.result.id)!;
      const [row] = await this.database.query<Row>(
        'insert into entry (id, patient_id, author_account_id, text) values ($1, $2, $3, $4) returning *',
        [id, input.patientId, by.accountId, input.text],
      );
      return toRecord(row!);
    });
  }
}
