import { randomUUID } from 'node:crypto';
import { ErrorCode, type Principal } from '@medikamente/runtime';
import { randomToken, sha256 } from '../../common/crypto';
import { fail, ok, type Result } from '../../common/result';
import type { AccessTokenIssuer } from './access-token';
import type { SessionStore } from './session.store';

/** The token-relevant facts of an account. */
export type TokenSubject = { id: string; role: string; patientId: string | null; branchIds: string[] };

export type SessionTokens = {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  sessionId: string;
  principal: Principal;
};

export type Rotation = { accountId: string; sessionId: string; amr: string[]; refreshToken: string };

/**
 * Sessions and their refresh tokens. Refresh tokens are opaque, stored as sha256, and rotate
 * on every use within one family; presenting a used token again means it was stolen (or the
 * client raced), so the whole family and its session are revoked.
 */
export class Sessions {
  constructor(
    private readonly store: SessionStore,
    private readonly issuer: AccessTokenIssuer,
    private readonly refreshTtlSec: number,
    /** Called after any revocation so this replica's verifier refuses the tokens at once. */
    private readonly onRevoked: () => Promise<void>,
  ) {}

  /** Opens a session: a new refresh-token family and an access token. */
  async start(subject: TokenSubject, amr: string[]): Promise<SessionTokens> {
    const sessionId = randomUUID();
    const refreshToken = randomToken();
    await this.store.tx(async (q) => {
      await this.store.createSession(sessionId, subject.id, amr, q);
      await this.store.insertRefresh(
        {
          id: randomUUID(),
          familyId: randomUUID(),
          sessionId,
          accountId: subject.id,
          tokenHash: sha256(refreshToken),
          ttlSec: this.refreshTtlSec,
        },
        q,
      );
    });
    return { ...(await this.access(subject, sessionId, amr)), refreshToken, sessionId };
  }

  /** Signs an access token for an existing session. */
  async access(subject: TokenSubject, sessionId: string, amr: string[]) {
    const t = await this.issuer.issue({
      subject: subject.id,
      role: subject.role,
      patientId: subject.patientId,
      branchIds: subject.branchIds,
      sessionId,
      amr,
    });
    return { accessToken: t.token, expiresIn: t.expiresIn, principal: t.principal };
  }

  /** Exchanges a refresh token for the next one in its family (reuse revokes the family). */
  async rotate(presented: string): Promise<Result<Rotation>> {
    const invalid = fail<Rotation>('refreshToken', ErrorCode.TOKEN_INVALID);
    if (!presented || presented.length > 200) return invalid;
    const next = randomToken();
    const outcome = await this.store.tx(async (q) => {
      const rt = await this.store.lockRefresh(sha256(presented), q);
      if (!rt) return 'invalid' as const;
      if (rt.usedAt) {
        await this.store.revokeFamily(rt.familyId, rt.sessionId, q);
        return 'reused' as const;
      }
      if (rt.revokedAt || rt.sessionRevokedAt || rt.expiresAt.getTime() <= Date.now())
        return 'invalid' as const;
      await this.store.markUsed(rt.id, q);
      await this.store.insertRefresh(
        {
          id: randomUUID(),
          familyId: rt.familyId,
          sessionId: rt.sessionId,
          accountId: rt.accountId,
          tokenHash: sha256(next),
          ttlSec: this.refreshTtlSec,
        },
        q,
      );
      return { accountId: rt.accountId, sessionId: rt.sessionId, amr: rt.amr, refreshToken: next };
    });
    if (outcome === 'reused') await this.onRevoked();
    return typeof outcome === 'string' ? invalid : ok(outcome);
  }

  /** Ends one session (sign-out); its access tokens are refused from now on. */
  async revoke(sessionId: string): Promise<boolean> {
    const done = await this.store.revokeSession(sessionId);
    await this.onRevoked();
    return done;
  }

  isActive(sessionId: string): Promise<boolean> {
    return this.store.isActive(sessionId);
  }
}
