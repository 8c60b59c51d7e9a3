import type { TypedDocumentNode } from '@urql/core';
import { Client, type CombinedError, fetchExchange, mapExchange, type OperationContext } from 'urql';

const persistedCache = new WeakMap<object, unknown>();

/**
 * The browser sends only the operation's id from the persisted-documents manifest (the client
 * preset's `replaceDocumentWithHash` mode); urql sends `documentId` for a document that has
 * one and no definitions.
 */
export function persisted<T extends TypedDocumentNode<any, any>>(doc: T): T {
  const known = persistedCache.get(doc);
  if (known) return known as T;
  const id = (doc as unknown as { __meta__?: { documentId?: string } }).__meta__?.documentId;
  if (!id) throw new Error('document without an id: run pnpm codegen');
  const out = {
    kind: 'Document',
    definitions: [],
    documentId: id,
    __meta__: { documentId: id },
  } as unknown as T;
  persistedCache.set(doc, out);
  return out;
}

/** The first error code of a urql error (GraphQL `extensions.code`, or a network failure). */
export function errorCode(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  const gql = error.graphQLErrors.find((e) => e.extensions?.code);
  if (gql) return String(gql.extensions.code);
  return error.networkError ? 'NETWORK' : undefined;
}

const FETCH_OPTIONS = {
  credentials: 'same-origin',
  headers: { 'content-type': 'application/json' },
} satisfies RequestInit;

/**
 * urql client of the app's BFF (`/api/graphql`, same origin, session cookie). No document
 * cache: every screen shows what the server returns now. `onUnauthenticated` runs when the
 * session has ended (e.g. to go to the sign-in page).
 */
export function createBffClient(onUnauthenticated: () => void): Client {
  return new Client({
    url: '/api/graphql',
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: FETCH_OPTIONS,
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED' && !e.path))
            onUnauthenticated();
          else if (error.response?.status === 401) onUnauthenticated();
        },
      }),
      fetchExchange,
    ],
  });
}

/**
 * Context for re-running a query past every cache — urql's and the gateway's one-second cache of
 * public slot lists (ADR 0008): e.g. free slots right after a booking was refused.
 */
export const FRESH = {
  requestPolicy: 'network-only',
  fetchOptions: { ...FETCH_OPTIONS, headers: { ...FETCH_OPTIONS.headers, 'cache-control': 'no-cache' } },
} satisfies Partial<OperationContext>;

/** A random idempotency key (works outside secure contexts too). */
export function newKey(): string {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * A random UUID v4 (crypto.randomUUID needs a secure context; this works on plain http too):
 * idempotency keys of operations whose retries must be recognised as the same attempt.
 */
export function newUuid(): string {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
