import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatRubles, formatShortDate, splitFullName } from './format';
import { DOCUMENT_FONT, renderPdf } from './pdf-printer';
import type { TaxCertificateData } from './tax-certificate';

/**
 * The printable certificate, laid out after the paper form КНД 1151156: the clinic's ИНН/КПП and
 * the form code at the top, the certificate's number, correction and year, the taxpayer (and the
 * patient when not the taxpayer) with the identity document, the sums by service code, and the
 * signature. The order of the blocks follows the form as remembered (the form's image was not
 * available to compare field by field).
 */

const label = (text: string): TableCell => ({ text, style: 'label' });
const value = (text: string): TableCell => ({ text, style: 'value' });

function fieldTable(rows: Array<[string, string]>): Content {
  return {
    table: { widths: [190, '*'], body: rows.map(([l, v]) => [label(l), value(v)]) },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#bbbbbb' },
    margin: [0, 0, 0, 8],
  };
}

function personBlock(title: string, person: TaxCertificateData['taxpayer']): Content[] {
  const { surname, given, patronymic } = splitFullName(person.fullName);
  return [
    { text: title, style: 'heading' },
    fieldTable([
      ['Фамилия', surname],
      ['Имя', given],
      ['Отчество', patronymic ?? '—'],
      ['ИНН', person.inn ?? '—'],
      ['Дата рождения', formatShortDate(person.birthDate)],
      ['Код вида документа, удостоверяющего личность', person.document.code],
      ['Серия и номер документа', person.document.seriesNumber],
      ['Дата выдачи документа', formatShortDate(person.document.issuedAt)],
    ]),
  ];
}

function sumFor(data: TaxCertificateData, code: '01' | '02'): number {
  return data.sums.find((s) => s.code === code)?.kopecks ?? 0;
}

/** The pdfmake document of a certificate; pure, reproducible (the creation date is the issue date). */
export function buildTaxCertificateDocument(data: TaxCertificateData): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [50, 40, 40, 50],
    language: 'ru-RU',
    info: {
      title: 'Справка об оплате медицинских услуг для представления в налоговый орган',
      author: data.clinic.name,
      subject: 'Форма по КНД 1151156',
      creator: 'Medikamente',
      producer: 'Medikamente',
      creationDate: new Date(`${data.issuedAt}T00:00:00+03:00`),
    },
    defaultStyle: { font: DOCUMENT_FONT, fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 12, bold: true, alignment: 'center', margin: [0, 10, 0, 8] },
      heading: { fontSize: 10, bold: true, margin: [0, 6, 0, 3] },
      label: { fontSize: 8.5, color: '#333333' },
      value: { fontSize: 9.5, bold: true },
      small: { fontSize: 8, color: '#333333' },
    },
    content: [
      {
        columns: [
          {
            text: [
              { text: 'ИНН ', style: 'small' },
              { text: data.clinic.inn, bold: true },
            ],
          },
          {
            text: [
              { text: 'КПП ', style: 'small' },
              { text: data.clinic.kpp, bold: true },
            ],
          },
          { text: 'Стр. 001', alignment: 'right', style: 'small' },
        ],
      },
      { text: 'Форма по КНД 1151156', alignment: 'right', style: 'small', margin: [0, 2, 0, 0] },
      { text: 'Справка об оплате медицинских услуг для представления в налоговый орган', style: 'title' },
      fieldTable([
        ['Номер справки', data.number],
        ['Номер корректировки', String(data.correction)],
        ['Отчётный год', String(data.year)],
        ['Наименование медицинской организации', data.clinic.name],
        ['Лицензия на осуществление медицинской деятельности', data.clinic.licence],
        ['Налогоплательщик и пациент являются одним лицом', data.patient ? '0 — нет' : '1 — да'],
      ]),
      ...personBlock('Данные о налогоплательщике', data.taxpayer),
      ...(data.patient ? personBlock('Данные о пациенте', data.patient) : []),
      { text: 'Сумма расходов на оказанные медицинские услуги', style: 'heading' },
      fieldTable([
        ['Код услуги 01', formatRubles(sumFor(data, '01'))],
        ['Код услуги 02', formatRubles(sumFor(data, '02'))],
      ]),
      {
        text: 'Достоверность и полноту сведений, указанных в настоящей справке, подтверждаю:',
        margin: [0, 8, 0, 6],
      },
      {
        columns: [
          {
            width: '*',
            text: [
              data.signer.position ? `${data.signer.position} ` : '',
              { text: data.signer.fullName, bold: true },
            ],
          },
          {
            width: 120,
            stack: [
              { canvas: [{ type: 'line', x1: 0, y1: 10, x2: 110, y2: 10, lineWidth: 0.5 }] },
              { text: '(подпись)', style: 'small', alignment: 'center', margin: [0, 1, 10, 0] },
            ],
          },
          { width: 'auto', text: `Дата ${formatShortDate(data.issuedAt)}` },
        ],
      },
    ],
  };
}

/** The certificate as a PDF. */
export function taxCertificatePdf(data: TaxCertificateData): Promise<Buffer> {
  return renderPdf(buildTaxCertificateDocument(data));
}
