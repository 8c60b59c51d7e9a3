import type { BrokerService } from '@medikamente/runtime';

/**
 * The billing subgraph on the event broker (ADR 0013), read by `pnpm broker:setup`: its queue
 * `billing.inbox` takes schedule's appointment events (a completed visit becomes an invoice).
 */
export const broker: BrokerService = {
  name: 'billing',
  produces: false,
  consumers: [{ name: 'billing.inbox', from: 'schedule', types: ['appointment.*'] }],
};
