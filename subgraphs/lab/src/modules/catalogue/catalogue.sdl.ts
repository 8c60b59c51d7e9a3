/**
 * The test catalogue: configured through the API (it_admin), read by doctors when ordering. Every
 * field is PUBLIC: a catalogue says nothing about any patient.
 */
export const catalogueSdl = /* GraphQL */ `
  enum LabValueKind {
    NUMERIC
    CODED
    TEXT
  }

  enum LabCodeSystem {
    "LOINC (free with attribution)"
    LOINC
    "Russian ФСЛИ directory 1.2.643.5.1.13.13.11.1080"
    FSLI
    "The clinic's own code"
    LOCAL
  }

  enum LabRangeSex {
    MALE
    FEMALE
    ANY
  }

  "One reference interval: for a sex and an age range in whole years [ageFrom, ageTo)"
  type LabReferenceRange @classified(category: "PUBLIC", justification: "A catalogue's reference interval, or the interval a result was judged by (reachable only through HEALTH fields then)") {
    sex: LabRangeSex!
    ageFrom: Int
    ageTo: Int
    low: Float
    high: Float
  }

  "A test the clinic can order"
  type LabTest @key(fields: "id") @classified(category: "PUBLIC") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID")
    code: String!
    codeSystem: LabCodeSystem!
    "Russian name of the test"
    name: String! @classified(category: "PUBLIC", justification: "Name of a laboratory test, not of a person")
    "Specimen type, e.g. венозная кровь, моча"
    specimenType: String!
    kind: LabValueKind!
    unit: String
    unitAliases: [String!]!
    referenceRanges: [LabReferenceRange!]!
    criticalLow: Float
    criticalHigh: Float
    plausibleLow: Float
    plausibleHigh: Float
    "CODED tests: the values that are normal"
    normalCodes: [String!]!
    turnaroundHours: Int!
    "The partner laboratory that performs it (its client id at identity)"
    partnerClientId: String!
    partnerName: String! @classified(category: "PUBLIC", justification: "Name of a laboratory (an organisation), not of a person")
    "The billing price list item this test is sold as"
    priceReference: String
    active: Boolean!
  }

  input LabReferenceRangeInput {
    sex: LabRangeSex!
    ageFrom: Int
    ageTo: Int
    low: Float
    high: Float
  }

  input SaveLabTestInput {
    "Absent: a new test"
    id: ID
    code: String!
    codeSystem: LabCodeSystem!
    name: String!
    specimenType: String!
    kind: LabValueKind!
    unit: String
    unitAliases: [String!]
    referenceRanges: [LabReferenceRangeInput!]!
    criticalLow: Float
    criticalHigh: Float
    plausibleLow: Float
    plausibleHigh: Float
    normalCodes: [String!]
    turnaroundHours: Int!
    partnerClientId: String!
    partnerName: String!
    priceReference: String
    active: Boolean
  }

  type SaveLabTestPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    test: LabTest
  }

  extend type Query {
    "The catalogue: active tests (all with includeInactive), matching a code or words of the name"
    labTests(search: String, includeInactive: Boolean): [LabTest!]!
  }

  extend type Mutation {
    "Adds a test to the catalogue or changes one (by id)"
    saveLabTest(input: SaveLabTestInput!): SaveLabTestPayload!
  }
`;
