import { type AnyErrorCode, defaultMessage, ErrorCode, type InputError } from '@medikamente/runtime';

/** Outcome of a domain operation: a value, or expected failures rendered into a payload. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: InputError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/**
 * Russian user-facing messages of the core codes this service returns; its domain codes carry
 * theirs from policy.yaml (`defaultMessage`).
 */
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.REQUIRED]: 'Обязательное поле',
  [ErrorCode.TOO_LONG]: 'Слишком длинное значение',
  [ErrorCode.INVALID_EMAIL]: 'Некорректный адрес электронной почты',
  [ErrorCode.INVALID_PHONE]: 'Некорректный номер телефона',
  [ErrorCode.INVALID_ID]: 'Некорректный идентификатор',
  [ErrorCode.BAD_USER_INPUT]: 'Некорректное значение',
  [ErrorCode.DUPLICATE]: 'Учётная запись с таким логином уже существует',
  [ErrorCode.RATE_LIMITED]: 'Слишком много попыток. Попробуйте позже',
  [ErrorCode.TOKEN_INVALID]: 'Сессия недействительна, войдите снова',
  [ErrorCode.NOT_FOUND]: 'Не найдено',
  [ErrorCode.CONFLICT]: 'Действие невозможно в текущем состоянии',
};

/** An input error with the standard Russian message for its code (or a specific one). */
export const inputError = (field: string, code: AnyErrorCode, message?: string): InputError => ({
  field,
  code,
  message: message ?? MESSAGES[code as ErrorCode] ?? defaultMessage(code) ?? 'Некорректное значение',
});

export const fail = <T = never>(field: string, code: AnyErrorCode, message?: string): Result<T> => ({
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
