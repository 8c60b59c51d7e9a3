import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  calendarDate,
  type DocumentIssue,
  isValidKpp,
  isValidOrganisationInn,
  isValidPersonInn,
  kopecks,
  russianZodError,
  text,
  toDocumentIssues,
} from './requisites';
import { taxCertificatePdf } from './tax-certificate.pdf';
import { buildTaxCertificateXml, taxCertificateFileName } from './tax-certificate.xml';
import { encodeWindows1251, nonWindows1251 } from './windows-1251';

/**
 * The certificate of payment for medical services for the social tax deduction (Tax Code art. 219
 * p. 1 pp. 3): form КНД 1151156 approved by FNS order of 08.11.2023 No. ЕА-7-11/824@, for expenses
 * from 1 January 2024; issued by the clinic on the taxpayer's application for one year.
 * Verified (search, pages corpus): the order's title (the form, its filling rules, and the format
 * and procedure of sending the data to the tax authority electronically), the form code КНД
 * 1151156, that it covers expenses from 2024, service codes 01 (ordinary) and 02 (expensive
 * treatment). The field list below follows the form as remembered; see the XML file for what of
 * its format is unverified.
 */

/** Whom the taxpayer paid for: the deduction covers oneself, a spouse, parents, children and wards. */
export const PATIENT_RELATIONS = ['SPOUSE', 'PARENT', 'CHILD', 'WARD'] as const;
export type PatientRelation = (typeof PATIENT_RELATIONS)[number];

const personInn = z
  .string()
  .refine(
    isValidPersonInn,
    'ИНН физического лица должен состоять из 12 цифр с верными контрольными разрядами',
  );

const documentSchema = z.object({
  /** Код вида документа по справочнику ФНС («21» — паспорт гражданина РФ, «03» — свидетельство о рождении). */
  code: z.string().regex(/^\d{2}$/, 'Код вида документа — две цифры (например, 21 — паспорт гражданина РФ)'),
  seriesNumber: text('Укажите серию и номер документа'),
  issuedAt: calendarDate('Дата выдачи документа'),
});

const personSchema = z.object({
  fullName: text('Укажите фамилию, имя и отчество').refine(
    (name) => name.split(/\s+/).length >= 2,
    'Укажите как минимум фамилию и имя',
  ),
  inn: personInn.optional(),
  birthDate: calendarDate('Дата рождения'),
  document: documentSchema,
});

export const taxCertificateDataSchema = z
  .object({
    /** Отчётный год: the year the services were paid for. */
    year: z
      .number()
      .int('Год — целое число')
      .min(2024, 'Справка по форме КНД 1151156 выдаётся за расходы начиная с 2024 года'),
    number: text('Укажите номер справки').refine(
      (n) => n.length <= 12,
      'Номер справки — не длиннее 12 знаков',
    ),
    /** Номер корректировки: 0 for the first certificate, then 1, 2… for corrections. */
    correction: z.number().int().min(0).max(999).default(0),
    issuedAt: calendarDate('Дата выдачи справки'),
    clinic: z.object({
      name: text('Укажите наименование медицинской организации'),
      inn: z
        .string()
        .refine(
          isValidOrganisationInn,
          'ИНН организации должен состоять из 10 цифр с верным контрольным разрядом',
        ),
      kpp: z.string().refine(isValidKpp, 'КПП должен состоять из 9 знаков'),
      licence: text('Укажите лицензию на медицинскую деятельность'),
    }),
    taxpayer: personSchema,
    /** The patient when not the taxpayer, with whom the patient is to the taxpayer. */
    patient: personSchema
      .extend({
        relation: z.enum(
          PATIENT_RELATIONS,
          'Вычет предоставляется за лечение супруга, родителей, детей и подопечных',
        ),
      })
      .optional(),
    sums: z
      .array(
        z.object({
          code: z.enum(['01', '02'], 'Код услуги — 01 или 02'),
          kopecks: kopecks('Сумма расходов'),
        }),
      )
      .min(1, 'Укажите сумму расходов хотя бы по одному коду услуги')
      .refine(
        (sums) => new Set(sums.map((s) => s.code)).size === sums.length,
        'Каждый код услуги указывается один раз',
      )
      .refine((sums) => sums.some((s) => s.kopecks > 0), 'Сумма расходов должна быть больше нуля'),
    signer: z.object({
      fullName: text('Укажите ФИО лица, подписавшего справку'),
      position: z.string().trim().optional(),
    }),
  })
  .refine((d) => Number(d.issuedAt.slice(0, 4)) >= d.year, {
    path: ['issuedAt'],
    message: 'Справка не может быть выдана раньше отчётного года',
  })
  .superRefine((d, ctx) => {
    // FNS XML is windows-1251: a character outside it would be lost, so it is refused here.
    const strings: Array<[string, string]> = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'string') strings.push([path, value]);
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    };
    walk(d, '');
    for (const [path, value] of strings) {
      const bad = nonWindows1251(value);
      if (bad.length) {
        ctx.addIssue({
          code: 'custom',
          path: path.split('.'),
          message: `Символы «${bad.join('')}» нельзя передать в налоговый орган (кодировка windows-1251)`,
        });
      }
    }
  });

export type TaxCertificateInput = z.input<typeof taxCertificateDataSchema>;
export type TaxCertificateData = z.output<typeof taxCertificateDataSchema>;

/** Thrown by {@link taxCertificate} when the data cannot make a valid certificate. */
export class TaxCertificateError extends Error {
  constructor(readonly issues: DocumentIssue[]) {
    super(`Справка не может быть сформирована: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'TaxCertificateError';
  }
}

/** Validates certificate data; Russian issues on failure. */
export function parseTaxCertificateData(input: TaxCertificateInput): TaxCertificateData {
  const parsed = taxCertificateDataSchema.safeParse(input, { error: russianZodError });
  if (!parsed.success) throw new TaxCertificateError(toDocumentIssues(parsed.error));
  return parsed.data;
}

export type TaxCertificate = {
  /** The printable form. */
  pdf: Promise<Buffer>;
  /** The XML text (its declaration says windows-1251). */
  xml: string;
  /** The file to send: `xml` encoded as windows-1251. */
  xmlFile: Buffer;
  /** `<ИдФайл>.xml` */
  fileName: string;
};

/**
 * The certificate for one taxpayer and year: the PDF form, and the XML for the tax authority with
 * its file name. `fileGuid` makes the file name reproducible (a random UUID otherwise).
 * Throws {@link TaxCertificateError} with Russian messages when the data is not valid.
 */
export function taxCertificate(
  input: TaxCertificateInput,
  options: { fileGuid?: string } = {},
): TaxCertificate {
  const data = parseTaxCertificateData(input);
  const fileId = taxCertificateFileName(data, options.fileGuid ?? randomUUID());
  const xml = buildTaxCertificateXml(data, fileId);
  return { pdf: taxCertificatePdf(data), xml, xmlFile: encodeWindows1251(xml), fileName: `${fileId}.xml` };
}
