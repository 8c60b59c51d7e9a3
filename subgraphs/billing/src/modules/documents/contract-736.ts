import type { ContractParagraph, ContractTemplate, ParagraphCondition } from './contract-template';

/**
 * What the contract for paid medical services must contain under the Rules approved by Government
 * Decree No. 736 of 11.05.2023 (in force since 01.09.2023; section IV «Порядок заключения договора и
 * оплаты медицинских услуг», the list «Договор должен содержать», subparagraphs а)–м)), and where the
 * default template has each item. Every item is also checked on a template at save time.
 *
 * What was verified, and against what (the decree's own text is not in the stored corpus the
 * search tool reaches, so nothing below was read from the primary text; the paragraph number of the
 * list was not confirmed either):
 * - а) the clinic: name, address, the ЕГРЮЛ record with the registering authority; licence number,
 *   its registration date, the licensed work types, the licensing authority's name, address and
 *   phone — VERIFIED against a clinic's page quoting the same list of the preceding Rules (Decree
 *   No. 1006, p. 17), which No. 736 replaced and kept; ОГРН and ИНН in the clinic's information —
 *   VERIFIED against a Rospotrebnadzor page quoting No. 736 (section on information).
 * - б) the consumer (patient) or legal representative: full name, place of residence, phone,
 *   identity document — VERIFIED (same quotation of p. 17; the identity document from a law-firm
 *   summary of the contract requirements).
 * - в) the customer (payer) if different: the same details — VERIFIED (same quotation).
 * - г) the list of services; д) price, terms and manner of payment — VERIFIED (law-firm summary).
 * - е) conditions and waiting times of the services — wording «сроки ожидания» in No. 736 VERIFIED
 *   against a clinic's page citing No. 736; its place in the list is from recollection.
 * - ж) the person who signs for the clinic (name, position, document of authority) — NOT VERIFIED
 *   (recollection of No. 736); з) signatures — VERIFIED (1006 list).
 * - и) liability; к) change and termination — VERIFIED (1006 list, law-firm summary).
 * - л) how medical documents (copies, extracts: examination results, diagnosis, treatment, drugs
 *   and medical devices used) are issued after the services — NOT VERIFIED (recollection of No. 736).
 * - the written notice of free care under the state guarantee programme and that refusing the
 *   contract does not reduce free care; the written notice that ignoring the doctor's
 *   recommendations may lower quality — from the issue and DOMAIN.md and the 1006 Rules; NOT
 *   VERIFIED against No. 736's text.
 * - the number of copies (two; three with a customer) — NOT VERIFIED (recollection).
 * - remote conclusion in the portal: concluded on consent or on payment, a confirmation with the
 *   contract number, a copy signed with the clinic's e-signature on request — VERIFIED against a
 *   summary of No. 736's section on remote conclusion.
 * A legal reviewer should compare this list with the decree before the first real contract.
 */
export type Contract736Requirement = {
  id: string;
  /** The item, in Russian, as shown to the person editing the template. */
  item: string;
  /** Where the default template has it. */
  where: string;
  check: (template: ContractTemplate) => boolean;
};

function paragraphText(p: ContractParagraph): string {
  return typeof p === 'string' ? p : p.text;
}

function paragraphs(template: ContractTemplate, condition?: ParagraphCondition): string[] {
  return [...template.preamble, ...template.sections.flatMap((s) => s.paragraphs)]
    .filter((p) => condition === undefined || (typeof p !== 'string' && p.if === condition))
    .map(paragraphText);
}

const uses = (name: string, condition?: ParagraphCondition) => (t: ContractTemplate) =>
  paragraphs(t, condition).some((p) => p.includes(`{{${name}}}`));
const says =
  (...patterns: RegExp[]) =>
  (t: ContractTemplate) => {
    const all = [...t.sections.map((s) => s.heading), ...paragraphs(t)].join('\n');
    return patterns.every((pattern) => pattern.test(all));
  };
const both =
  (...checks: Array<(t: ContractTemplate) => boolean>) =>
  (t: ContractTemplate) =>
    checks.every((c) => c(t));

