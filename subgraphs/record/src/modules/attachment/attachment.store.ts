import type { Database, DataKey, SubjectKeyring } from '@medikamente/runtime';
import { HEALTH_KEYS } from '../keys/keys';
import type { StoredAttachment } from './attachment.types';

type Row = {
  id: string;
  visit_id: string;
  patient_id: string;
  file_name_sealed: string;
  content_type: string;
  size_bytes: number;
  sha256_sealed: string;
  storage_key: string;
  uploaded_by: string;
  created_at: Date | string;
};

/** Where each sealed value lives (bound into its ciphertext); `content` is the blob itself. */
export const attachmentAt = (column: 'file_name' | 'sha256' | 'content', id: string) => ({
  table: 'attachment',
  column,
  row: id,
});

/**
 * Attachment metadata: all SQL of the module. The file name and hash are sealed under the
 * patient's data key; the row is append-only (0001's trigger), so an attachment is never changed.
 */
export class AttachmentStore {
  constructor(
    private readonly database: Database,
    private readonly keyring: SubjectKeyring,
  ) {}

  private keys(patientIds: readonly string[]): Promise<Map<string, DataKey>> {
    return this.keyring.keysFor(patientIds, HEALTH_KEYS);
  }

  private async open(rows: Row[]): Promise<StoredAttachment[]> {
    const keys = await this.keys(rows.map((r) => String(r.patient_id)));
    return rows.map((r) => {
      const id = String(r.id);
      const key = keys.get(String(r.patient_id))!;
      return {
        id,
        visitId: String(r.visit_id),
        patientId: String(r.patient_id),
        fileName: key.openText(r.file_name_sealed, attachmentAt('file_name', id)),
        contentType: r.content_type,
        size: Number(r.size_bytes),
        sha256: key.openText(r.sha256_sealed, attachmentAt('sha256', id)),
        storageKey: r.storage_key,
        uploadedBy: r.uploaded_by,
        createdAt: new Date(r.created_at),
      };
    });
  }

  async byIds(ids: readonly string[]): Promise<Map<string, StoredAttachment>> {
    const rows = await this.database.query<Row>('select * from attachment where id = any($1::uuid[])', [ids]);
    return new Map((await this.open(rows)).map((a) => [a.id, a]));
  }

  /** The attachments of visits, oldest first per visit. */
  async ofVisits(visitIds: readonly string[]): Promise<Map<string, StoredAttachment[]>> {
    const rows = await this.database.query<Row>(
      'select * from attachment where visit_id = any($1::uuid[]) order by visit_id, created_at, id',
      [visitIds],
    );
    const out = new Map<string, StoredAttachment[]>(visitIds.map((id) => [id, []]));
    for (const a of await this.open(rows)) out.get(a.visitId)?.push(a);
    return out;
  }

  /** Whether an attachment with this id exists (an upload link is used once). */
  async exists(id: string): Promise<boolean> {
    const rows = await this.database.query('select 1 from attachment where id = $1', [id]);
    return rows.length > 0;
  }

  /** Records an uploaded file; false when the id is taken (the link was used meanwhile). */
  async insert(a: StoredAttachment): Promise<boolean> {
    const key = (await this.keys([a.patientId])).get(a.patientId)!;
    const rows = await this.database.query(
      `insert into attachment (id, visit_id, patient_id, file_name_sealed, content_type, size_bytes, sha256_sealed,
         storage_key, uploaded_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (id) do nothing returning id`,
      [
        a.id,
        a.visitId,
        a.patientId,
        key.seal(a.fileName, attachmentAt('file_name', a.id)),
        a.contentType,
        a.size,
        key.seal(a.sha256, attachmentAt('sha256', a.id)),
        a.storageKey,
        a.uploadedBy,
        a.createdAt.toISOString(),
      ],
    );
    return rows.length > 0;
  }
}
