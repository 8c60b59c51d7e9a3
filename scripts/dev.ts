/**
 * Local start (`npm start`: scripts/start.mjs installs, then runs this): migrates and seeds demo
 * data on first run, runs a development mailbox (SMTP + SMS endpoint) for sign-up codes, runs
 * every subgraph of supergraph/subgraphs.yaml (in its order, the consumers of events before their
 * producers) and the gateway as child processes,
 * like separate deployments would run, builds (when stale, in parallel with the rest) and starts
 * both apps. It prints one line per step with its duration and one banner at the end; build and
 * app output goes to `<data>/logs` (a failed build prints the log's tail).
 *
 * Env: MEDIKAMENTE_DATA_DIR (default <repo>/.data), GATEWAY_PORT / PORTAL_PORT / RECEPTION_PORT
 * (4000 / 3000 / 3001), <NAME>_PORT per subgraph (IDENTITY_PORT …, default its manifest devPort:
 * 4001 …), MAILBOX_PORT / MAILBOX_SMTP_PORT (4025 / 2525), METRICS_BASE_PORT (9400: /metrics of the
 * gateway there, of the subgraphs on the next ports in manifest order: identity 9401, patient 9402,
 * schedule 9403, record 9404, lab 9405, billing 9406, security 9407), PAYMENT_EMULATOR_PORT (4030: the emulated
 * payment provider whose checkout page the portal opens), <NAME>_DATABASE_URL per subgraph (IDENTITY_DATABASE_URL,
 * …, LAB_DATABASE_URL: Postgres instead of the embedded PGlite under <data>/<name>),
 * IDENTITY_MASTER_KEY(_FILE), RECORD_MASTER_KEY(_FILE) and LAB_MASTER_KEY(_FILE) (default:
 * generated into <data>/<name>-master.key), <NAME>_EVENTS_AMQP_URL per subgraph (events through
 * RabbitMQ instead of HTTP, see `pnpm broker:setup`), SECURITY_ALERT_EMAIL, LAB_ALERT_EMAIL /
 * LAB_ESCALATION_EMAIL (default: addresses in the dev mailbox), CRITICAL_ESCALATION_ACCOUNT_ID
 * (default: the demo cardiologist), QUIET_HOURS_START / QUIET_HOURS_END (the schedule's quiet
 * hours for reminders, default 22:00–08:00 local; equal values turn them off), LOG_LEVEL (default warn).
 *
 * The demo partner laboratory's client credentials are kept in <data>/partner-lab.json; when
 * scripts/partner-lab.ts exists it runs as a child process too (`--watch`), against the gateway.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateVapidKeys } from '@medikamente/notifications';
import type { BrokerService } from '@medikamente/runtime';
import { createBillingService, loadBillingEnv } from '@medikamente/subgraph-billing';
import { startAtolEmulator, startYooKassaEmulator } from '@medikamente/subgraph-billing/emulators';
import { createIdentityService, loadIdentityEnv } from '@medikamente/subgraph-identity';
import { createLabService, loadLabEnv } from '@medikamente/subgraph-lab';
import { createPatientService, loadPatientEnv } from '@medikamente/subgraph-patient';
import { createRecordService, loadRecordEnv } from '@medikamente/subgraph-record';
import { createScheduleService, loadScheduleEnv } from '@medikamente/subgraph-schedule';
import { gatewayUrlEnv, loadSubgraphManifest, type Subgraph } from '@medikamente/supergraph/manifest';
import { loadBrokerServices, startOrder } from './broker-topology';
import { APPS, appLog, buildApp, startApps, stopBuilds } from './dev-apps';
import { banner, step, stepDone } from './dev-banner';
import {
  clientEnv,
  type PartnerLabClient,
  partnerLabClient,
  type ServiceClients,
  serviceClients,
} from './dev-clients';
import { type DevMailbox, startDevMailbox } from './dev-mailbox';
import { type DemoLogin, demoDoctors, demoPatientIds, seedDemo } from './seed';
import { seedBilling } from './seed-billing';
import { seedLab } from './seed-lab';
import { seedRecord } from './seed-record';
import { type DemoDoctor, seedSchedule } from './seed-schedule';

const STARTED = Date.now();
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DATA = resolve(process.env.MEDIKAMENTE_DATA_DIR || join(ROOT, '.data'));
const HOST = '127.0.0.1';
/** The subgraphs to start, in the manifest's order (identity first: the others verify its tokens). */
const SUBGRAPHS = loadSubgraphManifest();
/** A subgraph this start wires by name (demo data, events, sign-up mail): it must be in the manifest. */
function subgraph(name: string): Subgraph {
  const s = SUBGRAPHS.find((x) => x.name === name);
  if (!s) throw new Error(`subgraph ${name} is not in supergraph/subgraphs.yaml`);
  return s;
}
const portOf = (s: Subgraph) => Number(process.env[`${s.envPrefix}_PORT`] || s.devPort);
const ports = {
  gateway: Number(process.env.GATEWAY_PORT || 4000),
  ...Object.fromEntries(SUBGRAPHS.map((s) => [s.name, portOf(s)])),
  portal: Number(process.env.PORTAL_PORT || 3000),
  reception: Number(process.env.RECEPTION_PORT || 3001),
  mailbox: Number(process.env.MAILBOX_PORT || 4025),
  mailboxSmtp: Number(process.env.MAILBOX_SMTP_PORT || 2525),
  /** /metrics of the gateway on this port, of the subgraphs on the next ones (manifest order). */
  metrics: Number(process.env.METRICS_BASE_PORT || 9400),
  /** The demo payment provider (its checkout page opens in the patient's browser). */
  payments: Number(process.env.PAYMENT_EMULATOR_PORT || 4030),
};
const LOGS = join(DATA, 'logs');
const url = (port: number, path = '') => `http://${HOST}:${port}${path}`;
const LOGINS_FILE = join(DATA, 'demo-logins.json');
/** The demo partner program (another deployable: a partner laboratory's server), when present. */
const PARTNER_PROGRAM = 'scripts/partner-lab.ts';
/** VAPID key pair for web push reminders (generated on first start, owner-only file). */
const WEB_PUSH_FILE = join(DATA, 'web-push.json');

