import { getIronSession, type IronSession, type SessionOptions, webCookies } from 'iron-session';
import { cookies } from 'next/headers';
import { sessionSecret, webEnv } from './env';
import { callGateway, type GatewayResult, tokenRefused } from './gateway';
import type { OperationManifest, PersistedDocument } from './manifest';

export type SessionAccount = {
  id: string;
  role: string;
  displayName: string | null;
  patientId: string | null;
  branchIds: string[];
  /** The session's token carries a second factor (amr "otp"); staff without it may only enrol. */
  secondFactor: boolean;
};

/**
 * Authentication methods of an access token this server just received from identity (for the
 * app's navigation only: every subgraph enforces the second factor itself).
 */
export function tokenAmr(token: string | null | undefined): string[] {
  try {
    const claims = JSON.parse(Buffer.from(String(token).split('.')[1] ?? '', 'base64url').toString('utf8'));
    return Array.isArray(claims.amr) ? claims.amr.map(String) : [];
  } catch {
    return [];
  }
}

const accountOf = (a: NonNullable<AuthPayload['account']>, accessToken: string): SessionAccount => ({
  id: a.id,
  role: a.role,
  displayName: a.displayName ?? null,
  patientId: a.patientId ?? null,
  branchIds: a.branchIds ?? [],
  secondFactor: tokenAmr(accessToken).includes('otp'),
});

/** What the encrypted cookie holds. Tokens never reach browser JavaScript. */
export type SessionData = {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
  account: SessionAccount;
};

export type AuthPayload = {
  ok: boolean;
  accessToken?: string | null;
  refreshToken?: string | null;
  expiresIn?: number | null;
  inputErrors: Array<{ field: string; code: string; message: string }>;
  account?: {
    id: string;
    role: string;
    displayName?: string | null;
    patientId?: string | null;
    branchIds: string[];
  } | null;
};

export type WebServerConfig = {
  /** Short app name: cookie name and secret file derive from it. */
  app: string;
  /** Session lifetime (seconds) of the cookie; the refresh token may end it sooner. */
  ttlSeconds: number;
  manifest: OperationManifest;
  /** `mutation ($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { …AuthPayload } }` */
  refreshDocument: PersistedDocument;
  /** `mutation { signOut { ok } }` */
  signOutDocument: PersistedDocument;
  /** Roles that may use this app; anyone else is signed out again at sign-in. */
  roles: readonly string[];
};

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 30_000;

type Refreshed = { ok: true; data: SessionData } | { ok: false };

/**
 * Server-side sessions of one app: an iron-session cookie (httpOnly, SameSite=Lax, Secure except
 * on http://localhost) holding the access and refresh tokens, refreshed through identity's
 * refreshSession when the access token is about to expire.
 */
export class WebSessions {
  /**
   * Refresh tokens rotate and identity revokes the whole session when one is reused, so
   * concurrent requests carrying the same cookie share one refresh (and its result for a while,
   * for requests that were already in flight with the old cookie).
   */
  private readonly refreshing = new Map<string, { at: number; result: Promise<Refreshed> }>();

  constructor(readonly config: WebServerConfig) {}

  get cookieName(): string {
    return `mk_${this.config.app}_session`;
  }

