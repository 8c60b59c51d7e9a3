import { createServer } from 'node:net';
import { ClientCredentials, TokenVerifier } from '@medikamente/runtime';
import { createTestDatabase, gql } from '@medikamente/runtime/testing/tools';
import { createBillingService, loadBillingEnv } from '@medikamente/subgraph-billing';
import { startAtolEmulator, startYooKassaEmulator } from '@medikamente/subgraph-billing/emulators';
import { createIdentityService, loadIdentityEnv } from '@medikamente/subgraph-identity';
import { createLabService, loadLabEnv } from '@medikamente/subgraph-lab';
import { createPatientService, loadPatientEnv } from '@medikamente/subgraph-patient';
import { createRecordService, loadRecordEnv } from '@medikamente/subgraph-record';
import { createScheduleService, loadScheduleEnv, type ScheduleService } from '@medikamente/subgraph-schedule';
import { createSecurityService, loadSecurityEnv } from '@medikamente/subgraph-security';
import { readSupergraph } from '../src/compose';
import { createGateway } from '../src/gateway';

const ISSUER = 'http://identity.medikamente.test';

/** A port free right now (the schedule's, which the lab must name before the schedule starts). */
const freePort = (): Promise<number> =>
  new Promise((ok, fail) => {
    const s = createServer().once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

/**
 * The platform as deployed, in one test process: identity, patient, schedule, record, lab, billing
 * (with its cash register and payment provider emulators) and the gateway, each on its own port and database, talking real HTTP (JWKS and revocations fetched
 * over HTTP too; schedule's appointment events reach patient, record and lab over HTTP; the lab's
 * `lab.results_released` reaches the schedule's inbox, its orders and cancellations billing's, over HTTP);
 * security pulls every other service's audit trail over HTTP with its own client (audit:read).
 */
export async function startPlatform(
  opts: {
    production?: boolean;
    scheduleReplicas?: number;
    /** Extra schedule configuration, e.g. reminder channels. */
    scheduleEnv?: Record<string, string>;
    /** Extra gateway options (limits, rate limits, socket caps). */
    gateway?: Partial<Parameters<typeof createGateway>[0]>;
    /** Extra identity configuration, e.g. the channels of sign-up codes. */
    identityEnv?: Record<string, string>;
    /** Extra record configuration. */
    recordEnv?: Record<string, string>;
    /** Extra lab configuration. */
    labEnv?: Record<string, string>;
    /** Extra billing configuration. */
    billingEnv?: Record<string, string>;
    /** Extra security configuration (e.g. the officers' mailbox). */
    securityEnv?: Record<string, string>;
  } = {},
) {
  const [idDb, patDb, schDb, recDb, labDb, billDb, secDb] = await Promise.all([
    createTestDatabase('gw_identity'),
    createTestDatabase('gw_patient'),
    createTestDatabase('gw_schedule'),
    createTestDatabase('gw_record'),
    createTestDatabase('gw_lab'),
    createTestDatabase('gw_billing'),
    createTestDatabase('gw_security'),
  ]);
  const common = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    AUTH_ISSUER: ISSUER,
    AUTH_REVOCATION_POLL_MS: '100',
  };
  const identity = await createIdentityService(
    loadIdentityEnv({
      ...common,
      ...(idDb.url ? { IDENTITY_DATABASE_URL: idDb.url } : {}),
      ...opts.identityEnv,
    }),
  );
  const identityHttp = await identity.listen(0);
  // Every other deployable reads the revocation list with its own service credential.
  const readerClient = await identity.createClient({
    role: 'service',
    scopes: ['revocations:read'],
    name: 'revocation reader',
  });
  const reader = new ClientCredentials({
    tokenUrl: `${identityHttp.url}/oauth/token`,
    clientId: readerClient.clientId,
    clientSecret: readerClient.clientSecret,
  });
  const verifier = () =>
    new TokenVerifier({
      issuer: ISSUER,
      audience: 'medikamente-api',
      jwks: `${identityHttp.url}/.well-known/jwks.json`,
      revocations: `${identityHttp.url}/internal/revocations`,
      revocationsToken: () => reader.token(),
      revocationPollMs: 100,
    });
  const patient = await createPatientService(
    loadPatientEnv({ ...common, ...(patDb.url ? { PATIENT_DATABASE_URL: patDb.url } : {}) }),
    {
      verifier: verifier(),
    },
  );
  const patientHttp = await patient.subgraph.listen(0);
  // The record subgraph (its master key generated for this process: DATA_DIR is in memory).
  const record = await createRecordService(
    loadRecordEnv({
      ...common,
      ...(recDb.url ? { RECORD_DATABASE_URL: recDb.url } : {}),
      ...opts.recordEnv,
    }),
    { verifier: verifier() },
  );
  const recordHttp = await record.subgraph.listen(0);
  // The billing subgraph with a desk register, the online register and the payment provider
  // (protocol-faithful emulators over HTTP; the provider notifies billing from 127.0.0.1).
  const [deskRegister, onlineRegister] = await Promise.all([startAtolEmulator(), startAtolEmulator()]);
  const provider = await startYooKassaEmulator({ shopId: 'test-shop', secretKey: 'test-secret' });
  const billing = await createBillingService(
    loadBillingEnv({
      ...common,
      ...(billDb.url ? { BILLING_DATABASE_URL: billDb.url } : {}),
      FISCAL_REGISTER_URL: deskRegister.url,
      ONLINE_FISCAL_URL: onlineRegister.url,
      YOOKASSA_URL: provider.url,
      YOOKASSA_SHOP_ID: 'test-shop',
      YOOKASSA_SECRET_KEY: 'test-secret',
      PAYMENT_NOTIFICATION_NETWORKS: '127.0.0.1/32',
      PAYMENT_RETRY_MS: '500',
      ...opts.billingEnv,
    }),
    { verifier: verifier() },
  );
  const billingHttp = await billing.subgraph.listen(0);
  provider.setNotifyUrl(`${billingHttp.url}/payments/yookassa/notifications`);
  // The lab subgraph (master key generated for this process; report files in a temporary dir).
  // Its outbox goes to the schedule's inbox (on a port chosen now: the schedule starts later, as
  // it names the lab's inbox) and to billing's (its orders are invoiced; billing starts first) with
  // the lab's own service client (events:write:lab).
  const schedulePort = await freePort();
  const labClient = await identity.createClient({
    role: 'service',
    scopes: ['events:write:lab', 'revocations:read'],
    name: 'lab',
  });
  const lab = await createLabService(
    loadLabEnv({
      ...common,
      ...(labDb.url ? { LAB_DATABASE_URL: labDb.url } : {}),
      SCHEDULE_EVENTS_URL: `http://127.0.0.1:${schedulePort}/internal/events`,
      EVENTS_HTTP_CONSUMERS: `${billingHttp.url}/internal/events`,
      AUTH_TOKEN_URL: `${identityHttp.url}/oauth/token`,
      SERVICE_CLIENT_ID: labClient.clientId,
      SERVICE_CLIENT_SECRET: labClient.clientSecret,
      OUTBOX_INTERVAL_MS: '100',
      ...opts.labEnv,
    }),
    { verifier: verifier() },
  );
  const labHttp = await lab.subgraph.listen(0);
  // The schedule subgraph tells the patient subgraph (the URL its code names), the record and the
  // lab subgraphs (EVENTS_HTTP_CONSUMERS) about appointments over real HTTP, with a service
  // client's token from identity (client-credentials grant).
  const eventsClient = await identity.createClient({
    role: 'service',
    scopes: ['events:write:schedule', 'revocations:read'],
    name: 'schedule',
  });
  const scheduleEnv = loadScheduleEnv({
    ...common,
    ...(schDb.url ? { SCHEDULE_DATABASE_URL: schDb.url } : {}),
    PATIENT_EVENTS_URL: `${patientHttp.url}/internal/events`,
    EVENTS_HTTP_CONSUMERS: `${recordHttp.url}/internal/events,${labHttp.url}/internal/events,${billingHttp.url}/internal/events`,
    AUTH_TOKEN_URL: `${identityHttp.url}/oauth/token`,
    SCHEDULE_CLIENT_ID: eventsClient.clientId,
    SCHEDULE_CLIENT_SECRET: eventsClient.clientSecret,
    OUTBOX_INTERVAL_MS: '100',
    // Reminder jobs are tested in the schedule subgraph; links for e2e come from reminders.linkFor.
    REMINDERS_ENABLED: 'false',
    ...opts.scheduleEnv,
  });
  // Several replicas share one database only on a real Postgres server (PGlite is one process).
  const replicas = schDb.url ? (opts.scheduleReplicas ?? 1) : 1;
  const schedules: ScheduleService[] = [];
  const scheduleHttp: Array<{ url: string; close(): Promise<void> }> = [];
  for (let i = 0; i < replicas; i++) {
    const s = await createScheduleService(scheduleEnv, { verifier: verifier() });
    schedules.push(s);
    scheduleHttp.push(await s.subgraph.listen(i === 0 ? schedulePort : 0));
  }
  const schedule = schedules[0]!;
  // The security subgraph pulls every other service's audit trail (ADR 0018) with its own client.
  const securityClient = await identity.createClient({
    role: 'service',
    scopes: ['audit:read', 'revocations:read'],
    name: 'security',
  });
  const security = await createSecurityService(
    loadSecurityEnv({
      ...common,
      ...(secDb.url ? { SECURITY_DATABASE_URL: secDb.url } : {}),
      AUDIT_SOURCES: [
        `identity=${identityHttp.url}`,
        `patient=${patientHttp.url}`,
        `schedule=${scheduleHttp[0]!.url}`,
        `record=${recordHttp.url}`,
        `lab=${labHttp.url}`,
        `billing=${billingHttp.url}`,
      ].join(','),
      AUDIT_PULL_INTERVAL_MS: '500',
      ALERTS_INTERVAL_MS: '300',
      AUTH_TOKEN_URL: `${identityHttp.url}/oauth/token`,
      SERVICE_CLIENT_ID: securityClient.clientId,
      SERVICE_CLIENT_SECRET: securityClient.clientSecret,
      ...opts.securityEnv,
    }),
    { verifier: verifier() },
  );
  const securityHttp = await security.subgraph.listen(0);
  // The gateway's own credential: subgraphs believe its forwarded client address only with it.
  const gatewayClient = await identity.createClient({
    role: 'service',
    scopes: ['gateway'],
    name: 'gateway',
  });
  const gatewayCredentials = new ClientCredentials({
    tokenUrl: `${identityHttp.url}/oauth/token`,
    clientId: gatewayClient.clientId,
    clientSecret: gatewayClient.clientSecret,
  });
  const serviceToken = () => gatewayCredentials.token();
  const gateway = await createGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: {
      identity: `${identityHttp.url}/graphql`,
      patient: `${patientHttp.url}/graphql`,
      schedule: `${scheduleHttp[0]!.url}/graphql`,
      record: `${recordHttp.url}/graphql`,
      lab: `${labHttp.url}/graphql`,
      billing: `${billingHttp.url}/graphql`,
      security: `${securityHttp.url}/graphql`,
    },
    verifier: verifier(),
    limits: { maxDepth: 10, maxAliases: 15, maxCost: 20000 },
    production: opts.production ?? false,
    logLevel: 'silent',
    serviceToken,
    ...opts.gateway,
  });
  const gatewayHttp = await gateway.listen(0);
  const gatewayMetrics = await gateway.listenMetrics(0);
  const extraGateways: Array<{ close(): Promise<void> }> = [];
  /** Another gateway replica routing schedule calls to the given schedule replica. */
  async function gatewayFor(scheduleIndex: number): Promise<string> {
    const g = await createGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: {
        identity: `${identityHttp.url}/graphql`,
        patient: `${patientHttp.url}/graphql`,
        schedule: `${scheduleHttp[scheduleIndex]!.url}/graphql`,
        record: `${recordHttp.url}/graphql`,
        lab: `${labHttp.url}/graphql`,
      },
      verifier: verifier(),
      limits: { maxDepth: 10, maxAliases: 15, maxCost: 20000 },
      production: false,
      logLevel: 'silent',
      serviceToken,
    });
    const running = await g.listen(0);
    extraGateways.push(running);
    return `${running.url}/graphql`;
  }
  const url = `${gatewayHttp.url}/graphql`;

  /** An account of a role with a real session token from identity. */
  async function account(
    role: Parameters<typeof identity.createAccount>[0]['role'],
    extra: { patientId?: string; branchIds?: string[] } = {},
  ) {
    const created = await identity.createAccount({ role, ...extra });
    const token = await identity.issueTokenFor(created.accountId);
    return { ...created, token };
  }

  return {
    url,
    gatewayUrl: gatewayHttp.url,
    /** The gateway's own service token (scope gateway), for tests that start more gateways. */
    gatewayServiceToken: serviceToken,
    /** The gateway's /metrics, on its own port. */
    gatewayMetricsUrl: `${gatewayMetrics.url}/metrics`,
    identityUrl: identityHttp.url,
    patientUrl: `${patientHttp.url}/graphql`,
    scheduleUrls: scheduleHttp.map((h) => `${h.url}/graphql`),
    recordUrl: `${recordHttp.url}/graphql`,
    labUrl: `${labHttp.url}/graphql`,
    billingUrl: `${billingHttp.url}/graphql`,
    securityUrl: `${securityHttp.url}/graphql`,
    /** Billing's emulated parties: the desk and online registers, the payment provider. */
    emulators: { deskRegister, onlineRegister, provider },
    identity,
    patient,
    schedule,
    record,
    lab,
    billing,
    security,
    schedules,
    account,
    gatewayFor,
    query: <T = any>(q: string, variables: Record<string, unknown> = {}, token?: string) =>
      gql<T>(url, q, variables, token ? { token } : {}),
    async stop() {
      await gatewayMetrics.close();
      await gatewayHttp.close();
      for (const g of extraGateways) await g.close();
      for (const h of scheduleHttp) await h.close();
      for (const s of schedules) await s.close();
      await recordHttp.close();
      await record.close();
      await labHttp.close();
      await lab.close();
      await securityHttp.close();
      await security.close();
      await billingHttp.close();
      await billing.close();
      await Promise.all([deskRegister.close(), onlineRegister.close(), provider.close()]);
      await patientHttp.close();
      await patient.close();
      await identity.close();
      await Promise.all([idDb.drop(), patDb.drop(), schDb.drop(), recDb.drop(), labDb.drop(), billDb.drop()]);
    },
  };
}
export type Platform = Awaited<ReturnType<typeof startPlatform>>;
