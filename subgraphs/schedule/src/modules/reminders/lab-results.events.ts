import type { EventHandler } from '@medikamente/runtime';
import { z } from 'zod';
import type { Reminders } from './reminders.service';

const payload = z.object({ orderId: z.uuid(), patientId: z.uuid() });

/**
 * `lab.results_released` of the lab subgraph: noted for a job that tells the patient, through the channel
 * they chose for reminders, that results are ready (the message carries no values). With
 * reminders switched off (REMINDERS_ENABLED) nothing is sent, as for appointment reminders.
 */
export const labResultsHandler =
  (reminders: Reminders, enabled: boolean): EventHandler =>
  async (event) => {
    const p = payload.parse(event.payload);
    if (enabled) await reminders.labResultsReleased(p.patientId, p.orderId);
  };
