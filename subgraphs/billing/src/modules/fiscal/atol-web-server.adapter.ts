/**
 * The desk cash register through ATOL's web server (driver 10, "АТОЛ Web Requests"): JSON tasks
 * queued over HTTP under a uuid we choose, results read back by that uuid (see atol-protocol.ts).
 *
 * Checked against public material, not against a live server: the paths and answers as listed in
 * a re-implementation written from Web Requests 1.0.4.0's own openapi.yaml (avb56/kktsite-agent:
 * 201 on accept, 409 on a repeated uuid, 404 on an unknown one, statuses wait/inProgress/ready/
 * error/interrupted/blocked/canceled), the task fields as typed by pbardov/node-atol-rpc and used
 * by several ATOL clients (`position`, `tax.type`, `paymentMethod`, `paymentObject`, `clientInfo.
 * emailOrPhone`, `getShiftStatus`, `getShiftTotals`), `result.fiscalParams` as read by 1C and
 * other clients.
 *
 * Tag 2108 is written as ATOL's name `piece` (FFD code 0, "штука или единица" — also right for a
 * service). Public ATOL clients send either the name or the bare code 0; both are ATOL's spelling.
 */
import { randomUUID } from 'node:crypto';
import {
  type AtolOperator,
  type AtolTask,
  type AtolTaxationType,
  isObject,
  kopecksToRubles,
  REQUESTS_PATH,
  rublesToKopecks,
} from './atol-protocol.js';
import {
  type FiscalOutcome,
  type FiscalParams,
  type FiscalReceipt,
  type FiscalRegister,
  FiscalRejectedError,
  type FiscalTask,
  FiscalUnavailableError,
  type ShiftReport,
} from './fiscal.port.js';

export type AtolWebServerOptions = {
  /** The web server's root, e.g. `http://127.0.0.1:16732` (paths `/api/v2/…` are appended). */
  baseUrl: string;
  /** Limit for each HTTP exchange (connect, answer and body). */
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Basic credentials when users are set up on the web server. */
  auth?: { user: string; password: string };
  /** Written into receipts only when the register is registered for several tax systems. */
  taxationType?: AtolTaxationType;
  /** Pause between polls while shiftReport() waits for its query tasks (default 100 ms). */
  pollIntervalMs?: number;
  /** How long shiftReport() waits for the queue to run its query (default 15 s). */
  queryWaitMs?: number;
};

type HttpAnswer = { status: number; body: unknown };

export class AtolWebServerRegister implements FiscalRegister {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly headers: Record<string, string>;

  constructor(private readonly options: AtolWebServerOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? fetch;
    this.headers = { accept: 'application/json' };
    if (options.auth) {
      const token = Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64');
      this.headers.authorization = `Basic ${token}`;
    }
  }

  async submit(uuid: string, task: FiscalTask): Promise<void> {
    const answer = await this.post(uuid, [toAtolTask(task, this.options.taxationType)]);
    if (answer.status === 200 || answer.status === 201) return;
    if (answer.status === 409) {
      // A repeated uuid, or the server not taking tasks now (register not connected): the server
      // tells them apart only in prose, so ask whether it holds the uuid.
      const held = await this.request('GET', requestPath(uuid));
      if (held.status === 200) return;
      throw new FiscalUnavailableError(`register does not take tasks: ${describe(answer)}`);
    }
    throw new FiscalRejectedError(String(answer.status), `register refused the task: ${describe(answer)}`);
  }

  async outcome(uuid: string): Promise<FiscalOutcome> {
    const answer = await this.request('GET', requestPath(uuid));
    // 404 is also what the server answers once it has dropped an old request (Web Requests keeps
    // them `deleteRequestsAfter` minutes, 30 days by default): settle pending payments well before.
    if (answer.status === 404) return { status: 'unknown' };
    if (answer.status !== 200) {
      throw new FiscalRejectedError(String(answer.status), `register refused the query: ${describe(answer)}`);
    }
    const first = firstResult(answer.body);
    switch (first.status) {
      case 'ready':
        return { status: 'done', fiscal: parseFiscalParams(first.result) };
      case 'error':
      case 'interrupted':
      case 'canceled':
        return { status: 'error', code: String(first.error.code), description: first.error.description };
      // `blocked`: the server lost the register mid-document and is finding out whether it closed;
      // it must not be submitted again, so it is pending like a queued task.
      default:
        return { status: 'pending' };
    }
  }

