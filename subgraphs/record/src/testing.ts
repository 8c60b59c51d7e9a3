import { randomUUID } from 'node:crypto';
import {
  type FixtureRegistry,
  type FixtureRequest,
  type SubjectFixture,
  samplePdf,
} from '@medikamente/runtime/testing';
import type { VisitContent } from './modules/visit/visit.content';
import type { RecordService } from './service';

/** Clinical content the fixtures write (the matrix checks a full view sees it). */
export const FIXTURE_CONTENT: VisitContent = {
  complaints: 'Кашель и насморк третий день',
  anamnesis: 'Заболел после переохлаждения',
  examination: 'Зев гиперемирован, дыхание везикулярное',
  diagnoses: [
    {
      code: 'J06.9',
      title: 'Острая инфекция верхних дыхательных путей неуточнённая',
      kind: 'PRIMARY',
      certainty: 'CONFIRMED',
    },
  ],
  conclusion: 'ОРВИ, лёгкое течение',
  recommendations: 'Обильное питьё, контроль температуры',
  prescriptions: [
    {
      drug: 'Парацетамол',
      form: 'таблетки',
      dose: '500 мг',
      route: 'внутрь',
      frequency: 'при температуре выше 38,5',
      duration: '3 дня',
      instructions: null,
    },
  ],
  referrals: [],
};

/** Makes the request's data conditions hold between its caller and subject. */
async function establish(service: RecordService, r: FixtureRequest, patientId: string): Promise<void> {
  if (r.conditions.includes('careRelationship'))
    await service.stores.care.grant(
      r.caller.accountId,
      patientId,
      `matrix:${randomUUID()}`,
      new Date(Date.now() + 86_400_000),
    );
  if (r.conditions.includes('breakGlass'))
    await service.stores.breakGlass.grant({
      doctorAccountId: r.caller.accountId,
      patientId,
      reason: 'Пациент без сознания доставлен в приёмное, нужна история аллергий',
      hours: 1,
    });
}

/**
 * The subject's signed visit (version 1 by another doctor, one addendum), one per service and
 * patient: the fixtures of one matrix case share it, so routes nested under the Visit fixture's
 * visit (`visits › current`, `› addenda`, `› attachments`) reach the other fixtures' objects.
 */
function signedVisit(service: RecordService, patientId: string) {
  let byPatient = sharedVisits.get(service);
  if (!byPatient) {
    byPatient = new Map();
    sharedVisits.set(service, byPatient);
  }
  let visit = byPatient.get(patientId);
  if (!visit) {
    visit = createSignedVisit(service, patientId);
    byPatient.set(patientId, visit);
  }
  return visit;
}
const sharedVisits = new WeakMap<RecordService, Map<string, ReturnType<typeof createSignedVisit>>>();

async function createSignedVisit(service: RecordService, patientId: string) {
  const doctor = `matrix-doctor-${randomUUID()}`;
  const { visit } = await service.stores.visits.openVisit({
    patientId,
    appointmentId: randomUUID(),
    doctorAccountId: doctor,
    specialistId: null,
    branchId: null,
    startedAt: new Date(),
  });
  const version = await service.stores.visits.insertVersion({
    visitId: visit.id,
    patientId,
    number: 1,
    status: 'FINAL',
    replacesVersionId: null,
    reason: null,
    contentHash: 'f'.repeat(64),
    signedBy: doctor,
    signedAt: new Date(),
    signatureMethod: 'server-hmac-sha256',
    signature: 'matrix',
    content: FIXTURE_CONTENT,
  });
  await service.stores.visits.markSigned(visit.id);
  const addendum = await service.stores.visits.insertAddendum({
    id: randomUUID(),
    visitId: visit.id,
    patientId,
    text: 'Результаты анализа крови без отклонений',
    contentHash: 'e'.repeat(64),
    signedBy: doctor,
    signedAt: new Date(),
    signatureMethod: 'server-hmac-sha256',
    signature: 'matrix',
  });
  return {
    visit: { ...visit, status: 'SIGNED' as const },
    version,
    addendum,
    doctor,
    attachment: undefined as ReturnType<RecordService['services']['attachments']['store']> | undefined,
  };
}

/** The name of the fixtures' attachment (Cyrillic: names are sealed and served as UTF-8). */
export const FIXTURE_FILE_NAME = 'Анализ крови 2025.pdf';

const patientOf = (r: FixtureRequest) => {
  if (!r.subject.patientId) throw new Error('record fixtures need a subject with a patient id');
  return r.subject.patientId;
};

