import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows `limit` attempts per key and window, then refuses until the window ends', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 1000, () => now);
    expect([1, 2, 3, 4].map(() => limiter.hit('sign-in', 'a@b.ru', '10.0.0.1'))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(limiter.hit('sign-in', 'a@b.ru', '10.0.0.2')).toBe(true);
    now = 1000;
    expect(limiter.hit('sign-in', 'a@b.ru', '10.0.0.1')).toBe(true);
  });
});
