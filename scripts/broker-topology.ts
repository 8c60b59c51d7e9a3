import type { BrokerService } from '@medikamente/runtime';
import { CARE_CONSUMER, CARE_EVENT_TYPES } from '@medikamente/subgraph-patient';

/**
 * Who produces and who consumes events on the broker (ADR 0013): each producer gets the exchange
 * `<service>.events`, each consumer a durable queue bound to the types its handlers take. A new
 * consumer is one more entry here (and one more run of `pnpm broker:setup`).
 */
export const brokerServices: BrokerService[] = [
  { name: 'schedule', produces: true },
  { name: 'patient', consumers: [{ name: CARE_CONSUMER, from: 'schedule', types: CARE_EVENT_TYPES }] },
];
