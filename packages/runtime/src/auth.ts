import {
  createRemoteJWKSet,
  type JWTPayload,
  type JWTVerifyGetKey,
  errors as joseErrors,
  jwtVerify,
} from 'jose';
import { AuthError, ErrorCode } from './errors';

/** Who is calling, as established from a verified access token. */
export type Principal = {
  kind: 'user' | 'client' | 'anonymous';
  /** Account id for users, client id for machine clients. */
  subject: string | null;
  role: string | null;
  patientId: string | null;
  branchIds: string[];
  scopes: string[];
  sessionId: string | null;
  /** Authentication methods, e.g. ["pwd", "otp"]. */
  amr: string[];
};

export const ANONYMOUS: Principal = Object.freeze({
  kind: 'anonymous',
  subject: null,
  role: null,
  patientId: null,
  branchIds: [],
  scopes: [],
  sessionId: null,
  amr: [],
}) as Principal;

/** Access-token claims issued by the identity service. */
export type AccessClaims = JWTPayload & {
  role?: string;
  pid?: string;
  bid?: string[];
  scope?: string;
  sid?: string;
  amr?: string[];
  typ?: string;
};

/** Revoked sessions and accounts: tokens issued at or before the instant (seconds) are refused. */
export type Revocations = { sessions: Record<string, number>; accounts: Record<string, number> };

export type VerifierOptions = {
  issuer: string;
  audience: string;
  /** URL of the JWKS, or a key getter (the identity service verifies with its own keys). */
  jwks: string | JWTVerifyGetKey;
  /** Where to read revocations from; polled every `revocationPollMs`. */
  revocations?: string | (() => Promise<Revocations>);
  revocationPollMs?: number;
  /** A service token for reading `revocations` over HTTP (identity answers authenticated services only). */
  revocationsToken?: () => Promise<string | null>;
  clockToleranceSec?: number;
  /**
   * Claim mapping for an external OIDC issuer (Keycloak, ESIA gateway). Defaults match the
   * built-in identity service.
   */
  claims?: ClaimMapping;
};

export type ClaimMapping = {
  /** Required value of the `typ` claim; empty string disables the check (Keycloak sends "Bearer"). */
  typ?: string;
  /** Dot path of the role claim; when it holds an array, the first known role is taken. */
  role?: string;
  /** Dot path of the patient-id claim. */
  patientId?: string;
  /** Dot path of the branch-ids claim. */
  branchIds?: string;
  /** Roles the platform knows (used to pick from role arrays). */
  knownRoles?: readonly string[];
};

const at = (obj: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      obj,
    );

/**
 * Verifies bearer tokens: signature against the JWKS, issuer, audience, expiry, and the
 * revocation list (polled in the background so verification stays in memory).
 */
export class TokenVerifier {
  private readonly getKey: JWTVerifyGetKey;
  private revoked: Revocations = { sessions: {}, accounts: {} };
  private timer: NodeJS.Timeout | undefined;
  private lastRefresh: Promise<void> | undefined;

