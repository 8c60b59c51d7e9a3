import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  clip,
  DIAGNOSIS_CERTAINTY_LABEL,
  DIAGNOSIS_KIND_LABEL,
  DIAGNOSIS_KIND_ORDER,
  formatCalendarDate,
  formatDateTime,
  presentText,
  REFERRAL_KIND_LABEL,
} from './visit-summary.format';
import type { VisitSummaryInput, VisitSummaryPrescription } from './visit-summary.types';

export const VISIT_SUMMARY_TITLE = 'Консультативное заключение';
/** The font family registered by the renderer (pdfmake's bundled Roboto, which has Cyrillic glyphs). */
export const VISIT_SUMMARY_FONT = 'Roboto';

const PAGE_MARGINS: [number, number, number, number] = [40, 36, 40, 72];
const AMENDED_BOTTOM_MARGIN = 86;
/** Room (pt) a section heading needs below it: the heading and about two lines of its body. */
const HEADING_MIN_ROOM = 60;
/** The footer has a fixed height: a longer reason is shown in full in the body only. */
const FOOTER_REASON_MAX = 110;
/** pdfmake drops a footer that outgrows the bottom margin, so its free-text parts are bounded. */
const FOOTER_NAME_MAX = 80;

/**
 * The pdfmake document definition of a signed visit summary. Pure: no fonts, files or clock;
 * the metadata carries no personal data (no patient or doctor name).
 */
export function buildVisitSummaryDocument(input: VisitSummaryInput): TDocumentDefinitions {
  const { version, visit } = input;
  const amended = version.status === 'AMENDED';
  const signedBy =
    `Документ подписан электронной подписью: ${clip(version.signedByName, FOOTER_NAME_MAX)}, ` +
    `${formatDateTime(version.signedAt, visit.timeZone)}, версия ${version.number}; `;
  const reason = presentText(version.correctionReason);
  const amendedLine = amended
    ? `Исправленная версия: ${reason ? clip(reason, FOOTER_REASON_MAX) : 'причина не указана'}`
    : undefined;

  return {
    pageSize: 'A4',
    pageMargins: amended
      ? [PAGE_MARGINS[0], PAGE_MARGINS[1], PAGE_MARGINS[2], AMENDED_BOTTOM_MARGIN]
      : PAGE_MARGINS,
    language: 'ru-RU',
    info: {
      title: VISIT_SUMMARY_TITLE,
      author: input.clinic.name,
      subject: 'Медицинская документация',
      creator: 'Medikamente',
      producer: 'Medikamente',
      creationDate: version.signedAt,
    },
    defaultStyle: { font: VISIT_SUMMARY_FONT, fontSize: 10, lineHeight: 1.15 },
    styles: {
      clinic: { fontSize: 12, bold: true },
      clinicDetail: { fontSize: 8.5, color: '#444444' },
      title: { fontSize: 15, bold: true, alignment: 'center', margin: [0, 14, 0, 2] },
      subtitle: { fontSize: 9.5, alignment: 'center', color: '#8a1c1c', margin: [0, 0, 0, 4] },
      heading: { fontSize: 11, bold: true, margin: [0, 10, 0, 3] },
      label: { bold: true },
      tableHeader: { bold: true, fontSize: 8.5, fillColor: '#eeeeee' },
      tableCell: { fontSize: 8.5 },
      footer: { fontSize: 7, color: '#333333' },
    },
    content: [
      ...clinicHeader(input),
      { text: VISIT_SUMMARY_TITLE, style: 'title' },
      ...(amended ? [amendedNotice(version.number, reason)] : []),
      visitDetails(input),
      ...sections(input),
    ],
    // A section heading does not stay alone at the bottom of a page. (pdfmake's "no following
    // nodes on the page" recipe misses content moved by `unbreakable`, so measure the room left.)
    pageBreakBefore: ({ headlineLevel, startPosition: at }) =>
      headlineLevel === 1 && (1 - at.verticalRatio) * at.pageInnerHeight < HEADING_MIN_ROOM,
    footer: (currentPage, pageCount) => ({
      margin: [PAGE_MARGINS[0], 8, PAGE_MARGINS[2], 0],
      style: 'footer',
      stack: [
        // The hash moves to the next line as a whole rather than being split.
        { text: [signedBy, { text: `SHA-256: ${version.contentHash}`, noWrap: true }] },
        ...(amendedLine ? [{ text: amendedLine }] : []),
        { text: `Стр. ${currentPage} из ${pageCount}`, alignment: 'right', margin: [0, 2, 0, 0] },
      ],
    }),
  };
}

function clinicHeader({ clinic }: VisitSummaryInput): Content[] {
  const details = [
    presentText(clinic.address),
    presentText(clinic.licence) && `Лицензия: ${clinic.licence?.trim()}`,
    presentText(clinic.phone) && `Тел.: ${clinic.phone?.trim()}`,
  ].filter((line): line is string => Boolean(line));
  return [
    { text: clinic.name, style: 'clinic' },
    ...details.map((line): Content => ({ text: line, style: 'clinicDetail' })),
    {
      canvas: [{ type: 'line', x1: 0, y1: 4, x2: 515, y2: 4, lineWidth: 0.7, lineColor: '#999999' }],
    },
  ];
}

