import { ALERT_STATUS_LABELS, labelOf, SEVERITY_LABELS } from './labels';

/** An alert's severity: colour and words (never colour alone). */
export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <span className={`badge severity-${severity}`} data-severity={severity}>
      Важность: {labelOf(SEVERITY_LABELS, severity)}
    </span>
  );
}

/** An alert's triage status. */
export function AlertStatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge alert-${status}`} data-status={status}>
      {labelOf(ALERT_STATUS_LABELS, status)}
    </span>
  );
}
