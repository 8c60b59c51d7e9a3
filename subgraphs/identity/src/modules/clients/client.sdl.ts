/** Machine clients (partner laboratories, internal services) using the client-credentials grant. */
export const clientSdl = /* GraphQL */ `
  enum PartnerRole {
    lab_partner
    service
  }

  input CreatePartnerClientInput {
    name: String!
    role: PartnerRole!
    "Scopes the client may request, e.g. lab:orders:read"
    scopes: [String!]!
  }

  type PartnerClientPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    clientId: String
    "Shown once; only its hash is kept"
    clientSecret: String @classified(category: "PUBLIC", justification: "returned once, only to the administrator creating the client")
    name: String @classified(category: "PUBLIC", justification: "name of an organisation or service, not of a person")
    role: PartnerRole
    scopes: [String!]!
  }

  extend type Mutation {
    createPartnerClient(input: CreatePartnerClientInput!): PartnerClientPayload!
  }
`;
