import { DateTime } from 'luxon';

/**
 * What the billing ledger hands to the 1C export, and how it becomes 1C:Бухгалтерия 3.0 objects.
 *
 * Privacy: an item carries amounts, dates, our ids and the receipt's fiscal number — nothing
 * else. The payer reaches 1C as a pseudonymous counterparty «Пациент <first 8 hex of our patient
 * id>»: no name, phone, e-mail or document of the patient ever leaves the billing subgraph.
 * The mapping below reads only the fields it names, so a richer record passed by mistake
 * still sends nothing more.
 */

export type PaymentMethod = 'cash' | 'card' | 'online';

export type ExportItem =
  | {
      kind: 'payment';
      /** Our payment id. */
      id: string;
      method: PaymentMethod;
      amountKopecks: number;
      at: Date;
      payer: { patientId: string };
      /** The fiscal document number of the sale receipt (FFD tag 1040), when fiscalised. */
      receiptFiscalNumber?: number | string | null;
    }
  | {
      kind: 'refund';
      /** Our refund id. */
      id: string;
      /** The refunded payment (our id). */
      paymentId: string;
      /** How the money goes back: the method of the refunded payment. */
      method: PaymentMethod;
      amountKopecks: number;
      at: Date;
      payer: { patientId: string };
      receiptFiscalNumber?: number | string | null;
    };

/** What the map store keys on: our record kinds, plus the payer's 1C counterparty. */
export type ExportKind = ExportItem['kind'] | 'counterparty';

/**
 * Settings of the clinic's 1C infobase: references that differ per base. `extra` adds fields a
 * particular base needs to post (cash account `СчетКасса_Key`, cash-flow item, settlement
 * accounts…) without code changes; the export never sends anything personal through it.
 */
export type OneCExportConfig = {
  /** `Catalog_Организации` Ref_Key of the clinic's legal entity. */
  organizationKey: string;
  /** `Catalog_ВидыОплатОрганизаций` Ref_Key of the desk POS-terminal acquiring. */
  cardPaymentKindKey?: string;
  /** The same for online acquiring (YooKassa); the card one when absent. */
  onlinePaymentKindKey?: string;
  /** The organization's time zone: 1C stores dates as local wall-clock time. */
  timeZone?: string;
  extra?: Partial<Record<OneCDocumentSet, Record<string, unknown>>>;
};

/**
 * Decision (1C:Бухгалтерия 3.0, «Банк и касса»):
 * - cash at the desk → «Приходный кассовый ордер» `Document_ПриходныйКассовыйОрдер`, operation
 *   `ОплатаПокупателя`; a cash refund → `Document_РасходныйКассовыйОрдер`, operation
 *   `ВозвратДенежныхСредствПокупателю`;
 * - card at the desk and online (YooKassa) → «Операция по платежной карте». In Бухгалтерия 3.0
 *   its metadata name is `ОплатаПлатежнойКартой` (`Document_ОплатаПлатежнойКартой`, Дт 57.03 —
 *   Кт 62); `ОперацияПоПлатежнойКарте` is the name of the same kind of document in УТ 11 / ERP,
 *   which an accounting base does not have. Operations `ОплатаПокупателя` / `ВозвратПокупателю`;
 *   the acquiring contract is the `ВидОплаты_Key` (desk terminal vs online acquiring).
 * Bank statements (the acquirer's settlement to the account, 57.03 → 51) are not ours to post.
 */
export const DOCUMENT_SETS = {
  cashIn: 'Document_ПриходныйКассовыйОрдер',
  cashOut: 'Document_РасходныйКассовыйОрдер',
  card: 'Document_ОплатаПлатежнойКартой',
} as const;
export type OneCDocumentSet = (typeof DOCUMENT_SETS)[keyof typeof DOCUMENT_SETS];
export const COUNTERPARTIES = 'Catalog_Контрагенты';

/**
 * The field that carries our id in 1C, exactly `MK:<kind>:<our id>`: the export looks it up
 * before creating, so a crash between creating in 1C and remembering the Ref_Key never makes a
 * duplicate. Must be compared with `eq`: in a base where `Комментарий` is an unlimited string
 * (1C cannot compare those in a filter) point it at a limited string attribute instead.
 */
export const MARKER_FIELD = 'Комментарий';
export const marker = (kind: ExportKind, ourId: string) => `MK:${kind}:${ourId}`;

