import { callGateway } from './gateway';
import type { PersistedDocument } from './manifest';
import type { AuthPayload, WebSessions } from './session';

export const json = (status: number, body: unknown, headers = new Headers()): Response => {
  headers.set('content-type', 'application/json; charset=utf-8');
  headers.set('cache-control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers });
};

/**
 * Cross-site requests are refused: the cookie is SameSite=Lax, the body must be JSON (a
 * cross-origin JSON POST needs a CORS preflight we never grant) and a present Origin must match.
 */
export function sameOriginJson(request: Request): boolean {
  if (!(request.headers.get('content-type') ?? '').includes('application/json')) return false;
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

const forwardedFor = (request: Request) => request.headers.get('x-forwarded-for');

/**
 * The BFF endpoint (`POST /api/graphql`): accepts `{ documentId, variables }` of an operation
 * in the app's persisted-documents manifest, adds the session's access token and forwards it to
 * the gateway. Unknown documents and token-returning operations are refused.
 */
export function graphqlRoute(sessions: WebSessions) {
  return async function POST(request: Request): Promise<Response> {
    if (!sameOriginJson(request))
      return json(403, { errors: [{ message: 'Запрос отклонён', extensions: { code: 'FORBIDDEN' } }] });
    let body: { documentId?: unknown; variables?: unknown };
    try {
      body = (await request.json()) as typeof body;
    } catch {
      return json(400, { errors: [{ message: 'Некорректный запрос', extensions: { code: 'BAD_REQUEST' } }] });
    }
    const op = sessions.config.manifest.forBrowser(body.documentId);
    if (!op || op.type === 'subscription') {
      return json(400, {
        errors: [{ message: 'Операция не разрешена', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
      });
    }
    const variables =
      body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {};
    const headers = new Headers();
    const session = await sessions.forRequest(request, headers);
    // The browser asks for a fresh answer (after a refused booking): the gateway skips its cache.
    const fresh = /no-cache/i.test(request.headers.get('cache-control') ?? '');
    const r = await sessions.execute(session, op, variables, forwardedFor(request), fresh);
    return json(r.status, r.body, headers);
  };
}

/** `POST /api/auth/signin` `{ login, password, totpCode? }` → `{ ok, inputErrors, account }` (no tokens). */
export function signInRoute(sessions: WebSessions, signInDocument: PersistedDocument) {
  return async function POST(request: Request): Promise<Response> {
    if (!sameOriginJson(request)) return json(403, { ok: false, inputErrors: [] });
    const input = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    const str = (k: string) => (typeof input[k] === 'string' ? (input[k] as string) : '');
    const op = sessions.config.manifest.byDocument(signInDocument);
    const r = await callGateway<{ signIn: AuthPayload }>(
      op,
      { input: { login: str('login'), password: str('password'), totpCode: str('totpCode') || null } },
      { forwardedFor: forwardedFor(request) },
    );
    const p = r.body.data?.signIn;
    if (!p)
      return json(502, {
        ok: false,
        inputErrors: [{ field: 'login', code: 'UNAVAILABLE', message: 'Сервис недоступен' }],
      });
    if (!p.ok || !p.account) return json(200, { ok: false, inputErrors: p.inputErrors });
    if (!sessions.admits(p.account.role)) {
      // Not this app's users: no cookie is ever set, and the session just opened ends at identity.
      if (p.accessToken) await sessions.revoke(p.accessToken).catch(() => {});
      return json(200, {
        ok: false,
        inputErrors: [
          { field: 'login', code: 'WRONG_APP', message: 'Этот вход не предназначен для данного приложения' },
        ],
      });
    }
    const headers = new Headers();
    const session = await sessions.forRequest(request, headers);
    const account = await sessions.store(session, p);
    return json(
      200,
      {
        ok: true,
        inputErrors: [],
        account: { displayName: account.displayName, role: account.role, secondFactor: account.secondFactor },
      },
      headers,
    );
  };
}

/** `POST /api/auth/signout`: revokes the session at identity and clears the cookie. */
export function signOutRoute(sessions: WebSessions) {
  return async function POST(request: Request): Promise<Response> {
    if (!sameOriginJson(request)) return json(403, { ok: false });
    const headers = new Headers();
    await sessions.signOut(await sessions.forRequest(request, headers));
    return json(200, { ok: true }, headers);
  };
}
