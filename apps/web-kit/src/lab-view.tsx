import type { ReactNode } from 'react';
import {
  type ChartBand,
  type ChartPoint,
  chartGeometry,
  isAbnormal,
  LAB_FLAG_MARKS,
  labDay,
  labFlagText,
  labStatusText,
  labValueText,
  ruNumber,
} from './lab';

/** Read-only views of laboratory orders and results, shared by the staff app and the portal. */

/** The flag as colour, mark and words (never colour alone). */
export function FlagBadge({ flag, flagText }: { flag?: string | null; flagText?: string | null }) {
  if (!flag) return null;
  return (
    <span className={`flag flag-${flag}`} data-flag={flag}>
      <span aria-hidden="true">{LAB_FLAG_MARKS[flag] ?? ''} </span>
      {labFlagText(flag, flagText)}
    </span>
  );
}

export function LabStatusBadge({ status, reason }: { status?: string | null; reason?: string | null }) {
  return (
    <span className={`badge lab-${status ?? ''}`} data-lab-status={status ?? ''}>
      {labStatusText(status, reason)}
    </span>
  );
}

export type LabResultView = {
  id: string;
  testId?: string | null;
  testName?: string | null;
  numeric?: number | null;
  unit?: string | null;
  coded?: string | null;
  text?: string | null;
  referenceText?: string | null;
  flag?: string | null;
  flagText?: string | null;
  critical?: boolean | null;
  partnerComment?: string | null;
  resultedAt?: string | null;
  previous?: ReadonlyArray<{
    numeric?: number | null;
    resultedAt?: string | null;
    flag?: string | null;
  }> | null;
};

/**
 * An order's results as a table: test, value with unit, reference range, flag; optionally the
 * earlier values of the same test and the laboratory's comment (the doctor's view).
 */
export function LabResultsTable({
  results,
  caption,
  showPrevious = false,
  showPartnerComment = false,
}: {
  results: readonly LabResultView[];
  caption: string;
  showPrevious?: boolean;
  showPartnerComment?: boolean;
}) {
  return (
    // Fits a phone's width by wrapping (no sideways scrolling a keyboard could not reach).
    <table className="grid lab-results">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Показатель</th>
          <th scope="col">Результат</th>
          <th scope="col">Норма</th>
          <th scope="col">Оценка</th>
          {showPrevious ? <th scope="col">Прежние значения</th> : null}
          {showPartnerComment ? <th scope="col">Комментарий лаборатории</th> : null}
        </tr>
      </thead>
      <tbody>
        {results.map((r) => (
          <tr
            key={r.id}
            data-result-id={r.id}
            data-test-id={r.testId ?? ''}
            className={isAbnormal(r.flag) ? 'abnormal' : undefined}
          >
            <th scope="row">{r.testName ?? '—'}</th>
            <td className="value" data-field="value">
              {labValueText(r)}
            </td>
            <td>{r.referenceText ?? '—'}</td>
            <td>
              <FlagBadge flag={r.flag} flagText={r.flagText} />
            </td>
            {showPrevious ? (
              <td data-field="previous">
                {r.previous?.length
                  ? r.previous
                      .filter((p) => p.numeric != null)
                      .map((p) => `${ruNumber(p.numeric!)} (${labDay(p.resultedAt)})`)
                      .join('; ') || '—'
                  : '—'}
              </td>
            ) : null}
            {showPartnerComment ? <td>{r.partnerComment ?? '—'}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * An order's results for a phone (the patient's view): one card per test — name, value with unit
 * and the flag in words on one line, the norm under it; nothing to scroll sideways.
 */
export function LabResultCards({ results, label }: { results: readonly LabResultView[]; label: string }) {
  return (
    <ul className="list lab-result-cards" aria-label={label}>
      {results.map((r) => (
        <li
          key={r.id}
          data-result-id={r.id}
          data-test-id={r.testId ?? ''}
          className={isAbnormal(r.flag) ? 'abnormal' : undefined}
        >
          <span className="name">{r.testName ?? '—'}</span>{' '}
          <span className="value" data-field="value">
            {labValueText(r)}
          </span>{' '}
          <FlagBadge flag={r.flag} flagText={r.flagText} />
          {r.referenceText ? <span className="muted norm">норма {r.referenceText}</span> : null}
        </li>
      ))}
    </ul>
  );
}

const plural = new Intl.PluralRules('ru-RU');
const VALUES: Record<string, string> = {
  one: 'значение',
  few: 'значения',
  many: 'значений',
  other: 'значения',
};

const BOX = { width: 320, height: 160, padLeft: 44, padRight: 12, padY: 16 };

/**
 * One test's values over time: an SVG line with the reference band (a picture with a text
 * summary for screen readers) and, under it, the same values as a table.
 */
export function LabHistoryChart({
  title,
  unit,
  points,
  band,
  referenceText,
  footer,
}: {
  title: string;
  unit?: string | null;
  points: readonly ChartPoint[];
  band: ChartBand;
  referenceText?: string | null;
  footer?: ReactNode;
}) {
  const g = chartGeometry(points, band, BOX);
  const u = unit ? ` ${unit}` : '';
  const last = g.points.at(-1);
  const summary = last
    ? `${title}: ${g.points.length} ${VALUES[plural.select(g.points.length)]}, последнее ${ruNumber(last.value)}${u} от ${labDay(last.at)}${referenceText ? `; норма ${referenceText}` : ''}.`
    : `${title}: значений нет.`;
  return (
    <figure className="lab-chart" data-testid="lab-chart">
      <figcaption>
        <strong>{title}</strong>
        {referenceText ? <span className="muted"> · норма {referenceText}</span> : null}
      </figcaption>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={summary} className="chart">
        {g.band ? (
          <rect
            className="band"
            x={BOX.padLeft}
            y={g.band.y}
            width={BOX.width - BOX.padLeft - BOX.padRight}
            height={g.band.height}
          />
        ) : null}
        {g.ticks.map((t, i) => (
          <text key={i} className="tick" x={BOX.padLeft - 6} y={t.y + 4} textAnchor="end">
            {ruNumber(Number(t.value.toPrecision(3)))}
          </text>
        ))}
        <path className="line" d={g.path} fill="none" />
        {g.points.map((p) => (
          <circle
            key={`${p.at}-${p.value}`}
            className={isAbnormal(p.flag) ? 'point abnormal' : 'point'}
            cx={p.x}
            cy={p.y}
            r={isAbnormal(p.flag) ? 5 : 4}
          />
        ))}
      </svg>
      <table className="grid lab-history-table">
        <caption className="sr-only">{title}: значения по датам</caption>
        <thead>
          <tr>
            <th scope="col">Дата</th>
            <th scope="col">Значение</th>
            <th scope="col">Оценка</th>
          </tr>
        </thead>
        <tbody>
          {[...g.points].reverse().map((p) => (
            <tr key={`${p.at}-${p.value}`}>
              <td>{labDay(p.at)}</td>
              <td>
                {ruNumber(p.value)}
                {u}
              </td>
              <td>
                <FlagBadge flag={p.flag} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {footer}
    </figure>
  );
}
