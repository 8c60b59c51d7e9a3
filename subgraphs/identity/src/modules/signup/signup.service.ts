import { createHmac, randomInt, randomUUID } from 'node:crypto';
import type { ChannelAdapter, Recipient } from '@medikamente/notifications';
import { ErrorCode, type InputError, type RateLimiter, textError } from '@medikamente/runtime';
import { sameDigest } from '../../common/crypto';
import { fail, ok, type Result } from '../../common/result';
import type { AccountStore } from '../accounts/account.store';
import { tokenSubject } from '../accounts/account.view';
import type { Authenticated } from '../accounts/auth.service';
import { checkPassword, hashPassword, normalizeLogin } from '../accounts/credentials';
import type { Sessions } from '../tokens/sessions';
import { attemptNotice, codeMessage } from './signup.messages';
import type { SignUpStore, VerificationChannel } from './signup.store';

export type SignUpInput = { login: string; password: string; displayName: string };
export type SignUpStarted = { verificationId: string; channel: VerificationChannel; expiresAt: Date };

export type SignUpConfig = {
  codeTtlSec: number;
  maxAttempts: number;
  /** Key of the code HMAC (derived from the master key): a stolen table does not reveal codes. */
  codeKey: Buffer;
};

const MAX_NAME = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNAVAILABLE: Record<VerificationChannel, string> = {
  email: 'Регистрация по e-mail сейчас недоступна. Укажите номер телефона',
  sms: 'Регистрация по номеру телефона сейчас недоступна. Укажите e-mail',
};

/**
 * Patient sign-up in two steps. `start` validates, hashes the password, stores a pending
 * sign-up and sends a message to the login; `confirm` takes the code from that message, creates
 * the account and opens a session. Whether the login already has an account changes only what
 * the message says (a code, or a notice to the owner) — never the answer, the work done or what
 * is written — because being a patient of the clinic is itself medical secrecy.
 */
export class SignUpService {
  constructor(
    private readonly store: SignUpStore,
    private readonly accounts: AccountStore,
    private readonly sessions: Sessions,
    private readonly channels: ReadonlyMap<VerificationChannel, ChannelAdapter>,
    private readonly limits: { perAddress: RateLimiter; perLogin: RateLimiter },
    private readonly config: SignUpConfig,
  ) {}

  async start(input: SignUpInput, clientAddress: string | null): Promise<Result<SignUpStarted>> {
    const login = normalizeLogin(input.login);
    const password = checkPassword(input.password);
    const displayName = input.displayName.trim();
    const errors: InputError[] = [...(login.ok ? [] : login.errors), ...(password.ok ? [] : password.errors)];
    const displayNameError = textError('displayName', displayName, { max: MAX_NAME, required: true });
    if (displayNameError) errors.push(displayNameError);
    if (errors.length > 0 || !login.ok) return { ok: false, errors };
    const channel: VerificationChannel = login.value.includes('@') ? 'email' : 'sms';
    const adapter = this.channels.get(channel);
    if (!adapter) return fail('login', ErrorCode.BAD_USER_INPUT, UNAVAILABLE[channel]);
    if (
      !(await this.limits.perAddress.hit('sign-up', clientAddress)).allowed ||
      !(await this.limits.perLogin.hit(login.value)).allowed
    )
      return fail('login', ErrorCode.RATE_LIMITED);

    // From here on both cases do the same work: hash, look up, insert, send.
    const passwordHash = await hashPassword(input.password);
    const taken = await this.accounts.loginTaken(login.value);
    const id = randomUUID();
    // For a taken login this code is never sent (and the account could not be created anyway).
    const code = randomCode();
    await this.store.purgeExpired();
    const expiresAt = await this.store.create({
      id,
      login: login.value,
      channel,
      passwordHash,
      displayName,
      codeHash: this.codeHash(id, code),
      ttlSec: this.config.codeTtlSec,
    });
    const message = taken ? attemptNotice() : codeMessage(code, Math.round(this.config.codeTtlSec / 60));
    const recipient: Recipient = {
      ref: id,
      email: channel === 'email' ? login.value : null,
      phone: channel === 'sms' ? login.value : null,
      timeZone: 'Europe/Moscow',
      preferred: [channel],
    };
    try {
      await adapter.send(message, recipient);
    } catch {
      await this.store.delete(id);
      return fail('login', ErrorCode.INTERNAL, 'Не удалось отправить код подтверждения. Попробуйте позже');
    }
    return ok({ verificationId: id, channel, expiresAt });
  }

  /**
   * Checks the code; on a match creates the patient account and signs in. A wrong, expired or
   * used code, a code whose attempts are spent, and a login that has an account all get the
   * same refusal. A wrong code counts against the sign-up; the last allowed one deletes it.
   */
  async confirm(
    verificationId: string,
    code: string,
    clientAddress: string | null,
  ): Promise<Result<Authenticated>> {
    const refused = fail<Authenticated>(
      'code',
      ErrorCode.TOKEN_INVALID,
      'Неверный или устаревший код. Проверьте код или начните регистрацию заново',
    );
    const digits = code.replace(/\s/g, '');
    if (!UUID.test(verificationId) || !/^\d{6}$/.test(digits)) return refused;
    if (!(await this.limits.perAddress.hit('sign-up-confirm', clientAddress)).allowed)
      return fail('code', ErrorCode.RATE_LIMITED);
    const account = await this.store.tx(async (q) => {
      const pending = await this.store.lockLive(verificationId, q);
      if (!pending) return null;
      if (!sameDigest(this.codeHash(verificationId, digits), pending.codeHash)) {
        if (pending.attempts + 1 >= this.config.maxAttempts) await this.store.delete(verificationId, q);
        else await this.store.countAttempt(verificationId, q);
        return null;
      }
      await this.store.delete(verificationId, q);
      return this.accounts.create(
        {
          id: randomUUID(),
          login: pending.login,
          passwordHash: pending.passwordHash,
          role: 'patient',
          patientId: randomUUID(),
          branchIds: [],
          displayName: pending.displayName,
        },
        q,
      );
    });
    if (!account) return refused;
    return ok({ ...(await this.sessions.start(tokenSubject(account), ['pwd'])), account });
  }

  private codeHash(id: string, code: string): string {
    return createHmac('sha256', this.config.codeKey).update(`${id}:${code}`).digest('hex');
  }
}

/** Six random digits (uniform, leading zeros kept). */
export const randomCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');