  async shiftReport(): Promise<ShiftReport> {
    const uuid = randomUUID();
    const accepted = await this.post(uuid, [{ type: 'getShiftStatus' }, { type: 'getShiftTotals' }]);
    if (accepted.status !== 200 && accepted.status !== 201) {
      throw new FiscalUnavailableError(`register does not take the shift query: ${describe(accepted)}`);
    }
    const deadline = Date.now() + (this.options.queryWaitMs ?? 15_000);
    for (;;) {
      const answer = await this.request('GET', requestPath(uuid));
      if (answer.status !== 200) throw new FiscalUnavailableError(`shift query lost: ${describe(answer)}`);
      const results = isObject(answer.body) && Array.isArray(answer.body.results) ? answer.body.results : [];
      const failed = results.find((r) => isObject(r) && r.status !== 'ready' && isFinal(r.status));
      if (failed) throw new FiscalUnavailableError(`shift query failed: ${JSON.stringify(failed)}`);
      if (results.length === 2 && results.every((r) => isObject(r) && r.status === 'ready')) {
        return parseShiftReport(results[0], results[1]);
      }
      if (Date.now() >= deadline)
        throw new FiscalUnavailableError('register did not run the shift query in time');
      await new Promise((resolve) => setTimeout(resolve, this.options.pollIntervalMs ?? 100));
    }
  }

  private post(uuid: string, request: AtolTask[]): Promise<HttpAnswer> {
    return this.request('POST', REQUESTS_PATH, { uuid, request });
  }

