import { appError, DATE_RANGE, ErrorCode, type Principal } from '@medikamente/runtime';

export const SCOPES = { ordersRead: 'lab.orders:read', resultsWrite: 'lab.results:write' } as const;

/** A partner's own id of a result message: 1–100 printable ASCII characters. */
export const PARTNER_RESULT_ID = /^[\x21-\x7e]{1,100}$/;

/** The calling partner laboratory's client id, when its token carries `scope`; refused otherwise. */
export function partnerWith(principal: Principal, scope: string): string {
  if (principal.role !== 'lab_partner' || principal.kind !== 'client' || !principal.subject)
    throw appError(ErrorCode.FORBIDDEN);
  if (!principal.scopes.includes(scope))
    throw appError(ErrorCode.INSUFFICIENT_SCOPE, `Токену не выдана область доступа ${scope}`, { scope });
  return principal.subject;
}

/** Feed cursors: opaque to the partner, a feed position inside. */
export const encodeCursor = (seq: number): string => Buffer.from(`feed:${seq}`).toString('base64url');
export function decodeCursor(cursor: string): number | null {
  if (cursor.length > 40) return null;
  const m = /^feed:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

/** Age band of a partner's order: enough for reference ranges, not enough to single a person out. */
export function ageBand(age: number | null): string | null {
  if (age === null) return null;
  if (age < 1) return '0-0';
  if (age <= 6) return '1-6';
  if (age <= 12) return '7-12';
  if (age <= 17) return '13-17';
  if (age >= 90) return '90+';
  const lo = age < 20 ? 18 : Math.floor(age / 10) * 10;
  return `${lo}-${lo === 18 ? 19 : lo + 9}`;
}

/**
 * A partner's date-time (ISO 8601, at most 40 characters) as a Date, or null when it is not one or
 * its UTC date lies outside the platform's DATE_RANGE: JavaScript reads "0000-01-01T00:00:00Z" or
 * "-000100-01-01" as dates PostgreSQL cannot store, which surfaced as INTERNAL.
 */
export function parseInstant(text: string): Date | null {
  if (text.length > 40) return null;
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) return null;
  const day = d.toISOString().slice(0, 10);
  return day >= DATE_RANGE.min && day <= DATE_RANGE.max ? d : null;
}
