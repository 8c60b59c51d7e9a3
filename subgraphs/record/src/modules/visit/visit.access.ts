import { appError, ErrorCode } from '@medikamente/runtime';
import { DENIED, effectForField } from '@medikamente/schema';
import type { RecordContext } from '../../context';
import type { VersionRecord } from './visit.types';

/**
 * Whether the caller may read the clinical content of a patient's record (HEALTH without tags):
 * a patient their own, a doctor in care or by break-glass. Throws FORBIDDEN otherwise — the
 * doctor's workplace offers break-glass on that code. Reception (existence only) passes with
 * `existenceOnly`.
 */
export async function requireRecordAccess(
  ctx: RecordContext,
  patientId: string,
  opts: { existenceOnly?: boolean } = {},
): Promise<void> {
  const decisions = await ctx.access.decide(patientId, null);
  const health = decisions.get('HEALTH') ?? DENIED;
  const content = effectForField(health, undefined);
  if (content !== 'denied') return;
  if (opts.existenceOnly && effectForField(health, ['appointmentSummary']) !== 'denied') return;
  throw appError(ErrorCode.FORBIDDEN, 'Нет доступа к медкарте пациента', {
    breakGlassAvailable: ctx.principal.role === 'doctor',
  });
}

/**
 * What the caller may see of a patient's record and why: FULL (own record, care relationship,
 * break-glass), SUMMARY (that visits exist: reception) or NONE — with whether break-glass
 * would open it (a doctor) and until when an active break-glass lasts.
 */
export async function recordAccessOf(ctx: RecordContext, patientId: string) {
  const decisions = await ctx.access.decide(patientId, null);
  const health = decisions.get('HEALTH') ?? DENIED;
  const level =
    effectForField(health, undefined) !== 'denied'
      ? 'FULL'
      : effectForField(health, ['appointmentSummary']) !== 'denied'
        ? 'SUMMARY'
        : 'NONE';
  const doctor = ctx.principal.role === 'doctor' ? ctx.principal.subject : null;
  const until = doctor ? await ctx.stores.breakGlass.activeUntil(doctor, patientId) : null;
  return {
    patientId,
    level,
    breakGlassAvailable: doctor !== null && level === 'NONE',
    breakGlassUntil: until?.toISOString() ?? null,
  } as const;
}

/** Versions as the caller may see them: a patient never sees entered-in-error ones. */
export const visibleVersions = (ctx: RecordContext, versions: VersionRecord[]): VersionRecord[] =>
  ctx.principal.role === 'patient' ? versions.filter((v) => v.status !== 'ENTERED_IN_ERROR') : versions;

/** The version the record shows: the newest one; for a patient none when it was entered in error. */
export function currentVersion(ctx: RecordContext, versions: VersionRecord[]): VersionRecord | null {
  const newest = versions[versions.length - 1] ?? null;
  if (!newest) return null;
  if (ctx.principal.role === 'patient' && newest.status === 'ENTERED_IN_ERROR') return null;
  return newest;
}
