import { randomUUID } from 'node:crypto';
import { type Database, ErrorCode, type InputError, type Principal, textError } from '@medikamente/runtime';
import { fail, inputError, ok, type Result } from '../../common/result';
import { codes } from '../../error-codes.generated';
import type { SessionStore } from '../tokens/session.store';
import type { AccountRecord, AccountStore } from './account.store';
import { type AccountRole, checkPassword, hashPassword, isStaffRole, normalizeLogin } from './credentials';
import { checkTotp, generateTotpSecret, totpUri } from './totp';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

export type StaffInput = {
  login: string;
  password: string;
  role: string;
  displayName: string;
  branchIds?: string[] | null;
};
export type TotpEnrollment = { secret: string; otpauthUri: string };

/** Staff administration (create, dismiss) and TOTP enrolment of the signed-in account. */
export class AccountService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly sessionStore: SessionStore,
    private readonly tx: Database['tx'],
    private readonly totpIssuer: string,
    private readonly onRevoked: () => Promise<void>,
  ) {}

  async createStaff(input: StaffInput): Promise<Result<AccountRecord>> {
    const errors: InputError[] = [];
    if (!isStaffRole(input.role))
      errors.push(inputError('role', ErrorCode.BAD_USER_INPUT, 'Недопустимая роль сотрудника'));
    const branchIds = input.branchIds ?? [];
    if (branchIds.some((b) => !isUuid(b))) errors.push(inputError('branchIds', ErrorCode.INVALID_ID));
    const displayName = input.displayName.trim();
    const displayNameError = textError('displayName', displayName, { max: 200, required: true });
    if (displayNameError) errors.push(displayNameError);
    return this.create(
      { ...input, role: input.role as AccountRole, branchIds, displayName, patientId: null },
      errors,
    );
  }

  /**
   * Creates an account of any role after validating login and password; `errors` found by the
   * caller are reported together with these.
   */
  async create(
    a: {
      login: string;
      password: string;
      role: AccountRole;
      displayName: string | null;
      branchIds: string[];
      patientId: string | null;
    },
    errors: InputError[] = [],
  ): Promise<Result<AccountRecord>> {
    const login = normalizeLogin(a.login);
    const password = checkPassword(a.password);
    const all = [...(login.ok ? [] : login.errors), ...(password.ok ? [] : password.errors), ...errors];
    if (all.length > 0 || !login.ok) return { ok: false, errors: all };
    const account = await this.accounts.create({
      id: randomUUID(),
      login: login.value,
      passwordHash: await hashPassword(a.password),
      role: a.role,
      patientId: a.role === 'patient' ? (a.patientId ?? randomUUID()) : null,
      branchIds: [...new Set(a.branchIds)],
      displayName: a.displayName,
    });
    return account ? ok(account) : fail('login', ErrorCode.DUPLICATE);
  }

  /** Dismissal: the account can no longer sign in or refresh, and its sessions end now. */
  async dismiss(actor: Principal, accountId: string): Promise<Result<AccountRecord>> {
    if (!isUuid(accountId)) return fail('accountId', ErrorCode.INVALID_ID);
    const target = await this.accounts.byId(accountId);
    if (!target || !isStaffRole(target.role)) return fail('accountId', ErrorCode.NOT_FOUND);
    if (target.id === actor.subject)
      return fail('accountId', ErrorCode.CONFLICT, 'Нельзя уволить собственную учётную запись');
    const dismissed = await this.tx(async (q) => {
      const a = await this.accounts.markDismissed(accountId, q);
      await this.sessionStore.revokeAllForAccount(accountId, q);
      return a;
    });
    await this.onRevoked();
    return dismissed ? ok(dismissed) : fail('accountId', ErrorCode.NOT_FOUND);
  }

  /** Issues a new (pending) TOTP secret; enrolment completes with a valid code. */
  async startTotp(actor: Principal): Promise<Result<TotpEnrollment>> {
    const account = actor.subject ? await this.accounts.byId(actor.subject) : null;
    if (!account) return fail('account', ErrorCode.NOT_FOUND);
    if (account.totpEnabled)
      return fail('account', ErrorCode.CONFLICT, 'Двухфакторная аутентификация уже включена');
    const secret = generateTotpSecret();
    if (!(await this.accounts.setPendingTotp(account.id, secret))) {
      return fail('account', ErrorCode.CONFLICT, 'Двухфакторная аутентификация уже включена');
    }
    return ok({ secret, otpauthUri: totpUri(account.login, this.totpIssuer, secret) });
  }

  /**
   * Enrols TOTP directly, without the confirmation step (seeds and tests create staff that
   * already have an authenticator); returns the base32 secret.
   */
  async enrolTotp(accountId: string): Promise<string> {
    const secret = generateTotpSecret();
    if (
      !(await this.accounts.setPendingTotp(accountId, secret)) ||
      !(await this.accounts.enableTotp(accountId))
    )
      throw new Error('enrolTotp: no account without TOTP with this id');
    return secret;
  }

  async confirmTotp(actor: Principal, code: string): Promise<Result<AccountRecord>> {
    const account = actor.subject ? await this.accounts.byId(actor.subject) : null;
    if (!account) return fail('account', ErrorCode.NOT_FOUND);
    if (account.totpEnabled)
      return fail('code', ErrorCode.CONFLICT, 'Двухфакторная аутентификация уже включена');
    if (!account.totpSecret)
      return fail('code', ErrorCode.CONFLICT, 'Сначала начните подключение двухфакторной аутентификации');
    if (!checkTotp(code, account.totpSecret)) return fail('code', codes.TOTP_INVALID);
    const enabled = await this.accounts.enableTotp(account.id);
    return enabled ? ok(enabled) : fail('account', ErrorCode.NOT_FOUND);
  }
}