/** One object of each subject type the record subgraph owns, for the generated policy matrix. */
export const subjectFixtures = {
  Visit: {
    conditions: ['careRelationship', 'breakGlass'],
    async create(service, r) {
      const patientId = patientOf(r);
      await establish(service, r, patientId);
      const { visit } = await signedVisit(service, patientId);
      return {
        key: { id: visit.id },
        args: { patientId, appointmentId: visit.appointmentId },
        known: { status: 'SIGNED' },
      };
    },
  },
  VisitVersion: {
    conditions: ['careRelationship', 'breakGlass'],
    async create(service, r) {
      const patientId = patientOf(r);
      await establish(service, r, patientId);
      const { version } = await signedVisit(service, patientId);
      return {
        key: { id: version.id },
        // No appointmentId: nested routes (`visitForAppointment › current`) then address the Visit
        // fixture's visit, as `visit › current` does by its key (one visit per route family).
        args: { patientId },
        known: { complaints: FIXTURE_CONTENT.complaints, number: 1 },
      };
    },
  },
  VisitAddendum: {
    conditions: ['careRelationship', 'breakGlass'],
    async create(service, r) {
      const patientId = patientOf(r);
      await establish(service, r, patientId);
      const { addendum } = await signedVisit(service, patientId);
      return {
        key: { id: addendum.id },
        args: { patientId },
        known: { text: addendum.text },
      };
    },
  },
  VisitDraft: {
    conditions: ['careRelationship', 'breakGlass', 'author'],
    async create(service, r) {
      const patientId = patientOf(r);
      await establish(service, r, patientId);
      const author = r.conditions.includes('author') ? r.caller.accountId : `matrix-doctor-${randomUUID()}`;
      // `author` holds while its author may still work on the record: the access it was written under.
      if (
        r.conditions.includes('author') &&
        !r.conditions.some((c) => c === 'careRelationship' || c === 'breakGlass')
      )
        await service.stores.care.grant(
          author,
          patientId,
          `matrix:${randomUUID()}`,
          new Date(Date.now() + 86_400_000),
        );
      const { visit } = await service.stores.visits.openVisit({
        patientId,
        appointmentId: randomUUID(),
        doctorAccountId: author,
        specialistId: null,
        branchId: null,
        startedAt: new Date(),
      });
      const draft = await service.stores.visits.saveDraft({
        visit,
        authorAccountId: author,
        kind: 'ORIGINAL',
        replacesVersionId: null,
        content: FIXTURE_CONTENT,
        expectedRevision: null,
      });
      return {
        key: { id: draft!.id },
        args: { patientId, appointmentId: visit.appointmentId, visitId: visit.id },
        known: { complaints: FIXTURE_CONTENT.complaints, revision: 1 },
        // The root answers with the calling doctor's own draft only: compared when the caller wrote
        // it; another's draft is never looked up (_entities covers the policy there).
        ...(r.conditions.includes('author')
          ? {}
          : {
              skip: {
                'Query.myVisitDraft':
                  "answers with the calling doctor's own draft only (another's is never looked up): _entities covers the policy, test/lifecycle the root",
              },
            }),
      };
    },
  },
  Attachment: {
    conditions: ['careRelationship', 'breakGlass'],
    async create(service, r) {
      const patientId = patientOf(r);
      await establish(service, r, patientId);
      const shared = await signedVisit(service, patientId);
      const { visit, doctor } = shared;
      // One attachment on the shared visit (a second fixture call in the case reuses it).
      shared.attachment ??= service.services.attachments.store({
        id: randomUUID(),
        visit,
        fileName: FIXTURE_FILE_NAME,
        bytes: samplePdf('Matrix'),
        uploadedBy: doctor,
      });
      const stored = await shared.attachment;
      if (!('attachment' in stored)) throw new Error('the fixture attachment was refused');
      return {
        key: { id: stored.attachment.id },
        args: { patientId, appointmentId: visit.appointmentId },
        known: { fileName: FIXTURE_FILE_NAME, contentType: 'application/pdf' },
      };
    },
  },
  RecordExport: {
    conditions: ['careRelationship', 'breakGlass'],
    async create(service, r) {
      const patientId = patientOf(r);
      await establish(service, r, patientId);
      const { visit } = await signedVisit(service, patientId);
      return {
        args: { patientId },
        known: { bundle: (b: unknown) => typeof b === 'string' && b.includes(visit.id) },
      };
    },
  },
} satisfies Record<string, SubjectFixture<RecordService>> satisfies FixtureRegistry;
