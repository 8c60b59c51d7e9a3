import { AuditLog, type BaseContext, type Database } from '@medikamente/runtime';
import DataLoader from 'dataloader';
import { CareStore } from './modules/care/care.store';
import { type ConsentRecord, ConsentStore } from './modules/consent/consent.store';
import { type PatientRecord, PatientStore } from './modules/patient/patient.store';

export type Stores = { patients: PatientStore; consents: ConsentStore; care: CareStore; audit: AuditLog };

/** The subgraph's stores on its database. */
export const createStores = (database: Database): Stores => ({
  patients: new PatientStore(database),
  consents: new ConsentStore(database),
  care: new CareStore(database),
  audit: new AuditLog(database),
});

export type PatientContext = BaseContext & {
  stores: Stores;
  loaders: {
    patient: DataLoader<string, PatientRecord | null>;
    consents: DataLoader<string, ConsentRecord[]>;
    consentHistory: DataLoader<string, ConsentRecord[]>;
  };
};

/** Per-request loaders on top of the stores (no N+1 for lists, search and _entities). */
export function createLoaders(stores: Stores): PatientContext['loaders'] {
  return {
    patient: new DataLoader(async (ids) => {
      const found = await stores.patients.byIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    consents: new DataLoader(async (ids) => {
      const found = await stores.consents.forPatients(ids, false);
      return ids.map((id) => found.get(id) ?? []);
    }),
    consentHistory: new DataLoader(async (ids) => {
      const found = await stores.consents.forPatients(ids, true);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}
