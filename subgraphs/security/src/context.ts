import { AuditLog, type BaseContext, type Database } from '@medikamente/runtime';
import type { SecurityMetrics } from './modules/monitoring/metrics';
import type { AuditStream } from './modules/stream/audit-stream';
import { StreamStore } from './modules/stream/stream.store';

export type Stores = { audit: AuditLog; stream: StreamStore };
export type Services = { stream: AuditStream; metrics: SecurityMetrics };

/** The subgraph's stores on its database. */
export const createStores = (database: Database): Stores => ({
  audit: new AuditLog(database),
  stream: new StreamStore(database),
});

export type SecurityContext = BaseContext & { stores: Stores; services: Services };
