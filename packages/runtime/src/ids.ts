import { appError, ErrorCode, type InputError, inputError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID (what every entity id of the platform is). */
export const isId = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

/** Throws INVALID_ID for anything that is not a UUID (before it reaches SQL); returns it lower-cased. */
export function requireId(id: unknown, field = 'id'): string {
  if (!isId(id)) throw appError(ErrorCode.INVALID_ID, `Неверный идентификатор: ${field}`, { field });
  return id.toLowerCase();
}

/**
 * An optional id argument: absent (null or undefined) is null; anything given must be a UUID —
 * an empty string included, which would otherwise slip past a truthiness check into SQL.
 */
export function optionalId(id: unknown, field = 'id'): string | null {
  return id === null || id === undefined ? null : requireId(id, field);
}

/** INVALID_ID for a payload's `inputErrors` when a given value is not a UUID; null when fine or absent. */
export function idError(field: string, id: unknown): InputError | null {
  return id === null || id === undefined || isId(id)
    ? null
    : inputError(field, ErrorCode.INVALID_ID, 'Неверный идентификатор');
}
