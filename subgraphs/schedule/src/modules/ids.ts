import { appError, ErrorCode } from '@medikamente/runtime';
import { isLocalDate } from './calendar/slots';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Throws INVALID_ID for anything that is not a UUID (before it reaches SQL). */
export function requireId(id: unknown, field = 'id'): string {
  if (typeof id !== 'string' || !UUID.test(id))
    throw appError(ErrorCode.INVALID_ID, `Неверный идентификатор: ${field}`, { field });
  return id.toLowerCase();
}

export const isId = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

/** Throws INVALID_DATE unless the value is a calendar date YYYY-MM-DD. */
export function requireDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isLocalDate(value))
    throw appError(ErrorCode.INVALID_DATE, `Неверная дата: ${field}`, { field });
  return value;
}
