import { AuditLog, type BaseContext, type Database, IdempotencyStore } from '@medikamente/runtime';
import DataLoader from 'dataloader';
import { type EntryRecord, EntryStore } from './modules/entry/entry.store';
import type { RequestsService } from './modules/requests/requests.service';
import {
  type DataRequestRecord,
  type DataRequestStepRecord,
  DataRequestStore,
} from './modules/requests/requests.store';

export type Stores = {
  entries: EntryStore;
  audit: AuditLog;
  requests: DataRequestStore;
  idempotency: IdempotencyStore;
};

/** The subgraph's stores on its database. */
export const createStores = (database: Database): Stores => ({
  entries: new EntryStore(database),
  audit: new AuditLog(database),
  requests: new DataRequestStore(database),
  idempotency: new IdempotencyStore(database),
});

export type Services = { requests: RequestsService };

export type SecurityContext = BaseContext & {
  stores: Stores;
  services: Services;
  loaders: {
    entry: DataLoader<string, EntryRecord | null>;
    dataRequest: DataLoader<string, DataRequestRecord | null>;
    dataRequestSteps: DataLoader<string, DataRequestStepRecord[]>;
  };
};

/** Per-request loaders on top of the stores (no N+1 for lists and _entities). */
export function createLoaders(stores: Stores): SecurityContext['loaders'] {
  return {
    entry: new DataLoader(async (ids) => {
      const found = await stores.entries.byIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    dataRequest: new DataLoader(async (ids) => {
      const found = await stores.requests.byIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    dataRequestSteps: new DataLoader(async (ids) => {
      const steps = await stores.requests.stepsOf(ids);
      return ids.map((id) => steps.filter((s) => s.requestId === id));
    }),
  };
}
