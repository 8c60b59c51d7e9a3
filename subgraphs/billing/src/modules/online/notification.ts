import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/**
 * Networks YooKassa sends HTTP notifications from. Source: YooKassa's notifications page
 * (https://yookassa.ru/developers/using-api/webhooks, section on the IP addresses), as quoted by
 * several client libraries. The IPv4 entries match the official SDKs (yoomoney/yookassa-sdk-php
 * lib/Helpers/SecurityHelper.php, yoomoney/yookassa-sdk-python security_helper.py); those SDKs
 * list four /64 networks inside 2a02:5180::/32 for IPv6 (…:1509::, …:2655::, …:1533::, …:2669::),
 * the page gives the whole /32, which is kept here. Notifications carry no signature, so the
 * source check is only a filter: the object is always re-read from the API.
 */
export const YOOKASSA_NOTIFICATION_NETWORKS: readonly string[] = Object.freeze([
  '185.71.76.0/27',
  '185.71.77.0/27',
  '77.75.153.0/25',
  '77.75.156.11',
  '77.75.156.35',
  '77.75.154.128/25',
  '2a02:5180::/32',
]);

export const NOTIFICATION_EVENTS = [
  'payment.succeeded',
  'payment.waiting_for_capture',
  'payment.canceled',
  'refund.succeeded',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export type ParsedNotification = { ok: true; event: NotificationEvent; objectId: string };
export type NotificationRefusal = {
  ok: false;
  /**
   * not_a_notification: not `{ type: "notification", event, object }`;
   * unsupported_event: an event we do not handle (e.g. payout.*, deal.*);
   * bad_object_id: `object.id` missing or not a plausible provider id.
   */
  reason: 'not_a_notification' | 'unsupported_event' | 'bad_object_id';
};

const envelopeSchema = z.object({
  type: z.literal('notification'),
  event: z.string(),
  object: z.record(z.string(), z.unknown()),
});
const eventSchema = z.enum(NOTIFICATION_EVENTS);
// YooKassa ids are UUID-like ("2419a771-000f-5000-9000-1edaf29243f2"); the id goes into a URL path.
const objectIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * Reads a YooKassa notification body. Only the event name and the object id are taken: the
 * status, amount and everything else in the body are untrusted and must be re-read from the API.
 */
export function parseNotification(body: unknown): ParsedNotification | NotificationRefusal {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return { ok: false, reason: 'not_a_notification' };
  const event = eventSchema.safeParse(envelope.data.event);
  if (!event.success) return { ok: false, reason: 'unsupported_event' };
  const id = objectIdSchema.safeParse(envelope.data.object.id);
  if (!id.success) return { ok: false, reason: 'bad_object_id' };
  return { ok: true, event: event.data, objectId: id.data };
}

/**
 * Whether `ip` (IPv4, IPv6, or IPv4-mapped IPv6 such as `::ffff:185.71.76.1`, as Node reports
 * peers on a dual-stack socket) lies in one of `cidrs` (networks like `185.71.76.0/27` or single
 * addresses). An unparseable `ip` is not allowed; an unparseable entry of `cidrs` throws, as it
 * is a configuration error.
 */
export function sourceAllowed(ip: string, cidrs: readonly string[]): boolean {
  const addr = parseAddress(ip);
  if (!addr) return false;
  for (const cidr of cidrs) {
    const [network, bits] = parseNetwork(cidr);
    if (network.kind() === addr.kind() && addr.match(network, bits)) return true;
  }
  return false;
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

function parseAddress(ip: string): Address | null {
  const text = ip.trim();
  // Node's strict check first: ipaddr.js alone also accepts forms like "127.1" or "2130706433".
  if (isIP(text) === 0) return null;
  try {
    return ipaddr.process(text);
  } catch {
    return null;
  }
}

function parseNetwork(cidr: string): [Address, number] {
  const text = cidr.trim();
  let network: Address;
  let bits: number;
  try {
    if (text.includes('/')) {
      [network, bits] = ipaddr.parseCIDR(text);
    } else {
      network = ipaddr.parse(text);
      bits = network.kind() === 'ipv4' ? 32 : 128;
    }
  } catch {
    throw new Error(`not a network: ${JSON.stringify(cidr)}`);
  }
  // An IPv4 network written in IPv4-mapped form compares with addresses that process() unmapped.
  if (network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(network as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [network, bits];
}
