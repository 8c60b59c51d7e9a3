import { channelsFromEnv } from '@medikamente/notifications';
import {
  AuditLog,
  type BaseContext,
  type BlobStorage,
  type Database,
  type Logger,
  type SubjectKeyring,
} from '@medikamente/runtime';
import DataLoader from 'dataloader';
import type { RecordEnv } from './env';
import { AttachmentService } from './modules/attachment/attachment.service';
import { AttachmentStore } from './modules/attachment/attachment.store';
import type { StoredAttachment } from './modules/attachment/attachment.types';
import { BreakGlassService } from './modules/break-glass/break-glass.service';
import { BreakGlassStore } from './modules/break-glass/break-glass.store';
import { CareStore } from './modules/care/care.store';
import { FileLinks } from './modules/download/download.link';
import { Icd10Store } from './modules/icd10';
import { recordKeyring, SERVICE_SUBJECT } from './modules/keys/keys';
import { ServerSigner } from './modules/signature/signature';
import { type RecordAccessCheck, VisitService } from './modules/visit/visit.service';
import { VisitStore } from './modules/visit/visit.store';
import type { AddendumRecord, DraftRecord, VersionRecord, VisitRecord } from './modules/visit/visit.types';

export type Stores = {
  keyring: SubjectKeyring;
  visits: VisitStore;
  care: CareStore;
  breakGlass: BreakGlassStore;
  icd10: Icd10Store;
  audit: AuditLog;
  attachments: AttachmentStore;
};

/** The subgraph's stores on its database; clinical text is sealed under the patients' keys. */
export function createStores(database: Database, env: RecordEnv, keyring?: SubjectKeyring): Stores {
  const k = keyring ?? recordKeyring(database, env);
  return {
    keyring: k,
    visits: new VisitStore(database, k),
    care: new CareStore(database),
    breakGlass: new BreakGlassStore(database, k),
    icd10: new Icd10Store(database),
    audit: new AuditLog(database),
    attachments: new AttachmentStore(database, k),
  };
}

export type Services = {
  visits: VisitService;
  breakGlass: BreakGlassService;
  /** Whether a doctor may work on a patient's record now (care relationship or break-glass). */
  canAccess: RecordAccessCheck;
  attachments: AttachmentService;
  /** Short-lived upload and download links bound to the caller. */
  links: FileLinks;
};

/** Domain services on the stores. */
export function createServices(deps: {
  stores: Stores;
  env: RecordEnv;
  database: Database;
  logger: Logger;
  /** Where attachment files go (sealed); see recordBlobStorage. */
  blobs: BlobStorage;
}): Services {
  const { stores, env } = deps;
  const canAccess: RecordAccessCheck = async (doctor, patientId) =>
    (await stores.care.activeFor(doctor, [patientId])).has(patientId) ||
    (await stores.breakGlass.activeFor(doctor, [patientId])).has(patientId);
  const email = channelsFromEnv({
    NOTIFY_SMTP_URL: env.NOTIFY_SMTP_URL,
    NOTIFY_EMAIL_FROM: env.NOTIFY_EMAIL_FROM,
  }).find((c) => c.channel === 'email');
  return {
    visits: new VisitService({
      database: deps.database,
      visits: stores.visits,
      // The signing key: the nil subject's own data key (stable across master-key rotation).
      signer: new ServerSigner(async () =>
        (await stores.keyring.keyFor(SERVICE_SUBJECT, 'signature')).derive('server-signature'),
      ),
      canAccess,
      isAppointmentOf: (doctor, patientId, appointmentId) =>
        stores.care.appointmentOf(doctor, patientId, appointmentId),
      icd10: async (codes) =>
        new Map([...(await stores.icd10.byCodes(codes)).values()].map((c) => [c.code, c.title])),
    }),
    breakGlass: new BreakGlassService({
      store: stores.breakGlass,
      care: stores.care,
      audit: stores.audit,
      logger: deps.logger,
      hours: env.BREAK_GLASS_HOURS,
      email,
      alertEmail: env.SECURITY_ALERT_EMAIL,
    }),
    canAccess,
    attachments: new AttachmentService({
      store: stores.attachments,
      blobs: deps.blobs,
      keyring: stores.keyring,
    }),
    links: new FileLinks(
      async () => (await stores.keyring.keyFor(SERVICE_SUBJECT, 'file-links')).derive('file-link'),
      {
        base: env.FILES_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}/files`,
        ttlSec: env.DOWNLOAD_LINK_TTL_SEC,
      },
    ),
  };
}

export type RecordContext = BaseContext & {
  stores: Stores;
  services: Services;
  loaders: ReturnType<typeof createLoaders>;
};

/** Per-request loaders on top of the stores (no N+1 for lists and _entities). */
export function createLoaders(stores: Stores) {
  const byIds =
    <T>(load: (ids: readonly string[]) => Promise<Map<string, T>>) =>
    async (ids: readonly string[]) => {
      const found = await load(ids);
      return ids.map((id) => found.get(id) ?? null);
    };
  return {
    visit: new DataLoader<string, VisitRecord | null>(byIds((ids) => stores.visits.visitsByIds(ids))),
    version: new DataLoader<string, VersionRecord | null>(byIds((ids) => stores.visits.versionsByIds(ids))),
    draft: new DataLoader<string, DraftRecord | null>(byIds((ids) => stores.visits.draftsByIds(ids))),
    versionsOfVisit: new DataLoader<string, VersionRecord[]>(async (ids) => {
      const found = await stores.visits.versionsOfVisits(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    addendaOfVisit: new DataLoader<string, AddendumRecord[]>(async (ids) => {
      const found = await stores.visits.addendaOfVisits(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    attachment: new DataLoader<string, StoredAttachment | null>(
      byIds((ids) => stores.attachments.byIds(ids)),
    ),
    attachmentsOfVisit: new DataLoader<string, StoredAttachment[]>(async (ids) => {
      const found = await stores.attachments.ofVisits(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}
