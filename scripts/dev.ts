/**
 * Local start (`pnpm start`): seeds demo data on first run, then runs identity, patient,
 * schedule and the gateway as child processes, like separate deployments would run.
 *
 * Env: MEDIKAMENTE_DATA_DIR (default <repo>/.data), GATEWAY_PORT / IDENTITY_PORT / PATIENT_PORT /
 * SCHEDULE_PORT (4000 / 4001 / 4002 / 4003), IDENTITY_DATABASE_URL / PATIENT_DATABASE_URL /
 * SCHEDULE_DATABASE_URL (Postgres instead of the embedded PGlite), LOG_LEVEL (default warn).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateVapidKeys } from '@medikamente/notifications';
import { createIdentityService, loadIdentityEnv } from '@medikamente/subgraph-identity';
import { createPatientService, loadPatientEnv } from '@medikamente/subgraph-patient';
import { createScheduleService, loadScheduleEnv } from '@medikamente/subgraph-schedule';
import { startApps } from './dev-apps';
import { type DemoLogin, demoDoctors, demoPatientIds, seedDemo } from './seed';
import { seedSchedule } from './seed-schedule';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DATA = resolve(process.env.MEDIKAMENTE_DATA_DIR || join(ROOT, '.data'));
const HOST = '127.0.0.1';
const ports = {
  gateway: Number(process.env.GATEWAY_PORT || 4000),
  identity: Number(process.env.IDENTITY_PORT || 4001),
  patient: Number(process.env.PATIENT_PORT || 4002),
  schedule: Number(process.env.SCHEDULE_PORT || 4003),
  portal: Number(process.env.PORTAL_PORT || 3000),
  reception: Number(process.env.RECEPTION_PORT || 3001),
};
const url = (port: number, path = '') => `http://${HOST}:${port}${path}`;
const LOGINS_FILE = join(DATA, 'demo-logins.json');
/** Client credentials of the schedule service (created on first start, owner-only file). */
const SCHEDULE_CLIENT_FILE = join(DATA, 'schedule-client.json');
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
  AUTH_ISSUER: url(ports.identity),
  APOLLO_TELEMETRY_DISABLED: '1',
};
// A database URL replaces the PGlite directory; the two are never passed together.
const identityDb: Record<string, string> = process.env.IDENTITY_DATABASE_URL
  ? { IDENTITY_DATABASE_URL: process.env.IDENTITY_DATABASE_URL }
  : { DATA_DIR: join(DATA, 'identity') };
const patientDb: Record<string, string> = process.env.PATIENT_DATABASE_URL
  ? { PATIENT_DATABASE_URL: process.env.PATIENT_DATABASE_URL }
  : { DATA_DIR: join(DATA, 'patient') };
const scheduleDb: Record<string, string> = process.env.SCHEDULE_DATABASE_URL
  ? { SCHEDULE_DATABASE_URL: process.env.SCHEDULE_DATABASE_URL }
  : { DATA_DIR: join(DATA, 'schedule') };

const say = (s: string) => console.log(`[dev] ${s}`);
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
  const saved = new Map((readLogins() ?? []).map((l) => [l.login, l.password]));
  const merged = logins.map((l) => ({ ...l, password: l.password ?? saved.get(l.login) ?? null }));
  const file = { createdAt: new Date().toISOString(), logins: merged };
  writeFileSync(LOGINS_FILE, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
}

