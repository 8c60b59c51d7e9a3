/** A file attached to a visit, as the API and the export see it (its bytes stay in the blob storage). */
export type AttachmentRecord = {
  id: string;
  visitId: string;
  patientId: string;
  fileName: string;
  /** The type sniffed from the bytes at upload (never the uploader's claim). */
  contentType: string;
  size: number;
  /** Lower-case hex SHA-256 of the file as uploaded. */
  sha256: string;
  uploadedBy: string;
  createdAt: Date;
};

/** The row plus where its sealed bytes live (never leaves the subgraph). */
export type StoredAttachment = AttachmentRecord & { storageKey: string };
