/**
 * Renders a recognisable but non-identifying value for "masked" policy cells.
 * Styles are named in the field's @classified(mask: …) directive.
 */
export type MaskStyle = 'NONE' | 'INITIAL' | 'FULL_NAME' | 'PHONE' | 'EMAIL' | 'YEAR' | 'TAIL4' | 'REDACT';

export const MASK_STYLES: readonly MaskStyle[] = [
  'NONE',
  'INITIAL',
  'FULL_NAME',
  'PHONE',
  'EMAIL',
  'YEAR',
  'TAIL4',
  'REDACT',
];

const maskers: Record<MaskStyle, (v: string) => string> = {
  NONE: (v) => v,
  // "Иван" -> "И."
  INITIAL: (v) => (v ? `${[...v][0]}.` : v),
  // "Иванов Иван Иванович" -> "Иванов И. И."
  FULL_NAME: (v) => {
    const [last, ...rest] = v.split(/\s+/).filter(Boolean);
    return [last, ...rest.map((p) => `${[...p][0]}.`)].filter(Boolean).join(' ');
  },
  // "+79161234567" -> "+7 *** ***-**-67"
  PHONE: (v) => {
    const digits = v.replace(/\D/g, '');
    return `+${digits.slice(0, digits.length - 10) || '7'} *** ***-**-${digits.slice(-2)}`;
  },
  // "ivanov@mail.ru" -> "i***@mail.ru"
  EMAIL: (v) => {
    const at = v.indexOf('@');
    return at < 1 ? '***' : `${v[0]}***${v.slice(at)}`;
  },
  // "1984-05-17" -> "19**"
  YEAR: (v) => (/^\d{4}/.test(v) ? `${v.slice(0, 2)}**` : '****'),
  // "4510 123456" -> "*** 3456"
  TAIL4: (v) => `*** ${v.replace(/\s/g, '').slice(-4)}`,
  REDACT: () => '***',
};

/** Masks a scalar or a list of scalars; null stays null. */
export function maskValue(value: unknown, style: string | undefined): unknown {
  if (value === null || value === undefined) return value;
  const fn = maskers[(style as MaskStyle) ?? 'REDACT'] ?? maskers.REDACT;
  if (Array.isArray(value)) return value.map((v) => maskValue(v, style));
  return fn(String(value));
}
