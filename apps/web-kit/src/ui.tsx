import type { ReactNode } from 'react';

/** Accessible status blocks shared by both apps (Russian UI text). */
export function Loading({ label = 'Загрузка…' }: { label?: string }) {
  return (
    <output className="spinner" aria-live="polite">
      {label}
    </output>
  );
}

export function ErrorBox({ children }: { children: ReactNode }) {
  return (
    <div className="alert error" role="alert">
      {children}
    </div>
  );
}

export function Notice({ kind = 'ok', children }: { kind?: 'ok' | 'warn'; children: ReactNode }) {
  return (
    <output className={`alert ${kind}`} aria-live="polite">
      {children}
    </output>
  );
}

/** A field the API refused (FORBIDDEN at its path), or one the role may not read at all. */
export const Denied = () => <span className="denied">нет доступа</span>;

type GraphqlErrors = {
  graphQLErrors: ReadonlyArray<{
    path?: ReadonlyArray<string | number>;
    extensions?: Record<string, unknown>;
  }>;
};

/**
 * Fields of an answer as the policy gave them: `show(field, value)` is "нет доступа" where the API
 * answered FORBIDDEN at that field's path, "—" where it is empty, the value otherwise.
 */
export function policyFields(error: GraphqlErrors | undefined) {
  const refused = new Set(
    (error?.graphQLErrors ?? [])
      .filter((e) => e.extensions?.code === 'FORBIDDEN')
      .map((e) => String(e.path?.at(-1) ?? '')),
  );
  return {
    denied: (field: string) => refused.has(field),
    show: (field: string, value: ReactNode) => (refused.has(field) ? <Denied /> : (value ?? '—')),
  };
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="muted">{children}</p>;
}

/** Russian texts of the platform's error codes (inputErrors and GraphQL errors). */
export const ERROR_TEXT: Record<string, string> = {
  UNAUTHENTICATED: 'Требуется вход в систему',
  FORBIDDEN: 'Недостаточно прав',
  NOT_FOUND: 'Не найдено',
  NETWORK: 'Нет связи с сервером. Повторите попытку',
  BAD_GATEWAY: 'Сервис временно недоступен',
  INVALID_CREDENTIALS: 'Неверный логин или пароль',
  ACCOUNT_LOCKED: 'Вход временно заблокирован после нескольких неудачных попыток',
  RATE_LIMITED: 'Слишком много попыток, попробуйте позже',
  TOTP_REQUIRED: 'Введите код из приложения-аутентификатора',
  TOTP_INVALID: 'Неверный код подтверждения',
  WEAK_PASSWORD: 'Слишком простой пароль',
  DUPLICATE: 'Такой пользователь уже зарегистрирован',
  REQUIRED: 'Обязательное поле',
  TOO_LONG: 'Слишком длинное значение',
  INVALID_PHONE: 'Некорректный номер телефона',
  INVALID_EMAIL: 'Некорректный адрес e-mail',
  INVALID_DATE: 'Некорректная дата',
  DATE_IN_FUTURE: 'Дата не может быть в будущем',
  INVALID_SNILS: 'Некорректный СНИЛС',
  SLOT_TAKEN: 'Это время уже заняли',
  SLOT_UNAVAILABLE: 'Это время недоступно для записи',
  SLOT_IN_PAST: 'Это время уже прошло',
  TOO_SOON: 'Слишком поздно для записи на это время',
  BEYOND_HORIZON: 'Запись на эту дату ещё не открыта',
  PATIENT_BUSY: 'У пациента уже есть запись на это время',
  HOLD_EXPIRED: 'Время удержания истекло, выберите время снова',
  INVALID_TRANSITION: 'Это действие недоступно для записи в текущем статусе',
  IDEMPOTENCY_MISMATCH: 'Повторный запрос с другими данными',
  CONFLICT: 'Конфликт данных, обновите страницу',
  WRONG_APP: 'Этот вход не предназначен для данного приложения',
};

export const errorText = (code: string | undefined, fallback = 'Что-то пошло не так'): string =>
  (code && ERROR_TEXT[code]) || fallback;

/** Field-level errors of a payload, as Russian text. */
export function InputErrors({
  errors,
}: {
  errors: ReadonlyArray<{ field: string; code: string; message: string }>;
}) {
  if (!errors.length) return null;
  return (
    <ErrorBox>
      <ul className="list">
        {errors.map((e) => (
          <li key={`${e.field}:${e.code}`}>{errorText(e.code, e.message)}</li>
        ))}
      </ul>
    </ErrorBox>
  );
}
