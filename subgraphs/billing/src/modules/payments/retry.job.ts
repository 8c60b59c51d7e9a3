import type { Logger } from '@medikamente/runtime';
import type { DeskPaymentService } from './desk.service';
import type { OnlinePaymentService } from './online.service';
import type { PaymentStore } from './payments.store';
import type { RefundService } from './refunds.service';

/**
 * Finishes what a dependency being down left unfinished: receipts the register has not printed,
 * online payments whose notification never came (or came while we were down), online receipts,
 * pending refunds. Every step is idempotent (task uuids, idempotence keys, status guards), so
 * replicas running it at once and repeated runs are safe.
 */
export function paymentRetryJob(deps: {
  payments: PaymentStore;
  desk: DeskPaymentService;
  online: OnlinePaymentService;
  refunds: RefundService;
  logger: Logger;
  intervalMs: number;
}) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const once = async () => {
    const before = new Date(Date.now() - deps.intervalMs);
    for (const p of await deps.payments.unfinished(before)) {
      await deps.payments.touch(p.id);
      if (p.status === 'PENDING_FISCAL') await deps.desk.fiscalise(p, 'retry');
      else if (p.providerPaymentId) await deps.online.reconcile(p.providerPaymentId);
    }
    for (const p of await deps.payments.awaitingPayer(before)) {
      await deps.payments.touch(p.id);
      await deps.online.reconcile(p.providerPaymentId!);
    }
    for (const p of await deps.payments.capturedWithoutReceipt()) await deps.online.printReceipt(p);
    for (const r of await deps.payments.pendingRefunds(before)) await deps.refunds.execute(r, 'retry');
  };
  const tick = () => {
    running ??= once()
      .catch((e) => deps.logger.warn({ err: (e as Error).message }, 'payment retry failed; next round'))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  return {
    /** One round now (tests, tools). */
    runOnce: tick,
    start() {
      timer = setInterval(tick, deps.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
