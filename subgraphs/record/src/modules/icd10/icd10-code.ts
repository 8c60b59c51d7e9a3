/** The shape of a code the platform stores: a letter, two digits, optionally a dot and one or two digits. */
export const ICD10_CODE_PATTERN = /^[A-Z]\d\d(\.\d{1,2})?$/;

/** Cyrillic capitals that look like a Latin capital (typed by habit on a Russian keyboard). */
const LOOKALIKE: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
};

/** The Latin letter on the same key of the Russian (ЙЦУКЕН) layout: "о" is what "J" types there. */
const SAME_KEY: Record<string, string> = Object.fromEntries(
  [...'ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬ'].map((c, i) => [c, 'QWERTYUIOPASDFGHJKLZXCVBNM'[i]!]),
);

// A dagger or asterisk marks dual classification (A17.0†, G01*); it is not part of the code.
const MARKS = /[+*†]+$/u;

/** Upper-cases, trims, drops dual-classification marks and a Cyrillic lookalike of the first letter. */
function canonical(input: string): string {
  const s = input.trim().toUpperCase().replace(MARKS, '').replace(/\s+/g, '');
  const first = s.charAt(0);
  return (LOOKALIKE[first] ?? first) + s.slice(1);
}

/** Inserts the dot of a code typed without it ("J069" -> "J06.9"). */
const withDot = (s: string) => (/^[A-Z]\d{3,4}$/.test(s) ? `${s.slice(0, 3)}.${s.slice(3)}` : s);

/**
 * The canonical form of an ICD-10 code ("j06.9 " -> "J06.9", Cyrillic "Н10" -> "H10", "J069" -> "J06.9",
 * "G01*" -> "G01"), or null when it is not a code of the shape letter, two digits, optional dot and
 * one or two digits. Only lookalike letters are mapped: a code typed on the Russian layout ("о06")
 * is ambiguous and left to search.
 */
export function normaliseCode(input: string): string | null {
  const code = withDot(canonical(input));
  return ICD10_CODE_PATTERN.test(code) ? code : null;
}

/**
 * The code prefixes a search query may mean, or null when it does not look like a code (a letter
 * followed by at least one digit). A Cyrillic first letter yields both its lookalike and the Latin
 * letter of the same key ("о06" -> O06, J06), the ranking puts exact matches first.
 */
export function codeQueryPrefixes(query: string): string[] | null {
  const s = query.trim().toUpperCase().replace(MARKS, '').replace(/\s+/g, '');
  if (!/^\p{L}\d{1,2}(\d{1,2}|\.\d{0,2})?$/u.test(s)) return null;
  const first = s.charAt(0);
  const rest = s.slice(1);
  const letters = /[A-Z]/.test(first) ? [first] : [LOOKALIKE[first], SAME_KEY[first]];
  const prefixes = letters.filter((l): l is string => !!l).map((l) => withDot(l + rest));
  return prefixes.length ? [...new Set(prefixes)] : null;
}

/**
 * Text as search compares it: lower case, "ё" as "е", every run of other characters than letters
 * and digits as one space, padded with spaces so that `% word%` matches at a word start.
 */
export function searchText(title: string): string {
  const words = searchWords(title);
  return words.length ? ` ${words.join(' ')} ` : ' ';
}

/** The words of a text as search compares them (see searchText). */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
