import type {
  Condition,
  DocumentReference,
  Dosage,
  Encounter,
  EncounterDiagnosis,
  Location,
  MedicationRequest,
  Patient,
  Practitioner,
  Reference,
  ServiceRequest,
} from '@medplum/fhirtypes';
import {
  CONDITION_CATEGORY_ENCOUNTER_DIAGNOSIS,
  diagnosisCode,
  ENCOUNTER_CLASS_AMBULATORY,
  PARTICIPANT_ATTENDER,
  referralCategory,
  SID,
  verificationStatus,
} from './fhir.codes';
import { derivedId, ownId } from './fhir.ids';
import type {
  ExportAttachment,
  ExportDiagnosis,
  ExportPatient,
  ExportPrescription,
  ExportReferral,
  ExportVersion,
  ExportVisit,
} from './fhir.types';

/** What every resource derived from a signed version points at. */
export type VersionContext = {
  version: ExportVersion;
  patient: Reference<Patient>;
  encounter: Reference<Encounter>;
  signer: Reference<Practitioner>;
};

export function toPatient(p: ExportPatient): Patient {
  const patient: Patient = {
    resourceType: 'Patient',
    id: ownId('Patient', p.id),
    identifier: [{ system: SID.patient, value: p.id }],
  };
  if (p.fullName) {
    const { family, given, patronymic } = p.fullName;
    // Russian profiles carry the patronymic as the second given name.
    const givens = patronymic ? [given, patronymic] : [given];
    patient.name = [{ use: 'official', family, given: givens, text: [family, ...givens].join(' ') }];
  }
  if (p.sex) patient.gender = p.sex;
  if (p.birthDate) patient.birthDate = p.birthDate;
  return patient;
}

export function toPractitioner(accountId: string, name: string | undefined): Practitioner {
  const practitioner: Practitioner = {
    resourceType: 'Practitioner',
    // Accounts and branches belong to other subgraphs: derived ids, so they can never collide with ours.
    id: derivedId('Practitioner', accountId),
    identifier: [{ system: SID.account, value: accountId }],
  };
  if (name) practitioner.name = [{ text: name }];
  return practitioner;
}

export function toLocation(branchId: string, name: string | undefined): Location {
  const location: Location = {
    resourceType: 'Location',
    id: derivedId('Location', branchId),
    identifier: [{ system: SID.branch, value: branchId }],
  };
  if (name) location.name = name;
  return location;
}

export function toEncounter(
  visit: ExportVisit,
  refs: { patient: Reference<Patient>; doctor: Reference<Practitioner>; location?: Reference<Location> },
  diagnosis: EncounterDiagnosis[],
): Encounter {
  const encounter: Encounter = {
    resourceType: 'Encounter',
    id: ownId('Encounter', visit.id),
    identifier: [{ system: SID.visit, value: visit.id }],
    // The visit's own state; a note marked entered-in-error does not undo that the visit took place.
    status: visit.endedAt ? 'finished' : 'in-progress',
    class: ENCOUNTER_CLASS_AMBULATORY,
    subject: refs.patient,
    participant: [{ type: [PARTICIPANT_ATTENDER], individual: refs.doctor }],
    period: visit.endedAt
      ? { start: visit.startedAt.toISOString(), end: visit.endedAt.toISOString() }
      : { start: visit.startedAt.toISOString() },
  };
  // The appointment lives in the schedule subgraph: a logical reference, not a bundle entry.
  if (visit.appointmentId) {
    encounter.appointment = [{ identifier: { system: SID.appointment, value: visit.appointmentId } }];
  }
  if (refs.location) encounter.location = [{ location: refs.location }];
  if (diagnosis.length > 0) encounter.diagnosis = diagnosis;
  return encounter;
}

