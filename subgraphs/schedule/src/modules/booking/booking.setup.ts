import type { Job } from '@medikamente/runtime';
import type { ScheduleDeps } from '../../context';
import type { Availability } from '../calendar/availability';
import { BookingService } from './booking.service';

/** The booking rules on the stores, with the per-patient hold limits from env. */
export function createBooking(deps: ScheduleDeps, availability: Availability): BookingService {
  const { database, env, stores } = deps;
  return new BookingService({
    database,
    appointments: stores.appointments,
    catalog: stores.catalog,
    availability,
    audit: stores.audit,
    maxActiveHolds: env.MAX_ACTIVE_HOLDS_PER_PATIENT,
    holdLimiter: deps.rateLimiter('schedule-holds', {
      points: env.HOLD_RATE_LIMIT,
      durationSec: env.HOLD_RATE_WINDOW_SEC,
    }),
  });
}

/** Releases expired holds every HOLD_SWEEP_MS. */
export function holdSweeper(deps: ScheduleDeps, booking: BookingService): Job {
  let timer: NodeJS.Timeout | undefined;
  return {
    start() {
      timer = setInterval(() => {
        deps.database
          .tx((q) => booking.releaseExpired(q))
          .catch((err) => deps.logger.warn({ err: (err as Error).message }, 'hold sweep failed'));
      }, deps.env.HOLD_SWEEP_MS);
      timer.unref();
    },
    stop: () => clearInterval(timer),
  };
}
