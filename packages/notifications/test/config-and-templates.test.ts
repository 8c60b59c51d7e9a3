import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelsFromEnv, notificationEnv, reminderMessage } from '../src/index';

describe('channelsFromEnv / notificationEnv', () => {
  const schema = z.object(notificationEnv);

  it('enables nothing when nothing is configured', () => {
    expect(channelsFromEnv(schema.parse({}))).toEqual([]);
  });

  it('enables exactly the configured channels, in the default order', () => {
    const env = schema.parse({
      NOTIFY_VOICE_URL: 'https://voice.example/calls',
      NOTIFY_VOICE_TOKEN: 'v',
      NOTIFY_SMTP_URL: 'smtp://mailer:secret@127.0.0.1:2525',
      NOTIFY_SMS_URL: 'https://sms.example/send',
      NOTIFY_SMS_TOKEN: 's',
    });
    expect(channelsFromEnv(env).map((c) => c.channel)).toEqual(['email', 'sms', 'voice']);
    const push = schema.parse({ NOTIFY_PUSH_PUBLIC_KEY: 'pub', NOTIFY_PUSH_PRIVATE_KEY: 'priv' });
    expect(channelsFromEnv(push).map((c) => c.channel)).toEqual(['push']);
  });

  it('refuses half-configured channels and foreign URLs', () => {
    expect(() => channelsFromEnv({ NOTIFY_SMS_URL: 'https://sms.example/send' })).toThrow(/NOTIFY_SMS_TOKEN/);
    expect(() => channelsFromEnv({ NOTIFY_VOICE_URL: 'https://voice.example' })).toThrow(
      /NOTIFY_VOICE_TOKEN/,
    );
    expect(() => channelsFromEnv({ NOTIFY_PUSH_PUBLIC_KEY: 'pub' })).toThrow(/NOTIFY_PUSH_PRIVATE_KEY/);
    expect(() => channelsFromEnv({ NOTIFY_SMTP_URL: 'https://mail.example' })).toThrow(/smtp:\/\//);
    expect(schema.safeParse({ NOTIFY_SMS_URL: 'not a url' }).success).toBe(false);
  });
});

describe('reminderMessage', () => {
  const input = {
    patientName: 'Анна Петрова',
    doctorName: 'Иванов И. И.',
    startsAtLocal: '25 ноября 2026 в 09:30',
    branchName: 'Клиника на Ленина, ул. Ленина, 1',
    confirmUrl: 'https://portal.example/r/confirm-token',
    cancelUrl: 'https://portal.example/r/cancel-token',
  };

  it('renders a Russian reminder with both links in every form', () => {
    const m = reminderMessage(input);
    expect(m.subject).toBe('Напоминание о приёме 25 ноября 2026 в 09:30');
    expect(m.text).toContain('Здравствуйте, Анна Петрова!');
    expect(m.text).toContain('Иванов И. И.');
    expect(m.text).toContain('Клиника на Ленина');
    expect(m.text).toContain(`Подтвердить визит: ${input.confirmUrl}`);
    expect(m.text).toContain(`Отменить запись: ${input.cancelUrl}`);
    expect(m.short).toContain(input.confirmUrl);
    expect(m.short).toContain(input.cancelUrl);
    expect(m.links).toEqual({ confirm: input.confirmUrl, cancel: input.cancelUrl });
    expect(m.html).toContain(`href="${input.confirmUrl}"`);
  });

  it('escapes names in the HTML form', () => {
    const m = reminderMessage({ ...input, patientName: '<script>x</script>' });
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;');
  });
});
