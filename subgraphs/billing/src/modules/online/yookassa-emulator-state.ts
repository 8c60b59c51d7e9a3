import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { amountToKopecks, kopecksToAmount } from './amount';
import {
  type Answer,
  apiError,
  type Change,
  type YooKassaAmount,
  type YooKassaPaymentObject,
  type YooKassaRefundObject,
} from './yookassa-emulator-objects';

const invalid = (description: string, parameter?: string) =>
  apiError(400, 'invalid_request', description, parameter);
const notFound = (what: string) => apiError(404, 'not_found', `${what} not found`);

const amountIn = z.object({ value: z.string().regex(/^\d{1,12}(\.\d{1,2})?$/), currency: z.string() });
// Limits of the real API: description ≤ 128 (refund ≤ 250), metadata ≤ 16 keys, key ≤ 32, value ≤ 512.
const createPaymentIn = z.object({
  amount: amountIn,
  capture: z.boolean().optional(),
  confirmation: z.object({ type: z.literal('redirect'), return_url: z.string().min(1).max(2048) }),
  description: z.string().max(128).optional(),
  metadata: z
    .record(z.string().max(32), z.string().max(512))
    .refine((m) => Object.keys(m).length <= 16, 'at most 16 keys')
    .optional(),
});
const captureIn = z.object({ amount: amountIn.optional() });
const createRefundIn = z.object({
  payment_id: z.string().min(1),
  amount: amountIn,
  description: z.string().max(250).optional(),
});
const listQuery = z.object({
  'created_at.gte': z.iso.datetime({ offset: true }).optional(),
  'created_at.gt': z.iso.datetime({ offset: true }).optional(),
  'created_at.lte': z.iso.datetime({ offset: true }).optional(),
  'created_at.lt': z.iso.datetime({ offset: true }).optional(),
  status: z.enum(['pending', 'waiting_for_capture', 'succeeded', 'canceled']).optional(),
  payment_id: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  cursor: z
    .string()
    .regex(/^[1-9]\d*$/)
    .optional(),
});

/** Validates a body; on failure an invalid_request answer naming the first offending parameter. */
function validate<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { ok: true; data: T } | { ok: false; answer: Answer } {
  const r = schema.safeParse(body);
  if (r.success) return { ok: true, data: r.data };
  const issue = r.error.issues[0];
  return {
    ok: false,
    answer: invalid(issue?.message ?? 'invalid request', issue?.path.join('.') || undefined),
  };
}

/** The provider's books: payments, refunds and their status machine. No HTTP here. */
export class EmulatorState {
  readonly payments = new Map<string, YooKassaPaymentObject>();
  readonly refunds = new Map<string, YooKassaRefundObject>();
  /** Creation order (the list cursor), and whether a payment waits for capture after confirmation. */
  private readonly order = new Map<string, number>();
  private readonly twoStage = new Map<string, boolean>();
  private nextSeq = 1;

  constructor(
    private readonly shopId: string,
    private readonly checkoutUrl: (paymentId: string) => string,
    private readonly onChange: (change: Change) => void,
  ) {}

  createPayment(body: unknown): Answer {
    const v = validate(createPaymentIn, body);
    if (!v.ok) return v.answer;
    const input = v.data;
    if (input.amount.currency !== 'RUB') return invalid('Only RUB is accepted here', 'amount.currency');
    const kopecks = amountToKopecks(input.amount.value);
    if (kopecks <= 0) return invalid('Amount must be positive', 'amount.value');
    const id = randomUUID();
    const payment: YooKassaPaymentObject = {
      id,
      status: 'pending',
      paid: false,
      amount: rub(kopecks),
      ...(input.description !== undefined ? { description: input.description } : {}),
      recipient: { account_id: this.shopId, gateway_id: `${this.shopId}-gw` },
      created_at: new Date().toISOString(),
      confirmation: {
        type: 'redirect',
        confirmation_url: this.checkoutUrl(id),
        return_url: input.confirmation.return_url,
      },
      test: true,
      refundable: false,
      metadata: input.metadata ?? {},
    };
    this.twoStage.set(id, input.capture !== true);
    this.payments.set(id, payment);
    this.order.set(id, this.nextSeq++);
    return { status: 200, body: payment };
  }

  getPayment(id: string): Answer {
    const p = this.payments.get(id);
    return p ? { status: 200, body: p } : notFound('Payment');
  }

  getRefund(id: string): Answer {
    const r = this.refunds.get(id);
    return r ? { status: 200, body: r } : notFound('Refund');
  }

  capture(id: string, body: unknown): Answer {
    const p = this.payments.get(id);
    if (!p) return notFound('Payment');
    const v = validate(captureIn, body);
    if (!v.ok) return v.answer;
    const input = v.data;
    if (p.status !== 'waiting_for_capture') return invalid(`Payment is ${p.status}, not waiting_for_capture`);
    let amount = p.amount;
    if (input.amount) {
      const k = amountToKopecks(input.amount.value);
      if (input.amount.currency !== 'RUB' || k <= 0 || k > amountToKopecks(p.amount.value)) {
        return invalid('Capture amount must be positive and not above the payment amount', 'amount');
      }
      amount = rub(k);
    }
    const { expires_at: _expires, ...rest } = p;
    return this.change('payment.succeeded', {
      ...rest,
      status: 'succeeded',
      amount,
      captured_at: new Date().toISOString(),
      refundable: true,
    });
  }

