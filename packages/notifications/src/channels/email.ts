import nodemailer from 'nodemailer';
import { type ChannelAdapter, ChannelError } from './types';

export type EmailChannelOptions = {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  pass?: string;
  /** The From header, e.g. `Медикаменте <noreply@clinic.example>`. */
  from: string;
  /** Accept self-signed certificates (local relays and tests only). */
  allowSelfSigned?: boolean;
};

/** E-mail through an SMTP relay (nodemailer). */
export function emailChannel(opts: EmailChannelOptions): ChannelAdapter & { close(): void } {
  const transport = nodemailer.createTransport({
    host: opts.host,
    port: opts.port,
    secure: opts.secure,
    auth: opts.user ? { user: opts.user, pass: opts.pass ?? '' } : undefined,
    tls: opts.allowSelfSigned ? { rejectUnauthorized: false } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    channel: 'email',
    canReach: (r) => typeof r.email === 'string' && r.email.includes('@'),
    async send(m, r) {
      try {
        const info = await transport.sendMail({
          from: opts.from,
          to: r.email!,
          subject: m.subject,
          text: m.text,
          ...(m.html ? { html: m.html } : {}),
        });
        return { providerMessageId: String(info.messageId ?? '') || undefined };
      } catch (err) {
        throw new ChannelError('email', smtpCode(err));
      }
    },
    close: () => transport.close(),
  };
}

/** `SMTP_550` for a rejected command, the socket code (`ECONNECTION`, …) otherwise. */
function smtpCode(err: unknown): string {
  const e = err as { responseCode?: number; code?: string };
  if (typeof e?.responseCode === 'number') return `SMTP_${e.responseCode}`;
  return typeof e?.code === 'string' && /^[A-Z_]{1,30}$/.test(e.code) ? e.code : 'SMTP_ERROR';
}
