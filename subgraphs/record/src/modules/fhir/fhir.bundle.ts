import type {
  Bundle,
  BundleEntry,
  Composition,
  EncounterDiagnosis,
  Location,
  Patient,
  Practitioner,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import { CONFIDENTIALITY_RESTRICTED, DIAGNOSIS_KIND_ORDER, diagnosisUse } from './fhir.codes';
import { addendumComposition, type SectionEntries, versionComposition } from './fhir.composition';
import { derivedId, fullUrlOf, ownId, refTo } from './fhir.ids';
import {
  toCondition,
  toDocumentReference,
  toEncounter,
  toLocation,
  toMedicationRequest,
  toPatient,
  toPractitioner,
  toServiceRequest,
  type VersionContext,
} from './fhir.resources';
import type { ExportVersion, ExportVisit, RecordExportInput } from './fhir.types';

type Shared = {
  patient: Reference<Patient>;
  practitioner: (accountId: string) => Reference<Practitioner>;
  location: (branchId: string | undefined) => Reference<Location> | undefined;
};

/**
 * Maps one patient's signed medical record to a FHIR R4 `collection` Bundle: Patient, the
 * practitioners and branches involved, and per visit an Encounter, a Composition per signed
 * version (earlier ones linked by `relatesTo: replaces`), a Composition per addendum
 * (`appends`), Conditions, MedicationRequests and ServiceRequests from the current version
 * (none when it is entered-in-error) and a metadata-only DocumentReference per attachment.
 * Pure and deterministic: the same input gives the same bundle, ids included.
 */
export function buildPatientRecordBundle(input: RecordExportInput): Bundle {
  // The store's order must not show in the output: sort everything that becomes an entry.
  const visits = [...input.visits]
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id.localeCompare(b.id))
    .map((v) => ({ ...v, versions: [...v.versions].sort((a, b) => a.number - b.number) }));
  const entries = new Entries();
  const patient = refTo(entries.add(toPatient(input.patient)));

  const practitioners = new Map<string, Reference<Practitioner>>();
  for (const [accountId, name] of practitionerNames(visits)) {
    practitioners.set(accountId, refTo(entries.add(toPractitioner(accountId, name))));
  }
  const locations = new Map<string, Reference<Location>>();
  for (const visit of visits) {
    if (visit.branchId && !locations.has(visit.branchId)) {
      locations.set(visit.branchId, refTo(entries.add(toLocation(visit.branchId, visit.branchName))));
    }
  }
  const shared: Shared = {
    patient,
    practitioner: (accountId) => {
      const ref = practitioners.get(accountId);
      if (!ref) throw new Error('FHIR export: unknown practitioner');
      return ref;
    },
    location: (branchId) => (branchId ? locations.get(branchId) : undefined),
  };

  for (const visit of visits) {
    for (const resource of visitResources(visit, shared)) entries.add(resource);
  }

  return {
    resourceType: 'Bundle',
    id: derivedId('Bundle', input.patient.id, input.generatedAt.toISOString()),
    meta: { security: [CONFIDENTIALITY_RESTRICTED] },
    type: 'collection',
    timestamp: input.generatedAt.toISOString(),
    entry: entries.list,
  };
}

/** Every account that appears in the record, with the first name we were given for it. */
function practitionerNames(visits: ExportVisit[]): Map<string, string | undefined> {
  const names = new Map<string, string | undefined>();
  const note = (accountId: string, name: string | undefined) => {
    if (!names.get(accountId)) names.set(accountId, name || undefined);
  };
  for (const visit of visits) {
    note(visit.doctorAccountId, visit.doctorName);
    for (const v of visit.versions) note(v.signedBy, v.signedByName);
    for (const a of visit.addenda) note(a.signedBy, undefined);
  }
  return names;
}

/** `visit.versions` must be sorted by number. */
function visitResources(visit: ExportVisit, shared: Shared): Resource[] {
  const encounter = { reference: fullUrlOf(ownId('Encounter', visit.id)) };
  const versions = visit.versions;
  const current = versions.at(-1);
  // Marking the current version entered-in-error retracts the whole note, earlier versions included.
  const retracted = current?.status === 'ENTERED_IN_ERROR';
  const compositionRef = (v: ExportVersion): Reference<Composition> => ({
    reference: fullUrlOf(ownId('Composition', v.id)),
  });

  const derived: Resource[] = [];
  const diagnosis: EncounterDiagnosis[] = [];
  let entries: SectionEntries | undefined;
  if (current && !retracted) {
    const ctx: VersionContext = {
      version: current,
      patient: shared.patient,
      encounter,
      signer: shared.practitioner(current.signedBy),
    };
    const { diagnoses, prescriptions, referrals } = current.content;
    const conditions = diagnoses.map((d, i) => toCondition(d, i, ctx));
    const ranked = diagnoses
      .map((d, i) => ({ d, condition: conditions[i] as (typeof conditions)[number] }))
      .sort((a, b) => DIAGNOSIS_KIND_ORDER[a.d.kind] - DIAGNOSIS_KIND_ORDER[b.d.kind]);
    ranked.forEach(({ d, condition }, i) => {
      diagnosis.push({ condition: refTo(condition), use: diagnosisUse(d.kind), rank: i + 1 });
    });
    const medicationRequests = prescriptions.map((p, i) => toMedicationRequest(p, i, ctx));
    const serviceRequests = referrals.map((r, i) => toServiceRequest(r, i, ctx));
    entries = {
      conditions: ranked.map(({ condition }) => refTo(condition)),
      medicationRequests: medicationRequests.map((m) => refTo(m)),
      serviceRequests: serviceRequests.map((s) => refTo(s)),
    };
    derived.push(...conditions, ...medicationRequests, ...serviceRequests);
  }

  const compositions = versions.map((version, i) => {
    const replaced =
      versions.find((v) => v.id === version.replacesVersionId) ?? (i > 0 ? versions[i - 1] : undefined);
    return versionComposition({
      visitId: visit.id,
      version,
      status: retracted ? 'ENTERED_IN_ERROR' : version.status,
      refs: { patient: shared.patient, encounter, signer: shared.practitioner(version.signedBy) },
      replaces: replaced ? compositionRef(replaced) : undefined,
      entries: version === current ? entries : undefined,
    });
  });
  const addenda = [...visit.addenda]
    .sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime() || a.id.localeCompare(b.id))
    .map((addendum) =>
      addendumComposition({
        addendum,
        refs: { patient: shared.patient, encounter, signer: shared.practitioner(addendum.signedBy) },
        appendsTo: current ? compositionRef(current) : undefined,
      }),
    );
  const documents = [...visit.attachments]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
    .map((a) => toDocumentReference(a, { patient: shared.patient, encounter }));

  return [
    toEncounter(
      visit,
      {
        patient: shared.patient,
        doctor: shared.practitioner(visit.doctorAccountId),
        location: shared.location(visit.branchId),
      },
      diagnosis,
    ),
    ...compositions,
    ...addenda,
    ...derived,
    ...documents,
  ];
}

/** Bundle entries with `urn:uuid:` fullUrls; a repeated fullUrl is a bug in the mapping, not data. */
class Entries {
  readonly list: BundleEntry[] = [];
  private readonly seen = new Set<string>();

  add<T extends Resource>(resource: T): T {
    if (!resource.id) throw new Error('FHIR export: resource without id');
    const fullUrl = fullUrlOf(resource.id);
    if (this.seen.has(fullUrl)) throw new Error(`FHIR export: duplicate ${resource.resourceType} id`);
    this.seen.add(fullUrl);
    this.list.push({ fullUrl, resource });
    return resource;
  }
}
