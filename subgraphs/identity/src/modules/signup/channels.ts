import { type ChannelAdapter, channelsFromEnv } from '@medikamente/notifications';
import type { IdentityEnv } from '../../env';
import type { VerificationChannel } from './signup.store';

/** The channels sign-up codes go through: e-mail (SMTP) and SMS, each when configured. */
export function verificationChannels(env: IdentityEnv): Map<VerificationChannel, ChannelAdapter> {
  const adapters = channelsFromEnv({
    NOTIFY_SMTP_URL: env.NOTIFY_SMTP_URL,
    NOTIFY_EMAIL_FROM: env.NOTIFY_EMAIL_FROM,
    NOTIFY_SMS_URL: env.NOTIFY_SMS_URL,
    NOTIFY_SMS_TOKEN: env.NOTIFY_SMS_TOKEN,
    NOTIFY_SMS_SENDER: env.NOTIFY_SMS_SENDER,
  });
  const out = new Map<VerificationChannel, ChannelAdapter>();
  for (const a of adapters) if (a.channel === 'email' || a.channel === 'sms') out.set(a.channel, a);
  return out;
}