/** The web push (VAPID) keys: from the environment, or generated once for this machine. */
function webPushKeys(): Record<string, string> {
  if (process.env.NOTIFY_PUSH_PUBLIC_KEY && process.env.NOTIFY_PUSH_PRIVATE_KEY)
    return {
      NOTIFY_PUSH_PUBLIC_KEY: process.env.NOTIFY_PUSH_PUBLIC_KEY,
      NOTIFY_PUSH_PRIVATE_KEY: process.env.NOTIFY_PUSH_PRIVATE_KEY,
    };
  if (!existsSync(WEB_PUSH_FILE))
    writeFileSync(WEB_PUSH_FILE, `${JSON.stringify(generateVapidKeys())}\n`, { mode: 0o600 });
  const k = JSON.parse(readFileSync(WEB_PUSH_FILE, 'utf8')) as { publicKey: string; privateKey: string };
  return { NOTIFY_PUSH_PUBLIC_KEY: k.publicKey, NOTIFY_PUSH_PRIVATE_KEY: k.privateKey };
}

// Settings every service shares; the default JWKS and revocation URLs derive from the issuer.
const common = {
  NODE_ENV: 'development',
  LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  HOST,
  AUTH_ISSUER: url(portOf(subgraph('identity'))),
  APOLLO_TELEMETRY_DISABLED: '1',
};
// A database URL replaces the PGlite directory; the two are never passed together.
function databaseEnv(s: Subgraph): Record<string, string> {
  const setting = `${s.envPrefix}_DATABASE_URL`;
  const databaseUrl = process.env[setting];
  return databaseUrl ? { [setting]: databaseUrl } : { DATA_DIR: join(DATA, s.name) };
}
/**
 * A service's master key: `<P>_MASTER_KEY` when set, else the file `<P>_MASTER_KEY_FILE`, by
 * default `<data>/<name>-master.key` (generated on first start by the runtime's loadMasterEnvelope).
 */
