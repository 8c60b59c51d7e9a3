import { describe, expect, it } from 'vitest';
import { clientAddress } from './gateway';

describe('client address behind proxies', () => {
  const trusted = new Set(['127.0.0.1', '10.0.0.5']);
  it('believes X-Forwarded-For only from a trusted proxy', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.7', trusted)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', '203.0.113.7', trusted)).toBe('203.0.113.7');
    expect(clientAddress('198.51.100.9', '203.0.113.7', trusted)).toBe('198.51.100.9');
  });
  it('takes the right-most untrusted hop (a client cannot spoof by prepending)', () => {
    expect(clientAddress('127.0.0.1', '1.2.3.4, 203.0.113.7, 10.0.0.5', trusted)).toBe('203.0.113.7');
  });
  it('falls back to the socket without the header, and trusts nobody by default', () => {
    expect(clientAddress('127.0.0.1', undefined, trusted)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '203.0.113.7', new Set())).toBe('127.0.0.1');
  });
});
