import { DateTime } from 'luxon';
import type { DiagnosisCertainty, DiagnosisKind, VisitSummaryReferral } from './visit-summary.types';

export const DIAGNOSIS_KIND_LABEL: Record<DiagnosisKind, string> = {
  PRIMARY: 'основной',
  COMPLICATION: 'осложнение',
  SECONDARY: 'сопутствующий',
};

/** Order of diagnoses in a Russian conclusion: the main one, its complications, then the accompanying ones. */
export const DIAGNOSIS_KIND_ORDER: Record<DiagnosisKind, number> = {
  PRIMARY: 0,
  COMPLICATION: 1,
  SECONDARY: 2,
};

export const DIAGNOSIS_CERTAINTY_LABEL: Record<DiagnosisCertainty, string> = {
  PROVISIONAL: 'предварительный',
  CONFIRMED: 'заключительный',
};

export const REFERRAL_KIND_LABEL: Record<VisitSummaryReferral['kind'], string> = {
  SPECIALIST: 'Консультация специалиста',
  LAB: 'Лабораторное исследование',
};

/** Date and time of an instant in the branch's time zone, e.g. `05.03.2025 14:30`. */
export function formatDateTime(at: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone }).setLocale('ru');
  if (!local.isValid) {
    throw new RangeError(`Cannot print a time in zone "${timeZone}": ${local.invalidReason}`);
  }
  return local.toFormat('dd.MM.yyyy HH:mm');
}

/** A calendar date `YYYY-MM-DD` as `dd.MM.yyyy`; anything else is printed as given rather than lost. */
export function formatCalendarDate(isoDate: string): string {
  const date = DateTime.fromFormat(isoDate, 'yyyy-MM-dd', { zone: 'utc' });
  return date.isValid ? date.toFormat('dd.MM.yyyy') : isoDate;
}

/** Trimmed text, or undefined when there is nothing to print (the section is then omitted). */
export function presentText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Shortens text for a fixed-height place such as the page footer. */
export function clip(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
