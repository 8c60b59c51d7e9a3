import { DateTime } from 'luxon';
import type { IncidentRecord } from './incidents.store';

export const MOSCOW = 'Europe/Moscow';

/** An instant as Moscow wall-clock time, e.g. «08.12.2026 13:05 МСК». */
export const moscowTime = (d: Date) =>
  `${DateTime.fromJSDate(d, { zone: MOSCOW }).toFormat('dd.MM.yyyy HH:mm')} МСК`;

export type DraftKind = 'INITIAL_24H' | 'RESULTS_72H';

export type NotificationDraft = {
  kind: DraftKind;
  subject: string;
  text: string;
  /** The placeholders left in the text for the officer to fill (the incident's field is empty). */
  placeholders: string[];
  /** What the officer must check before submitting. */
  verifyNote: string;
};

/**
 * *(verify)* The items below follow the content 152-FZ art. 21 part 3.1 (as amended by 266-FZ of
 * 14.07.2022) requires of each notice. The exact form, its field order and codes on
 * Roskomnadzor's portal (pd.rkn.gov.ru) are set by Roskomnadzor's order on the procedure of
 * notification about incidents and have NOT been verified here: no form field codes are
 * invented; the officer copies the text into the portal's fields.
 */
export const VERIFY_NOTE =
  'Проверьте состав и порядок полей по действующей форме уведомления на портале Роскомнадзора ' +
  '(приказ Роскомнадзора о порядке уведомления об инцидентах) — шаблон не сверен с формой (verify).';

const OPERATOR = 'наименование оператора, ИНН, адрес';
const placeholder = (name: string) => `[${name}]`;

/**
 * The draft of a notice to Roskomnadzor (Russian) from the incident: the 24-hour one (the
 * incident, its presumed causes, the harm to data subjects' rights, the measures taken, the
 * contact person) or the 72-hour one (the internal investigation's results, the persons whose
 * actions caused it if identified). Counts only: never a patient id or name.
 */
export function notificationDraft(i: IncidentRecord, kind: DraftKind, alertCount: number): NotificationDraft {
  // The operator's own requisites are not in the incident: always a placeholder.
  const placeholders: string[] = [OPERATOR];
  const fill = (value: string | null, name: string) => {
    if (value?.trim()) return value.trim();
    placeholders.push(name);
    return placeholder(name);
  };
  const affected = i.affected
    ? [
        `Количество субъектов персональных данных, чьи данные затронуты (по журналу доступа на ${moscowTime(new Date(i.affected.computedAt))}): ${i.affected.patientIds.length}.`,
        i.affected.byCategory.length
          ? `По категориям данных: ${i.affected.byCategory.map((c) => `${c.category} — ${c.patients}`).join('; ')}.`
          : 'Категории данных: не выявлены по журналу доступа.',
      ].join('\n')
    : `Количество затронутых субъектов: ${fill(null, 'число затронутых субъектов')}.`;
  const header = [
    `Оператор: ${placeholder(OPERATOR)}`,
    `Инцидент: ${i.title}`,
    `Дата и время выявления: ${moscowTime(i.detectedAt)}`,
  ];
  if (kind === 'INITIAL_24H') {
    const text = [
      'Уведомление о факте неправомерной или случайной передачи (предоставления, распространения, доступа) персональных данных',
      '(ч. 3.1 ст. 21 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»; первичное уведомление — в течение 24 часов)',
      '',
      ...header,
      '',
      `1. Описание инцидента: ${i.description}`,
      `Связанных сигналов системы мониторинга: ${alertCount}.`,
      affected,
      `2. Предполагаемые причины, повлекшие нарушение прав субъектов персональных данных: ${fill(i.presumedCauses, 'предполагаемые причины')}`,
      `3. Предполагаемый вред, нанесённый правам субъектов персональных данных: ${fill(i.harm, 'предполагаемый вред')}`,
      `4. Принятые меры по устранению последствий инцидента: ${fill(i.measures, 'принятые меры')}`,
      `5. Лицо, уполномоченное оператором на взаимодействие с Роскомнадзором по вопросам инцидента: ${fill(i.contactPerson, 'контактное лицо')}`,
    ].join('\n');
    return {
      kind,
      subject: `Первичное уведомление об инциденте (срок: ${moscowTime(i.deadline24h)})`,
      text,
      placeholders,
      verifyNote: VERIFY_NOTE,
    };
  }
  const text = [
    'Уведомление о результатах внутреннего расследования инцидента с персональными данными',
    '(ч. 3.1 ст. 21 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»; дополнительное уведомление — в течение 72 часов)',
    '',
    ...header,
    i.notified24hRef
      ? `Первичное уведомление направлено ${i.notified24hAt ? moscowTime(i.notified24hAt) : ''}, номер: ${i.notified24hRef}`
      : `Первичное уведомление: ${fill(null, 'дата и номер первичного уведомления')}`,
    '',
    affected,
    `1. Результаты внутреннего расследования выявленного инцидента: ${fill(i.investigationResults, 'результаты расследования')}`,
    `2. Сведения о лицах, действия которых стали причиной инцидента (при наличии): ${fill(i.responsiblePersons, 'лица, действия которых стали причиной')}`,
  ].join('\n');
  return {
    kind,
    subject: `Уведомление о результатах расследования инцидента (срок: ${moscowTime(i.deadline72h)})`,
    text,
    placeholders,
    verifyNote: VERIFY_NOTE,
  };
}
