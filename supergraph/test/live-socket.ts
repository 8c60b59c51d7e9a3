import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * Opens a graphql-ws connection to the gateway with `authorization` in connection_init and reports
 * whether it was accepted (then disposed) or closed, with the close code.
 */
export const connectLive = (gatewayUrl: string, authorization?: string) =>
  new Promise<{ code: number | null; ok: boolean }>((resolve) => {
    const client = createClient({
      url: gatewayUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => {},
      connectionParams: authorization ? { authorization } : {},
      on: {
        connected: () => {
          void client.dispose();
          resolve({ code: null, ok: true });
        },
        closed: (e) => resolve({ code: (e as { code?: number }).code ?? null, ok: false }),
      },
    });
  });
