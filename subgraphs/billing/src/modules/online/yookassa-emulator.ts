import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Answer,
  apiError,
  type Change,
  type YooKassaPaymentObject,
  type YooKassaRefundObject,
} from './yookassa-emulator-objects';
import { EmulatorState } from './yookassa-emulator-state';

export type { YooKassaPaymentObject, YooKassaRefundObject } from './yookassa-emulator-objects';

export type YooKassaEmulatorOptions = {
  /** Default 0: a free port on 127.0.0.1. */
  port?: number;
  shopId: string;
  secretKey: string;
  /** Where status changes are POSTed as YooKassa notifications. */
  notifyUrl?: string;
};

export type YooKassaEmulator = {
  /** API base, e.g. http://127.0.0.1:PORT/v3 (the adapter's baseUrl). */
  url: string;
  /** The payer's page for a payment (the payment's confirmation_url). */
  checkoutUrl(paymentId: string): string;
  /** As if the payer pressed «Оплатить»: pending → succeeded, or waiting_for_capture (capture:false). */
  pay(paymentId: string): YooKassaPaymentObject;
  /** As if the payer pressed «Отказаться»: pending → canceled. */
  decline(paymentId: string): YooKassaPaymentObject;
  payments: ReadonlyMap<string, Readonly<YooKassaPaymentObject>>;
  refunds: ReadonlyMap<string, Readonly<YooKassaRefundObject>>;
  setNotifyUrl(url: string | null): void;
  /** 'down': every connection is dropped; '5xx': every request answers 500; null: normal. */
  fail(mode: 'down' | '5xx' | null): void;
  close(): Promise<void>;
};

type Remembered = { fingerprint: string; answer: Answer; at: number };

// The real API keeps an idempotence key for 24 hours and takes keys up to 64 characters.
const KEY_TTL_MS = 24 * 3600 * 1000;
const KEY_MAX_LENGTH = 64;
const BODY_LIMIT = 1 << 20;

/**
 * A local YooKassa API v3 for tests and the demo, over real HTTP: Basic auth, Idempotence-Key on
 * every POST (same key + same request → the first answer again; same key + another request →
 * invalid_request), payments with the pending → waiting_for_capture/succeeded/canceled machine,
 * refunds, lists with created_at filters and cursors, a checkout page for the payer, and
 * notifications to `notifyUrl` on every status change.
 */
