import { appError, ErrorCode, type Logger, type Principal } from '@medikamente/runtime';
import { DateTime } from 'luxon';
import { FiscalUnavailableError, type ShiftReport } from '../fiscal/fiscal.port';
import type { RegisterEntry, Registers } from '../fiscal/registers';
import type { ShiftRecord, ShiftStore } from '../fiscal/shifts.store';
import type { PaymentProvider } from '../online/provider.port';
import { checkSettlement } from './reconciliation.provider';
import type { PaymentCheck, ReconciliationStore, RefundCheck } from './reconciliation.store';
import {
  type DiscrepancyItem,
  paymentText,
  type ReconciliationReport,
  refundText,
  rub,
  SHIFT_FIELDS,
  type ShiftCheck,
  type ShiftTotals,
} from './reconciliation.types';

/** Receipts of a shift are looked for this long around it (register clock vs ours; late records). */
const SHIFT_MARGIN_MS = 12 * 3_600_000;

const totalsOf = (r: ShiftReport): ShiftTotals => ({
  sellCashKopecks: r.sellCashKopecks,
  sellElectronicKopecks: r.sellElectronicKopecks,
  returnCashKopecks: r.returnCashKopecks,
  returnElectronicKopecks: r.returnElectronicKopecks,
  receiptCount: r.receiptCount,
});

const time = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat('dd.LL HH:mm');

/**
 * The daily reconciliation of a branch: the ledger (by method) against the branch register's
 * shift reports and, for online payments, the provider's settlement; and every payment and
 * refund of the day checked against its receipt and ledger entry. Reads only; the answer holds
 * sums and opaque payment ids, never a patient.
 */
export class ReconciliationService {
  constructor(
    private readonly deps: {
      store: ReconciliationStore;
      shifts: ShiftStore;
      registers: Registers;
      provider: PaymentProvider | null;
      timeZone: string;
      logger: Logger;
    },
  ) {}

  async reconcile(principal: Principal, branchId: string, day: string): Promise<ReconciliationReport> {
    if (principal.branchIds.length > 0 && !principal.branchIds.includes(branchId))
      throw appError(ErrorCode.FORBIDDEN, 'Сверка другого филиала');
    const start = DateTime.fromISO(day, { zone: this.deps.timeZone }).startOf('day');
    const from = start.toJSDate();
    const to = start.plus({ days: 1 }).toJSDate();
    const { store } = this.deps;
    const [ledger, payments, refunds] = await Promise.all([
      store.ledgerTotals(branchId, from, to),
      store.payments(branchId, from, to),
      store.refunds(branchId, from, to),
    ]);
    const register = this.deps.registers.forBranch(branchId);
    const discrepancies: DiscrepancyItem[] = [
      ...payments.flatMap((p) => this.checkPayment(p)),
      ...refunds.flatMap((r) => this.checkRefund(r)),
    ];
    const shifts: ShiftCheck[] = [];
    if (register) {
      for (const shift of await this.deps.shifts.during(register.id, from, to)) {
        const checked = await this.checkShift(register, shift);
        if (checked) {
          shifts.push(checked.shift);
          discrepancies.push(...checked.discrepancies);
        }
      }
    }
    const provider = await checkSettlement({
      provider: this.deps.provider,
      store,
      branchId,
      from,
      to,
      payments,
      refunds,
    });
    discrepancies.push(...provider.discrepancies);
    return {
      branchId,
      day,
      from,
      to,
      registerId: register?.id ?? null,
      ledger,
      shifts,
      settlement: provider.settlement,
      discrepancies,
      checkedAt: new Date(),
    };
  }

  private checkPayment(p: PaymentCheck): DiscrepancyItem[] {
    const what = paymentText(p.method, p.amountKopecks);
    const ref = { paymentId: p.id, registerId: p.registerId };
    const zone = this.deps.timeZone;
    if (p.status === 'PENDING_FISCAL')
      return [
        {
          code: 'PAYMENT_PENDING_FISCAL',
          message: `${what} с ${time(p.createdAt, zone)} ждёт кассового чека: касса не подтвердила печать, деньги не в учёте. Проверьте кассу и повторите отправку чека`,
          ...ref,
          expectedKopecks: p.amountKopecks,
        },
      ];
    if (p.status === 'CAPTURING')
      return [
        {
          code: 'PAYMENT_NOT_CAPTURED',
          message: `${what} с ${time(p.createdAt, zone)} подтверждён плательщиком, но не списан и не в учёте`,
          ...ref,
          providerPaymentId: p.providerPaymentId,
          expectedKopecks: p.amountKopecks,
        },
      ];
    const out: DiscrepancyItem[] = [];
    if (p.ledgerKopecks !== p.amountKopecks)
      out.push({
        code: 'LEDGER_MISMATCH',
        message:
          p.ledgerKopecks === null
            ? `${what} проведён, но в журнале операций его нет`
            : `${what} проведён, а в журнале операций записано ${rub(p.ledgerKopecks)}`,
        ...ref,
        expectedKopecks: p.amountKopecks,
        actualKopecks: p.ledgerKopecks,
      });
    // Online receipts are printed by the online register when one is configured.
    const needsReceipt = p.method !== 'ONLINE' || this.deps.registers.online !== null;
    if (p.receiptKopecks === null && needsReceipt)
      out.push({
        code: 'PAYMENT_WITHOUT_RECEIPT',
        message: `${what} проведён без кассового чека`,
        ...ref,
        expectedKopecks: p.ledgerKopecks ?? p.amountKopecks,
      });
    else if (p.receiptKopecks !== null && p.receiptKopecks !== (p.ledgerKopecks ?? p.amountKopecks))
      out.push({
        code: 'RECEIPT_SUM_MISMATCH',
        message: `${what}: сумма чека ${rub(p.receiptKopecks)} не совпадает с учётом`,
        ...ref,
        expectedKopecks: p.ledgerKopecks ?? p.amountKopecks,
        actualKopecks: p.receiptKopecks,
      });
    return out;
  }

