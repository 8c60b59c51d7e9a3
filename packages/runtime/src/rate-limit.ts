import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** An allowance: `points` attempts per `durationSec`. */
export type RateLimit = { points: number; durationSec: number };

export type RateDecision = { allowed: boolean; retryAfterSec: number };

export type RateLimiter = {
  /** Counts one attempt for the key; `allowed` is false once the key has used its allowance. */
  hit(...keyParts: Array<string | null | undefined>): Promise<RateDecision>;
  /** The same, answered at once when the counters are in this process (no Redis); else undefined. */
  hitNow?(...keyParts: Array<string | null | undefined>): RateDecision;
};

const hashed = (parts: Array<string | null | undefined>) =>
  createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u0000'))
    .digest('base64url');
const joined = (parts: Array<string | null | undefined>) =>
  parts.length === 1 ? (parts[0] ?? '') : parts.map((p) => p ?? '').join('\u0000');

const ALLOWED: RateDecision = Object.freeze({ allowed: true, retryAfterSec: 0 });

/**
 * Fixed-window counters in this process: the hot path of every request at the gateway, so a plain
 * map rather than promises (rate-limiter-flexible's memory limiter is async). Expired windows are
 * dropped when the map grows.
 */
function inProcess(limit: RateLimit): (key: string) => RateDecision {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const windowMs = limit.durationSec * 1000;
  return (key) => {
    const now = Date.now();
    if (windows.size > 100_000) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
    let w = windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs };
      windows.set(key, w);
    }
    w.count += 1;
    return w.count <= limit.points
      ? ALLOWED
      : { allowed: false, retryAfterSec: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
  };
}

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
export function createRateLimiter(
  name: string,
  limit: RateLimit,
  redis?: Redis,
  /**
   * Keep keys as they are in this process's memory (addresses, opaque ids) instead of hashing
   * them; keys that reach Redis, and keys such as logins, are always hashed.
   */
  keys: { plainKeysInProcess?: boolean } = {},
): RateLimiter {
  const local = inProcess(limit);
  const keyOf = hashed;
  if (!redis) {
    const inMemory = keys.plainKeysInProcess ? joined : hashed;
    return {
      hit: async (...parts) => local(inMemory(parts)),
      hitNow: (...parts) => local(inMemory(parts)),
    };
  }
  const opts = { keyPrefix: `mk-rl:${name}`, points: limit.points, duration: limit.durationSec };
  const shared = new RateLimiterRedis({
    ...opts,
    storeClient: redis,
    insuranceLimiter: new RateLimiterMemory(opts),
  });
  return {
    async hit(...parts) {
      const key = keyOf(parts);
      try {
        await shared.consume(key, 1);
        return ALLOWED;
      } catch (res) {
        if (res instanceof RateLimiterRes)
          return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
        // The store failed and so did the insurance limiter: count in this process instead.
        return local(key);
      }
    },
  };
}
