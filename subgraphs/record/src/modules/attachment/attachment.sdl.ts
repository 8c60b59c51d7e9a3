/**
 * Attachments of a visit (scans, PDF, images). Metadata is HEALTH like the rest of the record; the
 * bytes are reached only through short-lived links (`requestDownload`), never a storage URL.
 * Uploading is two steps: `requestAttachmentUpload` (a doctor who may work on the record) answers
 * a one-time link; the file's raw bytes are POSTed to it with the same bearer token.
 */
export const attachmentSdl = /* GraphQL */ `
  "A file attached to a visit; its bytes only through a download link (requestDownload)"
  type Attachment @key(fields: "id") @classified(category: "HEALTH") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID; object access is decided per patient")
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient; object access is decided per patient")
    visitId: ID
    fileName: String
    "The type recognised from the bytes at upload (PDF, PNG, JPEG, WebP, GIF, TIFF, HEIC, DICOM)"
    contentType: String
    "Size in bytes"
    size: Int
    "SHA-256 of the file (hex)"
    sha256: String
    createdAt: String
    uploadedBy: ID
  }

  input RequestAttachmentUploadInput {
    visitId: ID!
  }

  extend type Mutation {
    """
    A one-time link to upload one file to a visit: POST the raw bytes to it with the same bearer
    token and the file name in X-File-Name (percent-encoded UTF-8). Answers 201 with the attachment.
    """
    requestAttachmentUpload(input: RequestAttachmentUploadInput!): FileLinkPayload!
  }
`;
