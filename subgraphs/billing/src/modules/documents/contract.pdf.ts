import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { RenderedContract, RenderedParty, RenderedSection } from './contract-render';
import { DOCUMENT_FONT, renderPdf } from './pdf-printer';

const PAGE_MARGINS: [number, number, number, number] = [50, 40, 40, 50];
/** Room (pt) a heading needs below it, so it does not stay alone at the bottom of a page. */
const HEADING_MIN_ROOM = 60;

function servicesTable(contract: RenderedContract): Content {
  const header = ['№', 'Код услуги', 'Наименование услуги', 'Кол-во', 'Цена', 'Сумма'].map(
    (title): TableCell => ({ text: title, style: 'tableHeader' }),
  );
  const rows = contract.services.map((line): TableCell[] => [
    { text: String(line.number), style: 'tableCell' },
    { text: line.code ?? '—', style: 'tableCell' },
    { text: line.name, style: 'tableCell' },
    { text: String(line.quantity), style: 'tableCell', alignment: 'right' },
    { text: line.unitPriceText, style: 'tableCell', alignment: 'right', noWrap: true },
    { text: line.amountText, style: 'tableCell', alignment: 'right', noWrap: true },
  ]);
  const total: TableCell[] = [
    { text: 'Итого', style: 'tableHeader', colSpan: 5, alignment: 'right' },
    {},
    {},
    {},
    {},
    { text: contract.totalText, style: 'tableHeader', alignment: 'right', noWrap: true },
  ];
  return {
    margin: [0, 2, 0, 6],
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [16, 62, '*', 34, 66, 70],
      body: [header, ...rows, total],
    },
    layout: 'lightHorizontalLines',
  };
}

function section(contract: RenderedContract, s: RenderedSection): Content[] {
  return [
    { text: `${s.number}. ${s.heading}`, style: 'heading', headlineLevel: 1 },
    ...s.paragraphs.map(
      (p): Content =>
        p.kind === 'services'
          ? servicesTable(contract)
          : { text: `${p.number}. ${p.text}`, style: 'paragraph' },
    ),
  ];
}

function party(p: RenderedParty): Content {
  return {
    unbreakable: true,
    margin: [0, 0, 0, 10],
    stack: [
      { text: p.role, bold: true },
      { text: p.name },
      ...p.details.map((line): Content => ({ text: line, style: 'detail' })),
      {
        margin: [0, 8, 0, 0],
        columns: [
          { width: 'auto', text: `${p.signature.caption}  ` },
          { width: 120, canvas: [{ type: 'line', x1: 0, y1: 10, x2: 120, y2: 10, lineWidth: 0.5 }] },
          { width: '*', text: `  / ${p.signature.name} /` },
        ],
      },
    ],
  };
}

/**
 * The pdfmake document of a rendered contract. Pure; the metadata carries no personal data, and
 * the creation date is the acceptance time or the contract date, so the bytes are reproducible.
 */
export function buildContractDocument(contract: RenderedContract): TDocumentDefinitions {
  const created = contract.acceptance
    ? new Date(contract.acceptance.at)
    : new Date(`${contract.date}T00:00:00+03:00`);
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: 'ru-RU',
    info: {
      title: `${contract.title} № ${contract.number}`,
      author: contract.clinicName,
      subject: 'Договор на оказание платных медицинских услуг',
      creator: 'Medikamente',
      producer: 'Medikamente',
      creationDate: created,
    },
    defaultStyle: { font: DOCUMENT_FONT, fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      clinic: { fontSize: 10, bold: true, alignment: 'center' },
      title: { fontSize: 13, bold: true, alignment: 'center', margin: [0, 8, 0, 2] },
      heading: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
      paragraph: { alignment: 'justify', margin: [0, 0, 0, 3] },
      detail: { fontSize: 8.5, color: '#333333' },
      tableHeader: { bold: true, fontSize: 8.5, fillColor: '#eeeeee' },
      tableCell: { fontSize: 8.5 },
      acceptance: { fontSize: 9, italics: true, margin: [0, 4, 0, 0] },
      footer: { fontSize: 7, color: '#555555' },
    },
    content: [
      { text: contract.clinicName, style: 'clinic' },
      { text: contract.title, style: 'title' },
      { text: `№ ${contract.number}`, alignment: 'center', margin: [0, 0, 0, 6] },
      {
        columns: [{ text: contract.city ?? '' }, { text: contract.dateText, alignment: 'right' }],
        margin: [0, 0, 0, 8],
      },
      ...contract.preamble.map((text): Content => ({ text, style: 'paragraph' })),
      ...contract.sections.flatMap((s) => section(contract, s)),
      {
        text: `${contract.sections.length + 1}. Реквизиты и подписи сторон`,
        style: 'heading',
        headlineLevel: 1,
      },
      ...contract.parties.map(party),
      ...(contract.acceptance ? [{ text: contract.acceptance.text, style: 'acceptance' } as Content] : []),
    ],
    pageBreakBefore: ({ headlineLevel, startPosition: at }) =>
      headlineLevel === 1 && (1 - at.verticalRatio) * at.pageInnerHeight < HEADING_MIN_ROOM,
    footer: (currentPage, pageCount) => ({
      margin: [PAGE_MARGINS[0], 16, PAGE_MARGINS[2], 0],
      style: 'footer',
      columns: [
        { text: `Договор № ${contract.number} от ${contract.dateText}` },
        { text: `Стр. ${currentPage} из ${pageCount}`, alignment: 'right' },
      ],
    }),
  };
}

/** The contract as a PDF (A4, Cyrillic text that survives text extraction). */
export function contractPdf(contract: RenderedContract): Promise<Buffer> {
  return renderPdf(buildContractDocument(contract));
}