  /** One HTTP exchange; unreachable, timed out, 5xx or an unreadable answer → FiscalUnavailableError. */
  private async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpAnswer> {
    let status: number;
    let text: string;
    try {
      const response = await this.fetchImpl(this.baseUrl + path, {
        method,
        headers: body === undefined ? this.headers : { ...this.headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new FiscalUnavailableError(`register did not answer within ${this.options.timeoutMs} ms`);
      }
      throw new FiscalUnavailableError(
        `register unreachable: ${error instanceof Error ? error.message : error}`,
      );
    }
    if (status >= 500)
      throw new FiscalUnavailableError(`register server error ${status}: ${text.slice(0, 200)}`);
    if (text.trim() === '') return { status, body: undefined };
    try {
      return { status, body: JSON.parse(text) };
    } catch {
      throw new FiscalUnavailableError(`register answered ${status} with no JSON: ${text.slice(0, 200)}`);
    }
  }
}

/** The port's task → ATOL's JSON task. */
export function toAtolTask(task: FiscalTask, taxationType?: AtolTaxationType): AtolTask {
  if (task.type !== 'receipt') return { type: task.type, operator: { name: task.operatorName } };
  return toAtolReceipt(task.receipt, taxationType);
}

function toAtolReceipt(receipt: FiscalReceipt, taxationType?: AtolTaxationType): AtolTask {
  const operator: AtolOperator = { name: receipt.operatorName };
  return {
    type: receipt.operation,
    ...(taxationType ? { taxationType } : {}),
    operator,
    ...(receipt.customerContact ? { clientInfo: { emailOrPhone: receipt.customerContact } } : {}),
    items: receipt.lines.map((line) => ({
      type: 'position' as const,
      name: line.name,
      price: kopecksToRubles(line.priceKopecks),
      quantity: line.quantity,
      amount: kopecksToRubles(line.amountKopecks),
      // FFD 1.2 has no "service" measure: a service sold by the item is code 0 like a piece.
      measurementUnit: 'piece',
      paymentMethod: line.paymentMethod,
      paymentObject: line.paymentObject,
      tax: { type: line.vat },
    })),
    payments: receipt.payments.map((p) => ({ type: p.type, sum: kopecksToRubles(p.sumKopecks) })),
    total: kopecksToRubles(receipt.totalKopecks),
  };
}

const requestPath = (uuid: string) => `${REQUESTS_PATH}/${encodeURIComponent(uuid)}`;

const isFinal = (status: unknown) => status === 'error' || status === 'interrupted' || status === 'canceled';

function describe(answer: HttpAnswer): string {
  const error = isObject(answer.body) && isObject(answer.body.error) ? answer.body.error : undefined;
  const description =
    error && typeof error.description === 'string' ? error.description : JSON.stringify(answer.body);
  return `${answer.status} ${description}`;
}

type FirstResult = { status: unknown; error: { code: unknown; description: string }; result: unknown };

function firstResult(body: unknown): FirstResult {
  const first = isObject(body) && Array.isArray(body.results) ? body.results[0] : undefined;
  if (!isObject(first))
    throw new FiscalUnavailableError(`malformed answer from register: ${JSON.stringify(body)}`);
  const error = isObject(first.error) ? first.error : {};
  const description = typeof error.description === 'string' ? error.description : '';
  return {
    status: first.status,
    error: { code: error.code ?? 'unknown', description },
    result: first.result,
  };
}

function malformed(what: string, value: unknown): never {
  throw new FiscalUnavailableError(`malformed ${what} from register: ${JSON.stringify(value)}`);
}

const num = (o: Record<string, unknown>, key: string): number =>
  typeof o[key] === 'number' && Number.isInteger(o[key]) ? o[key] : malformed(key, o[key]);
const str = (o: Record<string, unknown>, key: string): string =>
  typeof o[key] === 'string' || typeof o[key] === 'number' ? String(o[key]) : malformed(key, o[key]);
const money = (value: unknown, what: string): number => {
  try {
    return rublesToKopecks(value);
  } catch {
    return malformed(what, value);
  }
};

/** `result.fiscalParams` of a ready fiscal task (some servers put the params at the top of `result`). */
export function parseFiscalParams(result: unknown): FiscalParams {
  const params = isObject(result) && isObject(result.fiscalParams) ? result.fiscalParams : result;
  if (!isObject(params)) return malformed('fiscal params', result);
  const fiscalAt = new Date(str(params, 'fiscalDocumentDateTime'));
  if (Number.isNaN(fiscalAt.getTime())) malformed('fiscalDocumentDateTime', params.fiscalDocumentDateTime);
  return {
    fiscalDocumentNumber: num(params, 'fiscalDocumentNumber'),
    fiscalDocumentSign: str(params, 'fiscalDocumentSign'),
    fnNumber: str(params, 'fnNumber'),
    registrationNumber: str(params, 'registrationNumber'),
    shiftNumber: num(params, 'shiftNumber'),
    ...(params.fiscalReceiptNumber !== undefined
      ? { fiscalReceiptNumber: num(params, 'fiscalReceiptNumber') }
      : {}),
    ...(params.total !== undefined ? { totalKopecks: money(params.total, 'total') } : {}),
    fiscalAt,
  };
}

function parseShiftReport(statusTask: unknown, totalsTask: unknown): ShiftReport {
  const status =
    isObject(statusTask) && isObject(statusTask.result) ? statusTask.result.shiftStatus : undefined;
  const totals =
    isObject(totalsTask) && isObject(totalsTask.result) ? totalsTask.result.shiftTotals : undefined;
  if (!isObject(status)) return malformed('shift status', statusTask);
  if (!isObject(totals) || !isObject(totals.receipts)) return malformed('shift totals', totalsTask);
  const byType = (type: 'sell' | 'sellReturn') => {
    const counters = (totals.receipts as Record<string, unknown>)[type];
    if (!isObject(counters) || !isObject(counters.payments)) return malformed(`${type} totals`, counters);
    return {
      count: num(counters, 'count'),
      cash: money(counters.payments.cash, `${type} cash`),
      electronic: money(counters.payments.electronically, `${type} electronically`),
    };
  };
  const sell = byType('sell');
  const sellReturn = byType('sellReturn');
  return {
    shiftNumber: num(status, 'number'),
    open: status.state === 'opened' || status.state === 'expired',
    expired: status.state === 'expired',
    sellCashKopecks: sell.cash,
    sellElectronicKopecks: sell.electronic,
    returnCashKopecks: sellReturn.cash,
    returnElectronicKopecks: sellReturn.electronic,
    receiptCount: sell.count + sellReturn.count,
  };
}
