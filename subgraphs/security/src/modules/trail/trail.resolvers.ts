import { appError, ErrorCode, requireId, requireText } from '@medikamente/runtime';
import type { Resolvers } from '../../generated/resolvers-types';
import { balpSubtype, CATEGORY_RU, DEPARTMENT_RU, purposeRu, ROLE_RU } from './trail.labels';
import type { TrailRecord } from './trail.store';

const MAX_PAGE = 500;
const page = (first: number | null | undefined, fallback: number) =>
  Math.max(1, Math.min(first ?? fallback, MAX_PAGE));

function position(before: string | null | undefined): number | null {
  if (before === null || before === undefined) return null;
  if (!/^\d{1,15}$/.test(before))
    throw appError(ErrorCode.BAD_USER_INPUT, 'Неверная позиция журнала', { field: 'before' });
  return Number(before);
}

/** A filter's text value (an account id, a service, a category): typed errors for junk, never SQL errors. */
export const filterText = (value: string | null | undefined, field: string): string | null =>
  value === null || value === undefined ? null : requireText(value, field, { max: 100 });

function instant(value: string | null | undefined, field: string): Date | null {
  if (!value) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value))
    throw appError(ErrorCode.INVALID_DATE, 'Неверная дата', { field });
  return d;
}

export const trailResolvers: Resolvers = {
  Query: {
    auditRecords: (_, { filter, first, before }, ctx) =>
      ctx.stores.trail.search(
        {
          patientId: filter?.patientId ? requireId(filter.patientId, 'filter.patientId') : null,
          actorId: filterText(filter?.actorId, 'filter.actorId'),
          service: filterText(filter?.service, 'filter.service'),
          category: filterText(filter?.category, 'filter.category'),
          from: instant(filter?.from, 'filter.from'),
          to: instant(filter?.to, 'filter.to'),
          before: position(before),
        },
        page(first, 100),
      ),
    myAccessTrail: (_, { first, before }, ctx) => {
      const patientId = ctx.principal.patientId;
      if (!patientId) throw appError(ErrorCode.FORBIDDEN);
      return ctx.stores.trail.forPatient(patientId, page(first, 50), position(before));
    },
  },
  AuditRecord: {
    streamId: (r) => String(r.streamId),
    occurredAt: (r) => r.occurredAt.toISOString(),
    subtype: (r) => balpSubtype(r.requestPatients),
  },
  AccessTrailEntry: {
    cursor: (r: TrailRecord) => String(r.streamId),
    at: (r: TrailRecord) => r.occurredAt.toISOString(),
    role: (r: TrailRecord) => ROLE_RU[r.actorRole] ?? 'Сотрудник клиники',
    department: (r: TrailRecord) => DEPARTMENT_RU[r.service] ?? 'Клиника',
    purpose: (r: TrailRecord) => purposeRu(r.purpose),
    categories: (r: TrailRecord) => r.categories.map((c) => CATEGORY_RU[c] ?? c.toLowerCase()),
  },
};
