import type { InputError } from '@medikamente/runtime';
import { DateTime } from 'luxon';
import type { Availability } from '../calendar/availability';
import type { ComputedSlot } from '../calendar/slots';
import type { CatalogStore } from '../catalog/catalog.store';
import type { AppointmentRecord } from './booking.store';
import { Rejected, type SlotRequest } from './booking.validate';

/** The alternatives step: what a refused booking offers instead, and the result it returns. */

export type BookingResult = {
  appointment: AppointmentRecord | null;
  inputErrors: InputError[];
  alternatives: ComputedSlot[];
};

type Deps = { catalog: CatalogStore; availability: Availability };

export const succeeded = (appointment: AppointmentRecord): BookingResult => ({
  appointment,
  inputErrors: [],
  alternatives: [],
});

/** The free slots of the same doctor and service nearest to the requested time. */
export async function alternatives(deps: Deps, s: SlotRequest): Promise<ComputedSlot[]> {
  const branch = await deps.catalog.branch(s.branchId);
  if (!branch) return [];
  const day = DateTime.fromMillis(s.start, { zone: branch.timeZone });
  const slots = await deps.availability.freeSlots({
    specialistId: s.specialistId,
    serviceId: s.serviceId,
    branchId: s.branchId,
    from: day.toISODate()!,
    to: day.plus({ days: 7 }).toISODate()!,
    limit: 500,
    fresh: true,
  });
  return slots
    .filter((x) => x.start !== s.start)
    .sort((a, b) => Math.abs(a.start - s.start) - Math.abs(b.start - s.start))
    .slice(0, 5)
    .sort((a, b) => a.start - b.start);
}

/** A refusal as the typed result (with alternatives when a slot was refused); anything else rethrows. */
export async function refused(deps: Deps, e: unknown): Promise<BookingResult> {
  if (!(e instanceof Rejected)) throw e;
  const offered = e.alternativesFor ? await alternatives(deps, e.alternativesFor) : [];
  return { appointment: null, inputErrors: e.errors, alternatives: offered };
}
