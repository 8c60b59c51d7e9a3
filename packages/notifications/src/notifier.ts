import { randomUUID } from 'node:crypto';
import { appError, type Database, ErrorCode, type Logger } from '@medikamente/runtime';
import {
  type Channel,
  type ChannelAdapter,
  ChannelError,
  errorCodeOf,
  type Message,
  type Recipient,
} from './channels/types';

/** What a logger must offer; only ids, channels and codes are ever passed to it. */
export type NotifierLogger = Pick<Logger, 'info' | 'warn'>;

export type NotifierOptions = {
  database: Database;
  /** Enabled adapters (see `channelsFromEnv`); at most one per channel is used. */
  channels: ChannelAdapter[];
  logger?: NotifierLogger;
  /** Attempts on one channel before falling back to the next (default 3). */
  maxAttemptsPerChannel?: number;
  /** Pause before retrying a channel after its `attempt`-th failure (default 1 s, 2 s, 4 s … max 30 s). */
  backoffMs?: (attempt: number) => number;
  /**
   * A `queued` attempt younger than this is taken to be in flight in another process, and the
   * send is refused (`CONFLICT`, retryable) instead of risking a second delivery (default 5 min).
   */
  inFlightLeaseMs?: number;
};

export type SendRequest = {
  /** Identifies one logical notification, e.g. `reminder:<appointmentId>:patient-24h`. */
  dedupeKey: string;
  /** What it is about, e.g. `appointment-reminder` (stored, for reports). */
  kind: string;
  recipient: Recipient;
  message: Message;
  /** When it was meant to go out (stored with each attempt). */
  scheduledFor?: Date;
};

export type SendResult = {
  status: 'sent' | 'failed' | 'skipped' | 'duplicate';
  /** The channel that delivered (sent/duplicate) or was tried last (failed). */
  channel?: string;
  /**
   * Permanent failures during this send (e.g. `PUSH_410`: a push subscription the push service
   * no longer knows), for the caller to act on the address. Absent when there were none.
   */
  permanentFailures?: Array<{ channel: Channel; code: string }>;
};

/** One stored attempt (no addresses, no text). */
export type NotificationAttempt = {
  id: string;
  dedupeKey: string;
  kind: string;
  recipientRef: string;
  channel: string;
  attempt: number;
  status: 'queued' | 'sent' | 'delivered' | 'failed' | 'skipped';
  errorCode: string | null;
  providerMessageId: string | null;
  createdAt: Date;
};

type Row = Record<string, unknown>;

