import type { RecordContext } from '../../context';
import { buildPatientRecordBundle, type ExportVisit } from '../fhir';
import { currentVersion, visibleVersions } from '../visit/visit.access';
import { documentContent } from './export.content';

/** A patient's record exported for one caller (the mapper of RecordExport). */
export type RecordExportRecord = { patientId: string; bundle: string; generatedAt: Date };

/** More visits than any outpatient record holds; the export is never silently cut. */
const MAX_VISITS = 10_000;

/**
 * The patient's signed record as the caller may read it, mapped to a FHIR R4 Bundle: a patient
 * gets what the record shows them (visits whose note stands, without entered-in-error versions), a
 * doctor every signed visit and version (the mapper marks retracted notes). Visits still being
 * written and drafts are never exported. The caller has been authorised for the patient's HEALTH.
 */
export async function recordExportOf(ctx: RecordContext, patientId: string): Promise<RecordExportRecord> {
  const patient = ctx.principal.role === 'patient';
  const visits = await ctx.stores.visits.visitsOfPatient(patientId, { signedOnly: true, limit: MAX_VISITS });
  const ids = visits.map((v) => v.id);
  const [versions, addenda, attachments] = await Promise.all([
    ctx.stores.visits.versionsOfVisits(ids),
    ctx.stores.visits.addendaOfVisits(ids),
    ctx.stores.attachments.ofVisits(ids),
  ]);
  const exported: ExportVisit[] = [];
  for (const v of visits) {
    let vs = versions.get(v.id) ?? [];
    if (patient) {
      if (currentVersion(ctx, vs) === null) continue;
      vs = visibleVersions(ctx, vs);
    }
    exported.push({
      id: v.id,
      doctorAccountId: v.doctorAccountId,
      startedAt: v.startedAt,
      ...(v.appointmentId ? { appointmentId: v.appointmentId } : {}),
      ...(v.branchId ? { branchId: v.branchId } : {}),
      versions: vs.map((x) => ({
        id: x.id,
        number: x.number,
        status: x.status,
        signedAt: x.signedAt,
        signedBy: x.signedBy,
        contentHash: x.contentHash,
        ...(x.reason ? { reason: x.reason } : {}),
        ...(x.replacesVersionId ? { replacesVersionId: x.replacesVersionId } : {}),
        content: documentContent(x.content),
      })),
      addenda: (addenda.get(v.id) ?? []).map((a) => ({
        id: a.id,
        text: a.text,
        signedAt: a.signedAt,
        signedBy: a.signedBy,
      })),
      attachments: (attachments.get(v.id) ?? []).map((a) => ({
        id: a.id,
        fileName: a.fileName,
        contentType: a.contentType,
        size: a.size,
        sha256: a.sha256,
        createdAt: a.createdAt,
      })),
    });
  }
  const generatedAt = asOf(exported) ?? new Date();
  const bundle = buildPatientRecordBundle({ generatedAt, patient: { id: patientId }, visits: exported });
  return { patientId, bundle: JSON.stringify(bundle), generatedAt };
}

/** The newest instant of the exported record (so the same record gives the same Bundle). */
function asOf(visits: ExportVisit[]): Date | null {
  let newest = -Infinity;
  for (const v of visits)
    for (const t of [
      v.startedAt,
      ...v.versions.map((x) => x.signedAt),
      ...v.addenda.map((a) => a.signedAt),
      ...v.attachments.map((a) => a.createdAt),
    ])
      newest = Math.max(newest, t.getTime());
  return Number.isFinite(newest) ? new Date(newest) : null;
}
