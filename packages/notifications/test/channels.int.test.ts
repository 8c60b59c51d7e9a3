import { createECDH, randomBytes } from 'node:crypto';
import { importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import {
  ChannelError,
  emailChannel,
  pushChannel,
  reminderMessage,
  smsChannel,
  voiceChannel,
} from '../src/index';
import { startProvider, startSmtp, testRecipient } from './support';

const message = reminderMessage({
  patientName: 'Анна Петрова',
  doctorName: 'Иванов И. И.',
  startsAtLocal: '25 ноября 2026 в 09:30',
  branchName: 'Клиника на Ленина',
  confirmUrl: 'https://portal.example/r/confirm-abc',
  cancelUrl: 'https://portal.example/r/cancel-def',
});

describe('email channel (real SMTP server)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp({ rejectRecipient: (a) => a.startsWith('nobody') });
  });
  afterAll(() => smtp.close());

  it('delivers subject, text and HTML with the links', async () => {
    const email = emailChannel({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      from: 'Клиника <noreply@clinic.test>',
    });
    const r = testRecipient();
    const res = await email.send(message, r);
    email.close();
    const mail = smtp.mails.find((m) => JSON.stringify(m.to).includes(r.email!));
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe('Напоминание о приёме 25 ноября 2026 в 09:30');
    expect(mail!.from?.text).toContain('noreply@clinic.test');
    expect(mail!.text).toContain('https://portal.example/r/confirm-abc');
    expect(mail!.text).toContain('https://portal.example/r/cancel-def');
    expect(mail!.html).toContain('href="https://portal.example/r/confirm-abc"');
    expect(res.providerMessageId).toBe(mail!.messageId);
  });

  it('turns an SMTP rejection into a coded ChannelError', async () => {
    const email = emailChannel({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      from: 'noreply@clinic.test',
    });
    const err = await email.send(message, testRecipient({ email: 'nobody@example.test' })).catch((e) => e);
    email.close();
    expect(err).toBeInstanceOf(ChannelError);
    expect(err.code).toBe('SMTP_550');
    expect(err.message).not.toContain('nobody');
  });

  it('is reachable only with an address', () => {
    const email = emailChannel({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'x@y.z' });
    expect(email.canReach(testRecipient())).toBe(true);
    expect(email.canReach(testRecipient({ email: null }))).toBe(false);
  });
});

describe('SMS and voice channels (local provider API)', () => {
  it('POSTs {to, text, sender} with the bearer token and reads the provider id', async () => {
    const provider = await startProvider();
    const sms = smsChannel({ url: `${provider.url}/sms`, token: 'sms-token', sender: 'Clinic' });
    const r = testRecipient();
    const res = await sms.send(message, r);
    await provider.close();
    const [req] = provider.requests;
    expect(req!.method).toBe('POST');
    expect(req!.path).toBe('/sms');
    expect(req!.headers.authorization).toBe('Bearer sms-token');
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.json()).toEqual({ to: r.phone, text: message.short, sender: 'Clinic' });
    expect(res.providerMessageId).toBe('msg-1');
  });

  it('treats a non-2xx answer as a failure with the status as code', async () => {
    const provider = await startProvider(() => 500);
    const sms = smsChannel({ url: provider.url, token: 't', sender: 'Clinic' });
    const err = await sms.send(message, testRecipient()).catch((e) => e);
    await provider.close();
    expect(err).toBeInstanceOf(ChannelError);
    expect(err.code).toBe('HTTP_500');
  });

  it('reports an unreachable provider as NETWORK', async () => {
    const provider = await startProvider();
    await provider.close();
    const sms = smsChannel({ url: provider.url, token: 't', sender: 'Clinic' });
    await expect(sms.send(message, testRecipient())).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('asks the voice robot to call, with the links as actions and not read aloud', async () => {
    const provider = await startProvider();
    const voice = voiceChannel({ url: `${provider.url}/calls`, token: 'voice-token' });
    const r = testRecipient();
    await voice.send(message, r);
    await provider.close();
    const body = provider.requests[0]!.json();
    expect(provider.requests[0]!.headers.authorization).toBe('Bearer voice-token');
    expect(body.to).toBe(r.phone);
    expect(body.text).toContain('Иванов И. И.');
    expect(body.text).not.toMatch(/https?:/);
    expect(body.actions).toEqual(message.links);
  });
});

describe('push channel (local push service)', () => {
  const vapid = webpush.generateVAPIDKeys();
  // A browser subscription: the client's P-256 key and auth secret.
  const client = createECDH('prime256v1');
  client.generateKeys();
  const subscription = (endpoint: string) => ({
    endpoint,
    keys: {
      p256dh: client.getPublicKey().toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    },
  });

  it('sends an encrypted payload with a valid VAPID signature', async () => {
    const service = await startProvider(() => 201);
    const push = pushChannel({ ...vapid, subject: 'mailto:ops@clinic.test' });
    const r = testRecipient({ push: subscription(`${service.url}/push/abc`) });
    expect(push.canReach(r)).toBe(true);
    const res = await push.send(message, r);
    await service.close();
    const req = service.requests[0]!;
    expect(req.path).toBe('/push/abc');
    expect(req.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(req.headers.ttl)).toBeGreaterThan(0);
    expect(req.body.toString('latin1')).not.toContain('Иванов');
    expect(req.body.toString('utf8')).not.toContain('portal.example');
    // Authorization: vapid t=<JWT signed by our private key>, k=<our public key>
    const [, jwt, k] = /^vapid t=([^,]+), k=(.+)$/.exec(String(req.headers.authorization))!;
    expect(k).toBe(vapid.publicKey);
    const raw = Buffer.from(vapid.publicKey, 'base64url');
    const key = await importJWK(
      {
        kty: 'EC',
        crv: 'P-256',
        x: raw.subarray(1, 33).toString('base64url'),
        y: raw.subarray(33, 65).toString('base64url'),
      },
      'ES256',
    );
    const { payload } = await jwtVerify(jwt!, key);
    expect(payload.aud).toBe(service.url);
    expect(payload.sub).toBe('mailto:ops@clinic.test');
    expect(res.providerMessageId).toBe('/messages/msg-1');
  });

  it('reports a gone subscription as PUSH_410 and is unreachable without one', async () => {
    const service = await startProvider(() => 410);
    const push = pushChannel({ ...vapid, subject: 'mailto:ops@clinic.test' });
    const err = await push
      .send(message, testRecipient({ push: subscription(`${service.url}/push/x`) }))
      .catch((e) => e);
    await service.close();
    expect(err).toBeInstanceOf(ChannelError);
    expect(err.code).toBe('PUSH_410');
    expect(push.canReach(testRecipient({ push: null }))).toBe(false);
  });
});
