import type {
  Bundle,
  Composition,
  Condition,
  DocumentReference,
  Encounter,
  MedicationRequest,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { ICD10_RU_SYSTEM, ICD10_WHO_SYSTEM, SID } from './fhir.codes';
import { FX, recordFixture } from './fhir.fixture';
import { buildPatientRecordBundle } from './index';

const bundle = buildPatientRecordBundle(recordFixture());
const resources = (bundle.entry ?? []).map((e) => e.resource as Resource);
const ofType = <T extends Resource>(type: T['resourceType']) =>
  resources.filter((r): r is T => r.resourceType === type);
const byId = <T extends Resource>(type: T['resourceType'], id: string): T => {
  const found = ofType<T>(type).find((r) => r.id === id);
  if (!found) throw new Error(`no ${type}/${id}`);
  return found;
};
const encounterUrl = (visitId: string) => `urn:uuid:${visitId}`;
const compositionUrl = (versionId: string) => `urn:uuid:${versionId}`;

/** Every value under a key named `reference`, anywhere in the bundle. */
function references(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(references);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) =>
      key === 'reference' && typeof v === 'string' ? [v] : references(v),
    );
  }
  return [];
}

describe('buildPatientRecordBundle', () => {
  it('is a collection with one resource per record item', () => {
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(bundle.timestamp).toBe('2025-05-01T10:00:00.000Z');
    const counts: Record<string, number> = {};
    for (const r of resources) counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
    expect(counts).toEqual({
      Patient: 1,
      Practitioner: 2,
      Location: 1,
      Encounter: 2,
      Composition: 5, // 2 + 2 signed versions, 1 addendum
      Condition: 3, // current version of the amended visit only
      MedicationRequest: 2,
      ServiceRequest: 1,
      DocumentReference: 1,
    });
    expect(resources[0]?.resourceType).toBe('Patient');
  });

  it('gives every entry a unique urn:uuid fullUrl matching its id, and every reference resolves inside the bundle', () => {
    const fullUrls = (bundle.entry ?? []).map((e) => e.fullUrl);
    expect(new Set(fullUrls).size).toBe(fullUrls.length);
    for (const e of bundle.entry ?? []) {
      expect(e.fullUrl).toMatch(
        /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(e.fullUrl).toBe(`urn:uuid:${e.resource?.id}`);
    }
    const refs = references(bundle);
    expect(refs.length).toBeGreaterThan(40);
    expect(refs.filter((r) => !fullUrls.includes(r))).toEqual([]);
  });

  it('keeps our ids: Encounter = visit, Composition = signed version, DocumentReference = attachment', () => {
    const encounter = byId<Encounter>('Encounter', FX.amendedVisit);
    expect(encounter.identifier).toEqual([{ system: SID.visit, value: FX.amendedVisit }]);
    expect(encounter.status).toBe('finished');
    expect(encounter.period).toEqual({ start: '2025-03-10T09:00:00.000Z', end: '2025-03-10T09:30:00.000Z' });
    expect(encounter.appointment?.[0]?.reference).toBeUndefined();
    expect(byId<Composition>('Composition', FX.amendedV2).identifier).toEqual({
      system: SID.visitNote,
      value: FX.amendedVisit,
    });
    expect(byId<DocumentReference>('DocumentReference', FX.attachment).status).toBe('current');
  });

  it('maps an amendment: v2 is amended and replaces v1, which stays final; the reason is a section', () => {
    const v1 = byId<Composition>('Composition', FX.amendedV1);
    const v2 = byId<Composition>('Composition', FX.amendedV2);
    expect(v1.status).toBe('final');
    expect(v1.relatesTo).toBeUndefined();
    expect(v2.status).toBe('amended');
    expect(v2.relatesTo).toEqual([
      { code: 'replaces', targetReference: { reference: compositionUrl(FX.amendedV1) } },
    ]);
    const reason = v2.section?.find((s) => s.title === 'Причина исправления');
    expect(reason?.text?.div).toContain('Уточнён диагноз по результатам анализа крови');
    expect(v2.attester?.[0]).toMatchObject({ mode: 'legal', time: '2025-03-12T15:00:00.000Z' });
    const addendum = byId<Composition>('Composition', FX.addendum);
    expect(addendum.relatesTo).toEqual([
      { code: 'appends', targetReference: { reference: compositionUrl(FX.amendedV2) } },
    ]);
  });

  it('marks a retracted note entered-in-error in every version and derives nothing from it', () => {
    for (const id of [FX.retractedV1, FX.retractedV2]) {
      const c = byId<Composition>('Composition', id);
      expect(c.status).toBe('entered-in-error');
      expect(c.section?.some((s) => s.entry)).toBe(false);
    }
    expect(byId<Composition>('Composition', FX.retractedV2).relatesTo?.[0]?.targetReference?.reference).toBe(
      compositionUrl(FX.retractedV1),
    );
    const encounter = byId<Encounter>('Encounter', FX.retractedVisit);
    expect(encounter.diagnosis).toBeUndefined();
    const fromRetracted = resources.filter(
      (r) => 'encounter' in r && JSON.stringify(r.encounter).includes(encounterUrl(FX.retractedVisit)),
    );
    expect(fromRetracted.map((r) => r.resourceType).sort()).toEqual(['Composition', 'Composition']);
  });

  it('derives conditions, prescriptions and referrals from the current version only', () => {
    const codes = ofType<Condition>('Condition').map((c) => c.code?.coding?.[0]?.code);
    expect(codes.sort()).toEqual(['E11.9', 'J03.9', 'J36']);
    const drugs = ofType<MedicationRequest>('MedicationRequest').map(
      (m) => m.medicationCodeableConcept?.text,
    );
    expect(drugs).toEqual(['Амоксициллин, капсулы', 'Парацетамол, таблетки']);
    const [referral] = ofType<ServiceRequest>('ServiceRequest');
    expect(referral?.code?.text).toBe('Оториноларинголог');
    expect(referral?.category?.[0]?.coding?.[0]?.code).toBe('3457005');
    const v2 = byId<Composition>('Composition', FX.amendedV2);
    const entryCount = (title: string) => v2.section?.find((s) => s.title === title)?.entry?.length;
    expect([entryCount('Диагноз'), entryCount('Назначения'), entryCount('Направления')]).toEqual([3, 2, 1]);
    expect(byId<Composition>('Composition', FX.amendedV1).section?.some((s) => s.entry)).toBe(false);
  });

  it('codes diagnoses in both ICD-10 systems with certainty, category and the Russian rank order', () => {
    const [condition] = ofType<Condition>('Condition').filter((c) => c.code?.coding?.[0]?.code === 'J36');
    expect(condition?.code?.coding).toEqual([
      { system: ICD10_RU_SYSTEM, code: 'J36', display: 'Перитонзиллярный абсцесс', userSelected: true },
      { system: ICD10_WHO_SYSTEM, code: 'J36' },
    ]);
    expect(condition?.verificationStatus?.coding?.[0]?.code).toBe('provisional');
    expect(condition?.category?.[0]?.coding?.[0]?.code).toBe('encounter-diagnosis');
    expect(condition?.clinicalStatus).toBeUndefined();
    const encounter = byId<Encounter>('Encounter', FX.amendedVisit);
    const ranked = (encounter.diagnosis ?? []).map((d) => {
      const c = resources.find((r) => `urn:uuid:${r.id}` === d.condition.reference) as Condition;
      return [d.rank, c.code?.coding?.[0]?.code, d.use?.text, c.verificationStatus?.coding?.[0]?.code];
    });
    expect(ranked).toEqual([
      [1, 'J03.9', 'Основной', 'confirmed'],
      [2, 'J36', 'Осложнение основного', 'provisional'],
      [3, 'E11.9', 'Сопутствующий', 'confirmed'],
    ]);
  });

  it('escapes free text in narratives and writes only plain XHTML', () => {
    const json = JSON.stringify(bundle);
    expect(json).not.toContain('<script');
    const complaints = byId<Composition>('Composition', FX.amendedV1).section?.[0];
    expect(complaints?.code?.coding?.[0]?.code).toBe('10154-3');
    expect(complaints?.text?.div).toBe(
      '<div xmlns="http://www.w3.org/1999/xhtml"><p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; боль в горле</p></div>',
    );
    const divs = ofType<Composition>('Composition').flatMap((c) =>
      (c.section ?? []).map((s) => s.text?.div ?? ''),
    );
    expect(divs.length).toBeGreaterThan(15);
    for (const div of divs) {
      const tags = [...div.matchAll(/<\/?([A-Za-z][\w:-]*)/g)].map((m) => m[1]);
      expect(tags.filter((t) => !['div', 'p', 'br', 'ul', 'li'].includes(t ?? ''))).toEqual([]);
      expect(div.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|#39);)/);
    }
  });

  it('exports attachments as metadata only, the SHA-256 as an ni URI, never bytes or a link', () => {
    const doc = byId<DocumentReference>('DocumentReference', FX.attachment);
    expect(doc.content).toEqual([
      {
        attachment: {
          contentType: 'application/pdf',
          size: 12345,
          title: 'анализ крови.pdf',
          creation: '2025-03-12T14:00:00.000Z',
        },
      },
    ]);
    const ni = doc.identifier?.find((i) => i.system === 'urn:ietf:rfc:3986')?.value;
    expect(ni).toBe(`ni:///sha-256;${Buffer.from(FX.attachmentSha256, 'hex').toString('base64url')}`);
    expect(doc.context?.encounter?.[0]?.reference).toBe(encounterUrl(FX.amendedVisit));
    const json = JSON.stringify(bundle);
    expect(json).not.toMatch(/"(data|url)":"(?!https:\/\/medikamente\.ru\/fhir\/StructureDefinition\/)/);
  });

  it('is deterministic: same input, same bundle, whatever the input order', () => {
    const again = recordFixture();
    again.visits.reverse();
    for (const v of again.visits) v.versions.reverse();
    const rebuilt: Bundle = buildPatientRecordBundle(again);
    expect(rebuilt).toEqual(bundle);
    expect(rebuilt.entry?.map((e) => e.fullUrl)).toEqual(bundle.entry?.map((e) => e.fullUrl));
  });
});
