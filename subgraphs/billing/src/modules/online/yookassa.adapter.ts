import { z } from 'zod';
import { amountToKopecks, kopecksToAmount } from './amount';
import {
  type PaymentProvider,
  type ProviderPayment,
  type ProviderRefund,
  ProviderRejectedError,
  ProviderUnavailableError,
} from './provider.port';

/**
 * PaymentProvider over YooKassa API v3 (https://yookassa.ru/developers/api): HTTP Basic auth with
 * the shop id and secret key, an `Idempotence-Key` header on every POST, amounts as
 * `{ value: "123.45", currency: "RUB" }`, errors as `{ type: "error", code, description }`.
 */
export type YooKassaProviderOptions = {
  /** Default https://api.yookassa.ru/v3 (the emulator's `url` in tests and the demo). */
  baseUrl?: string;
  shopId: string;
  secretKey: string;
  /** Per request; a slower answer counts as unavailable. Default 10 000 ms. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Page size for the settlement lists (YooKassa allows 1..100). Default 100. */
  listPageSize?: number;
};

const amountSchema = z.object({ value: z.string(), currency: z.string() });

const paymentSchema = z.object({
  id: z.string().min(1),
  status: z.enum(['pending', 'waiting_for_capture', 'succeeded', 'canceled']),
  paid: z.boolean(),
  amount: amountSchema,
  confirmation: z.object({ confirmation_url: z.string().optional() }).loose().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  created_at: z.string(),
  captured_at: z.string().optional(),
  refunded_amount: amountSchema.optional(),
});

const refundSchema = z.object({
  id: z.string().min(1),
  payment_id: z.string().min(1),
  status: z.enum(['pending', 'succeeded', 'canceled']),
  amount: amountSchema,
  created_at: z.string(),
});

const listSchema = z.object({
  type: z.literal('list'),
  items: z.array(z.unknown()),
  next_cursor: z.string().optional(),
});

const errorSchema = z.object({ code: z.string().optional(), description: z.string().optional() }).loose();

type Request = {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  idempotenceKey?: string;
  /** GET of one object: a 404 answers null instead of throwing. */
  notFoundIsNull?: boolean;
};

const MAX_PAGES = 10_000;

export class YooKassaProvider implements PaymentProvider {
  private readonly baseUrl: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly listPageSize: number;

