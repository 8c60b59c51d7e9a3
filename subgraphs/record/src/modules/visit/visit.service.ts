import { type Database, ErrorCode, type Principal } from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import type { Signer } from '../signature/signature';
import { codesOf, contentHash, isEmptyContent, parseContent, type VisitContentInput } from './visit.content';
import type { VisitStore } from './visit.store';
import type { DraftRecord, VersionRecord, VisitRecord } from './visit.types';
import { type Fail, fail, Refusal, VersionWriter } from './visit.write';

export { expectedHash } from './visit.write';

/** Whether a doctor may read and write a patient's record now (care relationship or break-glass). */
export type RecordAccessCheck = (doctorAccountId: string, patientId: string) => Promise<boolean>;

/** ICD-10 titles of the codes that exist (and are active) in the directory. */
export type Icd10Lookup = (codes: readonly string[]) => Promise<Map<string, string>>;

/** The lifecycle of a visit note: open, autosaved draft, sign, correct, addendum, entered-in-error. */
export class VisitService {
  private readonly writer: VersionWriter;

  constructor(
    private readonly deps: {
      database: Database;
      visits: VisitStore;
      signer: Signer;
      canAccess: RecordAccessCheck;
      icd10: Icd10Lookup;
      isAppointmentOf: (doctor: string, patientId: string, appointmentId: string) => Promise<boolean>;
    },
  ) {
    this.writer = new VersionWriter(deps);
  }

  /** The visit, when the doctor may work on its patient's record; NOT_FOUND and FORBIDDEN otherwise. */
  private async visitFor(doctor: string, visitId: string): Promise<VisitRecord | Fail> {
    const visit = (await this.deps.visits.visitsByIds([visitId])).get(visitId);
    if (!visit) return fail('input.visitId', ErrorCode.NOT_FOUND, 'Приём не найден');
    if (!(await this.deps.canAccess(doctor, visit.patientId)))
      return fail('input.visitId', ErrorCode.FORBIDDEN, 'Нет доступа к медкарте пациента');
    return visit;
  }

  /** Opens a visit for a patient the doctor cares for (or an appointment's visit, once). */
  async open(
    doctor: string,
    input: { patientId: string; appointmentId: string | null; branchId: string | null },
  ): Promise<{ visit: VisitRecord } | Fail> {
    if (!(await this.deps.canAccess(doctor, input.patientId)))
      return fail('input.patientId', ErrorCode.FORBIDDEN, 'Нет доступа к медкарте пациента');
    if (input.appointmentId) {
      // Only an appointment the schedule reported for this doctor and patient (never an id the
      // caller makes up, which could take the visit of someone else's appointment).
      if (!(await this.deps.isAppointmentOf(doctor, input.patientId, input.appointmentId)))
        return fail('input.appointmentId', ErrorCode.NOT_FOUND, 'Запись на приём не найдена');
      const existing = await this.deps.visits.visitByAppointment(input.appointmentId);
      if (existing && existing.patientId !== input.patientId)
        return fail('input.appointmentId', ErrorCode.CONFLICT, 'Эта запись относится к другому пациенту');
      if (existing) return { visit: existing };
    }
    const { visit } = await this.deps.visits.openVisit({
      patientId: input.patientId,
      appointmentId: input.appointmentId,
      doctorAccountId: doctor,
      specialistId: null,
      branchId: input.branchId,
      startedAt: new Date(),
    });
    return { visit };
  }

  /** Autosave: creates or updates the caller's own draft of a visit. */
  async saveDraft(
    doctor: string,
    input: { visitId: string; content: VisitContentInput; expectedRevision: number | null },
  ): Promise<{ draft: DraftRecord } | Fail> {
    const visit = await this.visitFor(doctor, input.visitId);
    if ('inputErrors' in visit) return visit;
    const existing = await this.deps.visits.draftOf(visit.id, doctor);
    if (!existing && visit.status === 'SIGNED')
      return fail(
        'input.visitId',
        codes.VISIT_SIGNED,
        'Приём уже подписан; исправление оформляется новой версией',
      );
    const titles = await this.deps.icd10(codesOf(input.content));
    const { content, errors } = parseContent(input.content, titles);
    if (errors.length) return { inputErrors: errors };
    const draft = await this.deps.visits.saveDraft({
      visit,
      authorAccountId: doctor,
      kind: existing?.kind ?? 'ORIGINAL',
      replacesVersionId: existing?.replacesVersionId ?? null,
      content,
      expectedRevision: input.expectedRevision,
    });
    if (!draft)
      return fail(
        'input.expectedRevision',
        codes.DRAFT_STALE,
        'Черновик изменён в другом окне; обновите страницу',
      );
    return { draft };
  }

