/**
 * The wire format of ATOL's driver-10 JSON tasks as the desk web server takes them
 * ("АТОЛ Web Requests" / the driver's built-in web server), shared by the adapter and the emulator.
 *
 * Protocol, as checked against public clients and re-implementations of the server (see the
 * adapter's header for sources):
 * - `POST /api/v2/requests` with `{ uuid, request: [task, …] }` → 201 `{ uuid, number, isBlocked, … }`;
 *   a uuid the server already holds → 409 `{ error: { code, description } }`.
 * - `GET /api/v2/requests/{uuid}` → 200 `{ results: [{ status, error: { code, description }, result }] }`
 *   (one entry per task), 404 for a uuid the server does not hold.
 * - Task status: `wait` → `inProgress` → `ready` | `error`; after an error the remaining tasks are
 *   `interrupted`; `blocked` = the outcome of a fiscal task is unknown (link to the register lost)
 *   and the server is recovering it; `canceled` = deleted while waiting.
 * - Money are rubles as JSON numbers with at most two decimals.
 */

export const REQUESTS_PATH = '/api/v2/requests';

export type AtolTaskStatus =
  | 'wait'
  | 'inProgress'
  | 'ready'
  | 'error'
  | 'interrupted'
  | 'blocked'
  | 'canceled';

export type AtolError = { code: number; description: string };

export type AtolTaskResult = { status: AtolTaskStatus; error: AtolError; result?: unknown };

/** Body of `GET /api/v2/requests/{uuid}`. */
export type AtolRequestState = { results: AtolTaskResult[] };

/** Body of a 201 answer to `POST /api/v2/requests`. */
export type AtolAccepted = { uuid: string; number: number; isBlocked: boolean; blockedUUID: string };

/** Body of an error answer (4xx/5xx) of the web server. */
export type AtolErrorAnswer = { error: AtolError };

/** Tax system of the receipt (tag 1055); needed only when the register is registered for several. */
export type AtolTaxationType = 'osn' | 'usnIncome' | 'usnIncomeOutcome' | 'esn' | 'patent';

export type AtolOperator = { name: string; vatin?: string };

export type AtolPosition = {
  type: 'position';
  name: string;
  price: number;
  quantity: number;
  amount: number;
  /** Tag 2108 (FFD 1.2): ATOL's name of the measure (`piece` = code 0) or the code itself. */
  measurementUnit: string | number;
  paymentMethod: string;
  paymentObject: string;
  tax: { type: string };
};

export type AtolPayment = { type: 'cash' | 'electronically'; sum: number };

export type AtolReceiptTask = {
  type: 'sell' | 'sellReturn';
  taxationType?: AtolTaxationType;
  operator: AtolOperator;
  clientInfo?: { emailOrPhone: string };
  items: AtolPosition[];
  payments: AtolPayment[];
  total: number;
};

export type AtolTask =
  | { type: 'openShift' | 'closeShift'; operator: AtolOperator }
  | AtolReceiptTask
  | { type: 'getShiftStatus' | 'getShiftTotals' };

/** `result.fiscalParams` of a fiscal task that ended `ready`. */
export type AtolFiscalParams = {
  fiscalDocumentNumber: number;
  fiscalDocumentSign: string;
  fiscalDocumentDateTime: string;
  fnNumber: string;
  registrationNumber: string;
  shiftNumber: number;
  fiscalReceiptNumber?: number;
  total?: number;
  receiptsCount?: number;
  fnsUrl?: string;
};

export type AtolShiftState = 'opened' | 'closed' | 'expired';

/** `result` of `getShiftStatus`. */
export type AtolShiftStatusResult = {
  shiftStatus: { state: AtolShiftState; number: number; documentsCount: number; expiredTime?: string };
};

type AtolCountSum = { count: number; sum: number };
type AtolReceiptTotals = AtolCountSum & {
  payments: { cash: number; electronically: number; credit: number; prepaid: number; other: number };
};

/** `result` of `getShiftTotals` (counters of the current shift, or of the last one until the next opens). */
export type AtolShiftTotalsResult = {
  shiftTotals: {
    shiftNumber: number;
    cashDrawer: { sum: number };
    income: AtolCountSum;
    outcome: AtolCountSum;
    receipts: {
      sell: AtolReceiptTotals;
      sellReturn: AtolReceiptTotals;
      buy: AtolReceiptTotals;
      buyReturn: AtolReceiptTotals;
    };
  };
};

/** Tag 2108 measures (FFD 1.2) by ATOL's names; the value is the FFD code. */
export const MEASUREMENT_UNITS: Readonly<Record<string, number>> = {
  piece: 0,
  gram: 10,
  kilogram: 11,
  ton: 12,
  centimeter: 20,
  decimeter: 21,
  meter: 22,
  squareCentimeter: 30,
  squareDecimeter: 31,
  squareMeter: 32,
  milliliter: 40,
  liter: 41,
  cubicMeter: 42,
  kilowattHour: 50,
  gkal: 51,
  day: 70,
  hour: 71,
  minute: 72,
  second: 73,
  kilobyte: 80,
  megabyte: 81,
  gigabyte: 82,
  terabyte: 83,
  otherUnits: 255,
};

/**
 * Integer kopecks → the register's rubles. Built from the integer parts as a decimal string, so the
 * JSON number written is exactly `R.KK` (the nearest double prints back as that same decimal).
 */
export function kopecksToRubles(kopecks: number): number {
  if (!Number.isSafeInteger(kopecks)) throw new RangeError(`kopecks must be a safe integer, got ${kopecks}`);
  const abs = Math.abs(kopecks);
  const sign = kopecks < 0 ? '-' : '';
  return Number(`${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`);
}

/**
 * The register's rubles → integer kopecks, read digit by digit from the number's decimal form (no
 * multiplication in floating point). More than two decimals is not money: RangeError.
 */
export function rublesToKopecks(rubles: unknown): number {
  if (typeof rubles !== 'number' || !Number.isFinite(rubles)) {
    throw new RangeError(`not an amount of rubles: ${String(rubles)}`);
  }
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(rubles));
  if (!match) throw new RangeError(`not an amount of rubles with at most 2 decimals: ${rubles}`);
  const kopecks = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(kopecks)) throw new RangeError(`amount out of range: ${rubles}`);
  return match[1] === '-' && kopecks !== 0 ? -kopecks : kopecks;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
