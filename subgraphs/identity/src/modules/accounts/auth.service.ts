import { type AnyErrorCode, ErrorCode, type Principal, type RateLimiter } from '@medikamente/runtime';
import { fail, ok, type Result } from '../../common/result';
import { codes } from '../../error-codes.generated';
import type { Sessions, SessionTokens } from '../tokens/sessions';
import type { AccountRecord, AccountStore } from './account.store';
import { tokenSubject } from './account.view';
import { burnPasswordCheck, isStaffRole, normalizeLogin, verifyPassword } from './credentials';
import { checkTotp } from './totp';

export type AuthConfig = { lockoutThreshold: number; lockoutMinutes: number; requireStaffTotp: boolean };
export type Authenticated = SessionTokens & { account: AccountRecord };
export type SignInInput = { login: string; password: string; totpCode?: string | null };

/** Sign-in (password, TOTP, lockout, rate limit), refresh and sign-out; sign-up is in modules/signup. */
export class AuthService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly sessions: Sessions,
    private readonly limiter: RateLimiter,
    private readonly config: AuthConfig,
  ) {}

  async signIn(input: SignInInput, clientAddress: string | null): Promise<Result<Authenticated>> {
    const login = normalizeLogin(input.login);
    if (!login.ok) return login;
    if (!(await this.limiter.hit('sign-in', login.value, clientAddress)).allowed)
      return fail('login', ErrorCode.RATE_LIMITED);
    const account = await this.accounts.byLogin(login.value);
    // Unknown and dismissed accounts get the same answer, after the same work, as a wrong password.
    if (!account || account.dismissedAt) {
      await burnPasswordCheck(input.password);
      return fail('password', codes.INVALID_CREDENTIALS);
    }
    if (account.lockedUntil && account.lockedUntil.getTime() > Date.now())
      return fail('login', codes.ACCOUNT_LOCKED);
    if (!(await verifyPassword(account.passwordHash, input.password))) {
      return this.failure(account, 'password', codes.INVALID_CREDENTIALS);
    }
    const amr = ['pwd'];
    if (account.totpEnabled && account.totpSecret) {
      if (!input.totpCode) return fail('totpCode', codes.TOTP_REQUIRED);
      // A wrong code counts towards the lockout: six digits must not be brute-forced.
      if (!checkTotp(input.totpCode, account.totpSecret))
        return this.failure(account, 'totpCode', codes.TOTP_INVALID);
      amr.push('otp');
    } else if (this.config.requireStaffTotp && isStaffRole(account.role)) {
      return fail(
        'totpCode',
        codes.TOTP_REQUIRED,
        'Для сотрудников обязательна двухфакторная аутентификация. Обратитесь к администратору',
      );
    }
    await this.accounts.resetFailures(account.id);
    return ok({ ...(await this.sessions.start(tokenSubject(account), amr)), account });
  }

  /** Rotates the refresh token; the new access token reflects the account's current role and branches. */
  async refresh(refreshToken: string): Promise<Result<Authenticated>> {
    const r = await this.sessions.rotate(refreshToken);
    if (!r.ok) return r;
    const { accountId, sessionId, amr } = r.value;
    const account = await this.accounts.byId(accountId);
    if (!account || account.dismissedAt) {
      await this.sessions.revoke(sessionId);
      return fail('refreshToken', ErrorCode.TOKEN_INVALID);
    }
    const access = await this.sessions.access(tokenSubject(account), sessionId, amr);
    return ok({ ...access, refreshToken: r.value.refreshToken, sessionId, account });
  }

  /** Ends the caller's session. */
  async signOut(principal: Principal): Promise<Result<true>> {
    if (!principal.sessionId) return fail('session', ErrorCode.CONFLICT);
    await this.sessions.revoke(principal.sessionId);
    return ok(true);
  }

  private async failure(
    account: AccountRecord,
    field: string,
    code: AnyErrorCode,
  ): Promise<Result<Authenticated>> {
    const { locked } = await this.accounts.recordFailure(
      account.id,
      this.config.lockoutThreshold,
      this.config.lockoutMinutes,
    );
    return fail(field, locked ? codes.ACCOUNT_LOCKED : code);
  }
}
