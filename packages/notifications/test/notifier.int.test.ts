import { randomUUID } from 'node:crypto';
import type { Database } from '@medikamente/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChannelAdapter,
  ChannelError,
  emailChannel,
  type Message,
  Notifier,
  smsChannel,
  voiceChannel,
} from '../src/index';
import { captureLogger, openTestDatabase, startProvider, startSmtp, testRecipient } from './support';

let database: Database;
let drop: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let email: ReturnType<typeof emailChannel>;

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase('notifier'));
  smtp = await startSmtp();
  email = emailChannel({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'noreply@clinic.test' });
});
afterAll(async () => {
  email?.close();
  await smtp?.close();
  await drop?.();
});

const message = (): Message => ({
  subject: 'Напоминание о приёме',
  text: `Секретный текст ${randomUUID()} https://portal.example/r/tok`,
  links: { confirm: 'https://portal.example/r/tok' },
});
const mailsTo = (address: string) => smtp.mails.filter((m) => JSON.stringify(m.to).includes(address));
const key = () => `reminder:${randomUUID()}:patient-24h`;
const rows = (dedupeKey: string) =>
  database.query<{
    channel: string;
    attempt: number;
    status: string;
    error_code: string | null;
    recipient_ref: string;
  }>(
    'select channel, attempt, status, error_code, recipient_ref from notification where dedupe_key = $1 order by created_at, attempt',
    [dedupeKey],
  );

