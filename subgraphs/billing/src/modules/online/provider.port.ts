/**
 * The online payment provider port (YooKassa API v3 style). Every create carries an idempotence
 * key; a notification is only a hint: the payment is re-read from the provider and only that
 * answer is trusted. Money in integer kopecks; adapters convert to the provider's "123.45" strings.
 */

export type ProviderPaymentStatus = 'pending' | 'waiting_for_capture' | 'succeeded' | 'canceled';

export type ProviderPayment = {
  id: string;
  status: ProviderPaymentStatus;
  amountKopecks: number;
  currency: 'RUB';
  paid: boolean;
  /** Where to send the payer (status pending). */
  confirmationUrl: string | null;
  /** Our references, as given at creation (e.g. { invoiceId, attemptId }). */
  metadata: Record<string, string>;
  createdAt: Date;
  capturedAt: Date | null;
  refundedKopecks: number;
};

export type ProviderRefund = {
  id: string;
  paymentId: string;
  status: 'pending' | 'succeeded' | 'canceled';
  amountKopecks: number;
  createdAt: Date;
};

/** Thrown when the provider cannot be reached or answers 5xx / times out (safe to retry with the same key). */
export class ProviderUnavailableError extends Error {
  constructor(message = 'payment provider unavailable') {
    super(message);
    this.name = 'ProviderUnavailableError';
  }
}

/** The provider refused the request (4xx): retrying the same request will not help. */
export class ProviderRejectedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderRejectedError';
  }
}

export interface PaymentProvider {
  createPayment(
    input: {
      amountKopecks: number;
      description: string;
      returnUrl: string;
      metadata: Record<string, string>;
      /** true: capture at once (one-stage payment). */
      capture: boolean;
    },
    idempotenceKey: string,
  ): Promise<ProviderPayment>;
  /** null when the provider does not know the id. */
  getPayment(id: string): Promise<ProviderPayment | null>;
  /** Captures a payment waiting for capture (two-stage), for its full amount. */
  capturePayment(id: string, idempotenceKey: string): Promise<ProviderPayment>;
  /** Cancels a payment waiting for capture (the money is released, never charged). */
  cancelPayment(id: string, idempotenceKey: string): Promise<ProviderPayment>;
  createRefund(
    input: { paymentId: string; amountKopecks: number; description: string },
    idempotenceKey: string,
  ): Promise<ProviderRefund>;
  /**
   * null when the provider does not know the id. A refund.succeeded notification names a refund,
   * and only the provider's own answer about it is trusted.
   */
  getRefund(id: string): Promise<ProviderRefund | null>;
  /** Succeeded payments and refunds created in [from, to) — the provider's settlement for reconciliation. */
  settlement(from: Date, to: Date): Promise<{ payments: ProviderPayment[]; refunds: ProviderRefund[] }>;
}
