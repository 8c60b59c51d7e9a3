import { createHmac, randomUUID } from 'node:crypto';
import type { Database, DataKey, SubjectKeyring } from '@medikamente/runtime';
import { DIAGNOSIS_INDEX, HEALTH_KEYS } from '../keys/keys';
import type { VisitContent } from './visit.content';
import type { AddendumRecord, DraftRecord, VersionRecord, VersionStatus, VisitRecord } from './visit.types';

type VisitRow = {
  id: string;
  patient_id: string;
  appointment_id: string | null;
  doctor_account_id: string;
  specialist_id: string | null;
  branch_id: string | null;
  started_at: Date | string;
  status: 'OPEN' | 'SIGNED';
};
type DraftRow = {
  id: string;
  visit_id: string;
  patient_id: string;
  author_account_id: string;
  kind: 'ORIGINAL' | 'CORRECTION';
  replaces_version_id: string | null;
  revision: number;
  updated_at: Date | string;
  content_sealed: string;
};
type VersionRow = {
  id: string;
  visit_id: string;
  patient_id: string;
  number: number;
  status: VersionStatus;
  replaces_version_id: string | null;
  reason_sealed: string | null;
  content_sealed: string;
  content_hash: string;
  signed_by: string;
  signed_at: Date | string;
  signature_method: string;
  signature: string;
};
type AddendumRow = {
  id: string;
  visit_id: string;
  patient_id: string;
  text_sealed: string;
  content_hash: string;
  signed_by: string;
  signed_at: Date | string;
};

const toVisit = (r: VisitRow): VisitRecord => ({
  id: String(r.id),
  patientId: String(r.patient_id),
  appointmentId: r.appointment_id ? String(r.appointment_id) : null,
  doctorAccountId: r.doctor_account_id,
  specialistId: r.specialist_id ? String(r.specialist_id) : null,
  branchId: r.branch_id ? String(r.branch_id) : null,
  startedAt: new Date(r.started_at),
  status: r.status,
});

/** Where each sealed column lives (bound into its ciphertext). */
const at = (table: string, column: string, row: string) => ({ table, column, row });

/**
 * Visits, drafts, signed versions and addenda: all SQL of the visit module. Clinical text is
 * sealed under the patient's data key before it is written and opened after it is read; the
 * database sees ciphertext only (and, for diagnosis codes, a blind index).
 */
export class VisitStore {
  constructor(
    private readonly database: Database,
    private readonly keyring: SubjectKeyring,
  ) {}

  private keys(patientIds: readonly string[]): Promise<Map<string, DataKey>> {
    return this.keyring.keysFor(patientIds, HEALTH_KEYS);
  }

  /**
   * A digest of a request's clinical text for the idempotency table, keyed by the patient's data
   * key: a bare hash would let anyone holding the database confirm a guessed text.
   */
  async requestDigest(patientId: string, text: string): Promise<string> {
    const key = (await this.keys([patientId])).get(patientId)!;
    return createHmac('sha256', key.derive('idempotency-request')).update(text, 'utf8').digest('hex');
  }

  // ---- visits -------------------------------------------------------------------------------

