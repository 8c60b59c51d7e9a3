import { appError, ErrorCode } from '@medikamente/runtime';

export { isId, requireId } from '@medikamente/runtime';

import { isLocalDate } from './calendar/slots';

/** Throws INVALID_DATE unless the value is a calendar date YYYY-MM-DD. */
export function requireDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isLocalDate(value))
    throw appError(ErrorCode.INVALID_DATE, `Неверная дата: ${field}`, { field });
  return value;
}
