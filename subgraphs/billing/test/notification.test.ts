import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountToKopecks, kopecksToAmount } from '../src/modules/online/amount';
import {
  YOOKASSA_NOTIFICATION_NETWORKS as NETS,
  NOTIFICATION_EVENTS,
  parseNotification,
  sourceAllowed,
} from '../src/modules/online/notification';

describe('sourceAllowed', () => {
  it('accepts IPv4 addresses inside the published networks and single addresses', () => {
    for (const ip of [
      '185.71.76.0',
      '185.71.76.31',
      '185.71.77.17',
      '77.75.153.127',
      '77.75.154.200',
      '77.75.156.11',
      '77.75.156.35',
    ]) {
      expect(sourceAllowed(ip, NETS), ip).toBe(true);
    }
  });

  it('refuses IPv4 addresses just outside them', () => {
    for (const ip of [
      '185.71.76.32',
      '185.71.77.32',
      '77.75.153.128',
      '77.75.154.127',
      '77.75.156.12',
      '8.8.8.8',
      '127.0.0.1',
    ]) {
      expect(sourceAllowed(ip, NETS), ip).toBe(false);
    }
  });

  it('handles IPv6 and IPv4-mapped IPv6', () => {
    expect(sourceAllowed('2a02:5180:0:1509::17', NETS)).toBe(true);
    expect(sourceAllowed('2A02:5180:FFFF::1', NETS)).toBe(true);
    expect(sourceAllowed('2a02:5181::1', NETS)).toBe(false);
    expect(sourceAllowed('::1', NETS)).toBe(false);
    expect(sourceAllowed('::ffff:185.71.76.1', NETS)).toBe(true);
    expect(sourceAllowed('::ffff:77.75.156.35', NETS)).toBe(true);
    expect(sourceAllowed('::ffff:8.8.8.8', NETS)).toBe(false);
    // A mapped address never matches an IPv6 network by its raw bits.
    expect(sourceAllowed('::ffff:185.71.76.1', ['::/0'])).toBe(false);
    expect(sourceAllowed('::ffff:127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(sourceAllowed('127.0.0.1', ['::ffff:127.0.0.0/104'])).toBe(true);
  });

  it('refuses what is not an address, including lax IPv4 spellings', () => {
    for (const ip of [
      '',
      'abc',
      '185.71.76',
      '185.71.76.1.5',
      '3108588545',
      '0xb9.71.76.1',
      '185.71.76.1/32',
      '2a02:5180::g',
    ]) {
      expect(sourceAllowed(ip, NETS), JSON.stringify(ip)).toBe(false);
    }
  });

  it('agrees with a bit-level check for random IPv4 addresses', () => {
    const inside = (n: number) =>
      n >>> 5 === ((185 << 24) | (71 << 16) | (76 << 8)) >>> 5 ||
      n >>> 5 === ((185 << 24) | (71 << 16) | (77 << 8)) >>> 5;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
        const ip = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
        expect(sourceAllowed(ip, ['185.71.76.0/27', '185.71.77.0/27'])).toBe(inside(n));
      }),
    );
  });

  it('throws on a malformed network (configuration error)', () => {
    expect(() => sourceAllowed('1.2.3.4', ['1.2.3.0/33'])).toThrow(/not a network/);
    expect(() => sourceAllowed('1.2.3.4', ['nope'])).toThrow(/not a network/);
  });
});

describe('parseNotification', () => {
  const id = '2419a771-000f-5000-9000-1edaf29243f2';

  it('takes the event and the object id, nothing else', () => {
    for (const event of NOTIFICATION_EVENTS) {
      const body = {
        type: 'notification',
        event,
        object: { id, status: 'succeeded', amount: { value: '1.00', currency: 'RUB' } },
      };
      expect(parseNotification(body)).toStrictEqual({ ok: true, event, objectId: id });
    }
  });

  it('refuses bodies that are not notifications', () => {
    for (const body of [
      null,
      undefined,
      'notification',
      42,
      [],
      {},
      { type: 'notification' },
      { event: 'payment.succeeded', object: { id } },
      { type: 'error', event: 'payment.succeeded', object: { id } },
      { type: 'notification', event: 'payment.succeeded', object: 'x' },
      { type: 'notification', event: 7, object: { id } },
    ]) {
      expect(parseNotification(body), JSON.stringify(body)).toStrictEqual({
        ok: false,
        reason: 'not_a_notification',
      });
    }
  });

  it('refuses events it does not handle', () => {
    for (const event of [
      'payout.succeeded',
      'deal.closed',
      'payment.pending',
      'refund.canceled',
      'PAYMENT.SUCCEEDED',
      '',
    ]) {
      expect(parseNotification({ type: 'notification', event, object: { id } })).toStrictEqual({
        ok: false,
        reason: 'unsupported_event',
      });
    }
  });

  it('refuses missing or implausible object ids', () => {
    for (const object of [
      {},
      { id: 42 },
      { id: '' },
      { id: '../payments' },
      { id: 'a b' },
      { id: 'x'.repeat(65) },
      { id: null },
    ]) {
      expect(parseNotification({ type: 'notification', event: 'payment.succeeded', object })).toStrictEqual({
        ok: false,
        reason: 'bad_object_id',
      });
    }
  });
});

describe('amounts', () => {
  it('converts kopecks to YooKassa strings and back exactly', () => {
    expect(kopecksToAmount(12345)).toBe('123.45');
    expect(kopecksToAmount(5)).toBe('0.05');
    expect(kopecksToAmount(0)).toBe('0.00');
    expect(kopecksToAmount(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(amountToKopecks('100')).toBe(10000);
    expect(amountToKopecks('0.5')).toBe(50);
    expect(amountToKopecks('1234.56')).toBe(123456);
    fc.assert(fc.property(fc.maxSafeNat(), (k) => amountToKopecks(kopecksToAmount(k)) === k));
  });

  it('refuses what is not an exact amount', () => {
    for (const s of ['', '1.234', '-1.00', '1e3', ' 1.00', '1,00', '.5', '90071992547409.92']) {
      expect(() => amountToKopecks(s), s).toThrow(RangeError);
    }
    for (const k of [-1, 0.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])
      expect(() => kopecksToAmount(k)).toThrow(RangeError);
  });
});
