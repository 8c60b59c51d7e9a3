import type { Message } from '@medikamente/notifications';

const CLINIC = 'клиники «Медикаменте»';

/** The message with the one-time code, for a login that has no account yet. */
export function codeMessage(code: string, minutes: number): Message {
  return {
    subject: `Код подтверждения: ${code} — Медикаменте`,
    text: [
      'Здравствуйте!',
      '',
      `Ваш код подтверждения регистрации на портале ${CLINIC}: ${code}`,
      `Код действует ${minutes} мин. Никому его не сообщайте — сотрудники клиники его не спрашивают.`,
      '',
      'Если вы не регистрировались, просто не отвечайте на это письмо: учётная запись не будет создана.',
    ].join('\n'),
    short: `Медикаменте: код подтверждения ${code}. Никому его не сообщайте.`,
  };
}

/**
 * The notice for a login that already has an account: someone tried to register with it. It
 * carries no code (no code works for this sign-up) and nothing about the person's visits.
 */
export function attemptNotice(): Message {
  return {
    subject: 'Попытка регистрации с вашим адресом — Медикаменте',
    text: [
      'Здравствуйте!',
      '',
      `Кто-то начал регистрацию на портале ${CLINIC} с вашим адресом. У этого адреса уже есть учётная запись, поэтому новая не создана.`,
      '',
      'Если это были вы — войдите на портал со своим паролем.',
      'Если это были не вы — ничего делать не нужно.',
    ].join('\n'),
    short:
      'Медикаменте: кто-то начал регистрацию с вашим номером. Учётная запись уже есть — войдите со своим паролем. Если это были не вы, ничего делать не нужно.',
  };
}
