/**
 * The fiscal register port (54-FZ, FFD 1.2): what the billing subgraph needs of a cash register,
 * whatever drives it (ATOL Web Server on the desk computer, the emulator in tests and `npm start`).
 * Money in integer kopecks everywhere; adapters convert to the register's units.
 *
 * A task is submitted under a uuid the caller chooses and keeps (idempotent: submitting the same
 * uuid again never prints a second receipt); its outcome is read back by that uuid.
 */

/** FFD 1.2 tag 1199 (VAT rate), as ATOL names it. Licensed medical services: `none` (exempt). */
export type VatRate = 'none' | 'vat0' | 'vat5' | 'vat7' | 'vat10' | 'vat20' | 'vat22';
/** Tag 1214, payment method sign. */
export type PaymentMethod = 'fullPayment' | 'prepayment' | 'fullPrepayment' | 'advance';
/** Tag 1212, payment subject sign. */
export type PaymentObject = 'service' | 'commodity';
/** Tag 2108, measure of quantity (FFD 1.2): `piece` for services sold by the item. */
export type MeasurementUnit = 'piece' | 'service';

export type ReceiptLine = {
  /** Tag 1030 */
  name: string;
  /** Tag 1079, kopecks */
  priceKopecks: number;
  /** Tag 1023 */
  quantity: number;
  /** Tag 1043, kopecks (price × quantity, after discount) */
  amountKopecks: number;
  /** Tag 2108 */
  measurementUnit: MeasurementUnit;
  /** Tag 1199 */
  vat: VatRate;
  /** Tag 1214 */
  paymentMethod: PaymentMethod;
  /** Tag 1212 */
  paymentObject: PaymentObject;
};

export type ReceiptPayment = { type: 'cash' | 'electronically'; sumKopecks: number };

export type FiscalReceipt = {
  /** Tag 1054: 1 sale (`sell`), 2 sale refund (`sellReturn`). */
  operation: 'sell' | 'sellReturn';
  lines: ReceiptLine[];
  /** Tags 1031 (cash) and 1081 (electronic). */
  payments: ReceiptPayment[];
  totalKopecks: number;
  /** Tag 1008: the customer's phone (+7…) or e-mail for the electronic receipt; optional. */
  customerContact?: string | null;
  /** Tag 1021: the cashier's name as printed. */
  operatorName: string;
};

export type FiscalTask =
  | { type: 'openShift'; operatorName: string }
  | { type: 'closeShift'; operatorName: string }
  | { type: 'receipt'; receipt: FiscalReceipt };

/** What the register answered for a fiscal document (the receipt's or the shift report's). */
export type FiscalParams = {
  fiscalDocumentNumber: number;
  /** Tag 1077, the fiscal sign (ФПД), as a decimal string. */
  fiscalDocumentSign: string;
  fnNumber: string;
  registrationNumber: string;
  shiftNumber: number;
  /** Receipt number within the shift (receipts only). */
  fiscalReceiptNumber?: number;
  /** Receipt total in kopecks (receipts only). */
  totalKopecks?: number;
  fiscalAt: Date;
};

export type FiscalOutcome =
  | { status: 'done'; fiscal: FiscalParams }
  /** Accepted, not yet executed (queued in the driver): ask again later. */
  | { status: 'pending' }
  /**
   * The register refused or failed: nothing was fiscalised under this uuid. The uuid stays taken:
   * a retry goes under a new uuid.
   */
  | { status: 'error'; code: string; description: string }
  /** The register never received this uuid (safe to submit). */
  | { status: 'unknown' };

/** Totals of the current (or last closed) shift, for the daily reconciliation. */
export type ShiftReport = {
  shiftNumber: number;
  open: boolean;
  /** Open for more than 24 hours: the register refuses receipts until the shift is closed. */
  expired?: boolean;
  sellCashKopecks: number;
  sellElectronicKopecks: number;
  returnCashKopecks: number;
  returnElectronicKopecks: number;
  receiptCount: number;
};

/** Thrown when the register cannot be reached or does not answer in time. */
export class FiscalUnavailableError extends Error {
  constructor(message = 'fiscal register unavailable') {
    super(message);
    this.name = 'FiscalUnavailableError';
  }
}

/**
 * The register's server refused the request itself (malformed task, wrong credentials): retrying the
 * same request will not help. A task the register executed and failed is an outcome, not this error.
 */
export class FiscalRejectedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FiscalRejectedError';
  }
}

export interface FiscalRegister {
  /**
   * Submits a task under `uuid`; a repeated uuid is accepted and changes nothing. Throws
   * FiscalUnavailableError (unreachable, timeout, 5xx: the task may or may not have arrived — submit
   * again under the same uuid) or FiscalRejectedError (the request itself was refused).
   */
  submit(uuid: string, task: FiscalTask): Promise<void>;
  /** The outcome of the task submitted under `uuid`. Throws FiscalUnavailableError. */
  outcome(uuid: string): Promise<FiscalOutcome>;
  /** The current shift's totals. Throws FiscalUnavailableError. */
  shiftReport(): Promise<ShiftReport>;
}