  cancel(id: string): Answer {
    const p = this.payments.get(id);
    if (!p) return notFound('Payment');
    if (p.status !== 'waiting_for_capture') return invalid(`Payment is ${p.status}, not waiting_for_capture`);
    return this.change('payment.canceled', cancelled(p, 'merchant', 'canceled_by_merchant'));
  }

  createRefund(body: unknown): Answer {
    const v = validate(createRefundIn, body);
    if (!v.ok) return v.answer;
    const input = v.data;
    const p = this.payments.get(input.payment_id);
    if (!p) return invalid('Payment not found', 'payment_id');
    if (p.status !== 'succeeded')
      return invalid(`Payment is ${p.status}; only a succeeded payment is refunded`);
    if (input.amount.currency !== 'RUB')
      return invalid('Currency differs from the payment', 'amount.currency');
    const k = amountToKopecks(input.amount.value);
    const refunded = p.refunded_amount ? amountToKopecks(p.refunded_amount.value) : 0;
    const remaining = amountToKopecks(p.amount.value) - refunded;
    if (k <= 0 || k > remaining) {
      return invalid(
        `Refund amount must be positive and at most ${kopecksToAmount(remaining)}`,
        'amount.value',
      );
    }
    const refund: YooKassaRefundObject = {
      id: randomUUID(),
      payment_id: p.id,
      status: 'succeeded',
      amount: rub(k),
      created_at: new Date().toISOString(),
      ...(input.description !== undefined ? { description: input.description } : {}),
    };
    this.refunds.set(refund.id, refund);
    this.order.set(refund.id, this.nextSeq++);
    this.payments.set(p.id, { ...p, refunded_amount: rub(refunded + k), refundable: remaining - k > 0 });
    this.onChange({ event: 'refund.succeeded', object: refund });
    return { status: 200, body: refund };
  }

  /** The payer confirmed on the checkout page. */
  payerPays(id: string): YooKassaPaymentObject {
    const p = this.pending(id);
    if (this.twoStage.get(id)) {
      const expires = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
      return this.settle('payment.waiting_for_capture', {
        ...p,
        status: 'waiting_for_capture',
        paid: true,
        expires_at: expires,
      });
    }
    const at = new Date().toISOString();
    return this.settle('payment.succeeded', {
      ...p,
      status: 'succeeded',
      paid: true,
      captured_at: at,
      refundable: true,
    });
  }

  /** The payer gave up on the checkout page: the payment is canceled as expired on confirmation. */
  payerDeclines(id: string): YooKassaPaymentObject {
    return this.settle(
      'payment.canceled',
      cancelled(this.pending(id), 'yoo_money', 'expired_on_confirmation'),
    );
  }

  list(kind: 'payments' | 'refunds', params: URLSearchParams): Answer {
    const v = validate(listQuery, Object.fromEntries(params));
    if (!v.ok) return v.answer;
    const query = v.data;
    const t = (s: string | undefined) => (s === undefined ? undefined : new Date(s).getTime());
    const [gte, gt, lte, lt] = [
      t(query['created_at.gte']),
      t(query['created_at.gt']),
      t(query['created_at.lte']),
      t(query['created_at.lt']),
    ];
    const source: Array<YooKassaPaymentObject | YooKassaRefundObject> = [
      ...(kind === 'payments' ? this.payments : this.refunds).values(),
    ];
    const before = query.cursor ? Number(query.cursor) : Number.POSITIVE_INFINITY;
    const matching = source
      .filter((o) => {
        const at = new Date(o.created_at).getTime();
        if ((gte !== undefined && at < gte) || (gt !== undefined && at <= gt)) return false;
        if ((lte !== undefined && at > lte) || (lt !== undefined && at >= lt)) return false;
        if (query.status && o.status !== query.status) return false;
        if (query.payment_id && (!('payment_id' in o) || o.payment_id !== query.payment_id)) return false;
        return this.seq(o.id) < before;
      })
      .sort((a, b) => this.seq(b.id) - this.seq(a.id)); // newest first
    const items = matching.slice(0, query.limit);
    const last = items.at(-1);
    const more = matching.length > items.length && last;
    return {
      status: 200,
      body: { type: 'list', items, ...(more ? { next_cursor: String(this.seq(last.id)) } : {}) },
    };
  }

  private seq(id: string): number {
    return this.order.get(id) ?? 0;
  }

  private pending(id: string): YooKassaPaymentObject {
    const p = this.payments.get(id);
    if (!p) throw new Error(`unknown payment ${id}`);
    if (p.status !== 'pending') throw new Error(`payment ${id} is ${p.status}, not pending`);
    return p;
  }

  private settle(
    event: Extract<Change, { object: YooKassaPaymentObject }>['event'],
    p: YooKassaPaymentObject,
  ) {
    this.payments.set(p.id, p);
    this.onChange({ event, object: p });
    return p;
  }

  private change(
    event: Extract<Change, { object: YooKassaPaymentObject }>['event'],
    p: YooKassaPaymentObject,
  ): Answer {
    return { status: 200, body: this.settle(event, p) };
  }
}

function rub(kopecks: number): YooKassaAmount {
  return { value: kopecksToAmount(kopecks), currency: 'RUB' };
}

function cancelled(p: YooKassaPaymentObject, party: string, reason: string): YooKassaPaymentObject {
  const { expires_at: _expires, ...rest } = p;
  return {
    ...rest,
    status: 'canceled',
    paid: false,
    refundable: false,
    cancellation_details: { party, reason },
  };
}
