import type { BrokerService } from '@medikamente/runtime';

/**
 * The billing subgraph on the event broker (ADR 0013), read by `pnpm broker:setup`: its queue
 * `billing.inbox` takes schedule's appointment events (a completed visit becomes an invoice; the
 * facts give lab orders their branch), `billing.inbox.lab` the lab's orders (invoiced) and their
 * cancellations. The handler keys of the subgraph's `events` bind the same types.
 */
export const broker: BrokerService = {
  name: 'billing',
  produces: false,
  consumers: [
    { name: 'billing.inbox', from: 'schedule', types: ['appointment.*'] },
    { name: 'billing.inbox.lab', from: 'lab', types: ['lab.order_placed', 'lab.order_cancelled'] },
  ],
};
