import { describe, expect, it } from 'vitest';
import { derivedId, EXPORT_UUID_NAMESPACE, ownId, uuidV5 } from './fhir.ids';

describe('export ids', () => {
  it('computes RFC 9562 v5 UUIDs (the RFC example: DNS namespace, www.example.com)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow();
  });

  it('keeps our UUIDs (lower-cased) and derives a stable UUID for anything else', () => {
    expect(ownId('Encounter', '1A2B3C4D-0000-4000-8000-000000000001')).toBe(
      '1a2b3c4d-0000-4000-8000-000000000001',
    );
    expect(ownId('Encounter', 'visit-7')).toBe(uuidV5(EXPORT_UUID_NAMESPACE, 'Encounter/visit-7'));
    expect(derivedId('Condition', 'v1', 0)).toBe(derivedId('Condition', 'v1', 0));
    expect(derivedId('Condition', 'v1', 0)).not.toBe(derivedId('Condition', 'v1', 1));
    expect(derivedId('Condition', 'v1', 0)).not.toBe(derivedId('MedicationRequest', 'v1', 0));
  });
});
