import type { Redis } from 'ioredis';
import { connectRedis, createRateLimiter, type RateLimit, type RateLimiter } from '../rate-limit';
import type { Lifecycle } from './lifecycle';

/**
 * Rate limiters of one service, shared by every replica through one Redis connection when
 * `url` is set (opened on first use, closed with the service), per process otherwise.
 */
export function sharedRedis(url: string | undefined, life: Lifecycle) {
  let redis: Redis | undefined;
  return (name: string, limit: RateLimit, keys?: { plainKeysInProcess?: boolean }): RateLimiter => {
    if (url && !redis) {
      const connection = connectRedis(url);
      redis = connection;
      life.onClose(() => connection.disconnect());
    }
    return createRateLimiter(name, limit, redis, keys);
  };
}
