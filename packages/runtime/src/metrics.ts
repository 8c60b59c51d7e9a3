import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

const LABEL = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * A label taken from client input (an operation name) with a bounded set of values: the first
 * `max` well-formed names are kept, every other one is "other". Unbounded labels let any caller
 * grow /metrics and the process's memory without limit.
 */
export function boundedLabel(max = 200): (value: string | null | undefined) => string {
  const known = new Set<string>();
  return (value) => {
    if (!value) return 'anonymous';
    if (known.has(value)) return value;
    if (!LABEL.test(value) || known.size >= max) return 'other';
    known.add(value);
    return value;
  };
}

/** Prometheus metrics of one deployable (own registry so tests can run several in one process). */
export function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    /** The operation-name label of `requests` (bounded; see boundedLabel). */
    operationLabel: boundedLabel(),
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
    revokedAccountTokens: new Counter({
      name: 'revoked_account_token_uses_total',
      help: 'Requests refused because the token belongs to a dismissed account or a disabled client',
      registers: [registry],
    }),
    auditEvents: new Counter({
      name: 'audit_events_total',
      help: 'Audit events written',
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'rate_limited_total',
      help: 'Requests refused by a rate limit, by limit',
      labelNames: ['limit'],
      registers: [registry],
    }),
    refusedDocuments: new Counter({
      name: 'graphql_refused_documents_total',
      help: 'Documents refused before validation (token, directive or field limits; partner allowlists)',
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
