import type { Database } from '../db';

/**
 * Publish/subscribe over Postgres LISTEN/NOTIFY: every replica connected to the same database
 * receives every event, so a subscriber on replica A sees what replica B published. Payloads
 * are small JSON documents (NOTIFY carries at most 8000 bytes): ids and states, not records.
 */
export class PgPubSub {
  private readonly listeners = new Map<
    string,
    { unlisten: Promise<() => Promise<void>>; handlers: Set<(p: unknown) => void> }
  >();

  constructor(private readonly database: Database) {}

  /** Publishes inside the caller's transaction when given its query function (delivered on commit). */
  async publish(
    channel: string,
    payload: unknown,
    q: Database['query'] = this.database.query,
  ): Promise<void> {
    const text = JSON.stringify(payload);
    if (Buffer.byteLength(text) > 7900) throw new Error('event payload too large for NOTIFY');
    await q('select pg_notify($1, $2)', [channel, text]);
  }

  /** An async iterator of a channel's events until `return()` is called (the client unsubscribes). */
  subscribe<T>(channel: string): AsyncIterableIterator<T> {
    const queue: T[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    const handler = (p: unknown) => {
      queue.push(p as T);
      wake?.();
    };
    let entry = this.listeners.get(channel);
    if (!entry) {
      const handlers = new Set<(p: unknown) => void>();
      const unlisten = this.database.listen(channel, (text) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return;
        }
        for (const h of handlers) h(parsed);
      });
      entry = { unlisten, handlers };
      this.listeners.set(channel, entry);
    }
    entry.handlers.add(handler);
    const ready = entry.unlisten;
    const release = async () => {
      if (done) return;
      done = true;
      wake?.();
      const e = this.listeners.get(channel);
      if (!e) return;
      e.handlers.delete(handler);
      if (e.handlers.size === 0) {
        this.listeners.delete(channel);
        await (await e.unlisten)();
      }
    };
    const iterator: AsyncIterableIterator<T> = {
      async next() {
        await ready;
        while (!done && queue.length === 0) {
          await new Promise<void>((r) => {
            wake = r;
          });
        }
        wake = undefined;
        if (queue.length > 0) return { value: queue.shift()!, done: false };
        return { value: undefined, done: true };
      },
      async return() {
        await release();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** Resolves once LISTEN is active for the channel (tests subscribe, then publish). */
  async ready(channel: string): Promise<void> {
    await this.listeners.get(channel)?.unlisten;
  }

  async close(): Promise<void> {
    for (const [channel, e] of this.listeners) {
      this.listeners.delete(channel);
      await (await e.unlisten)();
    }
  }
}

/** Filters an async iterator; the predicate may be async (per-event authorisation). */
export async function* filterEvents<T>(
  source: AsyncIterableIterator<T>,
  keep: (e: T) => boolean | Promise<boolean>,
): AsyncGenerator<T> {
  try {
    for await (const e of source) if (await keep(e)) yield e;
  } finally {
    await source.return?.();
  }
}
