import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SecurityHarness, startSecuritySubgraph } from './harness';

let h: SecurityHarness;
beforeAll(async () => {
  h = await startSecuritySubgraph();
});
afterAll(async () => h?.stop());

describe('security metrics', () => {
  it('serves the metrics deploy/monitoring alerts on, from the service’s own set, on the metrics port', async () => {
    const metrics = await h.service.subgraph.listenMetrics(0);
    try {
      const m = h.service.services.metrics;
      m.alertRaised('breakGlass', 'critical');
      m.setOpenAlerts({ critical: 1, warning: 0 });
      m.setChainOk('record', false);
      m.setStreamLag('record', 42);
      m.setRequests(2, 3);
      const text = await (await fetch(`${metrics.url}/metrics`)).text();
      for (const line of [
        'medikamente_privacy_alerts_total{rule="breakGlass",severity="critical",service="security"} 1',
        'medikamente_privacy_alerts_open{severity="critical",service="security"} 1',
        // The metric's own service label (the audited service) wins over the registry's.
        'medikamente_audit_chain_ok{service="record"} 0',
        'medikamente_audit_stream_lag_seconds{service="record"} 42',
        'medikamente_dsr_overdue{service="security"} 2',
        'medikamente_dsr_due_soon{service="security"} 3',
      ])
        expect(text.split('\n')).toContain(line);
      expect(text).toContain('graphql_request_duration_seconds');
    } finally {
      await metrics.close();
    }
  });
});
