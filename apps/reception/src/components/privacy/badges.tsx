import { ALERT_STATUS_LABELS, labelOf, SEVERITY_LABELS } from './labels';

/** An alert's severity: colour and words (never colour alone). */
export function SeverityBadge({ severity }: { severity: string | null | undefined }) {
  return (
    <span className={`badge severity-${severity ?? ''}`} data-severity={severity ?? undefined}>
      Важность: {labelOf(SEVERITY_LABELS, severity)}
    </span>
  );
}

/** An alert's triage status. */
export function AlertStatusBadge({ status }: { status: string | null | undefined }) {
  return (
    <span className={`badge alert-${status ?? ''}`} data-status={status ?? undefined}>
      {labelOf(ALERT_STATUS_LABELS, status)}
    </span>
  );
}
