export const pricesSdl = /* GraphQL */ `
  "VAT treatment of a price item (FFD 1.2 tag 1199). Licensed medical services are exempt: NONE."
  enum VatRate {
    NONE
    VAT0
    VAT5
    VAT7
    VAT10
    VAT20
    VAT22
  }

  enum PriceKind {
    "A service of the schedule (refId: its service id)"
    SERVICE
    "A test of the lab's catalogue (refId: its price reference)"
    LAB_TEST
    OTHER
  }

  "A price of the branch's price list, valid from validFrom (inclusive) until validTo (exclusive)"
  type PriceItem @key(fields: "id") @classified(category: "PUBLIC") {
    id: ID!
    branchId: ID!
    code: String!
    kind: PriceKind!
    refId: String
    name: String! @classified(category: "PUBLIC", justification: "Name of a service on the published price list")
    priceKopecks: Kopecks!
    vat: VatRate!
    validFrom: String!
    validTo: String
  }

  input SetPriceInput {
    branchId: ID!
    code: String!
    kind: PriceKind!
    refId: String
    name: String!
    priceKopecks: Kopecks!
    vat: VatRate!
    "YYYY-MM-DD; a later price of the same code from another date is a new version"
    validFrom: String!
    validTo: String
  }

  type PriceItemPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    priceItem: PriceItem
  }

  extend type Query {
    "The branch's prices valid on a date (default today, Moscow time)"
    priceList(branchId: ID!, on: String): [PriceItem!]!
  }

  extend type Mutation {
    setPrice(input: SetPriceInput!): PriceItemPayload!
  }
`;
