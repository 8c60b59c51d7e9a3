export * from './audit-feed';
export type { Migration } from './database';
export * from './define';
export { type DatabaseUrlKey, databaseUrlKey, type SubgraphEnv, subgraphEnv } from './env';
export { type Job, Lifecycle, periodicJob } from './lifecycle';
export { subgraphCredentials } from './verifier';
