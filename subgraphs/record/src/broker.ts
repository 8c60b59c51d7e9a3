import type { BrokerService } from '@medikamente/runtime';

/**
 * The record subgraph on the event broker (ADR 0013), read by `pnpm broker:setup`: it publishes
 * its record facts (`record.visit_signed`, `record.break_glass`) to its exchange `record.events`,
 * and its queue `record.inbox` takes schedule's appointment events (its `events` handlers).
 */
export const broker: BrokerService = {
  name: 'record',
  produces: true,
  consumers: [{ name: 'record.inbox', from: 'schedule', types: ['appointment.*'] }],
};