const masterKey = (prefix: string, name: string): Record<string, string> =>
  process.env[`${prefix}_MASTER_KEY`]
    ? { [`${prefix}_MASTER_KEY`]: process.env[`${prefix}_MASTER_KEY`]! }
    : {
        [`${prefix}_MASTER_KEY_FILE`]:
          process.env[`${prefix}_MASTER_KEY_FILE`] || join(DATA, `${name}-master.key`),
      };
// The key that seals TOTP secrets and signing keys.
const identityMasterKey = masterKey('IDENTITY', 'identity');
// The key that wraps the patients' data keys of the medical record.
const recordMasterKey = masterKey('RECORD', 'record');
// The key that wraps the patients' data keys of the lab's report files.
const labMasterKey = masterKey('LAB', 'lab');
/**
 * Events through RabbitMQ (ADR 0013) when `<NAME>_EVENTS_AMQP_URL` is set (what `pnpm
 * broker:setup` prints per service: each its own broker user); a shared EVENTS_AMQP_URL is not
 * passed on, since one user cannot be every service.
 */
const brokerEnv = (s: Subgraph): Record<string, string> => ({
  EVENTS_AMQP_URL: process.env[`${s.envPrefix}_EVENTS_AMQP_URL`] ?? '',
});
const identityDb = { ...databaseEnv(subgraph('identity')), ...identityMasterKey };
const patientDb = databaseEnv(subgraph('patient'));
const scheduleDb = databaseEnv(subgraph('schedule'));
const recordDb = { ...databaseEnv(subgraph('record')), ...recordMasterKey };
const labDb = { ...databaseEnv(subgraph('lab')), ...labMasterKey };
const billingDb = databaseEnv(subgraph('billing'));
/** The demo shop at the payment provider emulator (no real money anywhere). */
const DEMO_SHOP = { shopId: 'demo-shop', secretKey: 'demo-secret' };

/** An expected failure: its message is enough (anything else is printed with its stack). */
class StartError extends Error {}

/**
 * Refuses busy ports up front: a second `pnpm start` on the same data directory would open
 * PGlite directories that the first one's services hold, which can corrupt them.
 */
async function assertPortsFree() {
  for (const [name, port] of Object.entries(ports)) {
    await new Promise<void>((ok, busy) => {
      const probe = createServer().once('error', () =>
        busy(new StartError(`${name} port ${port} is in use`)),
      );
      probe.listen(port, HOST, () => probe.close(() => ok()));
    });
  }
}

const readLogins = (): DemoLogin[] | null =>
  existsSync(LOGINS_FILE) ? JSON.parse(readFileSync(LOGINS_FILE, 'utf8')).logins : null;

