'use client';

import { useEffect, useRef, useState } from 'react';

export type LiveState = 'connecting' | 'live' | 'offline';

const FAILURE_RETRY_MS = 30_000;

/**
 * Server-sent events of one of the app's /api/live/… routes (the server holds the token and opens
 * the gateway's subscription). `onEvent` gets each `eventName` event's data; `onReady` runs when the
 * stream is (re)connected, so the page reloads its data to cover the gap. A refused subscription
 * (`failure`) is tried again after 30 s rather than at EventSource's pace.
 */
export function useLiveEvents<T>(
  url: string,
  eventName: string,
  onEvent: (data: T) => void,
  onReady: () => void,
): LiveState {
  const [live, setLive] = useState<LiveState>('connecting');
  const handlers = useRef({ onEvent, onReady });
  handlers.current = { onEvent, onReady };
  useEffect(() => {
    let es: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      es = new EventSource(url);
      es.addEventListener('ready', () => {
        setLive('live');
        handlers.current.onReady();
      });
      es.addEventListener(eventName, (e) => {
        handlers.current.onEvent(JSON.parse((e as MessageEvent<string>).data) as T);
      });
      es.addEventListener('failure', () => {
        es?.close();
        setLive('offline');
        retry = setTimeout(connect, FAILURE_RETRY_MS);
      });
      es.onerror = () => setLive('offline');
    };
    connect();
    return () => {
      clearTimeout(retry);
      es?.close();
    };
  }, [url, eventName]);
  return live;
}
