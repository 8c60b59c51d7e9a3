import type { Database } from '@medikamente/runtime';
import type { ExportKind } from './onec-documents';
import type { OneCMapEntry, OneCMapStore } from './onec-export';

type Row = {
  kind: ExportKind;
  our_id: string;
  ref_key: string | null;
  status: 'exported' | 'failed';
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | string | null;
  exported_at: Date | string | null;
};

const date = (v: Date | string | null) => (v == null ? null : new Date(v));
const toEntry = (r: Row): OneCMapEntry => ({
  kind: r.kind,
  ourId: r.our_id,
  refKey: r.ref_key == null ? null : String(r.ref_key),
  status: r.status,
  attempts: Number(r.attempts),
  lastError: r.last_error,
  nextAttemptAt: date(r.next_attempt_at),
  exportedAt: date(r.exported_at),
});

/** The 1C export map (table `onec_export`): all SQL of it. */
export class OneCExportStore implements OneCMapStore {
  constructor(private readonly database: Database) {}

  async get(kind: ExportKind, ourId: string): Promise<OneCMapEntry | null> {
    const [row] = await this.database.query<Row>(
      'select * from onec_export where kind = $1 and our_id = $2',
      [kind, ourId],
    );
    return row ? toEntry(row) : null;
  }

  async put(kind: ExportKind, ourId: string, refKey: string): Promise<void> {
    // An exported row is final (a trigger refuses changes): a second put keeps the first Ref_Key.
    await this.database.query(
      `insert into onec_export (kind, our_id, ref_key, status, exported_at)
       values ($1, $2, $3, 'exported', now())
       on conflict (kind, our_id) do update
         set ref_key = excluded.ref_key, status = 'exported', exported_at = now(),
             last_error = null, next_attempt_at = null, updated_at = now()
       where onec_export.status <> 'exported'`,
      [kind, ourId, refKey],
    );
  }

  async markFailed(kind: ExportKind, ourId: string, error: string, nextAttemptAt: Date): Promise<void> {
    await this.database.query(
      `insert into onec_export (kind, our_id, status, attempts, last_error, next_attempt_at)
       values ($1, $2, 'failed', 1, $3, $4)
       on conflict (kind, our_id) do update
         set attempts = onec_export.attempts + 1, last_error = excluded.last_error,
             next_attempt_at = excluded.next_attempt_at, updated_at = now()
       where onec_export.status <> 'exported'`,
      [kind, ourId, error.slice(0, 2000), nextAttemptAt],
    );
  }

  /** Records that failed so far, most overdue first: what the accountant sees. */
  async failures(limit = 100): Promise<OneCMapEntry[]> {
    const rows = await this.database.query<Row>(
      `select * from onec_export where status = 'failed' order by next_attempt_at, kind, our_id limit $1`,
      [limit],
    );
    return rows.map(toEntry);
  }
}
