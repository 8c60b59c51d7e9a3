import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one deployable (own registry so tests can run several in one process). */
export function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'GraphQL request duration by operation and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    authFailures: new Counter({
      name: 'auth_failures_total',
      help: 'Requests refused by token verification, by code',
      labelNames: ['code'],
      registers: [registry],
    }),
    responseCacheHits: new Counter({
      name: 'graphql_response_cache_hits_total',
      help: 'Requests answered from the response cache (public data only)',
      registers: [registry],
    }),
    auditEvents: new Counter({
      name: 'audit_events_total',
      help: 'Audit events written',
      registers: [registry],
    }),
    auditFailures: new Counter({
      name: 'audit_write_failures_total',
      help: 'Requests whose data was withheld because the audit write failed',
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