  /** Starts a correction of a signed visit: the caller's draft, prefilled with the current version. */
  async startCorrection(doctor: string, visitId: string): Promise<{ draft: DraftRecord } | Fail> {
    const visit = await this.visitFor(doctor, visitId);
    if ('inputErrors' in visit) return visit;
    const current = await this.current(visit.id);
    if (!current) return fail('input.visitId', codes.VISIT_NOT_SIGNED, 'Приём ещё не подписан');
    // Entered-in-error is final: the mistaken content is kept, never signed again (document anew).
    if (current.status === 'ENTERED_IN_ERROR')
      return fail('input.visitId', ErrorCode.CONFLICT, 'Приём отмечен как ошибочный; оформите новый приём');
    const existing = await this.deps.visits.draftOf(visit.id, doctor);
    if (existing) return { draft: existing };
    const draft = await this.deps.visits.saveDraft({
      visit,
      authorAccountId: doctor,
      kind: 'CORRECTION',
      replacesVersionId: current.id,
      content: current.content,
      expectedRevision: null,
    });
    return { draft: draft! };
  }

  async discardDraft(doctor: string, visitId: string): Promise<{ visit: VisitRecord } | Fail> {
    const visit = await this.visitFor(doctor, visitId);
    if ('inputErrors' in visit) return visit;
    const draft = await this.deps.visits.draftOf(visit.id, doctor);
    if (!draft) return fail('input.visitId', codes.DRAFT_NOT_FOUND, 'Черновика нет');
    await this.deps.visits.deleteDraft(draft.id);
    return { visit };
  }

  /** The visit's newest signed version (what the record shows), or null before signing. */
  async current(visitId: string): Promise<VersionRecord | null> {
    const versions = (await this.deps.visits.versionsOfVisits([visitId])).get(visitId) ?? [];
    return versions[versions.length - 1] ?? null;
  }

  /**
   * Signs the caller's own draft: the first version (FINAL), or a correction (AMENDED, with its
   * reason, replacing the version it started from). Idempotent by key.
   */
  async sign(
    principal: Principal,
    input: { visitId: string; reason: string | null; idempotencyKey: string },
  ): Promise<{ version: VersionRecord } | Fail> {
    const doctor = principal.subject!;
    const visit = await this.visitFor(doctor, input.visitId);
    if ('inputErrors' in visit) return visit;
    const claim = {
      operation: 'signVisit',
      key: input.idempotencyKey,
      request: {
        visitId: input.visitId,
        reason: input.reason === null ? null : await this.digest(visit, input.reason),
      },
    };
    return this.writer.once(
      principal,
      claim,
      (id) => this.writer.replayVersion(id),
      async (id, q) => {
        // One signer at a time per visit: numbering and "replaces" are decided under this lock.
        await q('select id from visit where id = $1 for update', [visit.id]);
        const draft = await this.deps.visits.draftOf(visit.id, doctor);
        if (!draft)
          throw new Refusal(
            fail(
              'input.visitId',
              codes.DRAFT_NOT_FOUND,
              'Черновика нет: подписать можно только свой черновик',
            ),
          );
        const versions = (await this.deps.visits.versionsOfVisits([visit.id])).get(visit.id) ?? [];
        const current = versions[versions.length - 1] ?? null;
        if (isEmptyContent(draft.content))
          throw new Refusal(fail('input.visitId', codes.DRAFT_EMPTY, 'Черновик пуст'));
        if (!draft.content.diagnoses.some((d) => d.kind === 'PRIMARY'))
          throw new Refusal(
            fail('input.visitId', codes.PRIMARY_DIAGNOSIS_REQUIRED, 'Укажите основной диагноз'),
          );
        let status: VersionRecord['status'] = 'FINAL';
        let reason: string | null = null;
        if (draft.kind === 'ORIGINAL') {
          if (current)
            throw new Refusal(
              fail(
                'input.visitId',
                codes.VISIT_SIGNED,
                'Приём уже подписан; исправление оформляется новой версией',
              ),
            );
        } else {
          if (!current || current.id !== draft.replacesVersionId || current.status === 'ENTERED_IN_ERROR')
            throw new Refusal(
              fail(
                'input.visitId',
                codes.DRAFT_STALE,
                'Приём исправлен другим врачом; начните исправление заново',
              ),
            );
          reason = input.reason?.trim() || null;
          if (!reason || reason.length < 5)
            throw new Refusal(fail('input.reason', codes.REASON_REQUIRED, 'Укажите причину исправления'));
          status = 'AMENDED';
        }
        const version = await this.writer.writeVersion(q, visit, {
          id,
          number: (current?.number ?? 0) + 1,
          status,
          replacesVersionId: current?.id ?? null,
          reason,
          content: draft.content,
          signedBy: doctor,
        });
        await this.deps.visits.deleteDraft(draft.id);
        return { version };
      },
    );
  }

