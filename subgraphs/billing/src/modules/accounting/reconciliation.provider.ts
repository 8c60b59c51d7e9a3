import {
  type PaymentProvider,
  type ProviderPayment,
  type ProviderRefund,
  ProviderUnavailableError,
} from '../online/provider.port';
import type { PaymentCheck, ReconciliationStore, RefundCheck } from './reconciliation.store';
import { type DiscrepancyItem, rub, type SettlementCheck } from './reconciliation.types';

const STATUS: Record<string, string> = {
  AWAITING_PAYER: 'ожидает плательщика',
  CAPTURING: 'списывается',
  CANCELED: 'отменён',
  FAILED: 'не прошёл',
  PENDING_FISCAL: 'ждёт чека',
  CAPTURED: 'проведён',
};

/**
 * The provider's settlement of the day against our online payments and refunds of the branch.
 * The settlement is the shop's (every branch): a provider payment counts for the branch of our
 * payment behind it, or of the invoice its metadata names; one unknown to us everywhere is listed
 * in every branch's reconciliation, since no branch can be told.
 */
export async function checkSettlement(deps: {
  provider: PaymentProvider | null;
  store: ReconciliationStore;
  branchId: string;
  from: Date;
  to: Date;
  payments: PaymentCheck[];
  refunds: RefundCheck[];
}): Promise<{ settlement: SettlementCheck; discrepancies: DiscrepancyItem[] }> {
  const { provider, store, branchId } = deps;
  const settlement: SettlementCheck = {
    configured: provider !== null,
    available: provider !== null,
    paymentsCount: 0,
    paymentsKopecks: 0,
    refundsCount: 0,
    refundsKopecks: 0,
  };
  const out: DiscrepancyItem[] = [];
  if (!provider) return { settlement, discrepancies: out };
  const unavailable = () => {
    settlement.available = false;
    out.push({
      code: 'PROVIDER_UNAVAILABLE',
      message: 'Платёжный сервис не ответил: онлайн-платежи дня не сверены, повторите сверку позже',
    });
    return { settlement, discrepancies: out };
  };

  let remote: { payments: ProviderPayment[]; refunds: ProviderRefund[] };
  try {
    remote = await provider.settlement(deps.from, deps.to);
  } catch (e) {
    if (e instanceof ProviderUnavailableError) return unavailable();
    throw e;
  }
  const ours = await store.byProviderIds([
    ...new Set([...remote.payments.map((p) => p.id), ...remote.refunds.map((r) => r.paymentId)]),
  ]);
  const branches = await store.invoiceBranches(
    remote.payments.map((p) => p.metadata.invoiceId).filter((i): i is string => typeof i === 'string'),
  );
  // Ours, another branch's, or nobody's (listed everywhere).
  const belongs = (providerPaymentId: string, invoiceId?: string) => {
    const match = ours.get(providerPaymentId);
    if (match) return match.branchId === branchId;
    const branch = invoiceId ? branches.get(invoiceId.toLowerCase()) : undefined;
    return branch === undefined || branch === branchId;
  };

  const seen = new Set<string>();
  for (const p of remote.payments) {
    if (!belongs(p.id, p.metadata.invoiceId)) continue;
    seen.add(p.id);
    settlement.paymentsCount++;
    settlement.paymentsKopecks += p.amountKopecks;
    const match = ours.get(p.id);
    if (!match) {
      out.push({
        code: 'PROVIDER_PAYMENT_UNKNOWN',
        message: `Платёжный сервис провёл платёж ${p.id} на ${rub(p.amountKopecks)}, а у нас такого платежа нет: деньги получены без счёта`,
        providerPaymentId: p.id,
        actualKopecks: p.amountKopecks,
      });
      continue;
    }
    if (match.status !== 'CAPTURED')
      out.push({
        code: 'PROVIDER_PAYMENT_NOT_CAPTURED',
        message: `Платёжный сервис провёл платёж ${p.id} на ${rub(p.amountKopecks)}, а у нас он ${STATUS[match.status] ?? match.status} и не в учёте`,
        paymentId: match.id,
        providerPaymentId: p.id,
        actualKopecks: p.amountKopecks,
      });
    else if (match.amountKopecks !== p.amountKopecks)
      out.push({
        code: 'PROVIDER_AMOUNT_MISMATCH',
        message: `Онлайн-платёж ${p.id}: у платёжного сервиса ${rub(p.amountKopecks)}, у нас ${rub(match.amountKopecks)}`,
        paymentId: match.id,
        providerPaymentId: p.id,
        expectedKopecks: match.amountKopecks,
        actualKopecks: p.amountKopecks,
      });
  }

  // Our captured online payments of the day the settlement did not show (created on another day,
  // or not succeeded at the provider): asked one by one.
  for (const p of deps.payments) {
    if (p.method !== 'ONLINE' || p.status !== 'CAPTURED') continue;
    if (p.providerPaymentId && seen.has(p.providerPaymentId)) continue;
    let found: ProviderPayment | null = null;
    try {
      found = p.providerPaymentId ? await provider.getPayment(p.providerPaymentId) : null;
    } catch (e) {
      if (e instanceof ProviderUnavailableError) return unavailable();
      throw e;
    }
    if (!found || found.status !== 'succeeded')
      out.push({
        code: 'PAYMENT_NOT_AT_PROVIDER',
        message: `Онлайн-платёж ${rub(p.amountKopecks)} проведён у нас, а платёжный сервис ${found ? `показывает статус «${found.status}»` : 'его не знает'}`,
        paymentId: p.id,
        providerPaymentId: p.providerPaymentId,
        expectedKopecks: p.amountKopecks,
      });
    else if (found.amountKopecks !== p.amountKopecks)
      out.push({
        code: 'PROVIDER_AMOUNT_MISMATCH',
        message: `Онлайн-платёж ${found.id}: у платёжного сервиса ${rub(found.amountKopecks)}, у нас ${rub(p.amountKopecks)}`,
        paymentId: p.id,
        providerPaymentId: found.id,
        expectedKopecks: p.amountKopecks,
        actualKopecks: found.amountKopecks,
      });
  }

  // Refunds, per provider payment: the provider's succeeded refunds of the day vs ours done that day.
  const theirs = new Map<string, number>();
  for (const r of remote.refunds) {
    if (!belongs(r.paymentId)) continue;
    settlement.refundsCount++;
    settlement.refundsKopecks += r.amountKopecks;
    theirs.set(r.paymentId, (theirs.get(r.paymentId) ?? 0) + r.amountKopecks);
  }
  const mine = new Map<string, { kopecks: number; paymentId: string }>();
  for (const r of deps.refunds) {
    if (r.method !== 'ONLINE' || r.status !== 'DONE' || !r.providerPaymentId) continue;
    const cur = mine.get(r.providerPaymentId) ?? { kopecks: 0, paymentId: r.paymentId };
    mine.set(r.providerPaymentId, { ...cur, kopecks: cur.kopecks + r.amountKopecks });
  }
  for (const id of new Set([...theirs.keys(), ...mine.keys()])) {
    const t = theirs.get(id) ?? 0;
    const m = mine.get(id)?.kopecks ?? 0;
    if (t === m) continue;
    const match = ours.get(id);
    out.push({
      code: match || mine.has(id) ? 'PROVIDER_REFUND_MISMATCH' : 'PROVIDER_PAYMENT_UNKNOWN',
      message:
        match || mine.has(id)
          ? `Возвраты по онлайн-платежу ${id} за день: у платёжного сервиса ${rub(t)}, у нас ${rub(m)}`
          : `Платёжный сервис вернул ${rub(t)} по платежу ${id}, которого у нас нет`,
      paymentId: match?.id ?? mine.get(id)?.paymentId ?? null,
      providerPaymentId: id,
      expectedKopecks: m,
      actualKopecks: t,
    });
  }
  return { settlement, discrepancies: out };
}
