import type { BrokerService } from '@medikamente/runtime';

/**
 * The schedule subgraph on the event broker (ADR 0013), read by `pnpm broker:setup`: it publishes
 * its appointment events to its exchange `schedule.events`, and its queue `schedule.inbox` takes
 * the lab's `lab.results_released` (its `events` handler: the patient is told results are ready).
 */
export const broker: BrokerService = {
  name: 'schedule',
  produces: true,
  consumers: [{ name: 'schedule.inbox', from: 'lab', types: ['lab.results_released'] }],
};
