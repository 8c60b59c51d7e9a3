/**
 * A development mailbox: a real SMTP server and an HTTP SMS endpoint on 127.0.0.1 that keep
 * every message they receive, and a small page listing them. `npm start` points identity's
 * sign-up codes here (a newcomer reads the code in the browser); tests use it to read codes.
 *
 * SMS requests follow the platform's SMS adapter: `POST /sms` with `{ to, text, sender }` and
 * `Authorization: Bearer <token>`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type MailboxMessage = {
  id: number;
  channel: 'email' | 'sms';
  /** E-mail address or phone number. */
  to: string;
  from: string;
  subject: string;
  text: string;
  receivedAt: Date;
};

export type DevMailbox = {
  /** SMTP URL for NOTIFY_SMTP_URL. */
  smtpUrl: string;
  /** SMS endpoint for NOTIFY_SMS_URL, and its token. */
  smsUrl: string;
  smsToken: string;
  /** The page listing the messages (and `…/messages.json`). */
  pageUrl: string;
  /** The NOTIFY_* variables that send to this mailbox. */
  env: { NOTIFY_SMTP_URL: string; NOTIFY_SMS_URL: string; NOTIFY_SMS_TOKEN: string };
  /** Messages received so far, oldest first. */
  messages(): MailboxMessage[];
  /** The first message (already received or arriving within `timeoutMs`) that `match` accepts. */
  waitFor(match: (m: MailboxMessage) => boolean, timeoutMs?: number): Promise<MailboxMessage>;
  close(): Promise<void>;
};

export type DevMailboxOptions = {
  host?: string;
  /** 0 (default): any free port. */
  smtpPort?: number;
  httpPort?: number;
  /** How many messages are kept (oldest dropped first). */
  keep?: number;
};

/** The six-digit code in a message, if it has one. */
export const codeIn = (m: Pick<MailboxMessage, 'text'>): string | null =>
  /\b(\d{6})\b/.exec(m.text)?.[1] ?? null;

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(messages: MailboxMessage[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) => `<article><header><b>${m.channel === 'email' ? 'E-mail' : 'SMS'}</b> → ${html(m.to)}
        <time>${m.receivedAt.toLocaleString('ru-RU')}</time></header>
        ${m.subject ? `<h2>${html(m.subject)}</h2>` : ''}<pre>${html(m.text)}</pre></article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
<title>Почтовый ящик разработчика — Медикаменте</title>
<style>body{font:15px system-ui,sans-serif;max-width:760px;margin:2em auto;padding:0 1em}
article{border:1px solid #ccc;border-radius:6px;padding:.6em 1em;margin:.8em 0}
time{color:#666;float:right}h2{font-size:1.05em;margin:.4em 0}pre{white-space:pre-wrap;font:inherit}</style></head>
<body><h1>Почтовый ящик разработчика</h1>
<p>Письма и SMS, которые платформа отправила при локальном запуске (новые сверху, страница обновляется сама).</p>
${rows || '<p>Сообщений пока нет.</p>'}</body></html>`;
}

function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  return new Promise((ok, fail) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        fail(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

/** Starts the SMTP server and the HTTP endpoint; both listen on `host` only. */
export async function startDevMailbox(opts: DevMailboxOptions = {}): Promise<DevMailbox> {
  const host = opts.host ?? '127.0.0.1';
  const keep = opts.keep ?? 500;
  const smsToken = randomBytes(12).toString('hex');
  const stored: MailboxMessage[] = [];
  const waiters = new Set<() => void>();
  let nextId = 1;
  const add = (m: Omit<MailboxMessage, 'id' | 'receivedAt'>) => {
    stored.push({ ...m, id: nextId++, receivedAt: new Date() });
    if (stored.length > keep) stored.splice(0, stored.length - keep);
    for (const w of waiters) w();
  };

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 1024 * 1024,
    onData(stream, session, cb) {
      simpleParser(stream, (err, mail) => {
        if (err) return cb(err);
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        add({
          channel: 'email',
          to,
          from: mail.from?.text ?? (session.envelope.mailFrom || undefined)?.address ?? '',
          subject: mail.subject ?? '',
          text: (mail.text ?? '').trim(),
        });
        cb(null);
      });
    },
  });
  await new Promise<void>((ok, fail) => {
    smtp.server.once('error', fail);
    smtp.listen(opts.smtpPort ?? 0, host, () => ok());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const http = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (req.method === 'POST' && path === '/sms') {
        if (req.headers.authorization !== `Bearer ${smsToken}`)
          return send(401, 'application/json', '{"error":"unauthorized"}');
        const body = JSON.parse(await readBody(req)) as { to?: unknown; text?: unknown; sender?: unknown };
        if (typeof body.to !== 'string' || typeof body.text !== 'string')
          return send(400, 'application/json', '{"error":"to and text are required"}');
        add({ channel: 'sms', to: body.to, from: String(body.sender ?? ''), subject: '', text: body.text });
        return send(200, 'application/json', JSON.stringify({ id: `sms-${nextId - 1}` }));
      }
      if (req.method === 'GET' && path === '/messages.json')
        return send(200, 'application/json', JSON.stringify(stored));
      if (req.method === 'GET' && path === '/') return send(200, 'text/html', page(stored));
      send(404, 'text/plain', 'not found');
    } catch {
      send(400, 'text/plain', 'bad request');
    }
  });
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(opts.httpPort ?? 0, host, () => ok());
  });
  const httpPort = (http.address() as AddressInfo).port;
  const base = `http://${host}:${httpPort}`;
  const smtpUrl = `smtp://${host}:${smtpPort}`;

  return {
    smtpUrl,
    smsUrl: `${base}/sms`,
    smsToken,
    pageUrl: `${base}/`,
    env: { NOTIFY_SMTP_URL: smtpUrl, NOTIFY_SMS_URL: `${base}/sms`, NOTIFY_SMS_TOKEN: smsToken },
    messages: () => [...stored],
    waitFor(match, timeoutMs = 15_000) {
      return new Promise((ok, fail) => {
        const check = () => {
          const found = stored.find(match);
          if (!found) return false;
          clearTimeout(timer);
          waiters.delete(onMessage);
          ok(found);
          return true;
        };
        const onMessage = () => void check();
        const timer = setTimeout(() => {
          waiters.delete(onMessage);
          fail(new Error(`no matching message within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(onMessage);
        check();
      });
    },
    close: async () => {
      http.closeAllConnections();
      await Promise.all([
        new Promise<void>((ok) => http.close(() => ok())),
        new Promise<void>((ok) => smtp.close(() => ok())),
      ]);
    },
  };
}
