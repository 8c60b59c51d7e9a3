import type { BrokerService } from '@medikamente/runtime';

/**
 * The patient subgraph on the event broker (ADR 0013), read by `pnpm broker:setup`: it produces
 * nothing; its queue `patient.inbox` takes schedule's appointment events (its `events` handlers).
 */
export const broker: BrokerService = {
  name: 'patient',
  consumers: [{ name: 'patient.inbox', from: 'schedule', types: ['appointment.*'] }],
};
