/**
 * Money and billing labels shared by the staff app and the portal. Amounts travel as integer
 * kopecks; they are shown the Russian way ("2 500,00 ₽") whatever the browser's locale, computed
 * with integers only (no Intl, no floating point), so the server's and the browser's markup agree.
 */

import { ERROR_TEXT } from './ui';

const NBSP = '\u00a0';

/** "2 500,00 ₽" from 250000 kopecks; "−150,00 ₽" for a negative amount; "—" when unknown. */
export function rubles(kopecks: number | null | undefined): string {
  if (kopecks == null || !Number.isFinite(kopecks)) return '—';
  const whole = Math.round(kopecks);
  const abs = Math.abs(whole);
  const rub = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const kop = String(abs % 100).padStart(2, '0');
  return `${whole < 0 ? '−' : ''}${rub},${kop}${NBSP}₽`;
}

/** "2 500,00" (no currency sign): the value of an amount field. */
export const rublesValue = (kopecks: number): string => rubles(kopecks).replace(`${NBSP}₽`, '');

/**
 * Kopecks from what a person typed: "2500", "2 500", "2500,5", "2500.50", "2 500,00 ₽".
 * Null when it is not an amount of rubles with at most two decimals (or is too large).
 */
export function parseRubles(text: string): number | null {
  const t = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(₽|руб\.?|р\.?)$/i, '')
    .trim();
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** Change to give back for cash: tendered − due, or null while the tendered sum is short or unknown. */
export function changeKopecks(tendered: number | null, due: number): number | null {
  return tendered != null && tendered >= due ? tendered - due : null;
}

export const INVOICE_STATUS_LABELS: Record<string, string> = {
  UNPAID: 'не оплачен',
  PARTIALLY_PAID: 'оплачен частично',
  PAID: 'оплачен',
  CANCELLED: 'аннулирован',
};

export const PAYMENT_STATUS_LABELS: Record<string, string> = {
  PENDING_FISCAL: 'ждёт чека кассы',
  CAPTURED: 'проведён',
  FAILED: 'касса отказала',
  AWAITING_PAYER: 'ожидает оплаты',
  CAPTURING: 'списывается',
  CANCELED: 'отменён',
};

export const PAYMENT_METHOD_LABELS: Record<string, string> = {
  CASH: 'наличные',
  CARD: 'карта',
  ONLINE: 'онлайн',
};

export const REFUND_STATUS_LABELS: Record<string, string> = {
  PENDING: 'выполняется',
  DONE: 'выполнен',
  FAILED: 'не выполнен',
};

/** Tag 1054, the operation sign, as printed on a receipt. */
export const RECEIPT_OPERATION_LABELS: Record<string, string> = {
  SELL: 'Приход',
  SELL_RETURN: 'Возврат прихода',
};

/** Tag 1199 as printed on a receipt. */
export const VAT_LABELS: Record<string, string> = {
  NONE: 'без НДС',
  VAT0: 'НДС 0%',
  VAT5: 'НДС 5%',
  VAT7: 'НДС 7%',
  VAT10: 'НДС 10%',
  VAT20: 'НДС 20%',
  VAT22: 'НДС 22%',
};

/** Tag 1214 (payment method sign) in the register's terms. */
export const SETTLEMENT_LABELS: Record<string, string> = {
  fullPrepayment: 'предоплата 100%',
  prepayment: 'предоплата',
  advance: 'аванс',
  fullPayment: 'полный расчёт',
  partialPayment: 'частичный расчёт и кредит',
  credit: 'передача в кредит',
  creditPayment: 'оплата кредита',
};

/** Tag 1212 (payment subject) in the register's terms. */
export const SUBJECT_LABELS: Record<string, string> = {
  commodity: 'товар',
  service: 'услуга',
  job: 'работа',
  payment: 'платёж',
  another: 'иной предмет расчёта',
};

export const PRICE_KIND_LABELS: Record<string, string> = {
  SERVICE: 'услуга расписания',
  LAB_TEST: 'анализ',
  OTHER: 'прочее',
};