/** The only copy of the demo passwords: inside the (gitignored) data directory, owner-only. */
function saveLogins(logins: DemoLogin[]) {
  // Accounts left by an interrupted seed come back without a password: keep the saved one.
  const saved = new Map((readLogins() ?? []).map((l) => [l.login, l]));
  const merged = logins.map((l) => ({
    ...l,
    password: l.password ?? saved.get(l.login)?.password ?? null,
    ...(l.role !== 'patient' ? { totpSecret: l.totpSecret ?? saved.get(l.login)?.totpSecret ?? null } : {}),
  }));
  const file = { createdAt: new Date().toISOString(), logins: merged };
  writeFileSync(LOGINS_FILE, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
}

/** Migrates and seeds in this process, then closes the databases: a PGlite directory admits one process. */
async function seed(mailbox: DevMailbox): Promise<{
  logins: DemoLogin[] | null;
  clients: ServiceClients;
  doctors: DemoDoctor[];
  partner: PartnerLabClient;
  branchIds: string[];
}> {
  mkdirSync(DATA, { recursive: true });
  const { identity, patient, schedule, record, lab, billing } = await step('migrate databases', async () => ({
    identity: await createIdentityService(loadIdentityEnv({ ...common, ...identityDb, ...mailbox.env })),
    patient: await createPatientService(loadPatientEnv({ ...common, ...patientDb })),
    schedule: await createScheduleService(loadScheduleEnv({ ...common, ...scheduleDb }), {
      background: false,
    }),
    record: await createRecordService(loadRecordEnv({ ...common, ...recordDb }), { background: false }),
    lab: await createLabService(loadLabEnv({ ...common, ...labDb }), { background: false }),
    billing: await createBillingService(loadBillingEnv({ ...common, ...billingDb }), { background: false }),
  }));
  try {
    const started = Date.now();
    const result = await seedDemo({ identity, patient, onLogins: saveLogins });
    const doctors = await demoDoctors(identity);
    const sched = await seedSchedule({ schedule, doctors, patientIds: demoPatientIds() });
    // The record's demo visits, on the schedule's appointments (through the record's own inbox).
    const rec = await seedRecord({ schedule, record, doctors, patientIds: demoPatientIds() });
    // The demo partner laboratory (an identity client) performs the lab's demo catalogue.
    const partner = await partnerLabClient(DATA, identity);
    const labs = await seedLab({ lab, schedule, patient, partner, doctors, patientIds: demoPatientIds() });
    const prices = await seedBilling({ billing, schedule });
    // Each deployable's own machine client (events, revocation list, the gateway's vouching).
    // identity issues the tokens: it needs no client of its own.
    const deployables = ['gateway', ...SUBGRAPHS.filter((s) => s.name !== 'identity').map((s) => s.name)];
    const clients = await serviceClients(DATA, identity, deployables);
    stepDone(
      'seed demo data',
      Date.now() - started,
      result.created || sched.created || rec.created || labs.created || prices.created
        ? 'staff, patients, schedule, record, lab, prices'
        : 'already present',
    );
    const branchIds = (await schedule.stores.catalog.branches()).map((b) => b.id);
    return { logins: readLogins(), clients, doctors, partner, branchIds };
  } finally {
    // Stopping Apollo also removes the SIGINT/SIGTERM handlers it installed in this process.
    for (const s of [identity, patient, schedule, record, lab, billing]) {
      await s.subgraph.apollo.stop();
      s.verifier.stop();
      await s.close();
    }
  }
}

/** What the start knows when it wires the subgraphs. */
type Wiring = {
  mailbox: DevMailbox;
  doctors: DemoDoctor[];
  brokerServices: BrokerService[];
  cashDesk: CashDesk;
};

/**
 * The clinic's cash registers and payment provider for the demo: protocol-faithful emulators of
 * the ATOL Web Server (one register per branch, one for online receipts) and of YooKassa, in this
 * process (their state lasts as long as this start).
 */
type CashDesk = { registers: string; onlineRegister: string; provider: string; close(): Promise<void> };
async function startCashDesk(branchIds: string[]): Promise<CashDesk> {
  const desks = await Promise.all(branchIds.map(() => startAtolEmulator()));
  const online = await startAtolEmulator();
  const provider = await startYooKassaEmulator({ ...DEMO_SHOP, port: ports.payments });
  provider.setNotifyUrl(url(portOf(subgraph('billing')), '/payments/yookassa/notifications'));
  return {
    registers: branchIds.map((b, i) => `${b}=${desks[i]!.url}`).join(','),
    onlineRegister: online.url,
    provider: provider.url,
    close: async () => {
      await Promise.all([...desks, online, provider].map((e) => e.close()));
    },
  };
}

/** The HTTP inboxes of the subgraphs consuming `producer`'s events (their src/broker.ts) but `except`. */
const inboxesOf = (w: Wiring, producer: string, except: string[]) =>
  w.brokerServices
    .filter((s) => !except.includes(s.name) && s.consumers?.some((c) => c.from === producer))
    .map((s) => url(portOf(subgraph(s.name)), '/internal/events'))
    .join(',');

const escalation = (colleague: string | undefined): Record<string, string> => {
  const id = process.env.CRITICAL_ESCALATION_ACCOUNT_ID || colleague;
  return id ? { CRITICAL_ESCALATION_ACCOUNT_ID: id } : {};
};

/** The named settings of this process's environment that are set, unchanged. */
const passThrough = (...names: string[]): Record<string, string> =>
  Object.fromEntries(names.flatMap((n) => (process.env[n] ? [[n, process.env[n]!]] : [])));

/** What this start adds to a subgraph's settings beyond its port, database, client and metrics port. */
function wiring(name: string, w: Wiring): Record<string, string> {
  const { mailbox } = w;
  const patient = () => url(portOf(subgraph('patient')));
  switch (name) {
    case 'identity':
      // Sign-up codes go to the development mailbox.
      return { ...identityMasterKey, ...mailbox.env };
    case 'schedule':
      return {
        // Appointment events: the patient subgraph (the URL its code names) and every other
        // consumer of them (the record, the lab).
        PATIENT_EVENTS_URL: `${patient()}/internal/events`,
        EVENTS_HTTP_CONSUMERS: inboxesOf(w, 'schedule', ['patient']),
        PATIENT_URL: `${patient()}/graphql`,
        PORTAL_URL: url(ports.portal),
        ...webPushKeys(),
        ...passThrough('QUIET_HOURS_START', 'QUIET_HOURS_END'),
      };
    case 'record':
      return {
        ...recordMasterKey,
        // Break-glass alerts reach the security officer through the development mailbox.
        SECURITY_ALERT_EMAIL: process.env.SECURITY_ALERT_EMAIL || 'security@medikamente.local',
        NOTIFY_SMTP_URL: mailbox.env.NOTIFY_SMTP_URL,
        // Download links point at the gateway's pass-through route.
        FILES_PUBLIC_URL: url(ports.gateway, '/files/record'),
      };
    case 'lab':
      return {
        ...labMasterKey,
        // Critical values: the on-call mailbox and the escalations in the development mailbox; an
        // unacknowledged alert escalates to a colleague (the demo cardiologist, Петров).
        LAB_ALERT_EMAIL: process.env.LAB_ALERT_EMAIL || 'lab-alerts@medikamente.local',
        LAB_ESCALATION_EMAIL: process.env.LAB_ESCALATION_EMAIL || 'head.doctor@medikamente.local',
        ...escalation(w.doctors[1]?.accountId),
        NOTIFY_SMTP_URL: mailbox.env.NOTIFY_SMTP_URL,
        // Released results: the schedule tells the patient through their reminder channel.
        SCHEDULE_EVENTS_URL: url(portOf(subgraph('schedule')), '/internal/events'),
        // Orders and cancellations: every other consumer of the lab's events (billing invoices them).
        EVENTS_HTTP_CONSUMERS: inboxesOf(w, 'lab', ['schedule']),
      };
    case 'billing':
      return {
        FISCAL_REGISTERS: w.cashDesk.registers,
        ONLINE_FISCAL_URL: w.cashDesk.onlineRegister,
        YOOKASSA_URL: w.cashDesk.provider,
        YOOKASSA_SHOP_ID: DEMO_SHOP.shopId,
        YOOKASSA_SECRET_KEY: DEMO_SHOP.secretKey,
        // The emulator notifies from this machine (in production: the provider's published networks).
        PAYMENT_NOTIFICATION_NETWORKS: '127.0.0.1/32,::1/128',
        PAYMENT_RETURN_URL: url(ports.portal, '/payments'),
        // Contract and certificate downloads point at the gateway's pass-through route.
        FILES_PUBLIC_URL: url(ports.gateway, '/files/billing'),
      };
    case 'security':
      return {
        // The audit stream pulls every other subgraph's audit chain (ADR 0018) with its client
        // (scope audit:read, scripts/dev-clients.ts).
        AUDIT_SOURCES: SUBGRAPHS.filter((s) => s.name !== 'security')
          .map((s) => `${s.name}=${url(portOf(s))}`)
          .join(','),
        // Privacy alerts and data-subject request reminders reach the security officer through the
        // development mailbox.
        SECURITY_ALERT_EMAIL: process.env.SECURITY_ALERT_EMAIL || 'security@medikamente.local',
        DSR_OFFICERS_EMAIL: process.env.DSR_OFFICERS_EMAIL || 'security@medikamente.local',
        DSR_CONSOLE_URL: url(ports.reception, '/privacy/requests'),
        NOTIFY_SMTP_URL: mailbox.env.NOTIFY_SMTP_URL,
      };
    default:
      return {};
  }
}

const children = new Map<string, ChildProcess>();
let stopApps: (() => Promise<void>) | undefined;
let mailbox: DevMailbox | undefined;
let stopCashDesk: (() => Promise<void>) | undefined;
let stopping: Promise<never> | undefined;

function start(
  name: string,
  entry: string,
  env: Record<string, string>,
  opts: { args?: string[]; optional?: boolean } = {},
): ChildProcess {
  // Same process group as this script: a signal to the group (Ctrl-C, CI cleanup) reaches everything.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, entry), ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...common, ...env },
    stdio: 'inherit',
  });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (stopping) return;
    // A demo program beside the platform: its end is reported, the platform keeps running.
    if (opts.optional) return console.error(`[dev] ${name} exited (${signal ?? `code ${code}`})`);
    console.error(`[dev] ${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the rest`);
    void stop(1);
  });
  return child;
}

