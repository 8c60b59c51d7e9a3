import { dateOnly } from '@medikamente/web-kit/format';

const plural = new Intl.PluralRules('ru-RU');
const YEARS: Record<string, string> = { one: 'год', few: 'года', many: 'лет', other: 'года' };

/** "род. 12.04.1988, 37 лет" (what the API returned of it; nothing when it returned nothing). */
export function birthLine(birthDate: string | null | undefined, ageYears?: number | null): string {
  const parts = [
    birthDate ? `род. ${dateOnly(birthDate)}` : null,
    ageYears != null ? `${ageYears} ${YEARS[plural.select(ageYears)]}` : null,
  ];
  return parts.filter(Boolean).join(', ');
}

export const SEX_LABELS: Record<string, string> = { FEMALE: 'женский', MALE: 'мужской' };

/** A doctor's name by account id, from the clinic's list of specialists. */
export type Names = ReadonlyMap<string, string>;
export const nameOf = (names: Names, accountId: string | null | undefined): string =>
  (accountId && names.get(accountId)) || 'врач клиники';
