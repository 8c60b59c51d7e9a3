import {
  type AnyErrorCode,
  ErrorCode,
  type InputError,
  isId,
  type Principal,
  textError,
} from '@medikamente/runtime';
import { DateTime } from 'luxon';
import { codes } from '../../error-codes.generated';
import type { Availability } from '../calendar/availability';
import { parseDateTime } from '../calendar/slots';
import type { BranchRecord, CatalogStore, ServiceRecord, SpecialistRecord } from '../catalog/catalog.store';
import type { AppointmentRecord, AppointmentStatus } from './booking.store';

/** The validate step: request checks and the rules of who may book what, when. */

export type BookingInput = {
  specialistId: string;
  branchId: string;
  serviceId: string;
  startsAt: string;
  patientId?: string | null;
  patientComment?: string | null;
  overbookReason?: string | null;
  idempotencyKey: string;
};

/** A requested slot, for which alternatives are offered when it cannot be had. */
export type SlotRequest = { specialistId: string; branchId: string; serviceId: string; start: number };

/** A business failure inside a transaction: rolls it back and becomes a typed payload. */
export class Rejected extends Error {
  constructor(
    readonly errors: InputError[],
    readonly alternativesFor?: SlotRequest,
  ) {
    super(errors[0]?.code);
  }
}

export const reject = (field: string, code: AnyErrorCode, message: string) =>
  new Rejected([{ field, code, message }]);

/** Statuses in which an appointment still takes its time. */
export const ACTIVE: AppointmentStatus[] = ['HELD', 'BOOKED', 'CONFIRMED'];
const STAFF_BOOKERS = new Set(['receptionist']);
const KEY = /^[\w.:-]{8,100}$/;

/** A booking request checked against the catalogue, the calendar and the caller's rights. */
export type Prepared = {
  branch: BranchRecord;
  specialist: SpecialistRecord;
  service: ServiceRecord;
  start: Date;
  end: Date;
  roomId: string | null;
  patientId: string;
  patientComment: string | null;
  overbookReason: string | null;
};

export function checkKey(key: string) {
  if (typeof key !== 'string' || !KEY.test(key))
    throw reject('idempotencyKey', ErrorCode.BAD_USER_INPUT, 'Ключ повтора: 8–100 символов [A-Za-z0-9_.:-]');
}

/** Free text of a booking request, trimmed (null when empty and optional), or a typed refusal. */
export function checkText(
  field: string,
  value: unknown,
  rule: { max: number; required?: boolean },
): string | null {
  const error = textError(field, value, rule);
  if (error) throw new Rejected([error]);
  return typeof value === 'string' ? value.trim() || null : null;
}

export function checkId(id: unknown, field: string): string {
  if (!isId(id)) throw reject(field, ErrorCode.INVALID_ID, 'Неверный идентификатор');
  return id.toLowerCase();
}

/** Whether the caller may act on an existing appointment (NOT_FOUND otherwise, to hide existence). */
export function mayActOn(principal: Principal, a: AppointmentRecord): boolean {
  switch (principal.role) {
    case 'patient':
      return principal.patientId === a.patientId;
    case 'receptionist':
      return principal.branchIds.length === 0 || principal.branchIds.includes(a.branchId);
    case 'doctor':
      return false; // checked against the specialist when the row is locked
    default:
      return false;
  }
}

