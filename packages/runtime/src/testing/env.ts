/**
 * Settings of the test helpers (read here only, like every deployable's env.ts): the Postgres
 * server tests create their databases on, and whether to force the embedded PGlite.
 */
export const testEnv = {
  /** Admin URL of the Postgres server for per-test databases. */
  adminUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  /** `pglite`: run integration tests on embedded PGlite even when a server answers. */
  forcePglite: process.env.TEST_DATABASE === 'pglite',
  /** Admin URL of the RabbitMQ broker the broker tests make their throw-away vhost on. */
  amqpAdminUrl: process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
};
