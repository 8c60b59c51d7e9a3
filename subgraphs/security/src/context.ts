import { AuditLog, type BaseContext, type Database } from '@medikamente/runtime';
import DataLoader from 'dataloader';
import { type EntryRecord, EntryStore } from './modules/entry/entry.store';

export type Stores = { entries: EntryStore; audit: AuditLog };

/** The subgraph's stores on its database. */
export const createStores = (database: Database): Stores => ({
  entries: new EntryStore(database),
  audit: new AuditLog(database),
});

export type SecurityContext = BaseContext & {
  stores: Stores;
  loaders: { entry: DataLoader<string, EntryRecord | null> };
};

/** Per-request loaders on top of the stores (no N+1 for lists and _entities). */
export function createLoaders(stores: Stores): SecurityContext['loaders'] {
  return {
    entry: new DataLoader(async (ids) => {
      const found = await stores.entries.byIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
