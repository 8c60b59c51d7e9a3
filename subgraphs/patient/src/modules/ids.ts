import { appError, ErrorCode } from '@medikamente/runtime';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Throws INVALID_ID for anything that is not a UUID (before it reaches SQL). */
export function requireId(id: unknown, field = 'id'): string {
  if (typeof id !== 'string' || !UUID.test(id))
    throw appError(ErrorCode.INVALID_ID, `Неверный идентификатор: ${field}`, { field });
  return id.toLowerCase();
}