export function toCondition(d: ExportDiagnosis, index: number, ctx: VersionContext): Condition {
  // No clinicalStatus: an encounter diagnosis says what was found at the visit, not whether it is still active.
  return {
    resourceType: 'Condition',
    id: derivedId('Condition', ctx.version.id, index),
    verificationStatus: verificationStatus(d),
    category: [CONDITION_CATEGORY_ENCOUNTER_DIAGNOSIS],
    code: diagnosisCode(d),
    subject: ctx.patient,
    encounter: ctx.encounter,
    recordedDate: ctx.version.signedAt.toISOString(),
    recorder: ctx.signer,
    asserter: ctx.signer,
  };
}

const medicationText = (p: ExportPrescription) => [p.drug, p.form].filter(Boolean).join(', ');
const dosageText = (p: ExportPrescription) =>
  [p.dose, p.route, p.frequency, p.duration].filter(Boolean).join(', ');

/** "Амоксициллин, капсулы — 500 мг, внутрь, 3 раза в день, 7 дней" (instructions are separate). */
export function prescriptionText(p: ExportPrescription): string {
  const dosage = dosageText(p);
  return dosage ? `${medicationText(p)} — ${dosage}` : medicationText(p);
}

export function toMedicationRequest(
  p: ExportPrescription,
  index: number,
  ctx: VersionContext,
): MedicationRequest {
  const dosage: Dosage = {};
  const text = dosageText(p);
  if (text) dosage.text = text;
  if (p.instructions) dosage.patientInstruction = p.instructions;
  if (p.route) dosage.route = { text: p.route };
  return {
    resourceType: 'MedicationRequest',
    id: derivedId('MedicationRequest', ctx.version.id, index),
    // The record holds the order only: no dispensing or course tracking, and the duration is free
    // text, so whether the course is still running is not known.
    status: 'unknown',
    intent: 'order',
    medicationCodeableConcept: { text: medicationText(p) },
    subject: ctx.patient,
    encounter: ctx.encounter,
    authoredOn: ctx.version.signedAt.toISOString(),
    requester: ctx.signer,
    ...(Object.keys(dosage).length > 0 ? { dosageInstruction: [dosage] } : {}),
  };
}

export function toServiceRequest(r: ExportReferral, index: number, ctx: VersionContext): ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id: derivedId('ServiceRequest', ctx.version.id, index),
    // Whether the referral was acted on is not tracked by the record.
    status: 'unknown',
    intent: 'order',
    category: [referralCategory(r.kind)],
    code: { text: r.target },
    subject: ctx.patient,
    encounter: ctx.encounter,
    authoredOn: ctx.version.signedAt.toISOString(),
    requester: ctx.signer,
    ...(r.note ? { note: [{ text: r.note }] } : {}),
  };
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/**
 * Metadata only: no `data` and no `url`. The bytes are fetched through the record's authorised,
 * audited download endpoint, never through a link in an export.
 */
export function toDocumentReference(
  a: ExportAttachment,
  refs: { patient: Reference<Patient>; encounter: Reference<Encounter> },
): DocumentReference {
  if (!SHA256_HEX.test(a.sha256)) throw new Error('FHIR export: attachment hash is not a hex SHA-256');
  // Attachment.hash must be base64 SHA-1, which we do not have; the SHA-256 is named as an
  // RFC 6920 `ni` URI instead (a name, not a locator: it cannot be used to fetch the file).
  const ni = `ni:///sha-256;${Buffer.from(a.sha256, 'hex').toString('base64url')}`;
  return {
    resourceType: 'DocumentReference',
    id: ownId('DocumentReference', a.id),
    identifier: [
      { system: SID.attachment, value: a.id },
      { system: 'urn:ietf:rfc:3986', value: ni },
    ],
    status: 'current',
    subject: refs.patient,
    date: a.createdAt.toISOString(),
    description: a.fileName,
    content: [
      {
        attachment: {
          contentType: a.contentType,
          size: a.size,
          title: a.fileName,
          creation: a.createdAt.toISOString(),
        },
      },
    ],
    context: { encounter: [refs.encounter] },
  };
}
