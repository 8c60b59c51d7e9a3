import { describe, expect, it } from 'vitest';
import { newSpecimenCode, normaliseSpecimenCode } from './specimen-code';

describe('specimen codes', () => {
  it('are random, well-formed and pass their own check', () => {
    const codes = new Set(Array.from({ length: 2000 }, newSpecimenCode));
    expect(codes.size).toBe(2000);
    for (const c of codes) {
      expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]$/);
      expect(normaliseSpecimenCode(c)).toBe(c);
    }
  });

  it('accept what a person types or a scanner reads', () => {
    const c = newSpecimenCode();
    expect(normaliseSpecimenCode(c.toLowerCase().replaceAll('-', ' '))).toBe(c);
    expect(normaliseSpecimenCode(c.replaceAll('-', ''))).toBe(c);
  });

  // Luhn mod N, like Luhn's 09↔90, cannot see the swap of the alphabet's first and last symbols.
  it('catch every single-character typo and every adjacent swap but 0↔Z', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let n = 0; n < 50; n++) {
      const c = newSpecimenCode().replaceAll('-', '');
      for (let i = 0; i < c.length; i++) {
        for (const ch of alphabet) {
          if (ch === c[i]) continue;
          expect(normaliseSpecimenCode(c.slice(0, i) + ch + c.slice(i + 1))).toBeNull();
        }
        const pair = `${c[i]}${c[i + 1]}`;
        if (i + 1 < c.length && c[i] !== c[i + 1] && pair !== '0Z' && pair !== 'Z0') {
          const swapped = c.slice(0, i) + c[i + 1] + c[i] + c.slice(i + 2);
          expect(normaliseSpecimenCode(swapped)).toBeNull();
        }
      }
    }
  });

  it('refuse malformed input', () => {
    for (const bad of ['', 'ABC', 'ÄBCDE-FGHJK-0', 'x'.repeat(100), 'ABCDE-FGHJK-01'])
      expect(normaliseSpecimenCode(bad)).toBeNull();
  });
});
