import { createHash } from 'node:crypto';
import { type Metrics, principalOf } from '@medikamente/runtime';
import type { Request, RequestHandler, Response } from 'express';
import { LRUCache } from 'lru-cache';

type Entry = { body: Buffer; cacheControl: string; storedAt: number };

/** The only header a response may carry to be stored (set by Apollo from subgraph hints, no errors). */
const PUBLIC = /^max-age=(\d+), public$/;
/** Mutations and subscriptions are never looked up (a word match is enough: false positives only skip the cache). */
const WRITES = /\b(mutation|subscription)\b/;
const MAX_KEY_BYTES = 8 * 1024;
/** Callers without a token (no role can be named like this). */
const ANONYMOUS = '\u0000anonymous';
/** How long identical requests wait for the one computing an entry before running themselves. */
const WAIT_MS = 5_000;

/** Raw JSON body kept by `express.json({ verify })`, used as the cache key (no re-serialisation). */
export const keepRawBody = (req: Request, _res: Response, buf: Buffer) => {
  (req as Request & { rawBody?: Buffer }).rawBody = buf;
};

/**
 * Reuses whole responses made only of PUBLIC fields that their subgraph marked cacheable (ADR
 * 0008). Apollo combines the subgraphs' `Cache-Control` into the response's header and sets
 * `max-age=N, public` only when every field of the operation is hinted public and there are no
 * errors; everything else is `no-store` and never kept. Entries are separated by the caller's
 * role (a subgraph may compute public data per role — reception sees walk-in slots); a hint
 * promises the value depends on nothing else. Runs after the token is verified, answers hits
 * without entering the GraphQL pipeline, and is skipped when the client sends
 * `Cache-Control: no-cache`. For operations that were cacheable before (e.g. the slot search with
 * other arguments), one request per key computes a missing entry while identical ones wait for it
 * (at most {@link WAIT_MS}); other operations (personal data) never wait for each other.
 */
export function publicResponseCache(opts: { metrics?: Metrics; maxBytes?: number } = {}): RequestHandler {
  const cache = new LRUCache<string, Entry>({
    maxSize: opts.maxBytes ?? 32 * 1024 * 1024,
    sizeCalculation: (e, key) => e.body.length + key.length + 64,
  });
  const computing = new Map<string, Promise<Entry | null>>();
  /** Role + document of operations whose answers were stored at least once. */
  const cacheableOperations = new LRUCache<string, true>({ max: 2_000 });

  const send = (res: Response, e: Entry) => {
    opts.metrics?.responseCacheHits.inc();
    res.status(200);
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', e.cacheControl);
    res.setHeader('age', String(Math.floor((Date.now() - e.storedAt) / 1000)));
    res.end(e.body);
  };

  return async (req, res, next) => {
    const raw = (req as Request & { rawBody?: Buffer }).rawBody;
    const query = (req.body as { query?: unknown } | undefined)?.query;
    if (
      req.method !== 'POST' ||
      !raw ||
      raw.length > MAX_KEY_BYTES ||
      typeof query !== 'string' ||
      WRITES.test(query) ||
      /no-cache|no-store/i.test(req.header('cache-control') ?? '')
    )
      return next();
    const role = principalOf(req).role ?? ANONYMOUS;
    const key = `${role}\n${createHash('sha256').update(raw).digest('base64')}`;
    const operation = `${role}\n${query}`;
    const hit = cache.get(key);
    if (hit) return send(res, hit);
    const coalesce = cacheableOperations.has(operation);
    const pending = coalesce ? computing.get(key) : undefined;
    if (pending) {
      const computed = await Promise.race([
        pending,
        new Promise<null>((r) => setTimeout(() => r(null), WAIT_MS).unref()),
      ]);
      if (computed) return send(res, computed);
      return next();
    }

    // This request computes the entry; identical requests arriving meanwhile wait for it.
    let settle: (e: Entry | null) => void = () => {};
    const mine = new Promise<Entry | null>((r) => {
      settle = r;
    });
    if (coalesce) computing.set(key, mine);
    const done = (e: Entry | null) => {
      if (computing.get(key) === mine) computing.delete(key);
      settle(e); // a promise settles once: the later call (e.g. 'close' after 'end') is a no-op
    };
    res.on('close', () => done(null));
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const header = String(res.getHeader('cache-control') ?? '');
      const m = PUBLIC.exec(header);
      const maxAge = m ? Number(m[1]) : 0;
      if (res.statusCode === 200 && maxAge > 0 && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
        const entry = {
          body: Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk),
          cacheControl: header,
          storedAt: Date.now(),
        };
        cache.set(key, entry, { ttl: maxAge * 1000 });
        cacheableOperations.set(operation, true);
        done(entry);
      } else done(null);
      return end(chunk, ...rest);
    }) as Response['end'];
    next();
  };
}
