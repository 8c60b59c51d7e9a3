import { GraphQLError } from 'graphql';

/**
 * The core error codes of the platform: authentication, access, input checks shared by every
 * subgraph, limits and internal failures. Access and unexpected failures travel as
 * GraphQLError with `extensions.code`; expected business failures are typed payloads whose
 * `inputErrors` carry these codes too. Domain codes (SLOT_TAKEN, TOTP_INVALID, …) are declared
 * by the subgraph that raises them in its policy.yaml (`errorCodes`) and reach code through the
 * generated `src/error-codes.generated.ts` (`defineErrorCodes`). A code raised by a shared package
 * (runtime, notifications) is core.
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
  INVALID_DATE: 'INVALID_DATE',
  /** Unknown IANA time zone (quiet hours in @medikamente/notifications, branch settings). */
  INVALID_TIME_ZONE: 'INVALID_TIME_ZONE',
  REQUIRED: 'REQUIRED',
  TOO_LONG: 'TOO_LONG',
  DUPLICATE: 'DUPLICATE',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  SECOND_FACTOR_REQUIRED: 'SECOND_FACTOR_REQUIRED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** Malformed request (not JSON, no query, unknown operation name, several operations without a name). */
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** A partner token sent document text (or nothing): partners send only a persisted document's id (ADR 0015). */
  PERSISTED_DOCUMENT_REQUIRED: 'PERSISTED_DOCUMENT_REQUIRED',
  /** The document id is not in the allowlist of the partner's manifest (or the token names none). */
  PERSISTED_DOCUMENT_NOT_ALLOWED: 'PERSISTED_DOCUMENT_NOT_ALLOWED',
  /** The token lacks the scope the operation requires (a persisted document's declared scope). */
  INSUFFICIENT_SCOPE: 'INSUFFICIENT_SCOPE',
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
  /** An idempotency key reused with a different request (the shared idempotency store). */
  IDEMPOTENCY_MISMATCH: 'IDEMPOTENCY_MISMATCH',
  /** A one-time link (action token of @medikamente/notifications) already used. */
  TOKEN_USED: 'TOKEN_USED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The core codes, for loadPolicy (a fragment may not declare one) and the error formatter. */
export const CORE_ERROR_CODES: readonly ErrorCode[] = Object.freeze(Object.values(ErrorCode));

declare const domainCode: unique symbol;
/** A domain code declared in a subgraph's policy.yaml; only `defineErrorCodes` makes one. */
export type DomainErrorCode<C extends string = string> = C & { readonly [domainCode]: true };
/** Any code `appError` and `inputError` accept: a core code or a declared domain code. */
export type AnyErrorCode = ErrorCode | DomainErrorCode;

const DOMAIN_MESSAGES = new Map<string, string>();

/**
 * Turns a subgraph's declared domain codes (code -> Russian default message, as in its
 * policy.yaml) into typed constants: `appError(codes.SLOT_TAKEN)` type-checks, a typo does not.
 * Each subgraph's `src/error-codes.generated.ts` is generated from its fragment by `pnpm generate`.
 * Whether a code reaches the client is decided by the merged policy (createFormatError).
 */
export function defineErrorCodes<const M extends Record<string, string>>(
  messages: M,
): { readonly [K in keyof M & string]: DomainErrorCode<K> } {
  const out: Record<string, string> = {};
  for (const [code, message] of Object.entries(messages)) {
    if ((CORE_ERROR_CODES as readonly string[]).includes(code))
      throw new Error(`error code ${code} is a core code of the runtime; a subgraph may not declare it`);
    const known = DOMAIN_MESSAGES.get(code);
    if (known !== undefined && known !== message)
      throw new Error(`error code ${code} is declared twice with different messages`);
    DOMAIN_MESSAGES.set(code, message);
    out[code] = code;
  }
  return Object.freeze(out) as { readonly [K in keyof M & string]: DomainErrorCode<K> };
}

/** The default message of a code: the runtime's for core codes, the declaring subgraph's for domain codes. */
export function defaultMessage(code: AnyErrorCode): string | undefined {
  return DEFAULT_MESSAGES[code as ErrorCode] ?? DOMAIN_MESSAGES.get(code);
}

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
  PERSISTED_DOCUMENT_REQUIRED: 'Партнёр отправляет только идентификатор сохранённой операции (documentId)',
  PERSISTED_DOCUMENT_NOT_ALLOWED: 'Операция не входит в список разрешённых для этого клиента',
  INSUFFICIENT_SCOPE: 'Недостаточно областей доступа для этой операции',
};

/** Builds a GraphQLError carrying a platform error code (never internals in the message). */
export function appError(
  code: AnyErrorCode,
  message?: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message ?? defaultMessage(code) ?? code, { extensions: { code, ...extra } });
}

/** An expected, field-level input failure returned inside a payload. */
export type InputError = { field: string; code: AnyErrorCode; message: string };

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
export const inputError = (field: string, code: AnyErrorCode, message: string): InputError => ({
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
    /** For TOKEN_REVOKED: whether the account (dismissal, disabled client) or one session was revoked. */
    readonly revoked?: 'account' | 'session',
  ) {
    super(message);
  }
}
