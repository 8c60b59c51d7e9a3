import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** An allowance: `points` attempts per `durationSec`. */
export type RateLimit = { points: number; durationSec: number };

export type RateDecision = { allowed: boolean; retryAfterSec: number };

export type RateLimiter = {
  /** Counts one attempt for the key; `allowed` is false once the key has used its allowance. */
  hit(...keyParts: Array<string | null | undefined>): Promise<RateDecision>;
};

/**
 * One Redis connection for shared counters. Commands fail at once while Redis is unreachable
 * (no offline queue), so limiters fall back to per-process counting instead of waiting.
 */
export function connectRedis(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    lazyConnect: false,
    // Reconnect forever, slowly: limits are per process meanwhile.
    retryStrategy: (times) => Math.min(times * 200, 5000),
  });
  // Without a listener an unreachable Redis would crash the process ('error' event).
  redis.on('error', () => {});
  return redis;
}

/** Resolves whether Redis answers within `timeoutMs` (it is used only once ready). */
export function redisReady(redis: Redis, timeoutMs = 2000): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    redis.on('ready', onReady);
  });
}

/**
 * Rate limits shared by every replica when a Redis connection is given (rate-limiter-flexible
 * on Redis, with an in-memory limiter as insurance while Redis is down), per process otherwise.
 * Keys are hashed: no login, address or account id is kept in memory or in Redis as is.
 */
export function createRateLimiter(name: string, limit: RateLimit, redis?: Redis): RateLimiter {
  const opts = { keyPrefix: `mk-rl:${name}`, points: limit.points, duration: limit.durationSec };
  const memory = new RateLimiterMemory(opts);
  const limiter = redis
    ? new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: new RateLimiterMemory(opts) })
    : memory;
  return {
    async hit(...keyParts) {
      const key = createHash('sha256')
        .update(keyParts.map((p) => p ?? '').join('\u0000'))
        .digest('base64url');
      try {
        await limiter.consume(key, 1);
        return { allowed: true, retryAfterSec: 0 };
      } catch (res) {
        if (res instanceof RateLimiterRes)
          return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
        // The store failed and so did the insurance limiter: count in this process instead.
        try {
          await memory.consume(key, 1);
          return { allowed: true, retryAfterSec: 0 };
        } catch (r) {
          return {
            allowed: false,
            retryAfterSec: r instanceof RateLimiterRes ? Math.max(1, Math.ceil(r.msBeforeNext / 1000)) : 1,
          };
        }
      }
    },
  };
}
