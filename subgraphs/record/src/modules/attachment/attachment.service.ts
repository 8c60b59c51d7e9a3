import { createHash, randomBytes } from 'node:crypto';
import {
  type BlobStorage,
  type SniffRefusal,
  type SubjectKeyring,
  sniffContent,
  subgraphBlobStorage,
} from '@medikamente/runtime';
import type { RecordEnv } from '../../env';
import { HEALTH_KEYS } from '../keys/keys';
import type { VisitRecord } from '../visit/visit.types';
import { type AttachmentStore, attachmentAt } from './attachment.store';
import type { AttachmentRecord, StoredAttachment } from './attachment.types';

/**
 * The record's blob storage (`RECORD_STORAGE=fs|s3`, see env.ts): files under RECORD_STORAGE_DIR,
 * by default `<DATA_DIR>-blobs`; with an in-memory DATA_DIR (tests) a temporary directory removed
 * on close.
 */
export const recordBlobStorage = (
  env: RecordEnv,
  onClose: (step: () => unknown) => void,
): Promise<BlobStorage> => subgraphBlobStorage('RECORD', env, onClose);

export type StoreFileResult =
  | { attachment: AttachmentRecord }
  /** The bytes are of a type the record does not take (nothing was stored). */
  | { refused: SniffRefusal; detected?: string }
  /** The attachment id is taken: its upload link was used already (nothing was stored). */
  | { used: true };

/**
 * Attachment files: sniffed, sealed under the patient's data key (bound to the attachment's row),
 * then written to the blob storage under a random key that names neither patient nor file.
 */
export class AttachmentService {
  constructor(
    private readonly deps: { store: AttachmentStore; blobs: BlobStorage; keyring: SubjectKeyring },
  ) {}

  get storageKind(): BlobStorage['kind'] {
    return this.deps.blobs.kind;
  }

  /** Stores an uploaded file of a visit under a pre-assigned id (the upload link's). */
  async store(input: {
    id: string;
    visit: VisitRecord;
    fileName: string;
    bytes: Uint8Array;
    uploadedBy: string;
  }): Promise<StoreFileResult> {
    const { id, visit, bytes } = input;
    // The name only adds refusals (report.pdf.exe); the type comes from the bytes.
    const sniffed = await sniffContent(bytes, input.fileName);
    if (!sniffed.ok)
      return { refused: sniffed.reason, ...(sniffed.detected ? { detected: sniffed.detected } : {}) };
    if (await this.deps.store.exists(id)) return { used: true };
    const key = await this.deps.keyring.keyFor(visit.patientId, HEALTH_KEYS);
    const sealed = key.sealBytes(bytes, attachmentAt('content', id));
    const storageKey = `attachments/${randomBytes(16).toString('hex')}`;
    await this.deps.blobs.put(storageKey, sealed, { contentType: 'application/octet-stream' });
    const attachment: StoredAttachment = {
      id,
      visitId: visit.id,
      patientId: visit.patientId,
      fileName: input.fileName,
      contentType: sniffed.mime,
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storageKey,
      uploadedBy: input.uploadedBy,
      createdAt: new Date(),
    };
    if (!(await this.deps.store.insert(attachment))) {
      await this.deps.blobs.delete(storageKey);
      return { used: true };
    }
    const { storageKey: _, ...record } = attachment;
    return { attachment: record };
  }

  /** The file's bytes, opened with the patient's data key (fails if moved to another row or patient). */
  async content(attachment: StoredAttachment): Promise<Buffer> {
    const sealed = await this.deps.blobs.get(attachment.storageKey);
    if (!sealed) throw new Error('attachment content is missing from the blob storage');
    const key = await this.deps.keyring.keyFor(attachment.patientId, HEALTH_KEYS);
    return key.openBytes(sealed, attachmentAt('content', attachment.id));
  }
}
