import type { CodeableConcept, Coding } from '@medplum/fhirtypes';
import type { ExportDiagnosis, ExportReferral, ExportVersionStatus } from './fhir.types';

/** Our own naming base for identifier systems and extensions (not resolvable; names only). */
const BASE = 'https://medikamente.ru/fhir';
export const SID = {
  patient: `${BASE}/sid/patient`,
  account: `${BASE}/sid/account`,
  branch: `${BASE}/sid/branch`,
  visit: `${BASE}/sid/visit`,
  appointment: `${BASE}/sid/appointment`,
  /** Version-independent: every signed version of one visit's note shares it. */
  visitNote: `${BASE}/sid/visit-note`,
  addendum: `${BASE}/sid/addendum`,
  attachment: `${BASE}/sid/attachment`,
} as const;
export const EXT = {
  /** Hex SHA-256 the record stored when the version was signed. */
  contentHash: `${BASE}/StructureDefinition/record-content-sha256`,
  versionNumber: `${BASE}/StructureDefinition/record-version-number`,
} as const;
const DIAGNOSIS_KIND_SYSTEM = `${BASE}/CodeSystem/diagnosis-kind`;

export const LOINC = 'http://loinc.org';
/** Minzdrav NSI directory «МКБ-10» — the edition our codes come from. */
export const ICD10_RU_SYSTEM = 'urn:oid:1.2.643.5.1.13.13.11.1005';
/** WHO ICD-10, for consumers outside Russia (same code structure as the Russian edition). */
export const ICD10_WHO_SYSTEM = 'http://hl7.org/fhir/sid/icd-10';
const ICD10_CODE = /^[A-Z][0-9]{2}(\.[0-9]{1,2})?$/;

const loinc = (code: string, display: string, text: string): CodeableConcept => ({
  coding: [{ system: LOINC, code, display }],
  text,
});

export const NOTE_TYPE = loinc('34108-1', 'Outpatient Note', 'Протокол приёма');

/** Composition sections, in the order they are written; LOINC codes from the C-CDA section set. */
export const SECTION = {
  complaints: { title: 'Жалобы', code: loinc('10154-3', 'Chief complaint Narrative - Reported', 'Жалобы') },
  anamnesis: {
    title: 'Анамнез заболевания',
    code: loinc('10164-2', 'History of Present illness Narrative', 'Анамнез заболевания'),
  },
  examination: {
    title: 'Объективный осмотр',
    code: loinc('29545-1', 'Physical findings Narrative', 'Осмотр'),
  },
  diagnoses: { title: 'Диагноз', code: loinc('29548-5', 'Diagnosis Narrative', 'Диагноз') },
  conclusion: { title: 'Заключение', code: loinc('51848-0', 'Assessment note', 'Заключение') },
  recommendations: { title: 'Рекомендации', code: loinc('18776-5', 'Plan of care note', 'Рекомендации') },
  prescriptions: { title: 'Назначения', code: loinc('57828-6', 'Prescription list Document', 'Назначения') },
  // No LOINC section code fits outgoing referrals (42349-1 is the reason *for* a referral).
  referrals: { title: 'Направления', code: undefined },
} as const;

export const COMPOSITION_STATUS = {
  FINAL: 'final',
  AMENDED: 'amended',
  ENTERED_IN_ERROR: 'entered-in-error',
} as const satisfies Record<ExportVersionStatus, 'final' | 'amended' | 'entered-in-error'>;

export const CONFIDENTIALITY_RESTRICTED: Coding = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  code: 'R',
  display: 'restricted',
};

export function diagnosisCode(d: ExportDiagnosis): CodeableConcept {
  const coding: Coding[] = [{ system: ICD10_RU_SYSTEM, code: d.code, display: d.title, userSelected: true }];
  if (ICD10_CODE.test(d.code)) coding.push({ system: ICD10_WHO_SYSTEM, code: d.code });
  return { coding, text: `${d.code} ${d.title}` };
}

export const CONDITION_CATEGORY_ENCOUNTER_DIAGNOSIS: CodeableConcept = {
  coding: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/condition-category',
      code: 'encounter-diagnosis',
      display: 'Encounter Diagnosis',
    },
  ],
  text: 'Диагноз приёма',
};

export function verificationStatus(d: ExportDiagnosis): CodeableConcept {
  const code = d.certainty === 'CONFIRMED' ? 'confirmed' : 'provisional';
  return {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
        code,
        display: code === 'confirmed' ? 'Confirmed' : 'Provisional',
      },
    ],
    text: code === 'confirmed' ? 'Подтверждённый' : 'Предварительный',
  };
}

/** Russian order of a diagnosis block: the main one, its complications, then comorbidities. */
export const DIAGNOSIS_KIND_ORDER: Record<ExportDiagnosis['kind'], number> = {
  PRIMARY: 0,
  COMPLICATION: 1,
  SECONDARY: 2,
};
export const DIAGNOSIS_KIND_TEXT: Record<ExportDiagnosis['kind'], string> = {
  PRIMARY: 'Основной',
  COMPLICATION: 'Осложнение основного',
  SECONDARY: 'Сопутствующий',
};

/** Encounter.diagnosis.use: our kind, plus HL7's diagnosis-role where one matches (comorbidity). */
export function diagnosisUse(kind: ExportDiagnosis['kind']): CodeableConcept {
  const coding: Coding[] = [
    { system: DIAGNOSIS_KIND_SYSTEM, code: kind.toLowerCase(), display: DIAGNOSIS_KIND_TEXT[kind] },
  ];
  if (kind === 'SECONDARY') {
    coding.push({
      system: 'http://terminology.hl7.org/CodeSystem/diagnosis-role',
      code: 'CM',
      display: 'Comorbidity diagnosis',
    });
  }
  return { coding, text: DIAGNOSIS_KIND_TEXT[kind] };
}

export function referralCategory(kind: ExportReferral['kind']): CodeableConcept {
  return kind === 'LAB'
    ? {
        coding: [{ system: 'http://snomed.info/sct', code: '108252007', display: 'Laboratory procedure' }],
        text: 'Лабораторное исследование',
      }
    : {
        coding: [{ system: 'http://snomed.info/sct', code: '3457005', display: 'Patient referral' }],
        text: 'Направление к специалисту',
      };
}

export const ENCOUNTER_CLASS_AMBULATORY: Coding = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  code: 'AMB',
  display: 'ambulatory',
};
export const PARTICIPANT_ATTENDER: CodeableConcept = {
  coding: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
      code: 'ATND',
      display: 'attender',
    },
  ],
  text: 'Лечащий врач',
};