/** Seeds in this process, then closes the databases: a PGlite directory admits one process. */
async function seed(): Promise<{
  logins: DemoLogin[] | null;
  scheduleClient: { clientId: string; clientSecret: string };
}> {
  mkdirSync(DATA, { recursive: true });
  const started = Date.now();
  const identity = await createIdentityService(loadIdentityEnv({ ...common, ...identityDb }));
  const patient = await createPatientService(loadPatientEnv({ ...common, ...patientDb }));
  const schedule = await createScheduleService(loadScheduleEnv({ ...common, ...scheduleDb }), {
    background: false,
  });
  try {
    const log = (s: string) => say(`seed: ${s}`);
    const result = await seedDemo({ identity, patient, log, onLogins: saveLogins });
    const doctors = await demoDoctors(identity);
    const sched = await seedSchedule({ schedule, doctors, patientIds: demoPatientIds(), log });
    // The schedule service's machine client (role service, events:write) for its event relay.
    let scheduleClient = existsSync(SCHEDULE_CLIENT_FILE)
      ? (JSON.parse(readFileSync(SCHEDULE_CLIENT_FILE, 'utf8')) as { clientId: string; clientSecret: string })
      : null;
    if (!scheduleClient) {
      scheduleClient = await identity.createClient({
        role: 'service',
        scopes: ['events:write'],
        name: 'schedule',
      });
      writeFileSync(SCHEDULE_CLIENT_FILE, `${JSON.stringify(scheduleClient)}\n`, { mode: 0o600 });
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    say(
      result.created || sched.created
        ? `demo data seeded in ${seconds} s`
        : `demo data already present (${seconds} s to check)`,
    );
    return { logins: readLogins(), scheduleClient };
  } finally {
    // Stopping Apollo also removes the SIGINT/SIGTERM handlers it installed in this process.
    for (const s of [identity, patient, schedule]) {
      await s.subgraph.apollo.stop();
      s.verifier.stop();
      await s.close();
    }
  }
}

const children = new Map<string, ChildProcess>();
let stopApps: (() => Promise<void>) | undefined;
let stopping: Promise<never> | undefined;

function start(name: string, entry: string, env: Record<string, string>): ChildProcess {
  // Same process group as this script: a signal to the group (Ctrl-C, CI cleanup) reaches everything.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...common, ...env },
    stdio: 'inherit',
  });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (stopping) return;
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
        say(`${name} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
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
    await stopApps?.().catch(() => {});
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

function banner(logins: DemoLogin[] | null) {
  const lines = [
    '',
    'Medikamente is running',
    `  Patient portal     ${url(ports.portal)}`,
    `  Reception          ${url(ports.reception)}`,
    `  GraphQL (gateway)  ${url(ports.gateway, '/graphql')}`,
    `  GraphiQL           ${url(ports.gateway, '/graphiql')}`,
    `  identity subgraph  ${url(ports.identity, '/graphql')}`,
    `  patient subgraph   ${url(ports.patient, '/graphql')}`,
    `  schedule subgraph  ${url(ports.schedule, '/graphql')}`,
    `  data               ${DATA}`,
    '',
  ];
  if (logins?.length) {
    lines.push(`Demo logins (signIn mutation; also in ${LOGINS_FILE}):`);
    const width = Math.max(...logins.map((l) => l.login.length));
    for (const l of logins) {
      const who = `${l.role}: ${l.displayName}${l.note ? `, ${l.note}` : ''}`;
      lines.push(`  ${l.login.padEnd(width)}  ${(l.password ?? '(unknown)').padEnd(19)}  ${who}`);
    }
  } else {
    lines.push(`Demo logins: ${LOGINS_FILE} is missing; delete the demo databases to seed again.`);
  }
  lines.push('', 'Ctrl-C stops all services.', '');
  console.log(lines.join('\n'));
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  await assertPortsFree();
  const { logins, scheduleClient } = await seed();
  start('identity', 'subgraphs/identity/src/main.ts', { PORT: String(ports.identity), ...identityDb });
  await waitFor('identity', url(ports.identity, '/readyz'));
  start('patient', 'subgraphs/patient/src/main.ts', { PORT: String(ports.patient), ...patientDb });
  await waitFor('patient', url(ports.patient, '/readyz'));
  start('schedule', 'subgraphs/schedule/src/main.ts', {
    PORT: String(ports.schedule),
    ...scheduleDb,
    PATIENT_EVENTS_URL: url(ports.patient, '/internal/events'),
    SCHEDULE_CLIENT_ID: scheduleClient.clientId,
    SCHEDULE_CLIENT_SECRET: scheduleClient.clientSecret,
    PORTAL_URL: url(ports.portal),
    PATIENT_URL: url(ports.patient, '/graphql'),
    ...webPushKeys(),
  });
  await waitFor('schedule', url(ports.schedule, '/readyz'));
  start('gateway', 'supergraph/src/main.ts', {
    PORT: String(ports.gateway),
    IDENTITY_URL: url(ports.identity, '/graphql'),
    PATIENT_URL: url(ports.patient, '/graphql'),
    SCHEDULE_URL: url(ports.schedule, '/graphql'),
    // The apps' servers run on this machine and forward the browser's address.
    TRUSTED_PROXIES: '127.0.0.1,::1',
  });
  await waitFor('gateway', url(ports.gateway, '/healthz'));
  const apps = await startApps({
    gatewayUrl: url(ports.gateway, '/graphql'),
    identityUrl: url(ports.identity),
    dataDir: DATA,
    portalPort: ports.portal,
    receptionPort: ports.reception,
    log: (s) => say(`apps: ${s}`),
  });
  stopApps = apps.stop;
  banner(logins);
} catch (e) {
  console.error('[dev] start failed:', e instanceof StartError ? e.message : e);
  await stop(1);
}
