import { appError, ErrorCode } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID (what every entity id of the platform is). */
export const isId = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

/** Throws INVALID_ID for anything that is not a UUID (before it reaches SQL); returns it lower-cased. */
export function requireId(id: unknown, field = 'id'): string {
  if (!isId(id)) throw appError(ErrorCode.INVALID_ID, `Неверный идентификатор: ${field}`, { field });
  return id.toLowerCase();
}
