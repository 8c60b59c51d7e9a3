import type { Logger } from '@medikamente/runtime';
import express from 'express';
import { parseNotification, sourceAllowed } from '../online/notification';
import type { OnlinePaymentService } from './online.service';
import type { PaymentStore } from './payments.store';

/** The provider's states that confirm what a notification says. */
const CLAIMS: Record<string, string[]> = {
  'payment.waiting_for_capture': ['waiting_for_capture', 'succeeded'],
  'payment.succeeded': ['succeeded'],
  'payment.canceled': ['canceled'],
};

/** Where the provider posts its notifications (configure this URL in the shop's settings). */
export const NOTIFICATION_PATH = '/payments/yookassa/notifications';

/**
 * The provider's notification endpoint. Accepted only from the configured networks; the body is
 * only a hint — the payment is re-read from the provider and that answer is applied. Every
 * notification is recorded with its verdict; the answer is 200 for anything from the provider's
 * networks (so it stops retrying what we ignored on purpose), 403 for anyone else.
 */
export function mountNotifications(
  app: express.Express,
  deps: { networks: readonly string[]; online: OnlinePaymentService; payments: PaymentStore; logger: Logger },
): void {
  // The source is checked before a byte of the body is read or parsed: a flood from anywhere else
  // costs one refused row each, never a JSON parse of up to the body limit.
  const fromProvider: express.RequestHandler = async (req, res, next) => {
    const sourceAddress = req.socket.remoteAddress ?? 'unknown';
    if (sourceAllowed(sourceAddress, deps.networks)) return next();
    try {
      await deps.payments.noteNotification({
        sourceAddress,
        event: null,
        objectId: null,
        verdict: 'WRONG_SOURCE',
      });
      deps.logger.warn({ sourceAddress }, 'payment notification from outside the provider networks refused');
      res.status(403).set('Connection', 'close').json({ error: 'FORBIDDEN' });
    } catch (e) {
      next(e);
    }
  };
  app.post(NOTIFICATION_PATH, fromProvider, express.json({ limit: '64kb' }), async (req, res) => {
    const sourceAddress = req.socket.remoteAddress ?? 'unknown';
    const parsed = parseNotification(req.body);
    if (!parsed.ok) {
      await deps.payments.noteNotification({
        sourceAddress,
        event: null,
        objectId: null,
        verdict: 'MALFORMED',
      });
      res.status(400).json({ error: 'BAD_REQUEST' });
      return;
    }
    const { event, objectId } = parsed;
    try {
      if (event.startsWith('refund.')) {
        // Refunds are finished by our own flow (and the retry job); the notice is only checked.
        const refund = await deps.online.providerRefund(objectId);
        await deps.payments.noteNotification({
          sourceAddress,
          event,
          objectId,
          verdict: refund ? 'ACCEPTED' : 'NOT_CONFIRMED',
        });
        res.status(200).json({ ok: true });
        return;
      }
      const known = await deps.payments.byProviderId(objectId);
      if (!known) {
        await deps.payments.noteNotification({ sourceAddress, event, objectId, verdict: 'UNKNOWN_PAYMENT' });
        res.status(200).json({ ok: true });
        return;
      }
      const applied = await deps.online.reconcile(objectId);
      // Confirmed only if the provider's own answer agrees with what the notification claims.
      const claimed = CLAIMS[event] ?? [];
      const verdict =
        applied?.payment && claimed.includes(applied.remote.status) ? 'ACCEPTED' : 'NOT_CONFIRMED';
      if (verdict !== 'ACCEPTED')
        deps.logger.warn({ objectId, event }, 'payment notification not confirmed by the provider');
      await deps.payments.noteNotification({ sourceAddress, event, objectId, verdict });
      res.status(200).json({ ok: true });
    } catch (e) {
      // The provider retries a non-2xx notification; the retry job re-reads waiting payments anyway.
      deps.logger.warn({ err: (e as Error).message, objectId }, 'payment notification not applied now');
      res.status(503).json({ error: 'UNAVAILABLE' });
    }
  });
}
