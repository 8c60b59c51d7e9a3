import { dateOnly, dayKey } from './format';

/** Russian labels and value formatting of laboratory orders and results, shared by both apps. */

export const LAB_STATUS_LABELS: Record<string, string> = {
  ORDERED: 'назначен',
  COLLECTED: 'биоматериал взят',
  SENT: 'отправлен',
  RECEIVED: 'принят лабораторией',
  RESULTED: 'готов',
  REVIEWED: 'проверен',
  RELEASED: 'выдан пациенту',
  CANCELLED: 'отменён',
  REJECTED: 'отклонён',
};

export const LAB_PRIORITY_LABELS: Record<string, string> = { ROUTINE: 'обычный', URGENT: 'срочно' };

/** Fallback texts of the flags (the API sends its own `flagText`; this is for when it is absent). */
export const LAB_FLAG_LABELS: Record<string, string> = {
  N: 'в пределах нормы',
  L: 'ниже нормы',
  H: 'выше нормы',
  LL: 'критически низкое значение',
  HH: 'критически высокое значение',
  A: 'отклонение от нормы',
};

/** Short marks shown next to the flag's colour (never colour alone): ↓, ↑, ⇊, ⇈, !, ✓. */
export const LAB_FLAG_MARKS: Record<string, string> = { N: '✓', L: '↓', H: '↑', LL: '⇊', HH: '⇈', A: '!' };

/** Status text of an order: "отклонён: гемолиз" when a reason is known for a rejection or cancellation. */
export function labStatusText(status: string | null | undefined, reason?: string | null): string {
  const label = LAB_STATUS_LABELS[status ?? ''] ?? status ?? '—';
  return reason && (status === 'REJECTED' || status === 'CANCELLED') ? `${label}: ${reason}` : label;
}

/** The statuses in which the clinic's steps apply (collected, then sent) or the order may be cancelled. */
export const canCollect = (status: string | null | undefined) => status === 'ORDERED';
export const canSend = (status: string | null | undefined) => status === 'COLLECTED';
export const canCancel = (status: string | null | undefined) =>
  status === 'ORDERED' || status === 'COLLECTED' || status === 'SENT' || status === 'RECEIVED';

const numberFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 3 });

/** A number the Russian way, whatever the browser locale: "5,6", "1 250", "−0,5". */
export const ruNumber = (n: number): string => numberFormat.format(n).replace('-', '−');

export type LabValueView = {
  numeric?: number | null;
  unit?: string | null;
  coded?: string | null;
  text?: string | null;
};

/** "5,6 ммоль/л", a coded value ("отрицательно") or the text of the result; "—" when none. */
export function labValueText(r: LabValueView): string {
  if (r.numeric != null) return `${ruNumber(r.numeric)}${r.unit ? ` ${r.unit}` : ''}`;
  return r.coded ?? r.text ?? '—';
}

/** The flag in words: the API's text, or the fallback label of the flag. */
export const labFlagText = (flag: string | null | undefined, flagText?: string | null): string =>
  flagText || (flag ? (LAB_FLAG_LABELS[flag] ?? flag) : '');

/** Whether a flag is outside the norm (anything but N). */
export const isAbnormal = (flag: string | null | undefined) => !!flag && flag !== 'N';

/** "24.11.2025" of an instant, as the clinic's day (Moscow unless a zone is given). */
export const labDay = (iso: string | null | undefined, tz = 'Europe/Moscow'): string =>
  iso ? dateOnly(dayKey(iso, tz)) : '';

export type ChartPoint = { at: string; value: number; flag?: string | null };
export type ChartBand = { low?: number | null; high?: number | null };
export type ChartBox = { width: number; height: number; padLeft: number; padRight: number; padY: number };

/**
 * Geometry of a line chart of values over time: x by time (evenly spread when all share one
 * instant), y from the values and the reference band with a margin; the band as a rectangle.
 */
export function chartGeometry(points: readonly ChartPoint[], band: ChartBand, box: ChartBox) {
  const sorted = [...points].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const ys = [...sorted.map((p) => p.value), band.low, band.high].filter((v): v is number => v != null);
  let min = Math.min(...ys);
  let max = Math.max(...ys);
  if (!Number.isFinite(min)) [min, max] = [0, 1];
  const margin = (max - min || Math.abs(max) || 1) * 0.15;
  min -= margin;
  max += margin;
  const times = sorted.map((p) => Date.parse(p.at));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const innerW = box.width - box.padLeft - box.padRight;
  const innerH = box.height - 2 * box.padY;
  const x = (t: number, i: number) =>
    box.padLeft +
    (t1 > t0
      ? ((t - t0) / (t1 - t0)) * innerW
      : sorted.length > 1
        ? (i / (sorted.length - 1)) * innerW
        : innerW / 2);
  const y = (v: number) => box.padY + ((max - v) / (max - min)) * innerH;
  const placed = sorted.map((p, i) => ({ ...p, x: x(times[i]!, i), y: y(p.value) }));
  const bandTop = band.high != null ? y(band.high) : box.padY;
  const bandBottom = band.low != null ? y(band.low) : box.height - box.padY;
  return {
    points: placed,
    path: placed.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '),
    band:
      band.low != null || band.high != null
        ? { y: bandTop, height: Math.max(0, bandBottom - bandTop) }
        : null,
    ticks: [max - margin, min + margin].map((v) => ({ value: v, y: y(v) })),
  };
}
