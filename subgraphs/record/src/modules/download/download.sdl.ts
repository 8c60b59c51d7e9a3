/** Downloads: short-lived links bound to the caller; the endpoint authorises and audits again. */
export const downloadSdl = /* GraphQL */ `
  "A short-lived link usable only with the bearer token of the caller who asked for it"
  type FileLink @classified(category: "PUBLIC", justification: "A capability for the caller's own token; the endpoint authorises again") {
    url: String!
    expiresAt: String!
  }
  type FileLinkPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    link: FileLink
  }

  "Exactly one of the fields"
  input RequestDownloadInput {
    "An attachment's file"
    attachmentId: ID
    "The printable summary (PDF) of the visit's current signed version"
    visitId: ID
    "The printable summary (PDF) of one signed version"
    visitVersionId: ID
  }

  extend type Mutation {
    "A link to download an attachment or a visit summary PDF (GET it with the same bearer token)"
    requestDownload(input: RequestDownloadInput!): FileLinkPayload!
  }
`;
