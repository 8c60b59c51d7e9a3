import type { ChannelAdapter } from '@medikamente/notifications';
import {
  type AuditLog,
  ErrorCode,
  hasControlCharacters,
  type InputError,
  inputError,
  type Logger,
} from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import type { CareStore } from '../care/care.store';
import type { BreakGlassRecord, BreakGlassStore } from './break-glass.store';

/** Reasons that say nothing ("test", "нужно", "....."): a real reason names the situation. */
export function reasonError(field: string, raw: unknown): InputError | null {
  const reason = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : '';
  if (!reason) return inputError(field, codes.REASON_REQUIRED, 'Укажите причину экстренного доступа');
  if (hasControlCharacters(reason))
    return inputError(field, ErrorCode.BAD_USER_INPUT, 'Недопустимые символы');
  const letters = reason.replace(/[^\p{L}]/gu, '');
  const distinct = new Set(letters.toLowerCase()).size;
  const words = reason.split(' ').filter((w) => /\p{L}{2,}/u.test(w)).length;
  if (reason.length < 15 || words < 3 || distinct < 6)
    return inputError(
      field,
      codes.REASON_REQUIRED,
      'Опишите причину подробнее: кто, что случилось, зачем нужна медкарта',
    );
  if (reason.length > 1000) return inputError(field, 'TOO_LONG' as never, 'Не длиннее 1000 символов');
  return null;
}

/**
 * Break-glass: a doctor without a care relationship opens one patient's record for a limited
 * time by stating a reason. The grant, its alert for the security officer and the event for
 * security operations are written together; the e-mail goes out after the commit (a failed send
 * is recorded on the alert, the access itself stands).
 */
export class BreakGlassService {
  constructor(
    private readonly deps: {
      store: BreakGlassStore;
      care: CareStore;
      audit: AuditLog;
      logger: Logger;
      hours: number;
      email: ChannelAdapter | undefined;
      alertEmail: string | undefined;
    },
  ) {}

  async open(input: {
    doctorAccountId: string;
    patientId: string;
    reason: string;
    requestId: string;
    clientAddress: string | null;
  }): Promise<{ grant: BreakGlassRecord } | { inputErrors: InputError[] }> {
    const error = reasonError('input.reason', input.reason);
    if (error) return { inputErrors: [error] };
    const care = await this.deps.care.activeFor(input.doctorAccountId, [input.patientId]);
    if (care.has(input.patientId))
      return {
        inputErrors: [
          inputError('input.patientId', codes.BREAK_GLASS_NOT_NEEDED, 'Доступ к медкарте уже есть'),
        ],
      };
    const { grant, alert } = await this.deps.store.grant({
      doctorAccountId: input.doctorAccountId,
      patientId: input.patientId,
      reason: input.reason.trim(),
      hours: this.deps.hours,
    });
    // The access trail names the grant's purpose; the reason is kept sealed with the grant.
    await this.deps.audit.append([
      {
        actorId: input.doctorAccountId,
        actorRole: 'doctor',
        patientId: input.patientId,
        categories: ['HEALTH'],
        operation: 'breakGlass',
        requestId: input.requestId,
        clientAddress: input.clientAddress,
        purpose: 'breakGlass',
      },
    ]);
    await this.sendAlert(alert.id, grant);
    return { grant };
  }

  private async sendAlert(alertId: string, grant: BreakGlassRecord): Promise<void> {
    const { email, alertEmail } = this.deps;
    if (!email || !alertEmail) return;
    const until = grant.expiresAt.toLocaleString('ru-RU', { timeZone: 'Europe/Moscow' });
    try {
      await email.send(
        {
          subject: 'Экстренный доступ к медкарте (break-glass)',
          // No names, no reason, no medical data: the officer opens the alert in the console.
          text: [
            'Врач открыл медкарту пациента без лечебных отношений, указав причину.',
            `Оповещение: ${alertId}`,
            `Учётная запись врача: ${grant.doctorAccountId}`,
            `Доступ действует до: ${until} (МСК)`,
            'Проверьте причину в консоли офицера безопасности.',
          ].join('\n'),
        },
        { ref: alertId, email: alertEmail, timeZone: 'Europe/Moscow', preferred: ['email'] },
      );
      await this.deps.store.markEmailed(alertId, null);
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'SEND_FAILED';
      await this.deps.store.markEmailed(alertId, code);
      this.deps.logger.warn({ alertId, code }, 'break-glass alert e-mail failed');
    }
  }
}