describe('Notifier', () => {
  it('retries a failing channel, then falls back to the next, recording every attempt', async () => {
    const provider = await startProvider(() => 500);
    const log = captureLogger();
    const notifier = new Notifier({
      database,
      channels: [email, smsChannel({ url: provider.url, token: 't', sender: 'Clinic' })],
      logger: log.logger,
      backoffMs: () => 0,
    });
    const r = testRecipient({ preferred: ['sms', 'email'] });
    const m = message();
    const dedupeKey = key();
    const res = await notifier.send({ dedupeKey, kind: 'appointment-reminder', recipient: r, message: m });
    await provider.close();

    expect(res).toEqual({ status: 'sent', channel: 'email' });
    expect(provider.requests).toHaveLength(3);
    expect(mailsTo(r.email!)).toHaveLength(1);
    expect((await rows(dedupeKey)).map((x) => [x.channel, x.attempt, x.status, x.error_code])).toEqual([
      ['sms', 1, 'failed', 'HTTP_500'],
      ['sms', 2, 'failed', 'HTTP_500'],
      ['sms', 3, 'failed', 'HTTP_500'],
      ['email', 1, 'sent', null],
    ]);
    // Rows and logs carry the opaque ref only: no address, phone or text.
    expect((await rows(dedupeKey)).every((x) => x.recipient_ref === r.ref)).toBe(true);
    expect(log.lines.length).toBeGreaterThan(0);
    for (const secret of [r.email!, r.phone!, m.text, m.subject, 'portal.example'])
      expect(log.text()).not.toContain(secret);
  });

  it('does not retry a permanent failure (a gone push subscription): the next channel at once', async () => {
    let calls = 0;
    const gone: ChannelAdapter = {
      channel: 'push',
      canReach: () => true,
      async send() {
        calls++;
        throw new ChannelError('push', 'PUSH_410', true);
      },
    };
    const notifier = new Notifier({ database, channels: [gone, email], backoffMs: () => 0 });
    const r = testRecipient({ preferred: ['push', 'email'] });
    const dedupeKey = key();
    const res = await notifier.send({
      dedupeKey,
      kind: 'appointment-reminder',
      recipient: r,
      message: message(),
    });
    expect(res).toEqual({
      status: 'sent',
      channel: 'email',
      permanentFailures: [{ channel: 'push', code: 'PUSH_410' }],
    });
    expect(calls).toBe(1);
    expect((await rows(dedupeKey)).map((x) => [x.channel, x.status, x.error_code])).toEqual([
      ['push', 'failed', 'PUSH_410'],
      ['email', 'sent', null],
    ]);
  });

  it('stops at the first success of a retried channel', async () => {
    const provider = await startProvider((_req, n) => (n === 1 ? 503 : 200));
    const notifier = new Notifier({
      database,
      channels: [smsChannel({ url: provider.url, token: 't', sender: 'Clinic' }), email],
      backoffMs: () => 0,
    });
    const r = testRecipient({ preferred: ['sms', 'email'] });
    const dedupeKey = key();
    expect(await notifier.send({ dedupeKey, kind: 'k', recipient: r, message: message() })).toEqual({
      status: 'sent',
      channel: 'sms',
    });
    await provider.close();
    expect(mailsTo(r.email!)).toHaveLength(0);
    expect((await rows(dedupeKey)).map((x) => [x.channel, x.attempt, x.status])).toEqual([
      ['sms', 1, 'failed'],
      ['sms', 2, 'sent'],
    ]);
  });

  it('delivers one dedupe key once, however often it is sent', async () => {
    const notifier = new Notifier({ database, channels: [email], backoffMs: () => 0 });
    const r = testRecipient();
    const dedupeKey = key();
    const first = await notifier.send({ dedupeKey, kind: 'k', recipient: r, message: message() });
    const second = await notifier.send({ dedupeKey, kind: 'k', recipient: r, message: message() });
    // Another Notifier (another process) sees the same record.
    const third = await new Notifier({ database, channels: [email] }).send({
      dedupeKey,
      kind: 'k',
      recipient: r,
      message: message(),
    });
    expect(first).toEqual({ status: 'sent', channel: 'email' });
    expect(second).toEqual({ status: 'duplicate', channel: 'email' });
    expect(third).toEqual({ status: 'duplicate', channel: 'email' });
    expect(mailsTo(r.email!)).toHaveLength(1);
    expect(await rows(dedupeKey)).toHaveLength(1);
  });

  it('fails when every channel fails, and a later run continues the attempt numbers', async () => {
    const provider = await startProvider(() => 500);
    const notifier = new Notifier({
      database,
      channels: [
        smsChannel({ url: provider.url, token: 't', sender: 'C' }),
        voiceChannel({ url: provider.url, token: 't' }),
      ],
      maxAttemptsPerChannel: 2,
      backoffMs: () => 0,
    });
    const r = testRecipient({ preferred: ['sms', 'voice'] });
    const dedupeKey = key();
    expect(await notifier.send({ dedupeKey, kind: 'k', recipient: r, message: message() })).toEqual({
      status: 'failed',
      channel: 'voice',
    });
    expect(await notifier.send({ dedupeKey, kind: 'k', recipient: r, message: message() })).toMatchObject({
      status: 'failed',
    });
    await provider.close();
    expect((await rows(dedupeKey)).map((x) => `${x.channel}#${x.attempt}:${x.status}`)).toEqual([
      'sms#1:failed',
      'sms#2:failed',
      'voice#1:failed',
      'voice#2:failed',
      'sms#3:failed',
      'sms#4:failed',
      'voice#3:failed',
      'voice#4:failed',
    ]);
  });

  it('skips a recipient with no reachable channel and records why', async () => {
    const notifier = new Notifier({ database, channels: [email] });
    const dedupeKey = key();
    const r = testRecipient({ email: null, preferred: ['email', 'sms'] });
    expect(await notifier.send({ dedupeKey, kind: 'k', recipient: r, message: message() })).toEqual({
      status: 'skipped',
    });
    expect((await rows(dedupeKey)).map((x) => [x.channel, x.status, x.error_code])).toEqual([
      ['none', 'skipped', 'NO_CHANNEL'],
    ]);
  });

  it('refuses to send alongside a fresh in-flight attempt, and reclaims a stale one', async () => {
    const notifier = new Notifier({ database, channels: [email], inFlightLeaseMs: 60_000 });
    const r = testRecipient();
    const insertQueued = (dedupeKey: string, age: string) =>
      database.query(
        `insert into notification (id, dedupe_key, kind, recipient_ref, channel, attempt, status, updated_at)
         values ($1, $2, 'k', $3, 'email', 1, 'queued', now() - $4::interval)`,
        [randomUUID(), dedupeKey, r.ref, age],
      );
    const fresh = key();
    await insertQueued(fresh, '1 second');
    await expect(
      notifier.send({ dedupeKey: fresh, kind: 'k', recipient: r, message: message() }),
    ).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    const stale = key();
    await insertQueued(stale, '1 hour');
    expect(await notifier.send({ dedupeKey: stale, kind: 'k', recipient: r, message: message() })).toEqual({
      status: 'sent',
      channel: 'email',
    });
    expect((await rows(stale)).map((x) => [x.attempt, x.status, x.error_code])).toEqual([
      [1, 'failed', 'ABANDONED'],
      [2, 'sent', null],
    ]);
    expect(mailsTo(r.email!)).toHaveLength(1);
  });

  it('records delivery receipts by provider message id', async () => {
    const provider = await startProvider();
    const notifier = new Notifier({
      database,
      channels: [smsChannel({ url: provider.url, token: 't', sender: 'C' })],
    });
    const dedupeKey = key();
    await notifier.send({
      dedupeKey,
      kind: 'k',
      recipient: testRecipient({ preferred: ['sms'] }),
      message: message(),
    });
    await provider.close();
    const [sent] = await notifier.attempts(dedupeKey);
    expect(sent).toMatchObject({ status: 'sent', channel: 'sms' });
    expect(await notifier.markDelivered('sms', sent!.providerMessageId!)).toBe(true);
    expect((await notifier.attempts(dedupeKey))[0]!.status).toBe('delivered');
    expect(await notifier.markDelivered('sms', 'unknown-id')).toBe(false);
  });
});