  options(requestUrl?: string): SessionOptions {
    let secure = true;
    if (requestUrl && webEnv().COOKIE_SECURE === 'auto') {
      const u = new URL(requestUrl);
      secure = !(u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname));
    }
    return {
      cookieName: this.cookieName,
      password: sessionSecret(this.config.app),
      ttl: this.config.ttlSeconds,
      cookieOptions: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
    };
  }

  /** The session of a route handler's request; cookie changes go into `headers`. */
  forRequest(request: Request, headers: Headers): Promise<IronSession<SessionData>> {
    return getIronSession<SessionData>(webCookies(request, headers), this.options(request.url));
  }

  /** Whether this app admits the role at all (the portal: patients; the staff app: staff). */
  admits(role: string | null | undefined): boolean {
    return !!role && this.config.roles.includes(role);
  }

  /** Read-only view for server components (layouts, pages): who is signed in. */
  async current(): Promise<SessionAccount | null> {
    const s = await getIronSession<SessionData>(await cookies(), this.options());
    return s.accessToken && s.account && this.admits(s.account.role) ? s.account : null;
  }

  /** Stores a successful sign-in / sign-up / refresh in the session. */
  async store(session: IronSession<SessionData>, p: AuthPayload): Promise<SessionAccount> {
    session.accessToken = p.accessToken!;
    session.refreshToken = p.refreshToken!;
    session.expiresAt = Date.now() + (p.expiresIn ?? 60) * 1000;
    session.account = accountOf(p.account!, p.accessToken!);
    await session.save();
    return session.account;
  }

  /** A valid access token for the session (refreshing it when needed), or undefined. */
  async token(session: IronSession<SessionData>, force = false): Promise<string | undefined> {
    if (!session.accessToken || !session.refreshToken) return undefined;
    if (!this.admits(session.account?.role)) {
      session.destroy();
      return undefined;
    }
    if (!force && session.expiresAt && session.expiresAt - REFRESH_MARGIN_MS > Date.now()) {
      return session.accessToken;
    }
    const r = await this.refresh(session.refreshToken);
    if (!r.ok) {
      session.destroy();
      return undefined;
    }
    Object.assign(session, r.data);
    await session.save();
    return r.data.accessToken;
  }

  private refresh(refreshToken: string): Promise<Refreshed> {
    const now = Date.now();
    for (const [k, v] of this.refreshing) if (now - v.at > 60_000) this.refreshing.delete(k);
    const known = this.refreshing.get(refreshToken);
    if (known) return known.result;
    const result = (async (): Promise<Refreshed> => {
      const op = this.config.manifest.byDocument(this.config.refreshDocument);
      const r = await callGateway<{ refreshSession: AuthPayload }>(op, { refreshToken });
      const p = r.body.data?.refreshSession;
      if (!p?.ok || !p.accessToken || !p.refreshToken || !p.account) return { ok: false };
      return {
        ok: true,
        data: {
          accessToken: p.accessToken,
          refreshToken: p.refreshToken,
          expiresAt: Date.now() + (p.expiresIn ?? 60) * 1000,
          account: accountOf(p.account, p.accessToken),
        },
      };
    })();
    this.refreshing.set(refreshToken, { at: now, result });
    return result;
  }

  /**
   * Runs an operation of the manifest with the session's token: refreshes first when the token
   * is about to expire, and once more when the gateway refuses it anyway.
   */
  async execute<T>(
    session: IronSession<SessionData>,
    doc: PersistedDocument | { query: string; operationName: string | undefined },
    variables: Record<string, unknown> | undefined,
    forwardedFor?: string | null,
    fresh = false,
  ): Promise<GatewayResult<T>> {
    const op = 'query' in doc ? doc : this.config.manifest.byDocument(doc);
    const hadSession = Boolean(session.accessToken);
    let token = await this.token(session);
    let r = await callGateway<T>(op, variables, { token, forwardedFor, fresh });
    if (token && tokenRefused(r)) {
      token = await this.token(session, true);
      if (token) r = await callGateway<T>(op, variables, { token, forwardedFor, fresh });
    }
    if (hadSession && !token) {
      return {
        status: 401,
        body: {
          errors: [{ message: 'Сеанс истёк, войдите снова', extensions: { code: 'UNAUTHENTICATED' } }],
        },
      };
    }
    return r;
  }

  /** Ends a session at identity that this app never stored (a sign-in of another app's user). */
  async revoke(accessToken: string): Promise<void> {
    await callGateway(
      this.config.manifest.byDocument(this.config.signOutDocument),
      {},
      { token: accessToken },
    );
  }

  /** Ends the session at identity (its tokens are refused from now on) and clears the cookie. */
  async signOut(session: IronSession<SessionData>): Promise<void> {
    if (session.accessToken) {
      const token = await this.token(session);
      if (token)
        await callGateway(this.config.manifest.byDocument(this.config.signOutDocument), {}, { token });
    }
    session.destroy();
  }
}