/** Russian texts of billing's error codes (subgraphs/billing/policy.yaml). */
export const BILLING_ERROR_TEXT: Record<string, string> = {
  UNKNOWN_PRICE_ITEM: 'Нет такой позиции в прейскуранте',
  PRICE_NOT_VALID: 'Цена не действует на эту дату',
  DISCOUNT_NOT_ALLOWED: 'Скидка такого размера недоступна вашей роли',
  INVOICE_ALREADY_PAID: 'Счёт уже оплачен',
  AMOUNT_EXCEEDS_BALANCE: 'Сумма больше остатка по счёту',
  SHIFT_NOT_OPEN: 'Смена кассы не открыта',
  SHIFT_ALREADY_OPEN: 'Смена кассы уже открыта',
  REGISTER_NOT_CONFIGURED: 'Для этого филиала не настроена касса',
  REGISTER_UNAVAILABLE: 'Касса не отвечает, операция ожидает повторной отправки',
  REGISTER_ERROR: 'Касса отказала в операции',
  PAYMENT_STATE: 'Действие невозможно в текущем статусе платежа',
  REFUND_EXCEEDS_PAID: 'Сумма возврата больше оплаченной',
  PROVIDER_UNAVAILABLE: 'Платёжный сервис недоступен, попробуйте позже',
  ONLINE_PAYMENTS_DISABLED: 'Онлайн-оплата не настроена',
  CONTRACT_TEMPLATE_INVALID: 'Шаблон договора не прошёл проверку',
  CONTRACT_DATA_INVALID: 'Данных для договора недостаточно',
  NOTHING_PAID: 'За этот год нет оплаченных медицинских услуг',
  CERTIFICATE_DATA_INVALID: 'Данных для справки недостаточно',
};

/** A contract for paid medical services, as its patient reads its state. */
export const CONTRACT_STATUS_LABELS: Record<string, string> = {
  DRAFT: 'ждёт вашего согласия',
  ACCEPTED: 'принят в личном кабинете',
  SIGNED: 'подписан в клинике',
};

/** A contract's state as the staff read it. */
export const CONTRACT_STATUS_STAFF_LABELS: Record<string, string> = {
  DRAFT: 'черновик — ждёт согласия пациента',
  ACCEPTED: 'принят пациентом в личном кабинете',
  SIGNED: 'подписан в клинике',
};

/** Who the patient is to the taxpayer (the social deduction covers these people). */
export const TAX_RELATION_LABELS: Record<string, string> = {
  CHILD: 'ребёнок',
  SPOUSE: 'супруг(а)',
  PARENT: 'родитель',
  WARD: 'подопечный',
};

/** Identity document kinds of the FNS directory used on the certificate. */
export const TAX_DOCUMENT_LABELS: Record<string, string> = {
  '21': 'Паспорт гражданина Российской Федерации',
  '03': 'Свидетельство о рождении',
};

/** Service codes of the certificate (form КНД 1151156). */
export const TAX_SUM_LABELS: Record<string, string> = {
  '01': 'код 01 — медицинские услуги',
  '02': 'код 02 — дорогостоящее лечение',
};

/** The years a certificate can be asked for on `today` (YYYY-MM-DD): this one and the four before. */
export function taxYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: 5 }, (_, i) => year - i);
}

/** What is left to refund of a payment (captured money less done refunds). */
export function refundableKopecks(p: {
  status?: string | null;
  amountKopecks?: number | null;
  refundedKopecks?: number | null;
}): number {
  if (p.status !== 'CAPTURED') return 0;
  return Math.max(0, (p.amountKopecks ?? 0) - (p.refundedKopecks ?? 0));
}

/** A phone or e-mail for the electronic receipt (tag 1008): "+7XXXXXXXXXX" or an address; null if neither. */
export function receiptContact(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  const digits = t.replace(/[\s()-]/g, '');
  if (/^(\+7|8)\d{10}$/.test(digits)) return `+7${digits.slice(-10)}`;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) && t.length <= 254) return t;
  return null;
}

/**
 * The clinic's zone: billing's days (invoices of a day, price validity) follow it (the billing
 * subgraph's CLINIC_TIME_ZONE, Moscow by default); times are shown in it where no branch is known.
 */
export const CLINIC_ZONE = 'Europe/Moscow';

/**
 * A billing failure in Russian: the domain text of a billing error code, else the message the API
 * gave (billing's input errors are Russian and name the field's problem), else the platform's text
 * of the code, else `fallback`.
 */
export function billingErrorText(
  code: string | null | undefined,
  message?: string | null,
  fallback = 'Не удалось выполнить операцию',
): string {
  return (code && BILLING_ERROR_TEXT[code]) || message || (code && ERROR_TEXT[code]) || fallback;
}
