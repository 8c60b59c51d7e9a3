import { webEnv } from './env';
import type { PersistedOperation } from './manifest';

export type GraphqlError = { message: string; path?: (string | number)[]; extensions?: { code?: string } };
export type GraphqlBody<T = unknown> = { data?: T | null; errors?: GraphqlError[] };
export type GatewayResult<T = unknown> = { status: number; body: GraphqlBody<T> };

/** Codes with which the gateway refuses a token (HTTP 401): refresh once, then sign out. */
export const TOKEN_CODES = new Set(['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'TOKEN_INVALID', 'TOKEN_REVOKED']);

/**
 * POSTs one operation to the gateway (JSON, so Apollo's CSRF prevention lets it through) with
 * the session's access token. Network failures become a coded GraphQL error, never a throw.
 */
export async function callGateway<T = unknown>(
  op: Pick<PersistedOperation, 'query' | 'operationName'>,
  variables: Record<string, unknown> | undefined,
  opts: { token?: string | undefined; forwardedFor?: string | null; fresh?: boolean } = {},
): Promise<GatewayResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.forwardedFor) headers['x-forwarded-for'] = opts.forwardedFor;
  if (opts.fresh) headers['cache-control'] = 'no-cache';
  try {
    const res = await fetch(webEnv().GATEWAY_URL, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: op.query, operationName: op.operationName, variables: variables ?? {} }),
      signal: AbortSignal.timeout(15_000),
      cache: 'no-store',
    });
    const text = await res.text();
    let body: GraphqlBody<T>;
    try {
      body = JSON.parse(text) as GraphqlBody<T>;
    } catch {
      body = { errors: [{ message: 'Сервис временно недоступен', extensions: { code: 'BAD_GATEWAY' } }] };
    }
    return { status: res.status, body };
  } catch {
    return {
      status: 502,
      body: { errors: [{ message: 'Сервис временно недоступен', extensions: { code: 'BAD_GATEWAY' } }] },
    };
  }
}

/** True when the gateway refused the token itself (as opposed to a field-level FORBIDDEN). */
export function tokenRefused(r: GatewayResult): boolean {
  return (
    r.status === 401 ||
    (r.body.errors ?? []).some((e) => !e.path && TOKEN_CODES.has(e.extensions?.code ?? ''))
  );
}
