import { XMLBuilder } from 'fast-xml-parser';
import { formatShortDate, formatXmlAmount, splitFullName } from './format';
import type { TaxCertificateData } from './tax-certificate';

/**
 * The certificate's data in the FNS XML format of order No. ЕА-7-11/824@ (appendix with the format
 * of the data sent to the tax authority electronically).
 *
 * VERIFIED against other FNS formats' text (search, pages corpus), i.e. conventions every FNS XML
 * format shares: the file name `R_T_A_K_O_GGGGMMDD_N` (prefix, recipient tax office A and final
 * recipient K as 4-digit codes, sender O = ИНН+КПП of an organisation, the date, a GUID); the root
 * `Файл` with `ИдФайл` repeating the file name without extension, `ВерсПрог`, `ВерсФорм`, and one
 * `Документ` with `КНД`; dates as `ДД.ММ.ГГГГ`; money as rubles with a point and two decimals.
 * The windows-1251 encoding is the FNS norm for its XML formats (from knowledge, not this format).
 *
 * NOT VERIFIED — this format's own text (its XSD) was not found in the stored corpus: the prefix
 * `R_T` below, the version 5.01, and every element and attribute name under `Документ` other than
 * `КНД` (they follow the names of the form's fields and the usual FNS types: ФИО with
 * Фамилия/Имя/Отчество, a document with КодВидДок/СерНомДок). Check against the XSD published with
 * the order before the first electronic submission; the builder keeps each name in one place.
 */

/** UNVERIFIED placeholder of the format's file prefix (R_T). */
export const TAX_CERTIFICATE_FILE_PREFIX = 'UT_SVOPLMEDUSL';
/** UNVERIFIED format version. */
export const TAX_CERTIFICATE_FORMAT_VERSION = '5.01';
export const TAX_CERTIFICATE_KND = '1151156';
const PROGRAM_VERSION = 'Medikamente 1.0';

/**
 * The file identifier (the file name without `.xml`): A = K = the tax office where the clinic is
 * registered (the first four digits of its КПП), O = ИНН+КПП, the issue date, a GUID.
 */
export function taxCertificateFileName(data: TaxCertificateData, guid: string): string {
  const office = data.clinic.kpp.slice(0, 4);
  const date = data.issuedAt.replace(/-/g, '');
  return `${TAX_CERTIFICATE_FILE_PREFIX}_${office}_${office}_${data.clinic.inn}${data.clinic.kpp}_${date}_${guid.toUpperCase()}`;
}

type Person = TaxCertificateData['taxpayer'];

function fio(fullName: string): Record<string, string> {
  const { surname, given, patronymic } = splitFullName(fullName);
  return { '@_Фамилия': surname, '@_Имя': given, ...(patronymic ? { '@_Отчество': patronymic } : {}) };
}

function person(p: Person): Record<string, unknown> {
  return {
    ...(p.inn ? { '@_ИННФЛ': p.inn } : {}),
    '@_ДатаРожд': formatShortDate(p.birthDate),
    ФИО: fio(p.fullName),
    СвДУЛ: {
      '@_КодВидДок': p.document.code,
      '@_СерНомДок': p.document.seriesNumber,
      '@_ДатаДок': formatShortDate(p.document.issuedAt),
    },
  };
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
});

/** The XML text, declaration included (encode it with `encodeWindows1251` to send). */
export function buildTaxCertificateXml(data: TaxCertificateData, fileId: string): string {
  const sums = [...data.sums].filter((s) => s.kopecks > 0).sort((a, b) => a.code.localeCompare(b.code));
  const document = {
    '@_КНД': TAX_CERTIFICATE_KND,
    '@_ДатаДок': formatShortDate(data.issuedAt),
    '@_НомСправ': data.number,
    '@_НомКорр': String(data.correction),
    '@_ОтчГод': String(data.year),
    // 1 — the taxpayer and the patient are one person, 0 — they are not.
    '@_ПрПацНП': data.patient ? '0' : '1',
    СвМедОрг: { '@_НаимОрг': data.clinic.name, '@_ИННЮЛ': data.clinic.inn, '@_КПП': data.clinic.kpp },
    НП: person(data.taxpayer),
    ...(data.patient ? { Пациент: person(data.patient) } : {}),
    СумРасх: sums.map((s) => ({ '@_КодУсл': s.code, '@_Сумма': formatXmlAmount(s.kopecks) })),
    Подписант: { ФИО: fio(data.signer.fullName) },
  };
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'windows-1251' },
    Файл: {
      '@_ИдФайл': fileId,
      '@_ВерсПрог': PROGRAM_VERSION,
      '@_ВерсФорм': TAX_CERTIFICATE_FORMAT_VERSION,
      Документ: document,
    },
  });
}