export const CONTRACT_736_REQUIREMENTS: Contract736Requirement[] = [
  {
    id: 'executor',
    item: 'сведения об исполнителе: наименование, адрес, ОГРН, ИНН, запись в ЕГРЮЛ и орган регистрации',
    where: 'преамбула ({{clinic.name}}, {{clinic.ogrn}}, {{clinic.inn}}) и блок «Реквизиты и подписи сторон»',
    check: both(uses('clinic.name'), uses('clinic.ogrn')),
  },
  {
    id: 'licence',
    item: 'лицензия: номер, дата регистрации, перечень работ (услуг), лицензирующий орган, его адрес и телефон',
    where: 'преамбула ({{clinic.licence}}), раздел 1 ({{clinic.workTypes}}), блок реквизитов',
    check: both(uses('clinic.licence'), uses('clinic.workTypes')),
  },
  {
    id: 'consumer',
    item: 'потребитель (законный представитель): ФИО, место жительства, телефон, документ, удостоверяющий личность',
    where: 'преамбула ({{patient.fullName}}, {{representative.fullName}}) и блок реквизитов',
    check: both(uses('patient.fullName'), uses('representative.fullName', 'representative')),
  },
  {
    id: 'payer',
    item: 'заказчик, если он не потребитель: ФИО, место жительства, телефон, документ',
    where: 'преамбула, абзац с условием «payer» ({{payer.fullName}}), и блок реквизитов',
    check: uses('payer.fullName', 'payer'),
  },
  {
    id: 'signatory',
    item: 'лицо, заключающее договор от имени исполнителя: ФИО, должность, документ о полномочиях',
    where: 'преамбула ({{clinic.signatory.*}}) и подпись исполнителя',
    check: both(uses('clinic.signatory.fullName'), uses('clinic.signatory.authority')),
  },
  {
    id: 'services',
    item: 'перечень платных медицинских услуг',
    where: 'раздел 2 ({{services}} — таблица услуг)',
    check: uses('services'),
  },
  {
    id: 'price',
    item: 'стоимость услуг, сроки и порядок оплаты',
    where: 'раздел 2 ({{total}}) и раздел 3',
    check: both(uses('total'), says(/порядок оплаты/i, /срок/i)),
  },
  {
    id: 'terms',
    item: 'условия и сроки ожидания и предоставления услуг',
    where: 'раздел 4 ({{contract.provisionTerms}})',
    check: both(uses('contract.provisionTerms'), says(/сроки ожидания/i)),
  },
  {
    id: 'liability',
    item: 'ответственность сторон за невыполнение условий договора',
    where: 'раздел 8',
    check: says(/ответственност/i),
  },
  {
    id: 'change-termination',
    item: 'порядок изменения и расторжения договора',
    where: 'раздел 9',
    check: says(/изменени/i, /расторж/i),
  },
  {
    id: 'medical-documents',
    item: 'порядок и условия выдачи медицинских документов (копий, выписок) после оказания услуг',
    where: 'раздел 7',
    check: says(/медицинск\S* документ/i, /выписк/i),
  },
  {
    id: 'free-care-notice',
    item: 'уведомление о возможности получить медицинскую помощь бесплатно по программе государственных гарантий',
    where: 'раздел 6',
    check: says(/без взимания платы/i, /программ\S* государственных гарантий/i),
  },
  {
    id: 'recommendations-notice',
    item: 'уведомление о последствиях несоблюдения указаний (рекомендаций) исполнителя',
    where: 'раздел 4',
    check: says(/несоблюдени\S* указаний/i),
  },
  {
    id: 'copies',
    item: 'число экземпляров договора (с заказчиком — три)',
    where: 'раздел 10 (абзацы с условиями «payer» и «no-payer»)',
    check: both(
      (t) => paragraphs(t, 'payer').some((p) => /экземпляр/i.test(p)),
      (t) => paragraphs(t, 'no-payer').some((p) => /экземпляр/i.test(p)),
    ),
  },
  {
    id: 'remote',
    item: 'заключение договора дистанционно (в личном кабинете): момент заключения и подтверждение',
    where: 'раздел 10',
    check: says(/личном кабинете/i, /подтверждени/i),
  },
];

/** Each required item with whether the template has it (for an editor's checklist). */
export function checkContract736(
  template: ContractTemplate,
): Array<{ id: string; item: string; ok: boolean }> {
  return CONTRACT_736_REQUIREMENTS.map(({ id, item, check }) => ({ id, item, ok: check(template) }));
}