function amendedNotice(versionNumber: number, reason: string | undefined): Content {
  return {
    text: `Исправленная версия (версия ${versionNumber})${reason ? `. Причина исправления: ${reason}` : ''}`,
    style: 'subtitle',
  };
}

function labelled(label: string, value: string): Content {
  return { text: [{ text: `${label}: `, style: 'label' }, value], margin: [0, 1, 0, 1] };
}

function visitDetails({ patient, doctor, visit }: VisitSummaryInput): Content {
  const birthDate = presentText(patient.birthDate);
  const branch = presentText(visit.branchName);
  const specialty = presentText(doctor.specialty);
  return {
    margin: [0, 6, 0, 0],
    stack: [
      labelled('Пациент', patient.fullName),
      ...(birthDate ? [labelled('Дата рождения', formatCalendarDate(birthDate))] : []),
      labelled('Дата и время приёма', formatDateTime(visit.startedAt, visit.timeZone)),
      ...(branch ? [labelled('Филиал', branch)] : []),
      labelled('Врач', specialty ? `${doctor.fullName}, ${specialty}` : doctor.fullName),
    ],
  };
}

function section(heading: string, body: Content): Content[] {
  return [{ text: heading, style: 'heading', headlineLevel: 1 }, body];
}

function textSection(heading: string, value: string | undefined): Content[] {
  const text = presentText(value);
  return text ? section(heading, { text }) : [];
}

function sections(input: VisitSummaryInput): Content[] {
  const { content } = input;
  return [
    ...textSection('Жалобы', content.complaints),
    ...textSection('Анамнез заболевания', content.anamnesis),
    ...textSection('Объективный осмотр', content.examination),
    ...diagnosesSection(input),
    ...textSection('Заключение', content.conclusion),
    ...textSection('Рекомендации', content.recommendations),
    ...prescriptionsSection(content.prescriptions),
    ...referralsSection(input),
    ...addendaSection(input),
  ];
}

function diagnosesSection({ content }: VisitSummaryInput): Content[] {
  if (content.diagnoses.length === 0) return [];
  const ordered = [...content.diagnoses].sort(
    (a, b) => DIAGNOSIS_KIND_ORDER[a.kind] - DIAGNOSIS_KIND_ORDER[b.kind],
  );
  return section('Диагноз (МКБ-10)', {
    ol: ordered.map((d) => ({
      text: [
        { text: d.code, bold: true },
        ` — ${d.title} (${DIAGNOSIS_KIND_LABEL[d.kind]}, ${DIAGNOSIS_CERTAINTY_LABEL[d.certainty]})`,
      ],
    })),
  });
}

const PRESCRIPTION_COLUMNS: Array<{
  title: string;
  width: number | string;
  value: (p: VisitSummaryPrescription) => string;
}> = [
  { title: 'Препарат', width: '*', value: (p) => [p.drug, presentText(p.form)].filter(Boolean).join(', ') },
  { title: 'Доза', width: 50, value: (p) => presentText(p.dose) ?? '—' },
  { title: 'Способ', width: 62, value: (p) => presentText(p.route) ?? '—' },
  { title: 'Кратность', width: 62, value: (p) => presentText(p.frequency) ?? '—' },
  { title: 'Длительность', width: 58, value: (p) => presentText(p.duration) ?? '—' },
  { title: 'Указания', width: 90, value: (p) => presentText(p.instructions) ?? '—' },
];

function prescriptionsSection(prescriptions: VisitSummaryPrescription[]): Content[] {
  if (prescriptions.length === 0) return [];
  return section('Назначения', {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [14, ...PRESCRIPTION_COLUMNS.map((c) => c.width)],
      body: [
        [
          { text: '№', style: 'tableHeader' },
          ...PRESCRIPTION_COLUMNS.map((c) => ({ text: c.title, style: 'tableHeader' })),
        ],
        ...prescriptions.map((p, i) => [
          { text: String(i + 1), style: 'tableCell' },
          ...PRESCRIPTION_COLUMNS.map((c) => ({ text: c.value(p), style: 'tableCell' })),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
  });
}

function referralsSection({ content }: VisitSummaryInput): Content[] {
  if (content.referrals.length === 0) return [];
  return section('Направления', {
    ul: content.referrals.map((r) => {
      const note = presentText(r.note);
      return {
        text: [`${REFERRAL_KIND_LABEL[r.kind]}: `, { text: r.target, bold: true }, note ? ` — ${note}` : ''],
      };
    }),
  });
}

function addendaSection({ addenda, visit }: VisitSummaryInput): Content[] {
  const present = (addenda ?? []).filter((a) => presentText(a.text));
  if (present.length === 0) return [];
  return section('Дополнения', {
    stack: present.map(
      (a): Content => ({
        margin: [0, 0, 0, 6],
        unbreakable: true,
        stack: [
          { text: a.text.trim() },
          {
            text: `Подписано электронной подписью: ${a.signedByName}, ${formatDateTime(a.signedAt, visit.timeZone)}`,
            fontSize: 8,
            color: '#444444',
          },
        ],
      }),
    ),
  });
}
