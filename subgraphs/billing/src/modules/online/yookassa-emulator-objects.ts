import { randomUUID } from 'node:crypto';

/** YooKassa API v3 objects as the emulator stores and answers them (snake_case, amounts as strings). */
export type YooKassaAmount = { value: string; currency: 'RUB' };
export type YooKassaPaymentObject = {
  id: string;
  status: 'pending' | 'waiting_for_capture' | 'succeeded' | 'canceled';
  paid: boolean;
  amount: YooKassaAmount;
  description?: string;
  recipient: { account_id: string; gateway_id: string };
  created_at: string;
  captured_at?: string;
  expires_at?: string;
  confirmation?: { type: 'redirect'; confirmation_url: string; return_url: string };
  test: boolean;
  refunded_amount?: YooKassaAmount;
  refundable: boolean;
  metadata: Record<string, string>;
  cancellation_details?: { party: string; reason: string };
};
export type YooKassaRefundObject = {
  id: string;
  payment_id: string;
  status: 'pending' | 'succeeded' | 'canceled';
  amount: YooKassaAmount;
  created_at: string;
  description?: string;
};
export type Answer = { status: number; body: unknown };
export type Change =
  | {
      event: 'payment.waiting_for_capture' | 'payment.succeeded' | 'payment.canceled';
      object: YooKassaPaymentObject;
    }
  | { event: 'refund.succeeded'; object: YooKassaRefundObject };

export const apiError = (status: number, code: string, description: string, parameter?: string): Answer => ({
  status,
  body: { type: 'error', id: randomUUID(), code, description, ...(parameter ? { parameter } : {}) },
});
