import { Counter, Gauge, type Metric } from 'prom-client';

/**
 * The security subgraph's own Prometheus metrics (deploy/monitoring/ alert rules read these names).
 * Labels are bounded enums only — rule ids, severities, service names from the manifest — never
 * an account, a patient or anything a client sent.
 */
export function createSecurityMetrics() {
  const privacyAlerts = new Counter({
    name: 'medikamente_privacy_alerts_total',
    help: 'Privacy-monitoring alerts raised, by rule and severity',
    labelNames: ['rule', 'severity'],
    registers: [],
  });
  const openAlerts = new Gauge({
    name: 'medikamente_privacy_alerts_open',
    help: 'Alerts not yet triaged, by severity',
    labelNames: ['severity'],
    registers: [],
  });
  const chainOk = new Gauge({
    name: 'medikamente_audit_chain_ok',
    help: '1 when the service audit chain verified against the central checkpoints, 0 when tampering was detected',
    labelNames: ['service'],
    registers: [],
  });
  const streamLag = new Gauge({
    name: 'medikamente_audit_stream_lag_seconds',
    help: 'Seconds since the audit stream last pulled the service successfully',
    labelNames: ['service'],
    registers: [],
  });
  const ingested = new Counter({
    name: 'medikamente_audit_events_ingested_total',
    help: 'Audit events copied into the central stream, by source service',
    labelNames: ['service'],
    registers: [],
  });
  const requestsOverdue = new Gauge({
    name: 'medikamente_dsr_overdue',
    help: 'Data-subject requests past their legal deadline and not completed',
    registers: [],
  });
  const requestsDueSoon = new Gauge({
    name: 'medikamente_dsr_due_soon',
    help: 'Data-subject requests due within the reminder window',
    registers: [],
  });
  const incidentsOverdue = new Gauge({
    name: 'medikamente_incidents_overdue',
    help: 'Personal-data incidents whose 24-hour or 72-hour Roskomnadzor deadline passed without the notice',
    registers: [],
  });
  const all: Metric[] = [
    privacyAlerts,
    openAlerts,
    chainOk,
    streamLag,
    ingested,
    requestsOverdue,
    requestsDueSoon,
    incidentsOverdue,
  ];
  return {
    all,
    alertRaised: (rule: string, severity: string) => privacyAlerts.inc({ rule, severity }),
    setOpenAlerts: (bySeverity: Record<string, number>) => {
      for (const [severity, n] of Object.entries(bySeverity)) openAlerts.set({ severity }, n);
    },
    setChainOk: (service: string, ok: boolean) => chainOk.set({ service }, ok ? 1 : 0),
    setStreamLag: (service: string, seconds: number) => streamLag.set({ service }, seconds),
    countIngested: (service: string, n: number) => ingested.inc({ service }, n),
    setRequests: (overdue: number, dueSoon: number) => {
      requestsOverdue.set(overdue);
      requestsDueSoon.set(dueSoon);
    },
    setIncidentsOverdue: (n: number) => incidentsOverdue.set(n),
  };
}
export type SecurityMetrics = ReturnType<typeof createSecurityMetrics>;
