/**
 * Tables of the notification machinery, applied by the owning service next to its own migrations:
 * one `notification` row per delivery attempt, and the ids of consumed single-use action tokens.
 */
export const NOTIFICATIONS_MIGRATION: { name: string; sql: string } = {
  name: '0000_notifications.sql',
  sql: `create table if not exists notification (
  id uuid primary key,
  dedupe_key text not null,
  kind text not null,
  recipient_ref text not null,
  channel text not null,
  attempt int not null,
  status text not null check (status in ('queued', 'sent', 'delivered', 'failed', 'skipped')),
  error_code text,
  provider_message_id text,
  scheduled_for timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (dedupe_key, channel, attempt)
)
-- statement-break
create index if not exists notification_recipient_idx on notification (recipient_ref, created_at)
-- statement-break
create index if not exists notification_provider_idx on notification (channel, provider_message_id)
  where provider_message_id is not null
-- statement-break
create table if not exists action_token_use (
  jti text primary key,
  used_at timestamptz not null default now()
)`,
};