  async visitsByIds(ids: readonly string[]): Promise<Map<string, VisitRecord>> {
    const rows = await this.database.query<VisitRow>('select * from visit where id = any($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [String(r.id), toVisit(r)]));
  }

  async visitByAppointment(appointmentId: string): Promise<VisitRecord | null> {
    const [row] = await this.database.query<VisitRow>('select * from visit where appointment_id = $1', [
      appointmentId,
    ]);
    return row ? toVisit(row) : null;
  }

  /** A patient's visits, newest first; `signedOnly` for the patient's own view. */
  async visitsOfPatient(
    patientId: string,
    opts: { signedOnly?: boolean; limit?: number } = {},
  ): Promise<VisitRecord[]> {
    const rows = await this.database.query<VisitRow>(
      `select * from visit where patient_id = $1 ${opts.signedOnly ? "and status = 'SIGNED'" : ''}
        order by started_at desc, id limit $2`,
      [patientId, opts.limit ?? 200],
    );
    return rows.map(toVisit);
  }

  /**
   * Opens a visit (idempotent per appointment: the check-in event and a doctor opening it meet on
   * the same row). Returns the visit and whether this call created it.
   */
  async openVisit(
    v: Omit<VisitRecord, 'id' | 'status'> & { id?: string },
  ): Promise<{ visit: VisitRecord; created: boolean }> {
    const id = v.id ?? randomUUID();
    const rows = await this.database.query<VisitRow>(
      `insert into visit (id, patient_id, appointment_id, doctor_account_id, specialist_id, branch_id, started_at)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (appointment_id) do nothing returning *`,
      [
        id,
        v.patientId,
        v.appointmentId,
        v.doctorAccountId,
        v.specialistId,
        v.branchId,
        v.startedAt.toISOString(),
      ],
    );
    if (rows[0]) return { visit: toVisit(rows[0]), created: true };
    return { visit: (await this.visitByAppointment(v.appointmentId!))!, created: false };
  }

  async markSigned(visitId: string): Promise<void> {
    await this.database.query("update visit set status = 'SIGNED' where id = $1", [visitId]);
  }

  // ---- drafts -------------------------------------------------------------------------------

  private async openDrafts(rows: DraftRow[]): Promise<DraftRecord[]> {
    const keys = await this.keys(rows.map((r) => String(r.patient_id)));
    return rows.map((r) => ({
      id: String(r.id),
      visitId: String(r.visit_id),
      patientId: String(r.patient_id),
      authorAccountId: r.author_account_id,
      kind: r.kind,
      replacesVersionId: r.replaces_version_id ? String(r.replaces_version_id) : null,
      revision: Number(r.revision),
      updatedAt: new Date(r.updated_at),
      content: JSON.parse(
        keys
          .get(String(r.patient_id))!
          .openText(r.content_sealed, at('visit_draft', 'content', String(r.id))),
      ) as VisitContent,
    }));
  }

  async draftsByIds(ids: readonly string[]): Promise<Map<string, DraftRecord>> {
    const rows = await this.database.query<DraftRow>('select * from visit_draft where id = any($1::uuid[])', [
      ids,
    ]);
    return new Map((await this.openDrafts(rows)).map((d) => [d.id, d]));
  }

  async draftOf(visitId: string, authorAccountId: string): Promise<DraftRecord | null> {
    const rows = await this.database.query<DraftRow>(
      'select * from visit_draft where visit_id = $1 and author_account_id = $2',
      [visitId, authorAccountId],
    );
    return (await this.openDrafts(rows))[0] ?? null;
  }

  /** Which of `draftIds` the caller wrote, with their patients (the `author` condition's source). */
  async authoredBy(accountId: string, draftIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.database.query<{ id: string; patient_id: string }>(
      'select id, patient_id from visit_draft where author_account_id = $1 and id = any($2::uuid[])',
      [accountId, draftIds],
    );
    return new Map(rows.map((r) => [String(r.id), String(r.patient_id)]));
  }

  /**
   * Creates or replaces the author's draft. With `expectedRevision` the write applies only to
   * that revision (autosave from two windows: the older one is refused); returns null then.
   */
  async saveDraft(d: {
    visit: VisitRecord;
    authorAccountId: string;
    kind: 'ORIGINAL' | 'CORRECTION';
    replacesVersionId: string | null;
    content: VisitContent;
    expectedRevision: number | null;
  }): Promise<DraftRecord | null> {
    const key = (await this.keys([d.visit.patientId])).get(d.visit.patientId)!;
    const existing = await this.database.query<{ id: string; revision: number }>(
      'select id, revision from visit_draft where visit_id = $1 and author_account_id = $2',
      [d.visit.id, d.authorAccountId],
    );
    const id = existing[0] ? String(existing[0].id) : randomUUID();
    const sealed = key.seal(JSON.stringify(d.content), at('visit_draft', 'content', id));
    let rows: DraftRow[];
    if (existing[0]) {
      rows = await this.database.query<DraftRow>(
        `update visit_draft set content_sealed = $2, revision = revision + 1, updated_at = now()
          where id = $1 and ($3::int is null or revision = $3) returning *`,
        [id, sealed, d.expectedRevision],
      );
    } else {
      if (d.expectedRevision !== null && d.expectedRevision !== 0) return null;
      rows = await this.database.query<DraftRow>(
        `insert into visit_draft (id, visit_id, patient_id, author_account_id, kind, replaces_version_id, content_sealed)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (visit_id, author_account_id) do nothing returning *`,
        [id, d.visit.id, d.visit.patientId, d.authorAccountId, d.kind, d.replacesVersionId, sealed],
      );
    }
    return rows[0] ? ((await this.openDrafts(rows))[0] ?? null) : null;
  }

  async deleteDraft(id: string): Promise<void> {
    await this.database.query('delete from visit_draft where id = $1', [id]);
  }

  // ---- versions -----------------------------------------------------------------------------

  private async openVersions(rows: VersionRow[]): Promise<VersionRecord[]> {
    const keys = await this.keys(rows.map((r) => String(r.patient_id)));
    return rows.map((r) => {
      const id = String(r.id);
      const key = keys.get(String(r.patient_id))!;
      return {
        id,
        visitId: String(r.visit_id),
        patientId: String(r.patient_id),
        number: Number(r.number),
        status: r.status,
        replacesVersionId: r.replaces_version_id ? String(r.replaces_version_id) : null,
        reason: r.reason_sealed ? key.openText(r.reason_sealed, at('visit_version', 'reason', id)) : null,
        contentHash: r.content_hash,
        signedBy: r.signed_by,
        signedAt: new Date(r.signed_at),
        signatureMethod: r.signature_method,
        signature: r.signature,
        content: JSON.parse(
          key.openText(r.content_sealed, at('visit_version', 'content', id)),
        ) as VisitContent,
      };
    });
  }

  async versionsByIds(ids: readonly string[]): Promise<Map<string, VersionRecord>> {
    const rows = await this.database.query<VersionRow>(
      'select * from visit_version where id = any($1::uuid[])',
      [ids],
    );
    return new Map((await this.openVersions(rows)).map((v) => [v.id, v]));
  }

  /** Every version of the visits, oldest first per visit. */
  async versionsOfVisits(visitIds: readonly string[]): Promise<Map<string, VersionRecord[]>> {
    const rows = await this.database.query<VersionRow>(
      'select * from visit_version where visit_id = any($1::uuid[]) order by visit_id, number',
      [visitIds],
    );
    const out = new Map<string, VersionRecord[]>(visitIds.map((id) => [id, []]));
    for (const v of await this.openVersions(rows)) out.get(v.visitId)?.push(v);
    return out;
  }

  /** Inserts a signed version (frozen by the database from here on) and its diagnosis index. */
  async insertVersion(v: Omit<VersionRecord, 'id'> & { id?: string }): Promise<VersionRecord> {
    const id = v.id ?? randomUUID();
    const key = (await this.keys([v.patientId])).get(v.patientId)!;
    const [row] = await this.database.query<VersionRow>(
      `insert into visit_version (id, visit_id, patient_id, number, status, replaces_version_id, reason_sealed,
         content_sealed, content_hash, signed_by, signed_at, signature_method, signature)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning *`,
      [
        id,
        v.visitId,
        v.patientId,
        v.number,
        v.status,
        v.replacesVersionId,
        v.reason === null ? null : key.seal(v.reason, at('visit_version', 'reason', id)),
        key.seal(JSON.stringify(v.content), at('visit_version', 'content', id)),
        v.contentHash,
        v.signedBy,
        v.signedAt.toISOString(),
        v.signatureMethod,
        v.signature,
      ],
    );
    const codes = [...new Set(v.content.diagnoses.map((d) => d.code))];
    for (const code of codes)
      await this.database.query(
        'insert into diagnosis_index (version_id, patient_id, code_index) values ($1, $2, $3)',
        [id, v.patientId, await this.keyring.blindIndex(DIAGNOSIS_INDEX, code)],
      );
    return (await this.openVersions([row!]))[0]!;
  }

  /**
   * Patients (of `patientIds`, or all) whose *current* version of some visit has the diagnosis
   * `code` — an equality search through the blind index, nothing decrypted.
   */
  async patientsWithDiagnosis(code: string, patientIds?: readonly string[]): Promise<string[]> {
    const index = await this.keyring.blindIndex(DIAGNOSIS_INDEX, code);
    const rows = await this.database.query<{ patient_id: string }>(
      `select distinct d.patient_id from diagnosis_index d
         join visit_version v on v.id = d.version_id
        where d.code_index = $1 and v.status <> 'ENTERED_IN_ERROR'
          and v.number = (select max(number) from visit_version w where w.visit_id = v.visit_id)
          and ($2::uuid[] is null or d.patient_id = any($2::uuid[]))`,
      [index, patientIds ?? null],
    );
    return rows.map((r) => String(r.patient_id));
  }

  // ---- addenda ------------------------------------------------------------------------------

  async addendaOfVisits(visitIds: readonly string[]): Promise<Map<string, AddendumRecord[]>> {
    const rows = await this.database.query<AddendumRow>(
      'select * from visit_addendum where visit_id = any($1::uuid[]) order by signed_at, id',
      [visitIds],
    );
    const keys = await this.keys(rows.map((r) => String(r.patient_id)));
    const out = new Map<string, AddendumRecord[]>(visitIds.map((id) => [id, []]));
    for (const r of rows) {
      const id = String(r.id);
      out.get(String(r.visit_id))?.push({
        id,
        visitId: String(r.visit_id),
        patientId: String(r.patient_id),
        text: keys.get(String(r.patient_id))!.openText(r.text_sealed, at('visit_addendum', 'text', id)),
        contentHash: r.content_hash,
        signedBy: r.signed_by,
        signedAt: new Date(r.signed_at),
      });
    }
    return out;
  }

  async insertAddendum(
    a: Omit<AddendumRecord, 'id'> & { id: string; signatureMethod: string; signature: string },
  ): Promise<AddendumRecord> {
    const key = (await this.keys([a.patientId])).get(a.patientId)!;
    await this.database.query(
      `insert into visit_addendum (id, visit_id, patient_id, text_sealed, content_hash, signed_by, signed_at, signature_method, signature)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        a.id,
        a.visitId,
        a.patientId,
        key.seal(a.text, at('visit_addendum', 'text', a.id)),
        a.contentHash,
        a.signedBy,
        a.signedAt.toISOString(),
        a.signatureMethod,
        a.signature,
      ],
    );
    return {
      id: a.id,
      visitId: a.visitId,
      patientId: a.patientId,
      text: a.text,
      contentHash: a.contentHash,
      signedBy: a.signedBy,
      signedAt: a.signedAt,
    };
  }

  async addendumById(id: string): Promise<AddendumRecord | null> {
    const [row] = await this.database.query<{ visit_id: string }>(
      'select visit_id from visit_addendum where id = $1',
      [id],
    );
    if (!row) return null;
    const all = (await this.addendaOfVisits([String(row.visit_id)])).get(String(row.visit_id)) ?? [];
    return all.find((a) => a.id === id) ?? null;
  }
}
