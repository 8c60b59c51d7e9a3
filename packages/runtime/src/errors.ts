import { GraphQLError } from 'graphql';

/**
 * The one error-code enum of the platform. Access and unexpected failures travel as
 * GraphQLError with `extensions.code`; expected business failures are typed payloads
 * whose `inputErrors` carry these codes too.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  TOKEN_INVALID: 'TOKEN_INVALID',
  TOKEN_REVOKED: 'TOKEN_REVOKED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INVALID_ID: 'INVALID_ID',
  INVALID_PHONE: 'INVALID_PHONE',
  INVALID_EMAIL: 'INVALID_EMAIL',
  INVALID_SNILS: 'INVALID_SNILS',
  INVALID_DATE: 'INVALID_DATE',
  DATE_IN_FUTURE: 'DATE_IN_FUTURE',
  REQUIRED: 'REQUIRED',
  TOO_LONG: 'TOO_LONG',
  DUPLICATE: 'DUPLICATE',
  CONFLICT: 'CONFLICT',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  RATE_LIMITED: 'RATE_LIMITED',
  TOTP_REQUIRED: 'TOTP_REQUIRED',
  TOTP_INVALID: 'TOTP_INVALID',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  SECOND_FACTOR_REQUIRED: 'SECOND_FACTOR_REQUIRED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** Malformed request (not JSON, no query, unknown operation name, several operations without a name). */
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
  // Scheduling
  SLOT_TAKEN: 'SLOT_TAKEN',
  SLOT_UNAVAILABLE: 'SLOT_UNAVAILABLE',
  SLOT_IN_PAST: 'SLOT_IN_PAST',
  TOO_SOON: 'TOO_SOON',
  BEYOND_HORIZON: 'BEYOND_HORIZON',
  PATIENT_BUSY: 'PATIENT_BUSY',
  HOLD_EXPIRED: 'HOLD_EXPIRED',
  TOO_MANY_HOLDS: 'TOO_MANY_HOLDS',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  IDEMPOTENCY_MISMATCH: 'IDEMPOTENCY_MISMATCH',
  INVALID_TIME_ZONE: 'INVALID_TIME_ZONE',
  // Notifications
  TOKEN_USED: 'TOKEN_USED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Russian user-facing defaults; clients may localise by code. */
const DEFAULT_MESSAGES: Partial<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: 'Требуется вход в систему',
  FORBIDDEN: 'Недостаточно прав',
  NOT_FOUND: 'Не найдено',
  INTERNAL: 'Внутренняя ошибка',
  AUDIT_UNAVAILABLE: 'Журнал доступа недоступен, данные не выданы',
  SECOND_FACTOR_REQUIRED: 'Подтвердите вход вторым фактором (код из приложения-аутентификатора)',
  RATE_LIMITED: 'Слишком много запросов, повторите позже',
  REQUEST_TIMEOUT: 'Запрос выполнялся слишком долго',
};

/** Builds a GraphQLError carrying a platform error code (never internals in the message). */
export function appError(
  code: ErrorCode,
  message?: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message ?? DEFAULT_MESSAGES[code] ?? code, { extensions: { code, ...extra } });
}

/** An expected, field-level input failure returned inside a payload. */
export type InputError = { field: string; code: ErrorCode; message: string };

/**
 * The one GraphQL definition of `InputError` (docs/adr/0012-expected-failures.md). Every subgraph
 * includes this fragment in its SDL; `@shareable` lets the identical type live in several
 * subgraphs of the supergraph. Expected failures are mutation payloads with
 * `inputErrors: [InputError!]!` (empty on success); access and unexpected failures are errors.
 */
export const inputErrorSdl = `
  "An expected failure of a mutation, tied to the input field it is about"
  type InputError @shareable @classified(category: "PUBLIC") {
    "The input field (argument or input object field) the failure is about"
    field: String!
    "One code of the platform's error-code enum, e.g. REQUIRED, SLOT_TAKEN"
    code: String!
    "Russian message for the user; clients may localise by code"
    message: String!
  }
`;

/** One expected input failure, for a payload's `inputErrors`. */
export const inputError = (field: string, code: ErrorCode, message: string): InputError => ({
  field,
  code,
  message,
});

/**
 * An error in one representation's place in `_entities`: returned as the resolver's value (not
 * thrown, and not a rejected promise, either of which fails the whole batch), so the other
 * representations still resolve. Typed `never` so it fits the typed `__resolveReference`.
 */
export const entityError = (e: unknown): never =>
  (e instanceof Error ? e : appError(ErrorCode.INTERNAL)) as never;

/** Errors raised by the auth layer; mapped to HTTP 401 before GraphQL runs. */
export class AuthError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
