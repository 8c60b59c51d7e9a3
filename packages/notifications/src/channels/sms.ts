import { type HttpProviderOptions, postJson } from './http';
import type { ChannelAdapter } from './types';

export type SmsChannelOptions = HttpProviderOptions & {
  /** Alphanumeric sender name registered with the provider. */
  sender: string;
};

/**
 * SMS through a provider's HTTP API: `POST url` with `{ to, text, sender }` and a Bearer token;
 * any non-2xx answer is a failure.
 */
export function smsChannel(opts: SmsChannelOptions): ChannelAdapter {
  return {
    channel: 'sms',
    canReach: (r) => typeof r.phone === 'string' && r.phone.length > 0,
    send: (m, r) => postJson('sms', opts, { to: r.phone, text: m.short ?? m.text, sender: opts.sender }),
  };
}
