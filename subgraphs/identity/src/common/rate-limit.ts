import { sha256 } from './crypto';

/**
 * A fixed-window, in-memory attempt counter keyed by e.g. login + client address. It is per
 * replica (the per-account lockout in the database is the durable control); keys are hashed so
 * no login is held in memory.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an attempt; false when the key has exceeded its allowance in the current window. */
  hit(...parts: Array<string | null | undefined>): boolean {
    const key = sha256(parts.map((p) => p ?? '').join('\u0000'));
    const t = this.now();
    if (this.hits.size > 50_000) this.prune(t);
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= t) {
      this.hits.set(key, { count: 1, resetAt: t + this.windowMs });
      return true;
    }
    entry.count += 1;
    return entry.count <= this.limit;
  }

  private prune(t: number): void {
    for (const [k, v] of this.hits) if (v.resetAt <= t) this.hits.delete(k);
  }
}
