import type { ProductionCalendar } from '../calendar/calendar';

export const REQUEST_TYPES = [
  'ACCESS',
  'CORRECTION',
  'STOP_PROCESSING',
  'CONSENT_WITHDRAWAL',
  'ERASURE',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const REQUEST_CHANNELS = ['PORTAL', 'IN_PERSON', 'MAIL', 'EMAIL'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const REQUEST_STATUSES = ['RECEIVED', 'IN_PROGRESS', 'EXTENDED', 'COMPLETED', 'REFUSED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const CLOSED_STATUSES: readonly RequestStatus[] = ['COMPLETED', 'REFUSED'];

/** How the legal deadline of a request type is counted (from the day after receipt). */
export type DeadlineRule = {
  unit: 'WORKING_DAYS' | 'CALENDAR_DAYS';
  days: number;
  /** Working days a reasoned notice may add, once; 0: the deadline cannot be extended. */
  extensionDays: number;
  /** The legal basis, in Russian, stored with each request and shown to the patient and officer. */
  basis: string;
};

/**
 * Deadlines of 152-FZ as amended from 1 Sep 2022 (docs: subgraphs/security/README.md).
 * ERASURE (a demand to destroy data that is unlawfully obtained or not needed for the purpose)
 * follows art. 20 part 3 — not listed in DOMAIN.md; confirm with the clinic's lawyer.
 */
export const DEADLINE_RULES: Record<RequestType, DeadlineRule> = {
  ACCESS: {
    unit: 'WORKING_DAYS',
    days: 10,
    extensionDays: 5,
    basis:
      'ч. 1 ст. 20 Федерального закона № 152-ФЗ: сведения предоставляются в течение 10 рабочих дней; срок может быть продлён не более чем на 5 рабочих дней с направлением мотивированного уведомления',
  },
  CORRECTION: {
    unit: 'WORKING_DAYS',
    days: 7,
    extensionDays: 0,
    basis:
      'ч. 3 ст. 20 Федерального закона № 152-ФЗ: изменения в неполные, неточные или неактуальные персональные данные вносятся в срок, не превышающий 7 рабочих дней',
  },
  STOP_PROCESSING: {
    unit: 'WORKING_DAYS',
    days: 10,
    extensionDays: 5,
    basis:
      'ч. 5.1 ст. 21 Федерального закона № 152-ФЗ: обработка прекращается в срок, не превышающий 10 рабочих дней; срок может быть продлён не более чем на 5 рабочих дней с направлением мотивированного уведомления',
  },
  CONSENT_WITHDRAWAL: {
    unit: 'CALENDAR_DAYS',
    days: 30,
    extensionDays: 0,
    basis:
      'ч. 5 ст. 21 Федерального закона № 152-ФЗ: при отзыве согласия обработка прекращается, а персональные данные уничтожаются в срок, не превышающий 30 дней',
  },
  ERASURE: {
    unit: 'WORKING_DAYS',
    days: 7,
    extensionDays: 0,
    basis:
      'ч. 3 ст. 20 Федерального закона № 152-ФЗ: незаконно полученные или не являющиеся необходимыми для заявленной цели персональные данные уничтожаются в срок, не превышающий 7 рабочих дней',
  },
};

/** The deadline (a calendar date in Moscow, the whole day) of a request received on `receivedOn`. */
export function deadlineOf(calendar: ProductionCalendar, type: RequestType, receivedOn: string): string {
  const rule = DEADLINE_RULES[type];
  return rule.unit === 'WORKING_DAYS'
    ? calendar.addWorkingDays(receivedOn, rule.days)
    : calendar.addCalendarDays(receivedOn, rule.days);
}

/** The extended deadline: `extensionDays` more working days after the current one. */
export function extendedDeadline(calendar: ProductionCalendar, type: RequestType, dueOn: string): string {
  return calendar.addWorkingDays(dueOn, DEADLINE_RULES[type].extensionDays);
}