  private readonly verified = new Map<string, AccessClaims>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly opts: VerifierOptions) {
    // A token signed by a key the cached JWKS does not know yet (just rotated) makes the set
    // re-read at most once a second (jose's default waits 30 s, refusing new tokens meanwhile).
    this.getKey =
      typeof opts.jwks === 'string'
        ? createRemoteJWKSet(new URL(opts.jwks), { cooldownDuration: 1000, timeoutDuration: 3000 })
        : opts.jwks;
  }

  /** Starts background polling of revocations. */
  start(): void {
    if (!this.opts.revocations || this.timer) return;
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.opts.revocationPollMs ?? 5000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** How often the revocation list is reloaded (ms). */
  get pollMs(): number {
    return this.opts.revocationPollMs ?? 5000;
  }

  /** Calls `listener` after every reload of the revocation list (e.g. to re-check open sockets). */
  onRevocations(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reloads the revocation list now. */
  refresh(): Promise<void> {
    const src = this.opts.revocations;
    if (!src) return Promise.resolve();
    this.lastRefresh = (async () => {
      try {
        if (typeof src === 'function') this.revoked = await src();
        else {
          const headers: Record<string, string> = {};
          const token = await this.opts.revocationsToken?.();
          if (token) headers.authorization = `Bearer ${token}`;
          const res = await fetch(src, { headers, signal: AbortSignal.timeout(2000) });
          if (res.ok) this.revoked = (await res.json()) as Revocations;
        }
        for (const l of this.listeners) l();
      } catch {
        // Keep the last known list; tokens are short-lived, and the next poll retries.
      }
    })();
    return this.lastRefresh;
  }

  /** Verifies a token and returns the principal, or throws AuthError with a precise code. */
  async verify(token: string): Promise<Principal> {
    // A token whose signature was checked is remembered until it expires: the signature check
    // (EdDSA through WebCrypto) is the largest per-request cost of authentication. Revocation
    // and claim checks below still run on every call.
    const tolerance = (this.opts.clockToleranceSec ?? 5) * 1000;
    let payload = this.verified.get(token);
    if (payload && (payload.exp ?? 0) * 1000 + tolerance < Date.now()) {
      this.verified.delete(token);
      payload = undefined;
    }
    if (!payload) {
      try {
        ({ payload } = await jwtVerify<AccessClaims>(token, this.getKey, {
          issuer: this.opts.issuer,
          audience: this.opts.audience,
          clockTolerance: this.opts.clockToleranceSec ?? 5,
          requiredClaims: ['exp', 'iat', 'sub'],
        }));
      } catch (e) {
        if (e instanceof joseErrors.JWTExpired)
          throw new AuthError(ErrorCode.TOKEN_EXPIRED, 'Срок действия токена истёк');
        throw new AuthError(ErrorCode.TOKEN_INVALID, 'Недействительный токен');
      }
      if (this.verified.size >= 10_000) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, payload);
    }
    const map = this.opts.claims ?? {};
    const typ = map.typ ?? 'access';
    if (typ && payload.typ !== typ) throw new AuthError(ErrorCode.TOKEN_INVALID, 'Недействительный токен');
    const rawRole = at(payload, map.role ?? 'role');
    const role = Array.isArray(rawRole)
      ? ((rawRole.find((r) => map.knownRoles?.includes(String(r)) ?? true) as string | undefined) ?? null)
      : typeof rawRole === 'string'
        ? rawRole
        : null;
    if (map.knownRoles && role && !map.knownRoles.includes(role))
      throw new AuthError(ErrorCode.TOKEN_INVALID, 'Недействительный токен');
    const pid = at(payload, map.patientId ?? 'pid');
    const bid = at(payload, map.branchIds ?? 'bid');
    const iat = payload.iat ?? 0;
    const sid = payload.sid;
    const sub = payload.sub as string;
    const sessionRevokedAt = sid ? this.revoked.sessions[sid] : undefined;
    const accountRevokedAt = this.revoked.accounts[sub];
    // The account first: a dismissed member's token is a security event (metrics), a signed-out
    // session's token is routine (an open tab still polling).
    if (accountRevokedAt !== undefined && iat <= accountRevokedAt)
      throw new AuthError(ErrorCode.TOKEN_REVOKED, 'Токен отозван', 'account');
    if (sessionRevokedAt !== undefined && iat <= sessionRevokedAt)
      throw new AuthError(ErrorCode.TOKEN_REVOKED, 'Токен отозван', 'session');
    return {
      kind: role === 'lab_partner' || role === 'service' ? 'client' : 'user',
      subject: sub,
      role,
      patientId: typeof pid === 'string' ? pid : null,
      branchIds: Array.isArray(bid) ? bid.map(String) : [],
      scopes: payload.scope ? payload.scope.split(' ') : [],
      sessionId: sid ?? null,
      amr: payload.amr ?? [],
    };
  }

  /** Reads `Authorization: Bearer …`; returns ANONYMOUS when absent. */
  async fromHeader(header: string | undefined): Promise<Principal> {
    if (!header) return ANONYMOUS;
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new AuthError(ErrorCode.TOKEN_INVALID, 'Недействительный токен');
    return this.verify(m[1]!);
  }
}
