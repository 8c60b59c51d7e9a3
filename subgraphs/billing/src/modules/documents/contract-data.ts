import { z } from 'zod';
import { calendarDate, kopecks, text } from './requisites';

/**
 * What one contract is made of besides its template: the parties, the services and the terms.
 * The lead fills it from the patient profile, the price list and the appointment.
 */

const identityDocumentSchema = z.object({
  /** e.g. «Паспорт гражданина Российской Федерации», «Свидетельство о рождении». */
  kind: text('Укажите вид документа, удостоверяющего личность'),
  seriesNumber: text('Укажите серию и номер документа'),
  issuedBy: z.string().trim().optional(),
  issuedAt: calendarDate('Дата выдачи документа').optional(),
});

const personSchema = z.object({
  fullName: text('Укажите фамилию, имя и отчество (при наличии)'),
  birthDate: calendarDate('Дата рождения').optional(),
  /** Место жительства. */
  address: text('Укажите место жительства'),
  phone: text('Укажите телефон'),
  document: identityDocumentSchema,
});

const serviceLineSchema = z.object({
  /** Code of the Minzdrav nomenclature of medical services (order 804н), e.g. `B01.047.001`. */
  code: z.string().trim().optional(),
  name: text('Укажите наименование услуги'),
  quantity: z.number().int('Количество должно быть целым').positive('Количество должно быть больше нуля'),
  unitPriceKopecks: kopecks('Цена услуги'),
});

export const contractDataSchema = z.object({
  number: text('Укажите номер договора'),
  /** The date of conclusion, a calendar date `YYYY-MM-DD`. */
  date: calendarDate('Дата договора'),
  city: z.string().trim().optional(),
  /** Потребитель: the person who receives the services. */
  patient: personSchema,
  /** Законный представитель потребителя (a minor or an incapacitated patient). */
  representative: personSchema
    .extend({ basis: text('Укажите документ, подтверждающий полномочия законного представителя') })
    .optional(),
  /** Заказчик — a person who pays for the patient. Absent when the patient (or representative) pays. */
  payer: personSchema.optional(),
  services: z.array(serviceLineSchema).min(1, 'В договоре должна быть хотя бы одна услуга'),
  /** Условия и сроки ожидания и предоставления, e.g. «приём 10 декабря 2026 г. в 09:30». */
  provisionTerms: text('Укажите условия и сроки предоставления услуг'),
  /** How the contract was concluded; only a portal acceptance prints an acceptance line. */
  acceptance: z.object({ channel: z.enum(['PORTAL', 'DESK']), at: z.date() }).optional(),
});

export type IdentityDocument = z.infer<typeof identityDocumentSchema>;
export type ContractPerson = z.infer<typeof personSchema>;
export type ContractServiceLine = z.infer<typeof serviceLineSchema>;
export type ContractData = z.infer<typeof contractDataSchema>;

/** `Паспорт гражданина Российской Федерации 45 06 123456, выдан …, 01.02.2010`. */
export function describeDocument(document: IdentityDocument, formatDate: (iso: string) => string): string {
  const issued = [document.issuedBy, document.issuedAt && formatDate(document.issuedAt)].filter(Boolean);
  return `${document.kind} ${document.seriesNumber}${issued.length ? `, выдан ${issued.join(', ')}` : ''}`;
}