/** «Пациент 1a2b3c4d»: a pseudonym from our own id, readable for the accountant. */
export const payerPseudonym = (patientId: string) => `Пациент ${patientId.replaceAll('-', '').slice(0, 8)}`;

/** Kopecks → rubles as 1C's Edm.Double (exact for 2 decimals). */
export const rubles = (kopecks: number) => {
  if (!Number.isSafeInteger(kopecks) || kopecks < 0) throw new RangeError('amount must be whole kopecks');
  return Number((kopecks / 100).toFixed(2));
};

/** 1C dates have no zone: the organization's local time, `YYYY-MM-DDTHH:mm:ss`. */
export const oneCDate = (at: Date, timeZone = 'Europe/Moscow') =>
  DateTime.fromJSDate(at, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");

/** The pseudonymous counterparty of a payer (individual). */
export function counterpartyBody(patientId: string): Record<string, unknown> {
  const name = payerPseudonym(patientId);
  return {
    Description: name,
    НаименованиеПолное: name,
    ЮридическоеФизическоеЛицо: 'ФизическоеЛицо',
    [MARKER_FIELD]: marker('counterparty', patientId),
  };
}

const fiscalText = (item: ExportItem) =>
  item.receiptFiscalNumber == null || item.receiptFiscalNumber === ''
    ? undefined
    : `${item.kind === 'refund' ? 'Кассовый чек возврата' : 'Кассовый чек'} ФД № ${item.receiptFiscalNumber}`;

/** The 1C document an item becomes: its entity set and the body to create. */
export function documentFor(
  item: ExportItem,
  counterpartyKey: string,
  config: OneCExportConfig,
): { entitySet: OneCDocumentSet; body: Record<string, unknown> } {
  const sum = rubles(item.amountKopecks);
  const refund = item.kind === 'refund';
  const entitySet =
    item.method === 'cash' ? (refund ? DOCUMENT_SETS.cashOut : DOCUMENT_SETS.cashIn) : DOCUMENT_SETS.card;
  const who = payerPseudonym(item.payer.patientId);
  const fiscal = fiscalText(item);
  const common: Record<string, unknown> = {
    Date: oneCDate(item.at, config.timeZone),
    Организация_Key: config.organizationKey,
    Контрагент: counterpartyKey,
    Контрагент_Type: `StandardODATA.${COUNTERPARTIES}`,
    СуммаДокумента: sum,
    [MARKER_FIELD]: marker(item.kind, item.id),
    // Licensed medical services are VAT-exempt (Tax Code art. 149 p. 2 pp. 2).
    РасшифровкаПлатежа: [
      {
        LineNumber: '1',
        СпособПогашенияЗадолженности: 'Автоматически',
        СуммаПлатежа: sum,
        СуммаВзаиморасчетов: sum,
        КурсВзаиморасчетов: 1,
        КратностьВзаиморасчетов: 1,
        СтавкаНДС: 'БезНДС',
        СуммаНДС: 0,
      },
    ],
  };
  let specific: Record<string, unknown>;
  if (entitySet === DOCUMENT_SETS.cashIn) {
    specific = { ВидОперации: 'ОплатаПокупателя', ПринятоОт: who, Основание: 'Оплата медицинских услуг' };
  } else if (entitySet === DOCUMENT_SETS.cashOut) {
    specific = {
      ВидОперации: 'ВозвратДенежныхСредствПокупателю',
      Выдать: who,
      Основание: 'Возврат оплаты медицинских услуг',
    };
  } else {
    const kindKey =
      item.method === 'online'
        ? (config.onlinePaymentKindKey ?? config.cardPaymentKindKey)
        : config.cardPaymentKindKey;
    specific = {
      ВидОперации: refund ? 'ВозвратПокупателю' : 'ОплатаПокупателя',
      ...(kindKey ? { ВидОплаты_Key: kindKey } : {}),
    };
  }
  // «Приложение» is the attachments line of the cash order form; the card document has none.
  const attachment = fiscal && entitySet !== DOCUMENT_SETS.card ? { Приложение: fiscal } : {};
  // Our fields win over `extra`: configuration adds account keys, it cannot rewrite the record.
  return { entitySet, body: { ...(config.extra?.[entitySet] ?? {}), ...common, ...specific, ...attachment } };
}