export async function startYooKassaEmulator(options: YooKassaEmulatorOptions): Promise<YooKassaEmulator> {
  let origin = '';
  let notifyUrl: string | null = options.notifyUrl ?? null;
  let failMode: 'down' | '5xx' | null = null;
  const remembered = new Map<string, Remembered>();
  const inFlight = new Set<Promise<void>>();
  const checkoutUrl = (id: string) => `${origin}/checkout/${encodeURIComponent(id)}`;
  const state = new EmulatorState(options.shopId, checkoutUrl, (change) => notify(change));
  const expected = digest(
    `Basic ${Buffer.from(`${options.shopId}:${options.secretKey}`).toString('base64')}`,
  );

  // Fire-and-forget, like the provider's first delivery attempt (its re-deliveries are not emulated).
  function notify(change: Change) {
    if (!notifyUrl) return;
    const body = JSON.stringify({ type: 'notification', event: change.event, object: change.object });
    const sent = fetch(notifyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(5000),
    })
      .then((r) => r.arrayBuffer())
      .then(
        () => undefined,
        () => undefined,
      );
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent));
  }

  function api(method: string, path: string, query: URLSearchParams, body: unknown): Answer {
    const [collection, id, action, extra] = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (extra !== undefined) return apiError(404, 'not_found', 'Unknown resource');
    if (collection === 'payments') {
      if (method === 'GET' && id === undefined) return state.list('payments', query);
      if (method === 'GET' && id !== undefined && action === undefined) return state.getPayment(id);
      if (method === 'POST' && id === undefined) return state.createPayment(body);
      if (method === 'POST' && id !== undefined && action === 'capture') return state.capture(id, body);
      if (method === 'POST' && id !== undefined && action === 'cancel') return state.cancel(id);
    }
    if (collection === 'refunds' && action === undefined) {
      if (method === 'GET' && id === undefined) return state.list('refunds', query);
      if (method === 'GET' && id !== undefined) return state.getRefund(id);
      if (method === 'POST' && id === undefined) return state.createRefund(body);
    }
    return apiError(404, 'not_found', 'Unknown resource');
  }

  function apiRequest(req: IncomingMessage, url: URL, raw: string): Answer {
    const given = req.headers.authorization;
    if (!given || !timingSafeEqual(digest(given), expected)) {
      return apiError(401, 'invalid_credentials', 'Error in shopId or secret key');
    }
    const path = url.pathname.slice('/v3'.length);
    if (req.method === 'GET') return api('GET', path, url.searchParams, undefined);
    if (req.method !== 'POST') return apiError(405, 'method_not_allowed', 'Method not allowed');
    const key = req.headers['idempotence-key'];
    if (typeof key !== 'string' || key.length === 0 || key.length > KEY_MAX_LENGTH) {
      return apiError(
        400,
        'invalid_request',
        'Idempotence-Key header of 1..64 characters is required',
        'Idempotence-Key',
      );
    }
    let body: unknown;
    try {
      body = raw === '' ? {} : JSON.parse(raw);
    } catch {
      return apiError(400, 'invalid_request', 'Request body is not valid JSON');
    }
    const fingerprint = `${path}\n${canonical(body)}`;
    const now = Date.now();
    const before = remembered.get(key);
    if (before && now - before.at < KEY_TTL_MS) {
      if (before.fingerprint === fingerprint) return before.answer;
      return apiError(
        400,
        'invalid_request',
        'Idempotence key was already used with other request parameters',
        'Idempotence-Key',
      );
    }
    const answer = api('POST', path, url.searchParams, body);
    remembered.set(key, { fingerprint, answer, at: now });
    return answer;
  }

  function checkout(req: IncomingMessage, res: ServerResponse, url: URL) {
    const [, , rawId, action] = url.pathname.split('/');
    const id = decodeURIComponent(rawId ?? '');
    const payment = state.payments.get(id);
    if (!payment) return html(res, 404, page('Платёж не найден', '<p>Платёж не найден.</p>'));
    if (req.method === 'GET' && action === undefined) return html(res, 200, checkoutPage(payment));
    if (req.method === 'POST' && (action === 'pay' || action === 'decline')) {
      // A second press (or a replayed form) changes nothing and sends the payer back again.
      if (payment.status === 'pending')
        (action === 'pay' ? state.payerPays : state.payerDeclines).call(state, id);
      res.writeHead(303, { location: payment.confirmation?.return_url ?? '/' }).end();
      return;
    }
    html(res, 405, page('Ошибка', '<p>Недопустимый запрос.</p>'));
  }

  const server = createServer((req, res) => {
    if (failMode === 'down') {
      req.socket.destroy();
      return;
    }
    readBody(req).then(
      (raw) => {
        try {
          const url = new URL(req.url ?? '/', 'http://emulator.invalid');
          if (failMode === '5xx')
            return json(res, apiError(500, 'internal_server_error', 'Internal server error'));
          if (url.pathname.startsWith('/checkout/')) return checkout(req, res, url);
          if (url.pathname.startsWith('/v3/')) return json(res, apiRequest(req, url, raw));
          json(res, apiError(404, 'not_found', 'Unknown resource'));
        } catch {
          // e.g. a malformed %-escape in the path
          if (!res.headersSent) json(res, apiError(400, 'invalid_request', 'Malformed request'));
        }
      },
      () => json(res, apiError(413, 'invalid_request', 'Request body too large')),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/v3`,
    checkoutUrl,
    pay: (id) => state.payerPays(id),
    decline: (id) => state.payerDeclines(id),
    payments: state.payments,
    refunds: state.refunds,
    setNotifyUrl: (url) => {
      notifyUrl = url;
    },
    fail: (mode) => {
      failMode = mode;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...inFlight]);
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) reject(new Error('too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, answer: Answer) {
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(answer.body));
}

function html(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** JSON with sorted keys: the same parameters in another order are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function page(title: string, content: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${content}</body></html>`;
}

const DONE: Record<YooKassaPaymentObject['status'], string> = {
  pending: 'Платёж ожидает оплаты.',
  waiting_for_capture: 'Платёж подтверждён и ожидает списания.',
  succeeded: 'Платёж выполнен.',
  canceled: 'Платёж отменён.',
};

function checkoutPage(p: YooKassaPaymentObject): string {
  const sum = `${formatRubles(p.amount.value)} ₽`;
  const about = `<p>${escapeHtml(p.description ?? 'Оплата заказа')}</p><p>Сумма: <strong>${sum}</strong></p>`;
  if (p.status !== 'pending') {
    const back = p.confirmation
      ? `<p><a href="${escapeHtml(p.confirmation.return_url)}">Вернуться в магазин</a></p>`
      : '';
    return page('Оплата', `${about}<p>${DONE[p.status]}</p>${back}`);
  }
  const base = `/checkout/${encodeURIComponent(p.id)}`;
  return page(
    'Оплата',
    `${about}<form method="post" action="${base}/pay"><button type="submit">Оплатить</button></form>` +
      `<form method="post" action="${base}/decline"><button type="submit">Отказаться</button></form>`,
  );
}

/** "1234.50" → "1 234,50" (Russian grouping and decimal comma). */
function formatRubles(value: string): string {
  const [rubles = '0', kopecks = '00'] = value.split('.');
  return `${rubles.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${kopecks.padEnd(2, '0')}`;
}
