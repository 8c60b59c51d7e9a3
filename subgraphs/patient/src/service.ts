import { fileURLToPath } from 'node:url';
import {
  AUDIT_MIGRATION,
  AuditLog,
  createSubgraph,
  type Database,
  INBOX_MIGRATIONS,
  limitsFromEnv,
  mountEventInbox,
  openDatabase,
  serviceCredentials,
  startAmqpConsumer,
  type TokenVerifier,
  verifierFromEnv,
} from '@medikamente/runtime';
import { loadPolicy } from '@medikamente/schema';
import express from 'express';
import { createLoaders, type PatientContext, type Stores } from './context';
import type { PatientEnv } from './env';
import { careEventConsumer } from './modules/care/care.events';
import { CareStore } from './modules/care/care.store';
import { ConsentStore } from './modules/consent/consent.store';
import { PatientStore } from './modules/patient/patient.store';
import { resolvers } from './resolvers';
import { patientTypeDefs } from './schema';

const MIGRATIONS = fileURLToPath(new URL('./db/migrations', import.meta.url));

/** Wires the patient subgraph: database, stores, policy conditions, server. */
export async function createPatientService(
  env: PatientEnv,
  opts: { verifier?: TokenVerifier; database?: Database; unsafeDisablePolicy?: boolean } = {},
) {
  const database =
    opts.database ??
    (await openDatabase({
      url: env.PATIENT_DATABASE_URL,
      dataDir: env.DATA_DIR,
      migrationsDir: MIGRATIONS,
      migrations: [AUDIT_MIGRATION, ...INBOX_MIGRATIONS],
    }));
  const stores: Stores = {
    patients: new PatientStore(database),
    consents: new ConsentStore(database),
    care: new CareStore(database),
    audit: new AuditLog(database),
  };
  const verifier =
    opts.verifier ??
    verifierFromEnv(env, Object.keys(loadPolicy().roles), serviceCredentials(env, 'revocations:read'));
  // Schedule's appointment events: over HTTP (POST /internal/events) and, when configured,
  // from this service's broker queue.
  const care = careEventConsumer(database, env.CARE_WINDOW_DAYS);
  const subgraph = await createSubgraph<
    Omit<PatientContext, keyof import('@medikamente/runtime').BaseContext>
  >({
    name: 'patient',
    logLevel: env.LOG_LEVEL,
    typeDefs: patientTypeDefs,
    resolvers: resolvers as never,
    policy: loadPolicy(),
    database,
    verifier,
    production: env.NODE_ENV === 'production',
    limits: limitsFromEnv(env),
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    conditions: { careRelationships: (doctor, ids) => stores.care.activeFor(doctor, ids) },
    extendContext: () => ({ stores, loaders: createLoaders(stores) }),
    unsafeDisablePolicy: opts.unsafeDisablePolicy,
    routes: (app) => {
      app.use('/internal/events', express.json({ limit: '1mb' }));
      mountEventInbox(app, { verifier, consumers: [care] });
    },
  });
  const broker = env.EVENTS_AMQP_URL
    ? startAmqpConsumer({
        url: env.EVENTS_AMQP_URL,
        consumer: care,
        prefetch: env.EVENTS_AMQP_PREFETCH,
        onError: (err, context) => subgraph.logger.warn({ err: (err as Error)?.message }, context),
      })
    : undefined;
  return {
    subgraph,
    database,
    stores,
    verifier,
    broker,
    async close() {
      await broker?.close();
      await database.close();
    },
  };
}
export type PatientService = Awaited<ReturnType<typeof createPatientService>>;
