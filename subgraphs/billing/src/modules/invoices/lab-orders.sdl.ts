export const labOrdersSdl = /* GraphQL */ `
  "A lab order billing could not invoice by itself (no visit to find the branch, or a test without a price): the cashier bills it at the desk"
  type UnbilledLabOrder @classified(category: "FINANCIAL") {
    orderId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the lab order")
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per patient")
    "The branch of the visit it was ordered in; null when none was found"
    branchId: ID
    "The ordering doctor's account"
    orderedBy: ID
    orderedAt: String
    "The ordered tests (names and price references, no results)"
    tests: [UnbilledLabTest!]
    "Why it waits, in Russian"
    note: String
  }

  type UnbilledLabTest @classified(category: "PUBLIC", justification: "A test inside UnbilledLabOrder.tests (FINANCIAL): reachable only through that guarded field") {
    testId: ID!
    "The lab catalogue's reference to the price list (LAB_TEST items' refId)"
    priceReference: String
    name: String!
  }

  extend type Query {
    "Lab orders waiting for the cashier (not invoiced, not cancelled), oldest first: of a branch, or all (including those without a branch)"
    unbilledLabOrders(branchId: ID): [UnbilledLabOrder!]!
    "A patient's lab orders waiting for the cashier (at the desk), oldest first"
    patientUnbilledLabOrders(patientId: ID!): [UnbilledLabOrder!]!
  }
`;
