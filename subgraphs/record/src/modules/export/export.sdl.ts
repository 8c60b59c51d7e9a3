/** FHIR R4 export of a patient's record (a disclosure: audited as such). */
export const exportSdl = /* GraphQL */ `
  "A patient's medical record as a FHIR R4 collection Bundle"
  type RecordExport @classified(category: "HEALTH") {
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient the caller named; object access is decided per patient")
    "The Bundle as JSON text (application/fhir+json)"
    bundle: String
    """
    The instant the export describes: the newest signed version, addendum or attachment in it
    (the same record always exports to the same Bundle); the current time for an empty record.
    """
    generatedAt: String
  }

  extend type Query {
    "FHIR R4 export of a patient's record: the patient's own, or a doctor's in care (audited as a disclosure)"
    recordExport(patientId: ID!): RecordExport
  }
`;
