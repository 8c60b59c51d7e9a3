import type { BrokerService } from '@medikamente/runtime';

/**
 * The schedule subgraph on the event broker (ADR 0013), read by `pnpm broker:setup`: it publishes
 * its appointment events to its exchange `schedule.events` and consumes nothing.
 */
export const broker: BrokerService = { name: 'schedule', produces: true };
