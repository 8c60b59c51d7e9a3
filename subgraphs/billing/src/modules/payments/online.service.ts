import { appError, ErrorCode, IdempotencyStore, inputError, type Principal } from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import { FiscalUnavailableError } from '../fiscal/fiscal.port';
import { ensureOpenShift, type Registers, runFiscalTask } from '../fiscal/registers';
import {
  type PaymentProvider,
  type ProviderPayment,
  ProviderRejectedError,
  ProviderUnavailableError,
} from '../online/provider.port';
import { idempotentWrite, type Outcome, Refused } from '../refused';
import type { PaymentRecord } from './payments.store';
import { receiptFor } from './receipts';
import { outstandingKopecks, type PaymentDeps, payableKopecks } from './settle';

/**
 * Online payments (two-stage): the patient authorises the outstanding amount at the provider; we
 * capture only if the invoice still owes it at that moment (under the invoice lock), otherwise
 * the authorisation is cancelled — so a desk payment and an online one racing for the same
 * invoice never both take money. Notifications are hints: the payment is re-read from the
 * provider and only that answer counts. The electronic receipt goes to the online register.
 */
export class OnlinePaymentService {
  private readonly idempotency: IdempotencyStore;
  constructor(
    private readonly deps: PaymentDeps & {
      provider: PaymentProvider | null;
      registers: Registers;
      returnUrl: string;
      fiscalWaitMs: number;
    },
  ) {
    this.idempotency = new IdempotencyStore(deps.database);
  }

  private provider(): PaymentProvider {
    if (!this.deps.provider) throw appError(codes.ONLINE_PAYMENTS_DISABLED);
    return this.deps.provider;
  }

  /** The caller's own invoice, locked; another patient's answers as a missing one (no existence oracle). */
  private async ownInvoice(principal: Principal, invoiceId: string) {
    const invoice = await this.deps.invoices.lock(invoiceId);
    if (!invoice || invoice.patientId !== principal.patientId)
      throw new Refused([inputError('input.invoiceId', ErrorCode.NOT_FOUND, 'Счёт не найден')]);
    return invoice;
  }

  /** Starts (or resumes) the patient's online payment of an invoice's outstanding amount. */
  async start(
    principal: Principal,
    input: { invoiceId: string; idempotencyKey: string },
  ): Promise<Outcome<PaymentRecord>> {
    const provider = this.provider();
    const result = await idempotentWrite(
      { database: this.deps.database, idempotency: this.idempotency },
      { principal, key: input.idempotencyKey, operation: 'payInvoiceOnline', request: input },
      async (id) => {
        const invoice = await this.ownInvoice(principal, input.invoiceId);
        const waiting = (await this.deps.payments.forInvoices([invoice.id]))
          .get(invoice.id)!
          .find((p) => p.method === 'ONLINE' && p.status === 'AWAITING_PAYER' && p.confirmationUrl);
        const outstanding = await payableKopecks(this.deps, invoice.id);
        // The patient's open checkout for the same amount is reused (one provider payment).
        if (waiting && waiting.amountKopecks === outstanding) return waiting;
        return this.deps.payments.insert({
          id,
          invoiceId: invoice.id,
          patientId: invoice.patientId,
          method: 'ONLINE',
          amountKopecks: outstanding,
          status: 'AWAITING_PAYER',
          statusReason: null,
          registerId: this.deps.registers.online?.id ?? null,
          providerPaymentId: null,
          confirmationUrl: null,
          customerContact: null,
          createdBy: principal.subject ?? 'patient',
        });
      },
      async (id) => {
        await this.ownInvoice(principal, input.invoiceId);
        const replay = (await this.deps.payments.byIds([id])).get(id);
        if (!replay) throw appError(ErrorCode.CONFLICT, 'Платёж с этим ключом не был создан');
        return replay;
      },
    );
    if (!result.ok) return result;
    const payment = result.value;
    if (payment.confirmationUrl || payment.status !== 'AWAITING_PAYER') return { ok: true, value: payment };
    const invoice = (await this.deps.invoices.byIds([payment.invoiceId])).get(payment.invoiceId)!;
    try {
      // The payment's id is the idempotence key: a retry never creates a second provider payment.
      const remote = await provider.createPayment(
        {
          amountKopecks: payment.amountKopecks,
          description: `Оплата счёта № ${invoice.number}`,
          returnUrl: `${this.deps.returnUrl}?invoice=${invoice.id}`,
          metadata: { paymentId: payment.id, invoiceId: invoice.id },
          capture: false,
        },
        payment.id,
      );
      const updated = await this.deps.payments.transition(payment.id, ['AWAITING_PAYER'], 'AWAITING_PAYER', {
        providerPaymentId: remote.id,
        confirmationUrl: remote.confirmationUrl ?? undefined,
      });
      return { ok: true, value: updated ?? payment };
    } catch (e) {
      if (e instanceof ProviderUnavailableError) throw appError(codes.PROVIDER_UNAVAILABLE);
      if (e instanceof ProviderRejectedError) {
        await this.deps.payments.transition(payment.id, ['AWAITING_PAYER'], 'CANCELED', {
          reason: `Отказ сервиса: ${e.code}`,
        });
        throw appError(codes.PROVIDER_UNAVAILABLE, 'Платёжный сервис отклонил платёж');
      }
      throw e;
    }
  }

