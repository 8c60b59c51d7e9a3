import { appError, ErrorCode, IdempotencyStore, inputError, type Principal } from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import { requireOwnBranch } from '../branches';
import { formatRubles as rubles } from '../documents/format';
import { FiscalRejectedError, FiscalUnavailableError } from '../fiscal/fiscal.port';
import { type Registers, runFiscalTask } from '../fiscal/registers';
import type { ShiftStore } from '../fiscal/shifts.store';
import { idempotentWrite, type Outcome, Refused } from '../refused';
import type { PaymentRecord } from './payments.store';
import { receiptFor } from './receipts';
import { type PaymentDeps, payableKopecks, recordCapturedWithReceipt } from './settle';

export const OPERATOR_NAME = 'Кассир';

/**
 * Cash and card at the desk. The payment is written first (PENDING_FISCAL, which holds its amount
 * against the invoice), then fiscalised on the branch's register under the payment's id: the
 * receipt is printed at most once, however often this is retried, and the money enters the
 * ledger only with the register's fiscal sign. An unreachable register leaves the payment
 * PENDING_FISCAL (the cashier sees it; the retry job or the cashier finishes it).
 */
export class DeskPaymentService {
  private readonly idempotency: IdempotencyStore;
  constructor(
    private readonly deps: PaymentDeps & { registers: Registers; shifts: ShiftStore; fiscalWaitMs: number },
  ) {
    this.idempotency = new IdempotencyStore(deps.database);
  }

  async take(
    principal: Principal,
    input: {
      invoiceId: string;
      method: 'CASH' | 'CARD';
      amountKopecks: number;
      customerContact: string | null;
      idempotencyKey: string;
    },
  ): Promise<Outcome<PaymentRecord>> {
    const by = principal.subject;
    if (!by) throw appError(ErrorCode.UNAUTHENTICATED);
    const result = await idempotentWrite(
      { database: this.deps.database, idempotency: this.idempotency },
      { principal, key: input.idempotencyKey, operation: 'takeDeskPayment', request: input },
      async (id) => {
        const invoice = await this.deps.invoices.lock(input.invoiceId);
        if (!invoice)
          throw new Refused([inputError('input.invoiceId', ErrorCode.NOT_FOUND, 'Счёт не найден')]);
        requireOwnBranch(principal, invoice.branchId, 'Счёт другого филиала');
        const register = this.deps.registers.forBranch(invoice.branchId);
        if (!register)
          throw new Refused([
            inputError('input.invoiceId', codes.REGISTER_NOT_CONFIGURED, 'Для филиала не настроена касса'),
          ]);
        const shift = await this.deps.shifts.current(register.id);
        if (shift?.status !== 'OPEN')
          throw new Refused([inputError('input.invoiceId', codes.SHIFT_NOT_OPEN, 'Откройте смену кассы')]);
        const outstanding = await payableKopecks(this.deps, invoice.id);
        if (input.amountKopecks > outstanding)
          throw new Refused([
            inputError(
              'input.amountKopecks',
              codes.AMOUNT_EXCEEDS_BALANCE,
              `К оплате не больше ${rubles(outstanding)}`,
            ),
          ]);
        return this.deps.payments.insert({
          id,
          invoiceId: invoice.id,
          patientId: invoice.patientId,
          method: input.method,
          amountKopecks: input.amountKopecks,
          status: 'PENDING_FISCAL',
          statusReason: null,
          registerId: register.id,
          providerPaymentId: null,
          confirmationUrl: null,
          customerContact: input.customerContact,
          createdBy: by,
        });
      },
      async (id) => {
        const replay = (await this.deps.payments.byIds([id])).get(id);
        if (!replay) throw appError(ErrorCode.CONFLICT, 'Платёж с этим ключом не был создан');
        return replay;
      },
    );
    if (!result.ok) return result;
    const created = result.value;
    return { ok: true, value: await this.fiscalise(created, by) };
  }

  /**
   * Prints the receipt of a PENDING_FISCAL payment (idempotent by the payment id) and records it;
   * anything else is returned as it is. Never throws for the register: its state is the answer.
   */
  async fiscalise(payment: PaymentRecord, actor: string): Promise<PaymentRecord> {
    if (payment.status !== 'PENDING_FISCAL' || !payment.registerId) return payment;
    const register = this.deps.registers.get(payment.registerId);
    if (!register) return payment;
    const [lines, totals] = await Promise.all([
      this.deps.invoices.lines([payment.invoiceId]),
      this.deps.invoices.totals([payment.invoiceId]),
    ]);
    const receipt = receiptFor({
      operation: 'sell',
      lines: lines.get(payment.invoiceId) ?? [],
      amountKopecks: payment.amountKopecks,
      method: payment.method === 'CASH' ? 'cash' : 'electronically',
      settles: payment.amountKopecks >= totals.get(payment.invoiceId)!.balanceKopecks,
      customerContact: payment.customerContact,
      operatorName: OPERATOR_NAME,
    });
    try {
      const outcome = await runFiscalTask(
        register.register,
        payment.id,
        { type: 'receipt', receipt },
        { waitMs: this.deps.fiscalWaitMs },
      );
      if (outcome.status === 'done')
        return (
          (await recordCapturedWithReceipt(this.deps, payment, receipt, outcome, actor)) ??
          (await this.reload(payment))
        );
      if (outcome.status === 'error')
        return (
          (await this.deps.payments.transition(payment.id, ['PENDING_FISCAL'], 'FAILED', {
            reason: `Касса: ${outcome.description}`,
          })) ?? (await this.reload(payment))
        );
      return (
        (await this.deps.payments.transition(payment.id, ['PENDING_FISCAL'], 'PENDING_FISCAL', {
          reason: 'Касса ещё не напечатала чек',
        })) ?? (await this.reload(payment))
      );
    } catch (e) {
      if (e instanceof FiscalRejectedError)
        return (
          (await this.deps.payments.transition(payment.id, ['PENDING_FISCAL'], 'FAILED', {
            reason: `Касса отклонила чек: ${e.message}`,
          })) ?? (await this.reload(payment))
        );
      if (!(e instanceof FiscalUnavailableError)) throw e;
      this.deps.logger.warn(
        { paymentId: payment.id, registerId: payment.registerId },
        'fiscal register unavailable',
      );
      return (
        (await this.deps.payments.transition(payment.id, ['PENDING_FISCAL'], 'PENDING_FISCAL', {
          reason: 'Касса не отвечает — чек будет отправлен повторно',
        })) ?? (await this.reload(payment))
      );
    }
  }

  private async reload(p: PaymentRecord): Promise<PaymentRecord> {
    return (await this.deps.payments.byIds([p.id])).get(p.id)!;
  }
}