  private checkRefund(r: RefundCheck): DiscrepancyItem[] {
    const what = refundText(r.method, r.amountKopecks);
    const ref = { paymentId: r.paymentId, refundId: r.id, registerId: r.registerId };
    if (r.status === 'PENDING')
      return [
        {
          code: 'REFUND_PENDING',
          message: `${what} с ${time(r.createdAt, this.deps.timeZone)} не завершён: ${r.method === 'ONLINE' ? 'платёжный сервис или касса' : 'касса'} не подтвердили возврат`,
          ...ref,
          expectedKopecks: r.amountKopecks,
        },
      ];
    const out: DiscrepancyItem[] = [];
    if (r.ledgerKopecks !== r.amountKopecks)
      out.push({
        code: 'LEDGER_MISMATCH',
        message:
          r.ledgerKopecks === null
            ? `${what} выполнен, но в журнале операций его нет`
            : `${what} выполнен, а в журнале операций записано ${rub(r.ledgerKopecks)}`,
        ...ref,
        expectedKopecks: r.amountKopecks,
        actualKopecks: r.ledgerKopecks,
      });
    const needsReceipt = r.registerId !== null;
    if (r.receiptKopecks === null && needsReceipt)
      out.push({
        code: 'REFUND_WITHOUT_RECEIPT',
        message: `${what} выполнен без чека возврата`,
        ...ref,
        expectedKopecks: r.ledgerKopecks ?? r.amountKopecks,
      });
    else if (r.receiptKopecks !== null && r.receiptKopecks !== (r.ledgerKopecks ?? r.amountKopecks))
      out.push({
        code: 'RECEIPT_SUM_MISMATCH',
        message: `${what}: сумма чека возврата ${rub(r.receiptKopecks)} не совпадает с учётом`,
        ...ref,
        expectedKopecks: r.ledgerKopecks ?? r.amountKopecks,
        actualKopecks: r.receiptKopecks,
      });
    return out;
  }

  /** A shift's report (closing, or asked live for the open one) against our receipts of it. */
  private async checkShift(
    register: RegisterEntry,
    shift: ShiftRecord,
  ): Promise<{ shift: ShiftCheck; discrepancies: DiscrepancyItem[] } | null> {
    // A shift the register never opened (the record was closed at once) has nothing to compare.
    if (shift.shiftNumber === null) return null;
    const number = shift.shiftNumber;
    const base = { registerId: register.id, shiftNumber: number };
    const out: DiscrepancyItem[] = [];
    let report: ShiftReport | null = shift.closeReport;
    let source: ShiftCheck['source'] = report ? 'CLOSE_REPORT' : 'NONE';
    if (shift.status === 'OPEN') {
      try {
        report = await register.register.shiftReport();
        source = 'LIVE';
      } catch (e) {
        if (!(e instanceof FiscalUnavailableError)) throw e;
        this.deps.logger.warn({ registerId: register.id }, 'reconciliation: register unavailable');
        out.push({
          ...base,
          code: 'REGISTER_UNAVAILABLE',
          message: `Касса не ответила: отчёт открытой смены № ${number} не получен, смена не сверена`,
        });
      }
    } else if (!report)
      out.push({
        ...base,
        code: 'SHIFT_REPORT_MISSING',
        message: `Смена № ${number} закрыта без отчёта кассы: сверьте её по Z-отчёту вручную`,
      });
    if (report && report.shiftNumber !== number) {
      out.push({
        ...base,
        code: 'SHIFT_REPORT_MISSING',
        message: `Касса сообщает о смене № ${report.shiftNumber}${report.open ? '' : ' (закрыта)'}, а у нас ${shift.status === 'OPEN' ? 'открыта' : 'была'} смена № ${number}: отчёт этой смены не получен`,
      });
      report = null;
      source = 'NONE';
    }
    if (report?.expired)
      out.push({
        ...base,
        code: 'SHIFT_EXPIRED',
        message: `Смена № ${number} открыта больше 24 часов: касса не пробьёт чек, пока смену не закроют`,
      });
    const ledger = await this.deps.store.shiftLedger(
      register.id,
      number,
      new Date(shift.openedAt.getTime() - SHIFT_MARGIN_MS),
      new Date((shift.closedAt ?? new Date()).getTime() + SHIFT_MARGIN_MS),
    );
    const totals = report ? totalsOf(report) : null;
    if (totals)
      for (const f of SHIFT_FIELDS) {
        if (totals[f.key] === ledger[f.key]) continue;
        const show = (v: number) => (f.money ? rub(v) : String(v));
        out.push({
          ...base,
          code: 'SHIFT_TOTALS_MISMATCH',
          message: `Смена № ${number}: ${f.label} по отчёту кассы ${show(totals[f.key])}, по учёту ${show(ledger[f.key])}`,
          ...(f.money ? { expectedKopecks: ledger[f.key], actualKopecks: totals[f.key] } : {}),
        });
      }
    return {
      shift: {
        registerId: register.id,
        shiftNumber: number,
        open: shift.status === 'OPEN',
        openedAt: shift.openedAt,
        closedAt: shift.closedAt,
        source,
        report: totals,
        ledger,
      },
      discrepancies: out,
    };
  }
}
