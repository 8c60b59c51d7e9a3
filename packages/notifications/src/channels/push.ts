import webpush from 'web-push';
import { type ChannelAdapter, ChannelError } from './types';

export type PushChannelOptions = {
  /** VAPID key pair (URL-safe base64), e.g. from `npx web-push generate-vapid-keys`. */
  publicKey: string;
  privateKey: string;
  /** VAPID contact: `mailto:` or `https:` URL. */
  subject: string;
  /** How long the push service keeps an undelivered message (default 1 day). */
  ttlSeconds?: number;
  timeoutMs?: number;
};

/** A new VAPID key pair (URL-safe base64), e.g. generated on a machine's first start. */
export const generateVapidKeys = (): { publicKey: string; privateKey: string } => webpush.generateVAPIDKeys();

/**
 * Web push (installable portal). web-push encrypts the payload and signs the VAPID header;
 * the request itself goes out through fetch, so any push service URL works.
 * A `404`/`410` answer means the subscription is gone (`PUSH_410`): the portal must re-subscribe.
 */
export function pushChannel(opts: PushChannelOptions): ChannelAdapter {
  return {
    channel: 'push',
    canReach: (r) => !!r.push?.endpoint && !!r.push.keys?.p256dh && !!r.push.keys?.auth,
    async send(m, r) {
      const payload = JSON.stringify({ title: m.subject, body: m.short ?? m.text, links: m.links ?? {} });
      let details: ReturnType<typeof webpush.generateRequestDetails>;
      try {
        details = webpush.generateRequestDetails(r.push!, payload, {
          vapidDetails: { subject: opts.subject, publicKey: opts.publicKey, privateKey: opts.privateKey },
          TTL: opts.ttlSeconds ?? 86_400,
          contentEncoding: 'aes128gcm',
        });
      } catch {
        throw new ChannelError('push', 'PUSH_BAD_SUBSCRIPTION', true);
      }
      let res: Response;
      try {
        res = await fetch(details.endpoint, {
          method: details.method,
          headers: details.headers as Record<string, string>,
          body: details.body ? new Uint8Array(details.body) : null,
          // The endpoint was checked when it was registered; a redirect elsewhere is not followed.
          redirect: 'error',
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
      } catch (err) {
        throw new ChannelError('push', (err as Error)?.name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK');
      }
      await res.arrayBuffer().catch(() => undefined);
      if (res.status === 404 || res.status === 410) throw new ChannelError('push', 'PUSH_410', true);
      if (!res.ok) throw new ChannelError('push', `HTTP_${res.status}`);
      // The push service names the message in `Location` (RFC 8030).
      return { providerMessageId: res.headers.get('location')?.slice(0, 200) ?? undefined };
    },
  };
}