  /**
   * Brings our payment in line with the provider's state of it (after a notification, or by the
   * retry job). Idempotent: every step is guarded by our status and the provider's keys.
   */
  async reconcile(
    providerPaymentId: string,
  ): Promise<{ payment: PaymentRecord | null; remote: ProviderPayment } | null> {
    const provider = this.provider();
    const remote = await provider.getPayment(providerPaymentId);
    if (!remote) return null;
    const payment = await this.deps.payments.byProviderId(remote.id);
    if (!payment || remote.amountKopecks !== payment.amountKopecks) return { payment: null, remote };
    if (remote.status === 'canceled')
      return {
        remote,
        payment:
          (await this.deps.payments.transition(payment.id, ['AWAITING_PAYER', 'CAPTURING'], 'CANCELED', {
            reason: 'Платёж отменён',
          })) ?? (await this.reload(payment)),
      };
    if (remote.status === 'waiting_for_capture')
      return { remote, payment: await this.captureOrRelease(payment, remote) };
    if (remote.status === 'succeeded') return { remote, payment: await this.recordSucceeded(payment) };
    return { remote, payment };
  }

  /** The provider's refund, re-read (a notification is only a hint). */
  providerRefund(id: string) {
    return this.provider().getRefund(id);
  }

  private async captureOrRelease(
    payment: PaymentRecord,
    remote: ProviderPayment,
  ): Promise<PaymentRecord | null> {
    const decision = await this.deps.database.tx(async () => {
      await this.deps.invoices.lock(payment.invoiceId);
      const current = await this.deps.payments.lockPayment(payment.id);
      if (current?.status === 'CAPTURING') return 'capture' as const;
      if (current?.status !== 'AWAITING_PAYER') return 'none' as const;
      if ((await outstandingKopecks(this.deps, payment.invoiceId)) >= payment.amountKopecks) {
        await this.deps.payments.transition(payment.id, ['AWAITING_PAYER'], 'CAPTURING');
        return 'capture' as const;
      }
      await this.deps.payments.transition(payment.id, ['AWAITING_PAYER'], 'CANCELED', {
        reason: 'Счёт уже оплачен другим способом — деньги не списаны',
      });
      return 'release' as const;
    });
    if (decision === 'release') await this.provider().cancelPayment(remote.id, `cancel:${payment.id}`);
    if (decision !== 'capture') return this.reload(payment);
    const captured = await this.provider().capturePayment(remote.id, `capture:${payment.id}`);
    return captured.status === 'succeeded' ? this.recordSucceeded(payment) : this.reload(payment);
  }

  /** The provider holds the money: CAPTURED and in the ledger (once), then the electronic receipt. */
  private async recordSucceeded(payment: PaymentRecord): Promise<PaymentRecord> {
    await this.deps.database.tx(async () => {
      const moved = await this.deps.payments.transition(
        payment.id,
        ['AWAITING_PAYER', 'CAPTURING'],
        'CAPTURED',
      );
      if (moved)
        await this.deps.invoices.ledger(payment.invoiceId, 'PAYMENT', payment.amountKopecks, 'provider', {
          paymentId: payment.id,
        });
    });
    await this.printReceipt((await this.reload(payment))!);
    return (await this.reload(payment))!;
  }

  /** The electronic receipt of a captured online payment (idempotent by the payment id). */
  async printReceipt(payment: PaymentRecord): Promise<void> {
    const online = this.deps.registers.online;
    if (!online || payment.status !== 'CAPTURED') return;
    if ((await this.deps.payments.receiptsByIds([payment.id])).has(payment.id)) return;
    await ensureOpenShift(online.register, this.deps.fiscalWaitMs);
    const lines = (await this.deps.invoices.lines([payment.invoiceId])).get(payment.invoiceId) ?? [];
    const totals = (await this.deps.invoices.totals([payment.invoiceId])).get(payment.invoiceId)!;
    const receipt = receiptFor({
      operation: 'sell',
      lines,
      amountKopecks: payment.amountKopecks,
      method: 'electronically',
      settles: totals.balanceKopecks <= 0,
      customerContact: payment.customerContact,
      operatorName: 'Интернет-касса',
    });
    try {
      const outcome = await runFiscalTask(
        online.register,
        payment.id,
        { type: 'receipt', receipt },
        { waitMs: this.deps.fiscalWaitMs },
      );
      if (outcome.status === 'done')
        await this.deps.payments.insertReceipt({
          id: payment.id,
          paymentId: payment.id,
          refundId: null,
          patientId: payment.patientId,
          operation: 'SELL',
          registerId: online.id,
          body: receipt,
          fiscal: outcome.fiscal,
        });
    } catch (e) {
      if (!(e instanceof FiscalUnavailableError)) throw e;
      this.deps.logger.warn({ paymentId: payment.id }, 'online register unavailable; the receipt is retried');
    }
  }

  private async reload(p: PaymentRecord): Promise<PaymentRecord | null> {
    return (await this.deps.payments.byIds([p.id])).get(p.id) ?? null;
  }
}
