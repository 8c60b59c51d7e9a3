import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { webEnv } from './env';
import type { PersistedDocument } from './manifest';
import type { WebSessions } from './session';

const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for the browser (`GET /api/live?…`): this server opens the gateway's
 * graphql-ws subscription with the session's token, so the browser never holds a token.
 * Events go out as `event: <eventName>` (`appointment` unless given); `event: ready` once the
 * subscription is up (the page reloads its data then, to cover the gap). The stream ends before the access token expires;
 * EventSource reconnects and the next request refreshes the token.
 */
export function liveRoute(
  sessions: WebSessions,
  subscription: PersistedDocument,
  variablesOf: (url: URL) => Record<string, unknown> | null,
  eventName = 'appointment',
) {
  return async function GET(request: Request): Promise<Response> {
    const variables = variablesOf(new URL(request.url));
    if (!variables) return new Response('bad request', { status: 400 });
    const headers = new Headers();
    const session = await sessions.forRequest(request, headers);
    const token = await sessions.token(session);
    if (!token) return new Response('unauthenticated', { status: 401, headers });
    const op = sessions.config.manifest.byDocument(subscription);
    const encoder = new TextEncoder();
    let cleanup = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        let open = true;
        const send = (chunk: string) => {
          if (open) controller.enqueue(encoder.encode(chunk));
        };
        const client = createClient({
          url: webEnv().GATEWAY_URL.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${token}` },
          retryAttempts: 0,
          lazy: false,
          on: { connected: () => send('event: ready\ndata: {}\n\n') },
        });
        const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS);
        const untilExpiry = Math.max(5_000, (session.expiresAt ?? Date.now()) - Date.now() - 5_000);
        const expiry = setTimeout(() => cleanup(), untilExpiry);
        const unsubscribe = client.subscribe<Record<string, unknown>>(
          { query: op.query, operationName: op.operationName, variables },
          {
            next: (value) => {
              if (value.data)
                send(`event: ${eventName}\ndata: ${JSON.stringify(Object.values(value.data)[0])}\n\n`);
              if (value.errors?.length)
                send(`event: failure\ndata: ${JSON.stringify({ code: 'EVENT_ERROR' })}\n\n`);
            },
            error: () => {
              send(`event: failure\ndata: ${JSON.stringify({ code: 'SUBSCRIPTION_ERROR' })}\n\n`);
              cleanup();
            },
            complete: () => cleanup(),
          },
        );
        cleanup = () => {
          if (!open) return;
          open = false;
          clearInterval(heartbeat);
          clearTimeout(expiry);
          unsubscribe();
          void client.dispose();
          try {
            controller.close();
          } catch {
            // already closed by the client going away
          }
        };
        send('retry: 2000\n\n');
        request.signal.addEventListener('abort', () => cleanup());
      },
      cancel() {
        cleanup();
      },
    });
    headers.set('content-type', 'text/event-stream; charset=utf-8');
    headers.set('cache-control', 'no-cache, no-transform');
    headers.set('x-accel-buffering', 'no');
    return new Response(stream, { status: 200, headers });
  };
}