const toAttempt = (r: Row): NotificationAttempt => ({
  id: String(r.id),
  dedupeKey: String(r.dedupe_key),
  kind: String(r.kind),
  recipientRef: String(r.recipient_ref),
  channel: String(r.channel),
  attempt: Number(r.attempt),
  status: r.status as NotificationAttempt['status'],
  errorCode: (r.error_code as string | null) ?? null,
  providerMessageId: (r.provider_message_id as string | null) ?? null,
  createdAt: new Date(r.created_at as string),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one logical notification at most once: tries the recipient's preferred reachable
 * channels in order, retrying a failing channel with backoff before falling back to the next,
 * and records every attempt as a `notification` row (queued → sent / failed). A dedupe key that
 * already has a sent (or delivered) row is not sent again, however often the caller runs.
 */
export class Notifier {
  private readonly channels = new Map<Channel, ChannelAdapter>();
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly leaseMs: number;

  constructor(private readonly opts: NotifierOptions) {
    for (const c of opts.channels) if (!this.channels.has(c.channel)) this.channels.set(c.channel, c);
    this.maxAttempts = Math.max(1, opts.maxAttemptsPerChannel ?? 3);
    this.backoffMs = opts.backoffMs ?? ((attempt) => Math.min(30_000, 1000 * 2 ** (attempt - 1)));
    this.leaseMs = opts.inFlightLeaseMs ?? 5 * 60_000;
  }

  /** The channels that are configured, in configuration order. */
  get enabledChannels(): Channel[] {
    return [...this.channels.keys()];
  }

  /** The preferred channels this recipient can be reached on, in their order. */
  reachableChannels(recipient: Recipient): ChannelAdapter[] {
    const seen = new Set<Channel>();
    const out: ChannelAdapter[] = [];
    for (const ch of recipient.preferred) {
      const adapter = this.channels.get(ch);
      if (seen.has(ch) || !adapter) continue;
      seen.add(ch);
      if (adapter.canReach(recipient)) out.push(adapter);
    }
    return out;
  }

  async send(req: SendRequest): Promise<SendResult> {
    const { dedupeKey } = req;
    const previous = await this.delivered(dedupeKey);
    if (previous) {
      this.log('info', { dedupeKey, channel: previous }, 'notification already sent');
      return { status: 'duplicate', channel: previous };
    }
    await this.guardInFlight(dedupeKey);

    const adapters = this.reachableChannels(req.recipient);
    if (adapters.length === 0) {
      await this.record(req, 'none', 'skipped', 'NO_CHANNEL');
      this.log(
        'warn',
        { dedupeKey, kind: req.kind, recipientRef: req.recipient.ref },
        'no reachable channel',
      );
      return { status: 'skipped' };
    }

    let last: Channel | undefined;
    const permanentFailures: NonNullable<SendResult['permanentFailures']> = [];
    const result = (r: SendResult): SendResult =>
      permanentFailures.length ? { ...r, permanentFailures } : r;
    for (const adapter of adapters) {
      last = adapter.channel;
      for (let i = 1; i <= this.maxAttempts; i++) {
        const claim = await this.claim(req, adapter.channel);
        const ctx = { notificationId: claim.id, dedupeKey, channel: adapter.channel, attempt: claim.attempt };
        try {
          const res = await adapter.send(req.message, req.recipient);
          await this.finish(claim.id, 'sent', null, res.providerMessageId ?? null);
          this.log('info', ctx, 'notification sent');
          return result({ status: 'sent', channel: adapter.channel });
        } catch (err) {
          const code = errorCodeOf(err);
          await this.finish(claim.id, 'failed', code, null);
          this.log('warn', { ...ctx, code }, 'notification attempt failed');
          if (err instanceof ChannelError && err.permanent) {
            permanentFailures.push({ channel: adapter.channel, code });
            break;
          }
          if (i < this.maxAttempts) await sleep(Math.max(0, this.backoffMs(i)));
        }
      }
    }
    return result({ status: 'failed', channel: last });
  }

  /**
   * Records a delivery receipt from a provider (webhook): the sent attempt becomes `delivered`.
   * Returns false when no sent attempt carries that provider id.
   */
  async markDelivered(channel: Channel, providerMessageId: string): Promise<boolean> {
    const rows = await this.opts.database.query(
      `update notification set status = 'delivered', updated_at = now()
       where channel = $1 and provider_message_id = $2 and status = 'sent' returning id`,
      [channel, providerMessageId],
    );
    return rows.length > 0;
  }

  /** Every attempt recorded for a dedupe key, oldest first. */
  async attempts(dedupeKey: string): Promise<NotificationAttempt[]> {
    const rows = await this.opts.database.query(
      'select * from notification where dedupe_key = $1 order by created_at, attempt, channel',
      [dedupeKey],
    );
    return rows.map(toAttempt);
  }

  private async delivered(dedupeKey: string): Promise<string | undefined> {
    const [row] = await this.opts.database.query<{ channel: string }>(
      `select channel from notification where dedupe_key = $1 and status in ('sent', 'delivered') limit 1`,
      [dedupeKey],
    );
    return row?.channel;
  }

  /**
   * Refuses to run while another sender holds a fresh `queued` attempt for the key; older ones are
   * left over from a crash and are closed as `ABANDONED` so that the key can be sent again.
   */
  private async guardInFlight(dedupeKey: string): Promise<void> {
    const rows = await this.opts.database.query<{ id: string; fresh: boolean }>(
      `select id, updated_at > now() - make_interval(secs => $2::double precision / 1000) as fresh
       from notification where dedupe_key = $1 and status = 'queued'`,
      [dedupeKey, this.leaseMs],
    );
    if (rows.some((r) => r.fresh)) {
      this.log('warn', { dedupeKey }, 'notification in flight elsewhere');
      throw appError(ErrorCode.CONFLICT, 'Notification is being sent', { dedupeKey });
    }
    for (const r of rows) await this.finish(String(r.id), 'failed', 'ABANDONED', null);
  }

  /**
   * Inserts the next `queued` attempt for (key, channel). The unique (dedupe_key, channel, attempt)
   * makes a concurrent sender lose the race instead of sending alongside.
   */
  private async claim(req: SendRequest, channel: Channel): Promise<{ id: string; attempt: number }> {
    const id = randomUUID();
    const rows = await this.opts.database.query<{ attempt: number }>(
      `insert into notification (id, dedupe_key, kind, recipient_ref, channel, attempt, status, scheduled_for)
       select $1::uuid, $2::text, $3::text, $4::text, $5::text, coalesce(max(attempt), 0) + 1, 'queued', $6::timestamptz
       from notification where dedupe_key = $2::text and channel = $5::text
       on conflict (dedupe_key, channel, attempt) do nothing
       returning attempt`,
      [id, req.dedupeKey, req.kind, req.recipient.ref, channel, req.scheduledFor ?? null],
    );
    if (!rows[0])
      throw appError(ErrorCode.CONFLICT, 'Notification is being sent', { dedupeKey: req.dedupeKey });
    return { id, attempt: Number(rows[0].attempt) };
  }

  private async finish(
    id: string,
    status: 'sent' | 'failed',
    code: string | null,
    providerId: string | null,
  ) {
    await this.opts.database.query(
      `update notification set status = $2, error_code = $3, provider_message_id = $4, updated_at = now()
       where id = $1`,
      [id, status, code, providerId],
    );
  }

  /** A terminal row without a send (no reachable channel). */
  private async record(req: SendRequest, channel: string, status: 'skipped', code: string) {
    await this.opts.database.query(
      `insert into notification (id, dedupe_key, kind, recipient_ref, channel, attempt, status, error_code, scheduled_for)
       select $1::uuid, $2::text, $3::text, $4::text, $5::text, coalesce(max(attempt), 0) + 1, $6::text, $7::text,
         $8::timestamptz
       from notification where dedupe_key = $2::text and channel = $5::text
       on conflict (dedupe_key, channel, attempt) do nothing`,
      [
        randomUUID(),
        req.dedupeKey,
        req.kind,
        req.recipient.ref,
        channel,
        status,
        code,
        req.scheduledFor ?? null,
      ],
    );
  }

  private log(level: 'info' | 'warn', fields: Record<string, unknown>, msg: string) {
    this.opts.logger?.[level](fields, msg);
  }
}
