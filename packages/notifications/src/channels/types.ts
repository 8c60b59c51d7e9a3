import type { PushSubscription } from 'web-push';

/** A delivery channel, in the order a recipient prefers them. */
export type Channel = 'email' | 'sms' | 'push' | 'voice';

/** Every channel, in the default order of preference. */
export const CHANNELS: readonly Channel[] = ['email', 'sms', 'push', 'voice'];

/**
 * Who a notification goes to. `ref` is an opaque id (patient or account) and is the only part
 * that is ever stored or logged; the addresses are used for sending and then forgotten.
 */
export type Recipient = {
  ref: string;
  email?: string | null;
  phone?: string | null;
  /** A browser PushSubscription as JSON (`subscription.toJSON()`). */
  push?: PushSubscription | null;
  /** IANA zone the recipient lives by (quiet hours). */
  timeZone: string;
  /** Channels to try, most preferred first. */
  preferred: Channel[];
};

/** What is sent. Personal data: never logged, never stored. */
export type Message = {
  subject: string;
  text: string;
  html?: string;
  /** Named links (e.g. `confirm`, `cancel`), for channels that render actions. */
  links?: Record<string, string>;
  /** A short form for SMS, push and voice; `text` when absent. */
  short?: string;
};

/** One way of reaching a recipient. `send` throws a {@link ChannelError} on failure. */
export interface ChannelAdapter {
  channel: Channel;
  /** Whether this recipient has an address for this channel. */
  canReach(r: Recipient): boolean;
  send(m: Message, r: Recipient): Promise<{ providerMessageId?: string }>;
}

/**
 * A failed send, carrying only a machine code (`HTTP_500`, `SMTP_550`, `TIMEOUT`, …) that is
 * safe to store and log: provider responses may echo addresses or text, so they are dropped.
 */
export class ChannelError extends Error {
  constructor(
    readonly channel: Channel,
    readonly code: string,
    /** Retrying cannot help (e.g. a push subscription that is gone): go to the next channel. */
    readonly permanent = false,
  ) {
    super(`${channel} delivery failed: ${code}`);
    this.name = 'ChannelError';
  }
}

/** The code of any error thrown by an adapter (adapters are supposed to throw ChannelError). */
export function errorCodeOf(err: unknown): string {
  if (err instanceof ChannelError) return err.code;
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? code : 'UNKNOWN';
}