  constructor(options: YooKassaProviderOptions) {
    this.baseUrl = (options.baseUrl ?? 'https://api.yookassa.ru/v3').replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${options.shopId}:${options.secretKey}`).toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.listPageSize = options.listPageSize ?? 100;
    if (!Number.isInteger(this.listPageSize) || this.listPageSize < 1 || this.listPageSize > 100) {
      throw new RangeError('listPageSize must be an integer in 1..100');
    }
  }

  async createPayment(
    input: Parameters<PaymentProvider['createPayment']>[0],
    idempotenceKey: string,
  ): Promise<ProviderPayment> {
    const body = {
      amount: { value: kopecksToAmount(positive(input.amountKopecks)), currency: 'RUB' },
      capture: input.capture,
      confirmation: { type: 'redirect', return_url: input.returnUrl },
      description: input.description,
      metadata: input.metadata,
    };
    const json = await this.call({ method: 'POST', path: '/payments', body, idempotenceKey });
    return toPayment(json);
  }

  async getPayment(id: string): Promise<ProviderPayment | null> {
    const json = await this.call({ method: 'GET', path: `/payments/${enc(id)}`, notFoundIsNull: true });
    return json === null ? null : toPayment(json);
  }

  async capturePayment(id: string, idempotenceKey: string): Promise<ProviderPayment> {
    // No amount: YooKassa captures the full amount of the payment.
    const path = `/payments/${enc(id)}/capture`;
    return toPayment(await this.call({ method: 'POST', path, body: {}, idempotenceKey }));
  }

  async cancelPayment(id: string, idempotenceKey: string): Promise<ProviderPayment> {
    const path = `/payments/${enc(id)}/cancel`;
    return toPayment(await this.call({ method: 'POST', path, body: {}, idempotenceKey }));
  }

  async createRefund(
    input: { paymentId: string; amountKopecks: number; description: string },
    idempotenceKey: string,
  ): Promise<ProviderRefund> {
    const body = {
      payment_id: input.paymentId,
      amount: { value: kopecksToAmount(positive(input.amountKopecks)), currency: 'RUB' },
      description: input.description,
    };
    return toRefund(await this.call({ method: 'POST', path: '/refunds', body, idempotenceKey }));
  }

  async getRefund(id: string): Promise<ProviderRefund | null> {
    const json = await this.call({ method: 'GET', path: `/refunds/${enc(id)}`, notFoundIsNull: true });
    return json === null ? null : toRefund(json);
  }

  async settlement(
    from: Date,
    to: Date,
  ): Promise<{ payments: ProviderPayment[]; refunds: ProviderRefund[] }> {
    const query = {
      'created_at.gte': from.toISOString(),
      'created_at.lt': to.toISOString(),
      status: 'succeeded',
      limit: String(this.listPageSize),
    };
    const payments = (await this.list('/payments', query)).map(toPayment);
    const refunds = (await this.list('/refunds', query)).map(toRefund);
    // The status filter is the provider's; the window and status are checked again here.
    const inWindow = (d: Date) => d >= from && d < to;
    return {
      payments: payments.filter((p) => p.status === 'succeeded' && inWindow(p.createdAt)),
      refunds: refunds.filter((r) => r.status === 'succeeded' && inWindow(r.createdAt)),
    };
  }

  private async list(path: string, query: Record<string, string>): Promise<unknown[]> {
    const items: unknown[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const json = await this.call({ method: 'GET', path, query: cursor ? { ...query, cursor } : query });
      const parsed = listSchema.safeParse(json);
      if (!parsed.success) throw new ProviderUnavailableError('payment provider sent an unexpected list');
      items.push(...parsed.data.items);
      cursor = parsed.data.next_cursor;
      if (!cursor) return items;
      if (seen.has(cursor)) throw new ProviderUnavailableError('payment provider repeated a list cursor');
      seen.add(cursor);
    }
    throw new ProviderUnavailableError('payment provider list does not end');
  }

  /** One HTTP exchange; every failure becomes one of the port's two errors (or null for a 404 GET). */
  private async call(req: Request): Promise<unknown> {
    const url = new URL(`${this.baseUrl}${req.path}`);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = { authorization: this.authorization, accept: 'application/json' };
    if (req.method === 'POST') {
      if (!req.idempotenceKey) throw new TypeError('an idempotence key is required on every POST');
      headers['content-type'] = 'application/json';
      headers['idempotence-key'] = req.idempotenceKey;
    }
    let res: Response;
    let text: string;
    try {
      res = await this.fetchImpl(url, {
        method: req.method,
        headers,
        body: req.method === 'POST' ? JSON.stringify(req.body ?? {}) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await res.text();
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      throw new ProviderUnavailableError(
        timedOut ? 'payment provider timed out' : 'payment provider unreachable',
      );
    }
    if (res.status === 404 && req.notFoundIsNull) return null;
    // 202: the request with this key is still being processed; 429: slow down. Both are safe
    // to retry later with the same key, like a 5xx.
    if (res.status >= 500 || res.status === 429 || res.status === 202) {
      throw new ProviderUnavailableError(`payment provider answered ${res.status}`);
    }
    const json = parseJson(text);
    if (res.status >= 400) {
      const err = errorSchema.safeParse(json);
      const code = (err.success && err.data.code) || `http_${res.status}`;
      const description = (err.success && err.data.description) || `payment provider refused (${res.status})`;
      throw new ProviderRejectedError(code, description);
    }
    if (res.status < 200 || res.status >= 300 || json === undefined) {
      throw new ProviderUnavailableError('payment provider sent an unexpected answer');
    }
    return json;
  }
}

function toPayment(json: unknown): ProviderPayment {
  const parsed = paymentSchema.safeParse(json);
  if (!parsed.success || parsed.data.amount.currency !== 'RUB') {
    throw new ProviderUnavailableError('payment provider sent an unexpected payment');
  }
  const p = parsed.data;
  return {
    id: p.id,
    status: p.status,
    amountKopecks: amount(p.amount.value),
    currency: 'RUB',
    paid: p.paid,
    confirmationUrl: p.status === 'pending' ? (p.confirmation?.confirmation_url ?? null) : null,
    metadata: p.metadata ?? {},
    createdAt: date(p.created_at),
    capturedAt: p.captured_at ? date(p.captured_at) : null,
    refundedKopecks: p.refunded_amount ? amount(p.refunded_amount.value) : 0,
  };
}

function toRefund(json: unknown): ProviderRefund {
  const parsed = refundSchema.safeParse(json);
  if (!parsed.success || parsed.data.amount.currency !== 'RUB') {
    throw new ProviderUnavailableError('payment provider sent an unexpected refund');
  }
  const r = parsed.data;
  return {
    id: r.id,
    paymentId: r.payment_id,
    status: r.status,
    amountKopecks: amount(r.amount.value),
    createdAt: date(r.created_at),
  };
}

function amount(value: string): number {
  try {
    return amountToKopecks(value);
  } catch {
    throw new ProviderUnavailableError('payment provider sent an unexpected amount');
  }
}

function date(value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new ProviderUnavailableError('payment provider sent an unexpected date');
  return d;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function positive(kopecks: number): number {
  if (!Number.isSafeInteger(kopecks) || kopecks <= 0) throw new RangeError('amount must be positive kopecks');
  return kopecks;
}

const enc = encodeURIComponent;
