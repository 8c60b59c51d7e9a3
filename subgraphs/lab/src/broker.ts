import type { BrokerService } from '@medikamente/runtime';

/**
 * The lab subgraph on the event broker (ADR 0013), read by `pnpm broker:setup`: it publishes its
 * lab facts (`lab.results_released`, no values) to its exchange `lab.events`, and its queue
 * `lab.inbox` takes schedule's appointment events (its `events` handlers: care relationships).
 */
export const broker: BrokerService = {
  name: 'lab',
  produces: true,
  consumers: [{ name: 'lab.inbox', from: 'schedule', types: ['appointment.*'] }],
};