/** The patient a caller books for: a patient books themself, reception names the patient. */
function bookedPatient(principal: Principal, input: BookingInput, branchId: string): string {
  if (principal.role === 'patient') {
    if (!principal.patientId)
      throw reject('patientId', ErrorCode.FORBIDDEN, 'Сначала заполните профиль пациента');
    // A given patientId must be a UUID, and the patient's own (an empty one is not "none").
    if (input.patientId != null && checkId(input.patientId, 'patientId') !== principal.patientId)
      throw reject('patientId', ErrorCode.FORBIDDEN, 'Можно записать только себя');
    return principal.patientId;
  }
  if (principal.role && STAFF_BOOKERS.has(principal.role)) {
    if (input.patientId == null) throw reject('patientId', ErrorCode.REQUIRED, 'Укажите пациента');
    const patientId = checkId(input.patientId, 'patientId');
    if (principal.branchIds.length > 0 && !principal.branchIds.includes(branchId))
      throw reject('branchId', ErrorCode.FORBIDDEN, 'Филиал вне вашего доступа');
    return patientId;
  }
  throw reject('patientId', ErrorCode.FORBIDDEN, 'Недостаточно прав для записи');
}

/** Validates a booking request against the catalogue, the calendar and the caller's rights. */
export async function validateBooking(
  deps: { catalog: CatalogStore; availability: Availability },
  principal: Principal,
  input: BookingInput,
): Promise<Prepared> {
  checkKey(input.idempotencyKey);
  const specialistId = checkId(input.specialistId, 'specialistId');
  const branchId = checkId(input.branchId, 'branchId');
  const serviceId = checkId(input.serviceId, 'serviceId');
  const patientId = bookedPatient(principal, input, branchId);
  const [branch, specialist, service] = await Promise.all([
    deps.catalog.branch(branchId),
    deps.catalog.specialist(specialistId),
    deps.catalog.service(serviceId),
  ]);
  if (!branch) throw reject('branchId', ErrorCode.NOT_FOUND, 'Филиал не найден');
  if (!specialist || !specialist.branchIds.includes(branch.id))
    throw reject('specialistId', ErrorCode.NOT_FOUND, 'Врач не принимает в этом филиале');
  if (!service || !specialist.serviceIds.includes(service.id))
    throw reject('serviceId', ErrorCode.NOT_FOUND, 'Врач не оказывает эту услугу');
  const startMs = parseDateTime(input.startsAt, branch.timeZone);
  if (startMs === null) throw reject('startsAt', ErrorCode.INVALID_DATE, 'Неверные дата и время');
  const end = new Date(startMs + service.durationMinutes * 60_000);
  const now = Date.now();
  if (end.getTime() <= now) throw reject('startsAt', codes.SLOT_IN_PAST, 'Это время уже прошло');
  if (principal.role === 'patient') {
    if (startMs < now + branch.settings.minNoticeMinutes * 60_000)
      throw reject('startsAt', codes.TOO_SOON, 'Слишком поздно для записи на это время');
    const horizon = DateTime.fromMillis(now, { zone: branch.timeZone }).plus({
      days: branch.settings.horizonDays,
    });
    if (startMs > horizon.toMillis())
      throw reject('startsAt', codes.BEYOND_HORIZON, 'Запись на эту дату ещё не открыта');
  }
  const patientComment = checkText('patientComment', input.patientComment, { max: 1000 });
  const overbookReason = checkText('overbookReason', input.overbookReason, { max: 500 });
  if (overbookReason !== null) {
    const permitted =
      principal.role === 'receptionist' &&
      principal.subject !== null &&
      (await deps.catalog.hasPermission(principal.subject, 'OVERBOOK'));
    if (!permitted) throw reject('overbookReason', ErrorCode.FORBIDDEN, 'Нет права записи сверх расписания');
  }
  const grid = await deps.availability.isOnGrid({
    specialistId,
    branch,
    start: startMs,
    durationMinutes: service.durationMinutes,
  });
  // Overbooking may go beyond the schedule; it still takes the room of the grid when there is one.
  if (overbookReason === null && !grid.ok)
    throw new Rejected(
      [{ field: 'startsAt', code: codes.SLOT_UNAVAILABLE, message: 'Врач не ведёт приём в это время' }],
      { specialistId, branchId, serviceId, start: startMs },
    );
  return {
    branch,
    specialist,
    service,
    start: new Date(startMs),
    end,
    roomId: grid.roomId,
    patientId,
    patientComment,
    overbookReason,
  };
}
