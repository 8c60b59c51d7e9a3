import { ErrorCode, type InputError } from '@medikamente/runtime';

/** Outcome of a domain operation: a value, or expected failures rendered into a payload. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: InputError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Russian user-facing messages of the expected failures this service returns. */
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.REQUIRED]: 'Обязательное поле',
  [ErrorCode.TOO_LONG]: 'Слишком длинное значение',
  [ErrorCode.INVALID_EMAIL]: 'Некорректный адрес электронной почты',
  [ErrorCode.INVALID_PHONE]: 'Некорректный номер телефона',
  [ErrorCode.INVALID_ID]: 'Некорректный идентификатор',
  [ErrorCode.BAD_USER_INPUT]: 'Некорректное значение',
  [ErrorCode.WEAK_PASSWORD]: 'Пароль должен содержать не менее 8 символов',
  [ErrorCode.DUPLICATE]: 'Учётная запись с таким логином уже существует',
  [ErrorCode.INVALID_CREDENTIALS]: 'Неверный логин или пароль',
  [ErrorCode.ACCOUNT_LOCKED]:
    'Вход временно заблокирован после нескольких неудачных попыток. Попробуйте позже',
  [ErrorCode.RATE_LIMITED]: 'Слишком много попыток. Попробуйте позже',
  [ErrorCode.TOTP_REQUIRED]: 'Введите код из приложения-аутентификатора',
  [ErrorCode.TOTP_INVALID]: 'Неверный код подтверждения',
  [ErrorCode.TOKEN_INVALID]: 'Сессия недействительна, войдите снова',
  [ErrorCode.NOT_FOUND]: 'Не найдено',
  [ErrorCode.CONFLICT]: 'Действие невозможно в текущем состоянии',
};

/** An input error with the standard Russian message for its code (or a specific one). */
export const inputError = (field: string, code: ErrorCode, message?: string): InputError => ({
  field,
  code,
  message: message ?? MESSAGES[code] ?? 'Некорректное значение',
});

export const fail = <T = never>(field: string, code: ErrorCode, message?: string): Result<T> => ({
  ok: false,
  errors: [inputError(field, code, message)],
});

/** Renders a result into a GraphQL payload: `ok`, `inputErrors` and the data fields. */
export function toPayload<T, P extends object, E extends object>(
  r: Result<T>,
  data: (v: T) => P,
  empty: E,
): (P | E) & { ok: boolean; inputErrors: InputError[] } {
  return r.ok
    ? { ok: true, inputErrors: [], ...data(r.value) }
    : { ok: false, inputErrors: r.errors, ...empty };
}
