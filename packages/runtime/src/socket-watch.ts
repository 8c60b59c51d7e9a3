import type { TokenVerifier } from './auth';
import { AuthError, ErrorCode } from './errors';

/** graphql-ws close codes: the client should refresh its token (4401) or stop (4403). */
export const CLOSE_TOKEN_EXPIRED = 4401;
export const CLOSE_FORBIDDEN = 4403;

type Watched = { token: string; close(code: number, reason: string): void };

/**
 * Open sockets re-checked against their token: a socket is authorised when it connects, so
 * without this it would outlive a sign-out, a dismissal or the token's expiry. Every socket's
 * token is verified again after each reload of the revocation list and at least every
 * `intervalMs` (expiry), and the socket is closed when it no longer verifies: 4401 when the
 * token expired (the client refreshes and reconnects), 4403 when it was revoked.
 */
export class SocketWatch {
  private readonly sockets = new Map<object, Watched>();
  private readonly timer: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly verifier: TokenVerifier,
    intervalMs = Math.min(1000, verifier.pollMs),
  ) {
    this.timer = setInterval(() => void this.check(), intervalMs);
    this.timer.unref();
    this.unsubscribe = verifier.onRevocations(() => void this.check());
  }

  /** Watches a socket until it is removed (returns the removal). */
  add(key: object, token: string, close: Watched['close']): () => void {
    this.sockets.set(key, { token, close });
    return () => this.sockets.delete(key);
  }

  get size(): number {
    return this.sockets.size;
  }

  /** Verifies every watched socket's token now; closes those that no longer verify. */
  check(): Promise<void> {
    this.checking ??= (async () => {
      for (const [key, s] of this.sockets) {
        try {
          await this.verifier.verify(s.token);
        } catch (e) {
          const code = e instanceof AuthError ? e.code : ErrorCode.TOKEN_INVALID;
          this.sockets.delete(key);
          if (code === ErrorCode.TOKEN_EXPIRED) s.close(CLOSE_TOKEN_EXPIRED, 'Token expired');
          else s.close(CLOSE_FORBIDDEN, code === ErrorCode.TOKEN_REVOKED ? 'Token revoked' : 'Forbidden');
        }
      }
    })().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  stop(): void {
    clearInterval(this.timer);
    this.unsubscribe();
    this.sockets.clear();
  }
}
