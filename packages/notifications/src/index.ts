/**
 * Reminder and notification machinery: channel adapters (e-mail, SMS, web push, voice robot),
 * a Notifier that records every attempt and never delivers one dedupe key twice, quiet hours,
 * single-use action tokens for links, and a persisted job queue on pg-boss.
 */
export {
  ActionTokens,
  type ActionTokensOptions,
  type ConsumeOptions,
  type TokenAction,
} from './action-tokens';
export { type EmailChannelOptions, emailChannel } from './channels/email';
export { channelsFromEnv, type NotificationEnv, notificationEnv } from './channels/from-env';
export type { HttpProviderOptions } from './channels/http';
export { generateVapidKeys, type PushChannelOptions, pushChannel } from './channels/push';
export { type SmsChannelOptions, smsChannel } from './channels/sms';
export {
  CHANNELS,
  type Channel,
  type ChannelAdapter,
  ChannelError,
  type Message,
  type Recipient,
} from './channels/types';
export { type VoiceChannelOptions, voiceChannel } from './channels/voice';
export { NOTIFICATIONS_MIGRATION } from './migration';
export {
  type NotificationAttempt,
  Notifier,
  type NotifierLogger,
  type NotifierOptions,
  type SendRequest,
  type SendResult,
} from './notifier';
export { DEFAULT_QUIET_HOURS, isQuietTime, nextAllowedTime, type QuietHours } from './quiet-hours';
export { type ReminderJobInfo, ReminderQueue, type ReminderQueueOptions } from './reminder-queue';
export { labResultsReadyMessage, type ReminderMessageInput, reminderMessage } from './templates';
