import { appError, ErrorCode, IdempotencyStore, inputError, type Principal } from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import { requireOwnBranch } from '../branches';
import { formatRubles as rubles } from '../documents/format';
import { FiscalUnavailableError } from '../fiscal/fiscal.port';
import { type Registers, runFiscalTask } from '../fiscal/registers';
import { type PaymentProvider, ProviderUnavailableError } from '../online/provider.port';
import { idempotentWrite, type Outcome, Refused } from '../refused';
import type { RefundRecord } from './payments.store';
import { receiptFor } from './receipts';
import { type PaymentDeps, recordRefundDone } from './settle';

/**
 * Refunds, full or partial, never more than was paid less earlier refunds (under the invoice
 * lock). The refund is written PENDING, then carried out — the provider's refund for online
 * payments (idempotence key = refund id), the register's return receipt (task uuid = refund id) —
 * and only then enters the ledger as a reversal. Unreachable parties leave it PENDING for retry.
 */
export class RefundService {
  private readonly idempotency: IdempotencyStore;
  constructor(
    private readonly deps: PaymentDeps & {
      provider: PaymentProvider | null;
      registers: Registers;
      fiscalWaitMs: number;
    },
  ) {
    this.idempotency = new IdempotencyStore(deps.database);
  }

  async refund(
    principal: Principal,
    input: { paymentId: string; amountKopecks: number; reason: string; idempotencyKey: string },
  ): Promise<Outcome<RefundRecord>> {
    const by = principal.subject;
    if (!by) throw appError(ErrorCode.UNAUTHENTICATED);
    const result = await idempotentWrite(
      { database: this.deps.database, idempotency: this.idempotency },
      { principal, key: input.idempotencyKey, operation: 'refundPayment', request: input },
      async (id) => {
        const found = (await this.deps.payments.byIds([input.paymentId])).get(input.paymentId);
        if (!found)
          throw new Refused([inputError('input.paymentId', ErrorCode.NOT_FOUND, 'Платёж не найден')]);
        const invoice = (await this.deps.invoices.lock(found.invoiceId))!;
        requireOwnBranch(principal, invoice.branchId, 'Платёж другого филиала');
        const payment = (await this.deps.payments.lockPayment(found.id))!;
        if (payment.status !== 'CAPTURED')
          throw new Refused([
            inputError('input.paymentId', codes.PAYMENT_STATE, 'Вернуть можно только проведённый платёж'),
          ]);
        const earlier = (await this.deps.payments.refundsOf([payment.id])).get(payment.id)!;
        const refundable =
          payment.amountKopecks -
          earlier.filter((r) => r.status !== 'FAILED').reduce((s, r) => s + r.amountKopecks, 0);
        if (input.amountKopecks > refundable)
          throw new Refused([
            inputError(
              'input.amountKopecks',
              codes.REFUND_EXCEEDS_PAID,
              `Вернуть можно не больше ${rubles(refundable)}`,
            ),
          ]);
        return this.deps.payments.insertRefund({
          id,
          paymentId: payment.id,
          invoiceId: payment.invoiceId,
          patientId: payment.patientId,
          amountKopecks: input.amountKopecks,
          reason: input.reason,
          createdBy: by,
        });
      },
      async (id) => {
        const replay = (await this.deps.payments.refundsByIds([id])).get(id);
        if (!replay) throw appError(ErrorCode.CONFLICT, 'Возврат с этим ключом не был создан');
        return replay;
      },
    );
    if (!result.ok) return result;
    const refund = result.value;
    return { ok: true, value: await this.execute(refund, by) };
  }

  /** Carries out a PENDING refund (idempotent); returns its state afterwards. */
  async execute(refund: RefundRecord, actor: string): Promise<RefundRecord> {
    if (refund.status !== 'PENDING') return refund;
    const payment = (await this.deps.payments.byIds([refund.paymentId])).get(refund.paymentId)!;
    try {
      if (payment.method === 'ONLINE') {
        if (!this.deps.provider || !payment.providerPaymentId) return refund;
        const remote = await this.deps.provider.createRefund(
          {
            paymentId: payment.providerPaymentId,
            amountKopecks: refund.amountKopecks,
            description: refund.reason.slice(0, 128),
          },
          refund.id,
        );
        if (remote.status === 'canceled')
          return (
            (await this.deps.payments.finishRefund(
              refund.id,
              'FAILED',
              'Платёжный сервис отклонил возврат',
            )) ?? refund
          );
        if (remote.status !== 'succeeded') return refund;
      }
      const register = payment.registerId ? this.deps.registers.get(payment.registerId) : null;
      if (!register) return (await recordRefundDone(this.deps, refund, null, actor)) ?? refund;
      const lines = (await this.deps.invoices.lines([refund.invoiceId])).get(refund.invoiceId) ?? [];
      const receipt = receiptFor({
        operation: 'sellReturn',
        lines,
        amountKopecks: refund.amountKopecks,
        method: payment.method === 'CASH' ? 'cash' : 'electronically',
        settles: true,
        customerContact: payment.customerContact,
        operatorName: payment.method === 'ONLINE' ? 'Интернет-касса' : 'Кассир',
      });
      const outcome = await runFiscalTask(
        register.register,
        refund.id,
        { type: 'receipt', receipt },
        { waitMs: this.deps.fiscalWaitMs },
      );
      if (outcome.status === 'done')
        return (
          (await recordRefundDone(this.deps, refund, { registerId: register.id, receipt, outcome }, actor)) ??
          refund
        );
      if (outcome.status === 'error') {
        // The provider has already returned an online payment's money: the ledger must say so.
        if (payment.method === 'ONLINE') {
          this.deps.logger.warn(
            { refundId: refund.id },
            'refund receipt refused by the register; recorded without it',
          );
          return (await recordRefundDone(this.deps, refund, null, actor)) ?? refund;
        }
        return (
          (await this.deps.payments.finishRefund(refund.id, 'FAILED', `Касса: ${outcome.description}`)) ??
          refund
        );
      }
      return refund;
    } catch (e) {
      if (e instanceof FiscalUnavailableError || e instanceof ProviderUnavailableError) {
        this.deps.logger.warn({ refundId: refund.id }, 'refund waits for an unavailable party');
        return refund;
      }
      throw e;
    }
  }
}
