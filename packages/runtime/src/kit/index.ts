export type { Migration } from './database';
export * from './define';
export { type DatabaseUrlKey, databaseUrlKey, type SubgraphEnv, subgraphEnv } from './env';
export { type EventHandler, type EventHandlers, handlerFor, mountEventInbox } from './events';
export { type Job, Lifecycle } from './lifecycle';
export { subgraphCredentials } from './verifier';