async function waitFor(name: string, probe: string, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  while (Date.now() < deadline) {
    if (!children.has(name)) throw new StartError(`${name} exited before it became ready`);
    try {
      if ((await fetch(probe, { signal: AbortSignal.timeout(2000) })).ok) {
        stepDone(`${name} ready`, Date.now() - started);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new StartError(`${name} not ready at ${probe} after ${timeoutMs / 1000} s`);
}

/** Stops every child (once, whoever asks first decides the exit code) and exits. */
function stop(code: number): Promise<never> {
  stopping ??= (async () => {
    stopBuilds();
    await stopApps?.().catch(() => {});
    await mailbox?.close().catch(() => {});
    await stopCashDesk?.().catch(() => {});
    const exited = [...children.values()].map((c) => new Promise((r) => c.once('exit', r)));
    for (const c of children.values()) c.kill('SIGTERM');
    // Services close their databases on SIGTERM; give them time, then force.
    const timeout = setTimeout(() => {
      for (const c of children.values()) c.kill('SIGKILL');
    }, 10_000);
    await Promise.all(exited);
    clearTimeout(timeout);
    process.exit(code);
  })();
  return stopping;
}

/** Builds the apps that are stale, both at once, while the rest starts; prints each one's time. */
function buildApps(): Promise<void> {
  const builds = Promise.all(
    APPS.map(async (app) => {
      const started = Date.now();
      const built = await buildApp(app, () => {}, { file: appLog(LOGS, app, 'build') });
      stepDone(
        `${app} build`,
        Date.now() - started,
        built === null ? 'current' : `log: ${appLog(LOGS, app, 'build')}`,
      );
    }),
  ).then(() => {});
  builds.catch(() => {}); // awaited later; not an unhandled rejection meanwhile
  return builds;
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  await assertPortsFree();
  mkdirSync(LOGS, { recursive: true });
  const builds = buildApps();
  mailbox = await step('dev mailbox', () =>
    startDevMailbox({ host: HOST, httpPort: ports.mailbox, smtpPort: ports.mailboxSmtp }),
  );
  const { logins, clients, doctors, partner, branchIds } = await seed(mailbox);
  const brokerServices = await loadBrokerServices();
  const cashDesk = await step('cash registers and payment provider (emulated)', () =>
    startCashDesk(branchIds),
  );
  stopCashDesk = cashDesk.close;
  // One after the other in manifest order, consumers of events before their producers (the
  // record and the lab before the schedule); /metrics of the manifest's n-th on METRICS_BASE_PORT + n.
  for (const s of startOrder(SUBGRAPHS, brokerServices)) {
    const i = SUBGRAPHS.indexOf(s);
    const client = clients[s.name];
    start(s.name, `${s.dir}/src/main.ts`, {
      PORT: String(portOf(s)),
      ...databaseEnv(s),
      ...brokerEnv(s),
      ...(client ? clientEnv(client) : {}),
      METRICS_PORT: String(ports.metrics + 1 + i),
      ...wiring(s.name, { mailbox, doctors, brokerServices, cashDesk }),
    });
    await waitFor(s.name, url(portOf(s), '/readyz'));
  }
  start('gateway', 'supergraph/src/main.ts', {
    PORT: String(ports.gateway),
    ...gatewayUrlEnv(Object.fromEntries(SUBGRAPHS.map((s) => [s.name, url(portOf(s), '/graphql')]))),
    // The apps' servers run on this machine and forward the browser's address.
    TRUSTED_PROXIES: '127.0.0.1,::1',
    ...clientEnv(clients.gateway!),
    METRICS_PORT: String(ports.metrics),
  });
  await waitFor('gateway', url(ports.gateway, '/healthz'));
  // The demo partner laboratory polls its orders and posts results through the gateway.
  if (existsSync(join(ROOT, PARTNER_PROGRAM)))
    start(
      'partner-lab',
      PARTNER_PROGRAM,
      {
        PARTNER_LAB_CREDENTIALS_FILE: join(DATA, 'partner-lab.json'),
        PARTNER_LAB_TOKEN_URL: url(portOf(subgraph('identity')), '/oauth/token'),
        PARTNER_LAB_GATEWAY_URL: url(ports.gateway, '/graphql'),
      },
      { args: ['--watch'], optional: true },
    );
  await builds;
  const apps = await step('apps started', () =>
    startApps({
      gatewayUrl: url(ports.gateway, '/graphql'),
      identityUrl: url(portOf(subgraph('identity'))),
      dataDir: DATA,
      portalPort: ports.portal,
      receptionPort: ports.reception,
      logDir: LOGS,
      log: () => {},
    }),
  );
  stopApps = apps.stop;
  const startedAt = Number(process.env.MEDIKAMENTE_STARTED_AT || STARTED);
  console.log(
    banner({
      totalMs: Date.now() - startedAt,
      urls: [
        ['Patient portal', url(ports.portal)],
        ['Reception', url(ports.reception)],
        ['GraphQL (gateway)', url(ports.gateway, '/graphql')],
        ['GraphiQL', url(ports.gateway, '/graphiql')],
        ['Dev mailbox', `${mailbox.pageUrl}   (sign-up codes by e-mail and SMS, lab alerts)`],
        ...SUBGRAPHS.map((s): [string, string] => [`${s.name} subgraph`, url(portOf(s), '/graphql')]),
        [
          'Payment provider',
          `${url(ports.payments)}   (emulated YooKassa: the portal's «Оплатить онлайн» opens its page)`,
        ],
        ['Partner laboratory', `${join(DATA, 'partner-lab.json')}   (${partner.name}: client credentials)`],
      ],
      mailboxUrl: mailbox.pageUrl,
      dataDir: DATA,
      loginsFile: LOGINS_FILE,
      logins,
    }),
  );
} catch (e) {
  console.error(
    '[dev] start failed:',
    e instanceof StartError ? e.message : e instanceof Error ? e.message : e,
  );
  await stop(1);
}