  /** Marks the visit's current version entered-in-error: kept, hidden from the patient. */
  async enteredInError(
    principal: Principal,
    input: { visitId: string; reason: string; idempotencyKey: string },
  ): Promise<{ version: VersionRecord } | Fail> {
    const doctor = principal.subject!;
    const visit = await this.visitFor(doctor, input.visitId);
    if ('inputErrors' in visit) return visit;
    const reason = input.reason.trim();
    if (reason.length < 5) return fail('input.reason', codes.REASON_REQUIRED, 'Укажите причину');
    const claim = {
      operation: 'markVisitEnteredInError',
      key: input.idempotencyKey,
      request: { visitId: input.visitId, reason: await this.digest(visit, reason) },
    };
    return this.writer.once(
      principal,
      claim,
      (id) => this.writer.replayVersion(id),
      async (id, q) => {
        await q('select id from visit where id = $1 for update', [visit.id]);
        const current = await this.current(visit.id);
        if (!current)
          throw new Refusal(fail('input.visitId', codes.VISIT_NOT_SIGNED, 'Приём ещё не подписан'));
        if (current.status === 'ENTERED_IN_ERROR')
          throw new Refusal(fail('input.visitId', ErrorCode.CONFLICT, 'Приём уже отмечен как ошибочный'));
        const version = await this.writer.writeVersion(q, visit, {
          id,
          number: current.number + 1,
          status: 'ENTERED_IN_ERROR',
          replacesVersionId: current.id,
          reason,
          content: current.content,
          signedBy: doctor,
        });
        return { version };
      },
    );
  }

  /** Appends a signed addendum to a signed visit. */
  async addAddendum(
    principal: Principal,
    input: { visitId: string; text: string; idempotencyKey: string },
  ): Promise<{ visit: VisitRecord } | Fail> {
    const doctor = principal.subject!;
    const visit = await this.visitFor(doctor, input.visitId);
    if ('inputErrors' in visit) return visit;
    if (visit.status !== 'SIGNED')
      return fail('input.visitId', codes.VISIT_NOT_SIGNED, 'Приём ещё не подписан');
    const claim = {
      operation: 'addVisitAddendum',
      key: input.idempotencyKey,
      request: { visitId: input.visitId, text: await this.digest(visit, input.text) },
    };
    return this.writer.once(
      principal,
      claim,
      async () => ({ visit }),
      async (id) => {
        const signedAt = new Date();
        const hash = contentHash({
          kind: 'addendum',
          visitId: visit.id,
          patientId: visit.patientId,
          text: input.text,
          signedBy: doctor,
          signedAt: signedAt.toISOString(),
        });
        await this.deps.visits.insertAddendum({
          id,
          visitId: visit.id,
          patientId: visit.patientId,
          text: input.text,
          contentHash: hash,
          signedBy: doctor,
          signedAt,
          signatureMethod: this.deps.signer.method,
          signature: await this.deps.signer.sign({ signerAccountId: doctor, signedAt, contentHash: hash }),
        });
        return { visit };
      },
    );
  }

  /** Clinical text as the idempotency table may keep it: a digest keyed by the patient's key. */
  private digest(visit: VisitRecord, text: string): Promise<string> {
    return this.deps.visits.requestDigest(visit.patientId, text);
  }
}
