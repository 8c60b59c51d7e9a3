import { z } from 'zod';
import { emailChannel } from './email';
import { pushChannel } from './push';
import { smsChannel } from './sms';
import type { ChannelAdapter } from './types';
import { voiceChannel } from './voice';

/**
 * zod fragment for a deployable's `env.ts` (spread into its schema). Every channel is optional:
 * it is enabled only when its variables are set.
 */
export const notificationEnv = {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS). */
  NOTIFY_SMTP_URL: z.string().url().optional(),
  NOTIFY_EMAIL_FROM: z.string().min(3).default('Медикаменте <noreply@medikamente.local>'),
  NOTIFY_SMS_URL: z.string().url().optional(),
  NOTIFY_SMS_TOKEN: z.string().min(1).optional(),
  NOTIFY_SMS_SENDER: z.string().min(1).max(11).default('Medikamente'),
  NOTIFY_PUSH_PUBLIC_KEY: z.string().min(1).optional(),
  NOTIFY_PUSH_PRIVATE_KEY: z.string().min(1).optional(),
  NOTIFY_PUSH_SUBJECT: z.string().default('mailto:noreply@medikamente.local'),
  NOTIFY_VOICE_URL: z.string().url().optional(),
  NOTIFY_VOICE_TOKEN: z.string().min(1).optional(),
};

/** The variables {@link channelsFromEnv} reads (a validated env, or any record of strings). */
export type NotificationEnv = { [K in keyof typeof notificationEnv]?: string | undefined };

/**
 * Builds the enabled channel adapters from configuration, in the default order
 * (e-mail, SMS, push, voice). A half-configured channel (URL without token, one VAPID key)
 * is a configuration error, not a silently disabled channel.
 */
export function channelsFromEnv(env: NotificationEnv): ChannelAdapter[] {
  const channels: ChannelAdapter[] = [];
  if (env.NOTIFY_SMTP_URL) {
    const url = new URL(env.NOTIFY_SMTP_URL);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
      throw new Error('NOTIFY_SMTP_URL must be smtp://host:port or smtps://host:port');
    const secure = url.protocol === 'smtps:';
    channels.push(
      emailChannel({
        host: url.hostname,
        port: Number(url.port) || (secure ? 465 : 587),
        secure,
        user: url.username ? decodeURIComponent(url.username) : undefined,
        pass: url.password ? decodeURIComponent(url.password) : undefined,
        from: env.NOTIFY_EMAIL_FROM ?? notificationEnv.NOTIFY_EMAIL_FROM.parse(undefined),
      }),
    );
  }
  if (env.NOTIFY_SMS_URL) {
    channels.push(
      smsChannel({
        url: env.NOTIFY_SMS_URL,
        token: required(env, 'NOTIFY_SMS_TOKEN', 'NOTIFY_SMS_URL'),
        sender: env.NOTIFY_SMS_SENDER ?? 'Medikamente',
      }),
    );
  }
  if (env.NOTIFY_PUSH_PUBLIC_KEY || env.NOTIFY_PUSH_PRIVATE_KEY) {
    channels.push(
      pushChannel({
        publicKey: required(env, 'NOTIFY_PUSH_PUBLIC_KEY', 'NOTIFY_PUSH_PRIVATE_KEY'),
        privateKey: required(env, 'NOTIFY_PUSH_PRIVATE_KEY', 'NOTIFY_PUSH_PUBLIC_KEY'),
        subject: env.NOTIFY_PUSH_SUBJECT ?? 'mailto:noreply@medikamente.local',
      }),
    );
  }
  if (env.NOTIFY_VOICE_URL) {
    channels.push(
      voiceChannel({
        url: env.NOTIFY_VOICE_URL,
        token: required(env, 'NOTIFY_VOICE_TOKEN', 'NOTIFY_VOICE_URL'),
      }),
    );
  }
  return channels;
}

function required(env: NotificationEnv, name: keyof NotificationEnv, because: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is required when ${because} is set`);
  return value;
}
