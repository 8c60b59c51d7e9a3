import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { PgPubSub } from '../events/pubsub';

/**
 * A graphql-ws subscriber to a subgraph's own /graphql, live when this resolves (the server's
 * subscription is listening on `channel`); collects what arrives and lets a test await the next
 * event matching a predicate (no timing threshold: `ms` only turns a lock-up into a clear failure).
 */
export async function subscribeLive(
  target: { url: string; pubsub: PgPubSub; channel: string },
  token: string,
  query: string,
) {
  const { pubsub, channel } = target;
  const handlers = () =>
    (pubsub as unknown as { listeners: Map<string, { handlers: Set<unknown> }> }).listeners.get(channel)
      ?.handlers.size ?? 0;
  const before = handlers();
  const received: any[] = [];
  const errors: unknown[] = [];
  const waiters: Array<{ match: (e: any) => boolean; resolve: (e: any) => void }> = [];
  const client = createClient({
    url: target.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    connectionParams: { authorization: `Bearer ${token}` },
  });
  await new Promise<void>((resolve) => {
    client.on('connected', () => resolve());
    client.on('closed', () => resolve());
  });
  const dispose = client.subscribe(
    { query },
    {
      next: (v) => {
        received.push(v);
        for (const w of [...waiters])
          if (w.match(v)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(v);
          }
      },
      error: (e) => errors.push(e),
      complete: () => {},
    },
  );
  // Live once the server has run the subscription (its handler added) and LISTEN is active.
  while (handlers() <= before && errors.length === 0) await new Promise((r) => setTimeout(r, 10));
  await pubsub.ready(channel);
  return {
    received,
    errors,
    /** The first event (already received or arriving) matching `match`. */
    next(match: (e: any) => boolean, ms = 15_000): Promise<any> {
      const seen = received.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event in ${ms} ms`)), ms);
        waiters.push({
          match,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
    async close() {
      dispose();
      await client.dispose();
    },
  };
}
export type LiveSubscriber = Awaited<ReturnType<typeof subscribeLive>>;
