import type {
  Composition,
  CompositionSection,
  Condition,
  Encounter,
  MedicationRequest,
  Patient,
  Practitioner,
  Reference,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { COMPOSITION_STATUS, DIAGNOSIS_KIND_TEXT, EXT, NOTE_TYPE, SECTION, SID } from './fhir.codes';
import { ownId } from './fhir.ids';
import { list, narrative, paragraph, present } from './fhir.narrative';
import { prescriptionText } from './fhir.resources';
import type { ExportAddendum, ExportContent, ExportVersion, ExportVersionStatus } from './fhir.types';

export type CompositionRefs = {
  patient: Reference<Patient>;
  encounter: Reference<Encounter>;
  signer: Reference<Practitioner>;
};

/** Structured resources derived from this version (only for the current, valid version of a visit). */
export type SectionEntries = {
  conditions: Reference<Condition>[];
  medicationRequests: Reference<MedicationRequest>[];
  serviceRequests: Reference<ServiceRequest>[];
};

const textSection = (key: keyof typeof SECTION, text: string | undefined): CompositionSection[] => {
  const value = present(text);
  if (!value) return [];
  const { title, code } = SECTION[key];
  return [{ title, ...(code ? { code } : {}), text: narrative([paragraph(value)]) }];
};

const listSection = (
  key: keyof typeof SECTION,
  items: string[],
  entry: Reference[],
): CompositionSection[] => {
  if (items.length === 0) return [];
  const { title, code } = SECTION[key];
  return [
    { title, ...(code ? { code } : {}), text: narrative([list(items)]), ...(entry.length ? { entry } : {}) },
  ];
};

const CERTAINTY_TEXT = { PROVISIONAL: 'предварительный', CONFIRMED: 'подтверждённый' } as const;
const REFERRAL_TEXT = { SPECIALIST: 'К специалисту', LAB: 'Лабораторное исследование' } as const;

/** Sections of one signed version, in the order of a Russian outpatient protocol. */
export function contentSections(
  content: ExportContent,
  entries: SectionEntries | undefined,
): CompositionSection[] {
  return [
    ...textSection('complaints', content.complaints),
    ...textSection('anamnesis', content.anamnesis),
    ...textSection('examination', content.examination),
    ...listSection(
      'diagnoses',
      content.diagnoses.map(
        (d) =>
          `${d.code} ${d.title} (${DIAGNOSIS_KIND_TEXT[d.kind].toLowerCase()}, ${CERTAINTY_TEXT[d.certainty]})`,
      ),
      entries?.conditions ?? [],
    ),
    ...textSection('conclusion', content.conclusion),
    ...textSection('recommendations', content.recommendations),
    ...listSection(
      'prescriptions',
      content.prescriptions.map((p) => [prescriptionText(p), p.instructions].filter(Boolean).join('. ')),
      entries?.medicationRequests ?? [],
    ),
    ...listSection(
      'referrals',
      content.referrals.map((r) =>
        [`${REFERRAL_TEXT[r.kind]}: ${r.target}`, r.note].filter(Boolean).join('. '),
      ),
      entries?.serviceRequests ?? [],
    ),
  ];
}

const REASON_TITLE: Record<ExportVersionStatus, string> = {
  FINAL: 'Примечание',
  AMENDED: 'Причина исправления',
  ENTERED_IN_ERROR: 'Причина пометки «внесено ошибочно»',
};

/**
 * One signed version of a visit note. `status` is passed in because a version replaced by an
 * entered-in-error marker is itself exported as entered-in-error.
 */
export function versionComposition(args: {
  visitId: string;
  version: ExportVersion;
  status: ExportVersionStatus;
  refs: CompositionRefs;
  replaces: Reference<Composition> | undefined;
  entries: SectionEntries | undefined;
}): Composition {
  const { version, refs } = args;
  const reason = present(version.reason);
  const section = [
    ...contentSections(version.content, args.entries),
    ...(reason ? [{ title: REASON_TITLE[version.status], text: narrative([paragraph(reason)]) }] : []),
  ];
  const composition: Composition = {
    resourceType: 'Composition',
    id: ownId('Composition', version.id),
    extension: [
      { url: EXT.versionNumber, valueInteger: version.number },
      { url: EXT.contentHash, valueString: version.contentHash },
    ],
    identifier: { system: SID.visitNote, value: args.visitId },
    status: COMPOSITION_STATUS[args.status],
    type: NOTE_TYPE,
    subject: refs.patient,
    encounter: refs.encounter,
    date: version.signedAt.toISOString(),
    author: [refs.signer],
    title: `Протокол приёма, версия ${version.number}`,
    // Medical secrecy (323-FZ art. 13).
    confidentiality: 'R',
    attester: [{ mode: 'legal', time: version.signedAt.toISOString(), party: refs.signer }],
  };
  if (args.replaces) composition.relatesTo = [{ code: 'replaces', targetReference: args.replaces }];
  if (section.length > 0) composition.section = section;
  return composition;
}

/** An addendum: its own signed document that appends to the visit's current note. */
export function addendumComposition(args: {
  addendum: ExportAddendum;
  refs: CompositionRefs;
  appendsTo: Reference<Composition> | undefined;
}): Composition {
  const { addendum, refs } = args;
  const composition: Composition = {
    resourceType: 'Composition',
    id: ownId('Composition', addendum.id),
    identifier: { system: SID.addendum, value: addendum.id },
    status: 'final',
    type: NOTE_TYPE,
    subject: refs.patient,
    encounter: refs.encounter,
    date: addendum.signedAt.toISOString(),
    author: [refs.signer],
    title: 'Дополнение к протоколу приёма',
    confidentiality: 'R',
    attester: [{ mode: 'legal', time: addendum.signedAt.toISOString(), party: refs.signer }],
    section: [{ title: 'Дополнение', text: narrative([paragraph(present(addendum.text) ?? '—')]) }],
  };
  if (args.appendsTo) composition.relatesTo = [{ code: 'appends', targetReference: args.appendsTo }];
  return composition;
}
