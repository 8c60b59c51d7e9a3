import {
  AUDIT_MIGRATIONS,
  defineSubgraph,
  IDEMPOTENCY_MIGRATION,
  INBOX_MIGRATIONS,
} from '@medikamente/runtime';
import { createLoaders, createStores } from './context';
import { loadPatientEnv } from './env';
import { careEventHandler } from './modules/care/care.events';
import { resolvers } from './resolvers';
import { patientTypeDefs } from './schema';

/** The patient subgraph: patients, consents, their access log, doctors' care relationships. */
export const patient = defineSubgraph({
  name: 'patient',
  env: loadPatientEnv,
  typeDefs: patientTypeDefs,
  resolvers,
  migrationsDir: new URL('./db/migrations', import.meta.url),
  migrations: [...AUDIT_MIGRATIONS, ...INBOX_MIGRATIONS, IDEMPOTENCY_MIGRATION],
  serviceScopes: 'revocations:read',
  stores: ({ database }) => createStores(database),
  context: ({ stores }) => ({ stores, loaders: createLoaders(stores) }),
  conditions: ({ stores }) => ({ careRelationship: (doctor, ids) => stores.care.activeFor(doctor, ids) }),
  // Appointment facts from the schedule subgraph (its outbox relay) build care relationships.
  events: ({ env, stores }) => ({ 'appointment.*': careEventHandler(stores.care, env.CARE_WINDOW_DAYS) }),
  eventsFrom: 'schedule',
});

/** Builds the patient service (tests, tools); `patient.main()` runs the deployable. */
export const createPatientService = patient.create;
export type PatientService = Awaited<ReturnType<typeof createPatientService>>;
