import { randomInt } from 'node:crypto';

/** Crockford's base32 alphabet: no I, L, O, U (no confusion with 1, 0, V when read aloud or typed). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = ALPHABET.length;
const BODY = 10;

/** Luhn mod N check character over the alphabet (catches every single typo and adjacent swaps but 0↔Z). */
function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(body[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return ALPHABET[(N - (sum % N)) % N]!;
}

/**
 * A new opaque specimen code: 10 random base32 characters (50 bits) and a check character,
 * printed as `XXXXX-XXXXX-C`. It says nothing about the patient, the clinic or the time.
 */
export function newSpecimenCode(): string {
  let body = '';
  for (let i = 0; i < BODY; i++) body += ALPHABET[randomInt(N)];
  return `${body.slice(0, 5)}-${body.slice(5)}-${checkCharacter(body)}`;
}

/**
 * The canonical form of a code as typed or scanned (case, spaces and hyphens ignored; O→0, I/L→1),
 * or null when it is malformed or its check character does not match.
 */
export function normaliseSpecimenCode(input: string): string | null {
  if (input.length > 40) return null;
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== BODY + 1 || [...s].some((c) => !ALPHABET.includes(c))) return null;
  const body = s.slice(0, BODY);
  if (checkCharacter(body) !== s[BODY]) return null;
  return `${body.slice(0, 5)}-${body.slice(5)}-${s[BODY]}`;
}
