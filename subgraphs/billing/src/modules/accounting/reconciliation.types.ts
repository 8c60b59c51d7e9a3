import { formatRubles } from '../documents/format';
import type { PaymentMethod } from '../payments/payments.store';
import type { MethodTotals, ShiftLedger } from './reconciliation.store';

/** What the reconciliation can find wrong; each comes with a Russian explanation for the accountant. */
export type DiscrepancyCode =
  | 'PAYMENT_WITHOUT_RECEIPT'
  | 'REFUND_WITHOUT_RECEIPT'
  | 'RECEIPT_SUM_MISMATCH'
  | 'LEDGER_MISMATCH'
  | 'PAYMENT_PENDING_FISCAL'
  | 'PAYMENT_NOT_CAPTURED'
  | 'REFUND_PENDING'
  | 'SHIFT_TOTALS_MISMATCH'
  | 'SHIFT_REPORT_MISSING'
  | 'SHIFT_EXPIRED'
  | 'REGISTER_UNAVAILABLE'
  | 'PROVIDER_PAYMENT_UNKNOWN'
  | 'PROVIDER_PAYMENT_NOT_CAPTURED'
  | 'PROVIDER_AMOUNT_MISMATCH'
  | 'PAYMENT_NOT_AT_PROVIDER'
  | 'PROVIDER_REFUND_MISMATCH'
  | 'PROVIDER_UNAVAILABLE';

/**
 * One thing that does not add up. References are our opaque payment / refund ids, the provider's
 * payment id and the register: never a patient.
 */
export type DiscrepancyItem = {
  code: DiscrepancyCode;
  message: string;
  paymentId?: string | null;
  refundId?: string | null;
  providerPaymentId?: string | null;
  registerId?: string | null;
  shiftNumber?: number | null;
  /** What our ledger says, kopecks. */
  expectedKopecks?: number | null;
  /** What the register, the receipt or the provider says, kopecks. */
  actualKopecks?: number | null;
};

export type ShiftTotals = ShiftLedger;

/** A register shift of the day: the register's report (closing Z-report, or live) against our ledger. */
export type ShiftCheck = {
  registerId: string;
  shiftNumber: number | null;
  open: boolean;
  openedAt: Date;
  closedAt: Date | null;
  /** Where the register's figures come from. */
  source: 'CLOSE_REPORT' | 'LIVE' | 'NONE';
  report: ShiftTotals | null;
  ledger: ShiftTotals | null;
};

/** The provider's succeeded payments and refunds of the day that belong to the branch. */
export type SettlementCheck = {
  configured: boolean;
  available: boolean;
  paymentsCount: number;
  paymentsKopecks: number;
  refundsCount: number;
  refundsKopecks: number;
};

export type ReconciliationReport = {
  branchId: string;
  day: string;
  from: Date;
  to: Date;
  /** The branch's desk register, or null when none is configured. */
  registerId: string | null;
  ledger: MethodTotals[];
  shifts: ShiftCheck[];
  settlement: SettlementCheck;
  discrepancies: DiscrepancyItem[];
  checkedAt: Date;
};

export const rub = formatRubles;

const METHOD: Record<PaymentMethod, string> = {
  CASH: 'наличными',
  CARD: 'картой',
  ONLINE: 'онлайн',
};
/** «Платёж картой 2 500,00 ₽» */
export const paymentText = (method: PaymentMethod, kopecks: number) =>
  `Платёж ${METHOD[method]} ${rub(kopecks)}`;
export const refundText = (method: PaymentMethod, kopecks: number) =>
  `Возврат ${rub(kopecks)} по платежу ${METHOD[method]}`;

export const SHIFT_FIELDS: Array<{ key: keyof ShiftTotals; label: string; money: boolean }> = [
  { key: 'sellCashKopecks', label: 'продажи наличными', money: true },
  { key: 'sellElectronicKopecks', label: 'продажи безналичными', money: true },
  { key: 'returnCashKopecks', label: 'возвраты наличными', money: true },
  { key: 'returnElectronicKopecks', label: 'возвраты безналичными', money: true },
  { key: 'receiptCount', label: 'число чеков', money: false },
];
