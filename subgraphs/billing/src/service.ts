import {
  AUDIT_MIGRATIONS,
  defineSubgraph,
  IDEMPOTENCY_MIGRATION,
  INBOX_MIGRATIONS,
} from '@medikamente/runtime';
import { createLoaders, createServices, createStores } from './context';
import { loadBillingEnv } from './env';
import { mountCertificateFiles } from './modules/certificates/certificates.routes';
import { mountContractFiles } from './modules/contracts/contracts.routes';
import { appointmentFactHandler, labOrderHandler } from './modules/invoices/lab-orders.events';
import { completedVisitHandler } from './modules/invoices/visits.events';
import { YOOKASSA_NOTIFICATION_NETWORKS } from './modules/online/notification';
import { mountNotifications } from './modules/payments/notifications.route';
import { resolvers } from './resolvers';
import { billingTypeDefs } from './schema';

/**
 * The billing subgraph: the price list, invoices on one append-only ledger, desk payments with
 * fiscal receipts, online payments, refunds.
 */
export const billing = defineSubgraph({
  name: 'billing',
  env: loadBillingEnv,
  typeDefs: billingTypeDefs,
  resolvers,
  migrationsDir: new URL('./db/migrations', import.meta.url),
  migrations: [...AUDIT_MIGRATIONS, ...INBOX_MIGRATIONS, IDEMPOTENCY_MIGRATION],
  serviceScopes: 'revocations:read',
  stores: ({ database }) => createStores(database),
  services: ({ stores, env, database, logger }) => createServices({ stores, env, database, logger }),
  context: ({ stores, services, env }) => ({ stores, services, env, loaders: createLoaders(stores) }),
  // Completed appointments of the schedule and lab orders of the lab become invoices; the
  // appointment facts give a lab order its branch. One consumer per producer (billing.inbox,
  // billing.inbox.lab).
  events: ({ services, stores }) => {
    const visits = completedVisitHandler(services.invoices, stores.invoices);
    const facts = appointmentFactHandler(services.labOrders);
    return {
      schedule: {
        'appointment.*': async (event, q) => {
          await facts(event, q);
          await visits(event, q);
        },
      },
      lab: { 'lab.*': labOrderHandler(services.labOrders) },
    };
  },
  eventsFrom: ['schedule', 'lab'],
  routes: (app, { env, services, stores, logger, verifier, policy, contextFor }) => {
    // Contract PDFs and tax certificates: the bearer token and the FINANCIAL decision of GraphQL.
    mountContractFiles(app, { verifier, policy, contextFor, logger });
    mountCertificateFiles(app, { verifier, policy, contextFor, logger });
    mountNotifications(app, {
      networks: env.PAYMENT_NOTIFICATION_NETWORKS
        ? env.PAYMENT_NOTIFICATION_NETWORKS.split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : YOOKASSA_NOTIFICATION_NETWORKS,
      online: services.online,
      payments: stores.payments,
      logger,
    });
  },
  jobs: ({ services }) => [services.retry, services.onecExport],
});

/** Builds the billing service (tests, tools); `billing.main()` runs the deployable. */
export const createBillingService = billing.create;
export type BillingService = Awaited<ReturnType<typeof createBillingService>>;
