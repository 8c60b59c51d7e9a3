import { createHash } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';
import { type ExportItem, marker, oneCDate, payerPseudonym } from './onec-documents';

/**
 * The fallback when 1C's OData interface is not published: an EnterpriseData («Универсальный
 * формат обмена», format 1.x) message file the accountant loads in 1C:Бухгалтерия through
 * «Синхронизация данных» / «Загрузка из файла».
 *
 * Verified against real EnterpriseData files and public integrations (search, code corpus):
 * - the envelope `<Message xmlns:msg="http://www.1c.ru/SSL/Exchange/Message" xmlns:xs xmlns:xsi>`
 *   with `msg:Header` (`msg:Format` = the format namespace, `msg:CreationDate`,
 *   `msg:AvailableVersion`; `msg:Confirmation` only inside an exchange plan, not for a file),
 *   and `<Body xmlns="http://v8.1c.ru/edi/edi_stnd/EnterpriseData/1.8">`;
 * - objects as `<Справочник.X>` / `<Документ.X>` with `КлючевыеСвойства` (`Ссылка`, `Дата`,
 *   `Номер`, `Организация`); references embed the key properties of the referenced object;
 *   tabular rows are `<Строка>` elements; `Справочник.Контрагенты` key properties `Ссылка`,
 *   `Наименование`, `НаименованиеПолное`, `ЮридическоеФизическоеЛицо`;
 * - `Документ.ОплатаПлатежнойКартой` with `ВидОперации` `ОплатаПокупателя` (a 1.0 file);
 *   `Документ.ПКОРасчетыСКонтрагентами` (a 1.22 file from 1C:Розница).
 * Not verified: `Документ.РКОРасчетыСКонтрагентами` (named by symmetry), the refund operation
 * `ВозвратПокупателю` in this format, the `РасшифровкаПлатежа` row fields, and whether every
 * element name exists in the XDTO package of the version declared — check a test load into the
 * clinic's base before relying on the file.
 */
export const MESSAGE_NS = 'http://www.1c.ru/SSL/Exchange/Message';
export const enterpriseDataNs = (version: string) => `http://v8.1c.ru/edi/edi_stnd/EnterpriseData/${version}`;
export const DEFAULT_FORMAT_VERSION = '1.8';

export const ED_DOCUMENTS = {
  cashIn: 'Документ.ПКОРасчетыСКонтрагентами',
  cashOut: 'Документ.РКОРасчетыСКонтрагентами',
  card: 'Документ.ОплатаПлатежнойКартой',
} as const;
export const ED_COUNTERPARTY = 'Справочник.Контрагенты';

export type EnterpriseDataOrganization = { ref: string; name: string; inn: string; kpp?: string };
export type EnterpriseDataOptions = {
  organization: EnterpriseDataOrganization;
  createdAt?: Date;
  formatVersion?: string;
  timeZone?: string;
};

/**
 * A stable UUID (name-based, SHA-1, RFC 4122 v5 layout) for our key: the same record always
 * gets the same `Ссылка`, so loading the file twice maps onto the same 1C objects.
 */
export function stableRef(key: string): string {
  const h = createHash('sha1').update(`medikamente:1c:${key}`, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const money = (kopecks: number) => {
  if (!Number.isSafeInteger(kopecks) || kopecks < 0) throw new RangeError('amount must be whole kopecks');
  return `${Math.floor(kopecks / 100)}.${String(kopecks % 100).padStart(2, '0')}`;
};

const counterparty = (patientId: string) => ({
  Ссылка: stableRef(marker('counterparty', patientId)),
  Наименование: payerPseudonym(patientId),
  НаименованиеПолное: payerPseudonym(patientId),
  ЮридическоеФизическоеЛицо: 'ФизическоеЛицо',
});

function documentOf(item: ExportItem, options: EnterpriseDataOptions) {
  const org = options.organization;
  const refund = item.kind === 'refund';
  const element =
    item.method === 'cash' ? (refund ? ED_DOCUMENTS.cashOut : ED_DOCUMENTS.cashIn) : ED_DOCUMENTS.card;
  const fiscal =
    item.receiptFiscalNumber == null || item.receiptFiscalNumber === ''
      ? ''
      : `; ${refund ? 'кассовый чек возврата' : 'кассовый чек'} ФД № ${item.receiptFiscalNumber}`;
  const body = {
    КлючевыеСвойства: {
      Ссылка: stableRef(marker(item.kind, item.id)),
      Дата: oneCDate(item.at, options.timeZone),
      // Our id's first 8 hex digits: fits 1C's 11-character numbers, traceable to the record.
      Номер: `МК-${item.id.replaceAll('-', '').slice(0, 8).toUpperCase()}`,
      Организация: {
        Ссылка: org.ref,
        Наименование: org.name,
        ИНН: org.inn,
        ...(org.kpp ? { КПП: org.kpp } : {}),
        ЮридическоеФизическоеЛицо: 'ЮридическоеЛицо',
      },
    },
    ...(element === ED_DOCUMENTS.card
      ? { ВидОперации: refund ? 'ВозвратПокупателю' : 'ОплатаПокупателя' }
      : {}),
    ВалютаДокумента: { ДанныеКлассификатора: { Код: '643', Наименование: 'руб.' } },
    СуммаДокумента: money(item.amountKopecks),
    Контрагент: counterparty(item.payer.patientId),
    Комментарий: `${marker(item.kind, item.id)}${fiscal}`,
    РасшифровкаПлатежа: { Строка: [{ Сумма: money(item.amountKopecks), СтавкаНДС: 'БезНДС' }] },
  };
  return { element, body };
}

/** Builds the EnterpriseData message (UTF-8 XML text) for a batch of payments and refunds. */
export function buildEnterpriseDataMessage(
  items: readonly ExportItem[],
  options: EnterpriseDataOptions,
): string {
  const version = options.formatVersion ?? DEFAULT_FORMAT_VERSION;
  const payers = [...new Set(items.map((i) => i.payer.patientId))];
  // Catalog items first: 1C resolves the references of the documents that follow to them.
  const body: Record<string, unknown> = {
    '@_xmlns': enterpriseDataNs(version),
    [ED_COUNTERPARTY]: payers.map((p) => ({ КлючевыеСвойства: counterparty(p) })),
  };
  for (const item of items) {
    const { element, body: doc } = documentOf(item, options);
    const list = (body[element] as unknown[] | undefined) ?? [];
    list.push(doc);
    body[element] = list;
  }
  const message = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Message: {
      '@_xmlns:msg': MESSAGE_NS,
      '@_xmlns:xs': 'http://www.w3.org/2001/XMLSchema',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'msg:Header': {
        'msg:Format': enterpriseDataNs(version),
        'msg:CreationDate': oneCDate(options.createdAt ?? new Date(), options.timeZone),
        'msg:AvailableVersion': version,
      },
      Body: body,
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '\t',
    suppressEmptyNode: true,
  });
  return builder.build(message) as string;
}
