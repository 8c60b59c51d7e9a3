import { DENIED, effectForField } from '@medikamente/schema';
import type { RecordContext } from '../../context';
import { currentVersion } from '../visit/visit.access';
import type { VersionRecord, VisitRecord } from '../visit/visit.types';

/**
 * Whether the caller may read a patient's clinical content now, decided by the same policy and
 * condition sources as the GraphQL layer (HEALTH without tags: the patient themselves, a doctor
 * in care or by break-glass), and the conditions that held — the audit's purpose.
 */
export async function healthAccess(
  ctx: RecordContext,
  patientId: string,
): Promise<{ allowed: boolean; purpose: string[] }> {
  const decisions = await ctx.access.decide(patientId, null);
  const allowed = effectForField(decisions.get('HEALTH') ?? DENIED, undefined) === 'full';
  return { allowed, purpose: allowed ? ctx.access.heldConditions(decisions) : [] };
}

/**
 * The visit's newest version when the caller may see the visit's content as the record shows it:
 * staff see every visit (the policy decided the patient already); a patient only a signed visit
 * whose current version is not entered in error. `undefined`: not shown to the caller.
 */
export async function shownVisit(
  ctx: RecordContext,
  visit: VisitRecord,
): Promise<{ current: VersionRecord | null } | undefined> {
  const versions = await ctx.loaders.versionsOfVisit.load(visit.id);
  if (ctx.principal.role !== 'patient') return { current: versions.at(-1) ?? null };
  if (visit.status !== 'SIGNED') return undefined;
  const current = currentVersion(ctx, versions);
  return current ? { current } : undefined;
}

/**
 * A version that may be printed: signed, not itself entered in error, of a visit whose note
 * stands (a retracted note is never printed as if it were valid) and that the caller is shown.
 */
export async function printableVersion(
  ctx: RecordContext,
  versionId: string,
): Promise<{ visit: VisitRecord; version: VersionRecord; current: boolean } | null> {
  const version = await ctx.loaders.version.load(versionId);
  if (!version || version.status === 'ENTERED_IN_ERROR') return null;
  const visit = await ctx.loaders.visit.load(version.visitId);
  if (!visit) return null;
  const shown = await shownVisit(ctx, visit);
  if (!shown?.current || shown.current.status === 'ENTERED_IN_ERROR') return null;
  return { visit, version, current: shown.current.id === version.id };
}

/**
 * Writes the audit event of a disclosure of a patient's clinical data (a file, the PDF, the FHIR
 * export) — the patient's own included: the data leaves the system. `purpose`: the conditions
 * that held (self, careRelationship, breakGlass).
 */
export function auditDisclosure(
  ctx: RecordContext,
  event: { patientId: string; operation: string; purpose: readonly string[] },
): Promise<void> {
  return ctx.stores.audit.append([
    {
      actorId: ctx.principal.subject ?? 'anonymous',
      actorRole: ctx.principal.role ?? 'anonymous',
      patientId: event.patientId,
      categories: ['HEALTH'],
      operation: event.operation,
      requestId: ctx.requestId,
      clientAddress: ctx.clientAddress,
      purpose: event.purpose.length ? [...event.purpose].sort().join(',') : null,
    },
  ]);
}
