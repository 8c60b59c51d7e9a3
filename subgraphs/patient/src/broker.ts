import type { BrokerService } from '@medikamente/runtime';
import { CARE_CONSUMER, CARE_EVENT_TYPES } from './modules/care/care.events';

/**
 * The patient subgraph on the event broker (ADR 0013), read by `pnpm broker:setup`: it produces
 * nothing and consumes schedule's appointment events into its queue `patient.care`.
 */
export const broker: BrokerService = {
  name: 'patient',
  consumers: [{ name: CARE_CONSUMER, from: 'schedule', types: CARE_EVENT_TYPES }],
};
