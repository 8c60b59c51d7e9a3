/**
 * Benchmark of the schedule at clinic scale, in one run:
 *   free-slot search for a specialty over 14 days — raw SQL vs the subgraph over HTTP vs the gateway;
 *   booking throughput — raw SQL insert vs the subgraph vs the gateway;
 *   a contention phase (many clients racing for few slots) and a double-booking check.
 *
 * Usage: pnpm bench:schedule [--scale 5] [--seconds 10] [--concurrency 32]
 *   scale 1 = the clinic today (15 doctors, 2 branches, 40k patients, 200k appointments);
 *   scale 5 = 75 doctors, 10 branches, 200k patients, 1M past and future appointments.
 * Needs the Postgres server on 127.0.0.1:5432 (a throw-away database is created and dropped); the
 * subgraph and the gateway run as their own processes, like deployed, against it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTestDatabase, createTestIssuer, gql } from '@medikamente/runtime/testing/tools';
import { createScheduleService, loadScheduleEnv } from '@medikamente/subgraph-schedule';
import { gatewayUrlEnv } from '@medikamente/supergraph/manifest';
import { DateTime } from 'luxon';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '32' },
    /** Reuse a database left by an earlier run with BENCH_KEEP=1 (skips the data generation). */
    database: { type: 'string' },
  },
});
const SCALE = Number(values.scale);
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const DOCTORS = Math.max(5, Math.round(15 * SCALE));
const BRANCHES = Math.max(1, Math.round(2 * SCALE));
const PATIENTS = Math.round(40_000 * SCALE);
const APPOINTMENTS = Math.round(200_000 * SCALE);
const SPECIALTIES = ['Терапия', 'Кардиология', 'Неврология', 'Эндокринология', 'Офтальмология'];
const ZONES = [
  'Europe/Moscow',
  'Europe/Kaliningrad',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Vladivostok',
  'Europe/Moscow',
];
const log = (s: string) => console.log(`[bench] ${s}`);

// --- CPU per request of each process (from /proc; the machine's 2 cores are shared by all) -----
const tracked: Array<{ name: string; pid: number }> = [];
/** utime + stime (+ cutime + cstime: exited children waited for, e.g. closed Postgres backends), 1/100 s. */
const ticksOf = (pid: number, withChildren = false) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0);
  } catch {
    return 0;
  }
};
const postgresTicks = () => {
  let t = 0;
  for (const d of readdirSync('/proc'))
    if (/^\d+$/.test(d)) {
      try {
        if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres') t += ticksOf(Number(d), true);
      } catch {}
    }
  return t;
};
type CpuSnapshot = Record<string, number>;
const cpuSnapshot = (): CpuSnapshot => {
  const u = process.cpuUsage();
  const snap: CpuSnapshot = { bench: (u.user + u.system) / 1000, postgres: postgresTicks() * 10 };
  for (const t of tracked) snap[t.name] = ticksOf(t.pid) * 10;
  return snap;
};
/** Milliseconds of CPU per request, per process, between two snapshots. */
const cpuPerRequest = (a: CpuSnapshot, b: CpuSnapshot, requests: number) =>
  Object.fromEntries(Object.keys(b).map((k) => [k, (b[k]! - (a[k] ?? 0)) / Math.max(1, requests)]));
const cpuText = (c: Record<string, number>) =>
  Object.entries(c)
    .filter(([, v]) => v >= 0.005)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');

type Result = {
  name: string;
  p50: number;
  p95: number;
  rps: number;
  ok: number;
  failed: number;
  times: number[];
  elapsed: number;
  /** CPU ms per request by process. */
  cpu: Record<string, number>;
};

const summarize = (
  name: string,
  times: number[],
  elapsed: number,
  ok: number,
  failed: number,
  cpu: Record<string, number>,
): Result => {
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { name, p50: q(0.5), p95: q(0.95), rps: times.length / elapsed, ok, failed, times, elapsed, cpu };
};
const report = (r: Result) =>
  log(
    `${r.name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.rps.toFixed(0)} req/s (${r.ok} ok, ${r.failed} failed); CPU ms/request: ${cpuText(r.cpu)}`,
  );
/** One result from two measurements of the same path (taken in A-B-B-A order against drift). */
const merge = (name: string, a: Result, b: Result) => {
  const [na, nb] = [a.times.length, b.times.length];
  const cpu = Object.fromEntries(
    Object.keys(a.cpu).map((k) => [k, (a.cpu[k]! * na + (b.cpu[k] ?? 0) * nb) / Math.max(1, na + nb)]),
  );
  const times = [...a.times, ...b.times];
  const r = summarize(name, times, a.elapsed + b.elapsed, a.ok + b.ok, a.failed + b.failed, cpu);
  report(r);
  return r;
};

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
/**
 * The load generator's GraphQL POST: node:http with keep-alive (lighter than fetch, so that less
 * of the shared 2 cores goes to the measuring side); the JSON answer is parsed and checked.
 */
function post(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const u = new URL(url);
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `fn` from `concurrency` workers for `seconds`; latency percentiles and throughput. */
async function load(
  name: string,
  fn: (i: number) => Promise<boolean>,
  opts: { maxRequests?: number; warmup?: number; seconds?: number; quiet?: boolean } = {},
): Promise<Result> {
  for (let i = 0; i < (opts.warmup ?? 200); i++) await fn(-1 - i);
  const max = opts.maxRequests ?? Number.POSITIVE_INFINITY;
  const times: number[] = [];
  let ok = 0;
  let failed = 0;
  let n = 0;
  const end = performance.now() + (opts.seconds ?? SECONDS) * 1000;
  const started = performance.now();
  const cpuBefore = cpuSnapshot();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end && n < max) {
        const i = n++;
        const t0 = performance.now();
        const good = await fn(i).catch(() => false);
        times.push(performance.now() - t0);
        if (good) ok++;
        else failed++;
      }
    }),
  );
  const r = summarize(
    name,
    times,
    (performance.now() - started) / 1000,
    ok,
    failed,
    cpuPerRequest(cpuBefore, cpuSnapshot(), times.length),
  );
  if (!opts.quiet) report(r);
  return r;
}

const db = values.database
  ? { url: values.database, drop: async () => {} }
  : await createTestDatabase('bench_schedule');
if (!db.url) {
  console.error(
    'The schedule benchmark needs the Postgres server on 127.0.0.1:5432 (several processes share it).',
  );
  process.exit(2);
}
const issuer = await createTestIssuer();
const env = loadScheduleEnv({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATA_DIR: 'memory://',
  ...(db.url ? { SCHEDULE_DATABASE_URL: db.url } : {}),
  MAX_QUERY_COST: '200000',
});
const service = await createScheduleService(env, { verifier: issuer.verifier, background: false });
const { catalog, calendar } = service.stores;
const database = service.database;

// --- data -------------------------------------------------------------------------------------
const t0 = performance.now();
// Past days fully booked, the next 60 days half booked; as many past days as the target needs.
const perDay = (DOCTORS * 16 * 5) / 7;
const FUTURE_DAYS = 60;
const pastDays = Math.ceil((APPOINTMENTS - (perDay * FUTURE_DAYS) / 2) / perDay);
const reuse = !!values.database;
const branches = reuse ? await catalog.branches() : [];
if (!reuse) {
  for (let b = 0; b < BRANCHES; b++)
    branches.push(
      await catalog.createBranch({
        name: `Филиал ${b + 1}`,
        address: `Адрес ${b + 1}`,
        timeZone: ZONES[b % ZONES.length]!,
      }),
    );
  for (const b of branches)
    await catalog.updateBranchSettings(b.id, { minNoticeMinutes: 0, horizonDays: 90 });
  const services = [];
  for (const s of SPECIALTIES)
    services.push(await catalog.createService({ name: `Приём: ${s}`, specialty: s, durationMinutes: 30 }));
  await database.query(
    'create table bench_doctor (idx int, id uuid, branch_id uuid, service_id uuid, tz text)',
  );
  for (let i = 0; i < DOCTORS; i++) {
    const branch = branches[i % BRANCHES]!;
    const svc = services[i % SPECIALTIES.length]!;
    const s = await catalog.createSpecialist({
      accountId: randomUUID(),
      displayName: `Врач ${i + 1}`,
      specialties: [svc.specialty],
      branchIds: [branch.id],
      serviceIds: [svc.id],
    });
    for (let weekday = 1; weekday <= 5; weekday++)
      await calendar.addTemplate({
        specialistId: s.id,
        branchId: branch.id,
        roomId: null,
        weekday,
        startTime: '09:00',
        endTime: '17:00',
        slotMinutes: 30,
        breaks: [],
        validFrom: null,
        validUntil: null,
      });
    await database.query('insert into bench_doctor values ($1, $2, $3, $4, $5)', [
      i,
      s.id,
      branch.id,
      svc.id,
      branch.timeZone,
    ]);
  }
  await database.query(`
  insert into appointment (id, patient_id, specialist_id, branch_id, service_id, during, status, source, created_by)
  select gen_random_uuid(),
    ('00000000-0000-4000-8000-' || lpad(to_hex((s.idx + ${DOCTORS} * (extract(epoch from t.ts)::bigint / 1800)) % ${PATIENTS}), 12, '0'))::uuid,
    s.id, s.branch_id, s.service_id, tstzrange(t.ts, t.ts + interval '30 minutes'),
    case when t.ts < now() then 'COMPLETED' else 'BOOKED' end, 'PORTAL', 'bench'
  from bench_doctor s
  cross join generate_series(current_date - ${pastDays}, current_date + ${FUTURE_DAYS}, interval '1 day') d
  cross join generate_series(0, 15) k
  cross join lateral (select ((d::date + time '09:00' + k * interval '30 minutes') at time zone s.tz) as ts) t
  where extract(isodow from d) < 6 and (t.ts < now() or (k + extract(doy from d)::int) % 2 = 0)`);
  // Vacuum now, so that autovacuum of the fresh million rows does not run during the measurements.
  await database.query('vacuum analyze');
}
const [{ n: total }] = (await database.query('select count(*)::int as n from appointment')) as [
  { n: number },
];
const [{ n: patientsUsed }] = (await database.query(
  'select count(distinct patient_id)::int as n from appointment',
)) as [{ n: number }];
log(
  `data: ${BRANCHES} branches, ${DOCTORS} doctors, ${patientsUsed} patients, ${total} appointments (${pastDays} days back, ${FUTURE_DAYS} ahead) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

// --- servers: the subgraph and the gateway as their own processes (as deployed) --------------
// Tokens come from the bench's issuer; its key set and (empty) revocations are served over HTTP.
const keys = createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(req.url?.startsWith('/jwks') ? issuer.jwks : { sessions: {}, accounts: {} }));
});
await new Promise<void>((r) => keys.listen(0, '127.0.0.1', () => r()));
const keysUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}`;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];
// Never leave the subgraph or the gateway running if the benchmark fails half-way.
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});
async function startProcess(
  name: string,
  entry: string,
  port: number,
  extra: Record<string, string>,
  probe: string,
) {
  const prof = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/benchprof'] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', entry], {
    cwd: ROOT,
    stdio: ['ignore', process.env.BENCH_LOGS ? 'inherit' : 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      AUTH_ISSUER: issuer.issuer,
      AUTH_JWKS_URL: `${keysUrl}/jwks`,
      AUTH_REVOCATIONS_URL: `${keysUrl}/revocations`,
      MAX_QUERY_COST: '200000',
      ...extra,
    },
  });
  children.push(child);
  tracked.push({ name, pid: child.pid! });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(probe)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${entry} did not start`);
}
const SUBGRAPH_PORT = 4390;
const GATEWAY_PORT = 4391;
await startProcess(
  'subgraph',
  'subgraphs/schedule/src/main.ts',
  SUBGRAPH_PORT,
  db.url ? { SCHEDULE_DATABASE_URL: db.url } : { DATA_DIR: 'memory://' },
  `http://127.0.0.1:${SUBGRAPH_PORT}/readyz`,
);
const direct = `http://127.0.0.1:${SUBGRAPH_PORT}/graphql`;
const CLOSED = 'http://127.0.0.1:9/graphql';
await startProcess(
  'gateway',
  'supergraph/src/main.ts',
  GATEWAY_PORT,
  // Only schedule runs: the other subgraphs of the manifest point at a closed port.
  gatewayUrlEnv({ schedule: direct }, CLOSED),
  `http://127.0.0.1:${GATEWAY_PORT}/healthz`,
);
const viaGateway = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
// A second gateway with the response cache off: every request planned, forwarded and shaped.
const GATEWAY_UNCACHED_PORT = 4392;
await startProcess(
  'gateway (cache off)',
  'supergraph/src/main.ts',
  GATEWAY_UNCACHED_PORT,
  { ...gatewayUrlEnv({ schedule: direct }, CLOSED), RESPONSE_CACHE: 'off' },
  `http://127.0.0.1:${GATEWAY_UNCACHED_PORT}/healthz`,
);
const viaGatewayUncached = `http://127.0.0.1:${GATEWAY_UNCACHED_PORT}/graphql`;

// --- free-slot search -------------------------------------------------------------------------
// Patients' searches are a mix: one of 5 specialties, in any branch or in one branch (each branch
// has one specialty here), for the 14 days from tomorrow or from a week later — 30 distinct
// queries, requests spread over them evenly.
const zone = branches[0]!.timeZone;
const day = (n: number) => DateTime.now().setZone(zone).plus({ days: n }).toISODate()!;
const SEARCH = `query Slots($s: String!, $b: ID, $from: String!, $to: String!) {
  freeSlots(input: { specialty: $s, branchId: $b, from: $from, to: $to, limit: 50 }) { startsAt endsAt specialistId branchId }
}`;
const branchSpecialty = (
  (await database.query(
    'select distinct branch_id, s.specialty from bench_doctor d join service s on s.id = d.service_id',
  )) as Array<{
    branch_id: string;
    specialty: string;
  }>
).map((r) => ({ s: r.specialty, b: String(r.branch_id) as string | null }));
const searches = [...SPECIALTIES.map((s) => ({ s, b: null as string | null })), ...branchSpecialty].flatMap(
  (q) => [
    { ...q, from: day(1), to: day(14) },
    { ...q, from: day(8), to: day(21) },
  ],
);
const searchFor = (i: number) => searches[((i % searches.length) + searches.length) % searches.length]!;
const patientToken = await issuer.sign({ role: 'patient', pid: randomUUID() }, { expiresInSec: 3600 });
// The same computation in one SQL statement: template slots of the specialty's doctors (in the
// branch, if given) for the 14 local days, minus busy time, first 50.
const RAW_SEARCH = `
  with doc as (
    select s.id, b.id as branch_id, b.time_zone from specialist s
    join specialist_branch sb on sb.specialist_id = s.id join branch b on b.id = sb.branch_id
    where $1 = any(s.specialties) and ($4::uuid is null or b.id = $4::uuid)
  ), slot as (
    select doc.id as specialist_id, doc.branch_id,
      ((d::date + t.start_time + k * make_interval(mins => t.slot_minutes)) at time zone doc.time_zone) as s,
      t.slot_minutes
    from doc join weekly_template t on t.specialist_id = doc.id and t.branch_id = doc.branch_id
    cross join generate_series($2::date, $3::date, interval '1 day') d
    cross join lateral generate_series(0, (extract(epoch from t.end_time - t.start_time) / 60 / t.slot_minutes)::int - 1) k
    where extract(isodow from d) = t.weekday
  )
  select slot.specialist_id, slot.branch_id, slot.s, slot.s + make_interval(mins => slot.slot_minutes) as e from slot
  left join lateral (
    select 1 as taken from appointment a
    where a.specialist_id = slot.specialist_id
      and lower(a.during) < slot.s + make_interval(mins => slot.slot_minutes)
      and lower(a.during) > slot.s - interval '1 day'
      and upper(a.during) > slot.s
      and a.status <> 'CANCELLED' and not a.overbooked and (a.status <> 'HELD' or a.hold_expires_at > now())
    limit 1) busy on true
  where slot.s > now() and busy.taken is null
  order by slot.s, slot.specialist_id limit 50`;
const rawArgs = (q: (typeof searches)[number]) => [q.s, q.from, q.to, q.b];
const key = (specialistId: string, start: string | Date) => `${specialistId}@${new Date(start).getTime()}`;
// Every distinct search: GraphQL and SQL return the same (doctor, start) pairs.
const expected: number[] = [];
for (const q of searches) {
  const check = await gql(direct, SEARCH, q, { token: patientToken });
  const raw = await database.query(RAW_SEARCH, rawArgs(q));
  const gqlKeys = (check.data?.freeSlots ?? []).map((x: { specialistId: string; startsAt: string }) =>
    key(x.specialistId, x.startsAt),
  );
  const rawKeys = raw.map((r) => key(String(r.specialist_id), r.s as string));
  if (check.errors || raw.length === 0 || JSON.stringify(gqlKeys) !== JSON.stringify(rawKeys))
    throw new Error(
      `GraphQL and SQL disagree for ${JSON.stringify(q)}: ${gqlKeys.length} vs ${rawKeys.length}`,
    );
  expected.push(raw.length);
}
log(
  `${searches.length} distinct searches; each returns the same slots (doctor and start) in SQL and GraphQL`,
);
const expectedFor = (i: number) => expected[((i % searches.length) + searches.length) % searches.length]!;
{
  const probe = async (url: string) => {
    const r = await gql(url, SEARCH, searches[0]!, { token: patientToken });
    return `cache-control ${r.headers?.get('cache-control')}, age ${r.headers?.get('age')}`;
  };
  log(`subgraph answers with ${await probe(direct)}`);
  log(`gateway answers with ${await probe(viaGateway)}, then ${await probe(viaGateway)}`);
}
const searchVia = (url: string) => async (i: number) => {
  const r = await post(url, SEARCH, searchFor(i), patientToken);
  return r.data?.freeSlots?.length === expectedFor(i);
};

const search = [
  await load(
    'search: raw SQL',
    async (i) => (await database.query(RAW_SEARCH, rawArgs(searchFor(i)))).length === expectedFor(i),
    { warmup: 5 },
  ),
  await load('search: subgraph (HTTP)', searchVia(direct)),
  await load('search: gateway → subgraph', searchVia(viaGateway)),
  await load('search: gateway, response cache off', searchVia(viaGatewayUncached)),
];
const hits = Number(
  /graphql_response_cache_hits_total\{[^}]*\} (\d+)/.exec(
    await (await fetch(`http://127.0.0.1:${GATEWAY_PORT}/metrics`)).text(),
  )?.[1] ?? 0,
);
log(`gateway response cache: ${hits} hits of ${search[2]!.ok + search[2]!.failed + 200} searches`);

// --- booking throughput -----------------------------------------------------------------------
// Free future slots of every doctor, split between the three paths (each request a new slot).
const free = await service.services.availability.freeSlots({
  from: DateTime.now().setZone(zone).plus({ days: 1 }).toISODate()!,
  to: DateTime.now().setZone(zone).plus({ days: 60 }).toISODate()!,
  limit: 1_000_000,
});
const doctorsById = new Map(
  (
    (await database.query('select id, branch_id, service_id from bench_doctor')) as Array<{
      id: string;
      branch_id: string;
      service_id: string;
    }>
  ).map((d) => [String(d.id), d]),
);
const queue = free.filter((s) => doctorsById.has(s.specialistId));
for (let i = queue.length - 1; i > 0; i--) {
  const j = Math.floor(Math.random() * (i + 1));
  [queue[i], queue[j]] = [queue[j]!, queue[i]!];
}
// Each path gets its own third of the free slots: every request books a slot nobody else tries.
const third = Math.floor((queue.length - 400) / 3);
const parts = [queue.slice(0, third), queue.slice(third, 2 * third), queue.slice(2 * third, 3 * third)];
const contestedPool = queue.slice(3 * third);
const take = (part: typeof queue) => () => part.pop();
log(`booking: ${queue.length} free slots, ${third} per path`);
const BOOK = `mutation Book($i: BookingInput!) { bookAppointment(input: $i) { appointment { id } inputErrors { code } } }`;
const bookVia = (url: string, next: () => (typeof queue)[number] | undefined) => async () => {
  const slot = next();
  if (!slot) return false;
  const d = doctorsById.get(slot.specialistId)!;
  const token = await issuer.sign({ role: 'patient', pid: randomUUID() });
  const r = await post(
    url,
    BOOK,
    {
      i: {
        specialistId: slot.specialistId,
        branchId: d.branch_id,
        serviceId: d.service_id,
        startsAt: new Date(slot.start).toISOString(),
        idempotencyKey: `bench-${randomUUID()}`,
      },
    },
    token,
  );
  return !!r.data?.bookAppointment?.appointment;
};
const booking = [
  await load(
    'booking: raw SQL insert',
    async () => {
      const slot = parts[0]!.pop();
      if (!slot) return false;
      const d = doctorsById.get(slot.specialistId)!;
      try {
        await database.query(
          `insert into appointment (id, patient_id, specialist_id, branch_id, service_id, during, status, source, created_by)
         values ($1, $2, $3, $4, $5, tstzrange($6::timestamptz, $7::timestamptz), 'BOOKED', 'PORTAL', 'bench')`,
          [
            randomUUID(),
            randomUUID(),
            slot.specialistId,
            d.branch_id,
            d.service_id,
            new Date(slot.start),
            new Date(slot.end),
          ],
        );
        return true;
      } catch {
        return false;
      }
    },
    { maxRequests: third, warmup: 0 },
  ),
  // Subgraph and gateway alternate (A-B-B-A, half the time each) so that the table growing and
  // autovacuum after the first phases do not favour one path.
  ...(await (async () => {
    const half = { maxRequests: Math.floor(third / 2), warmup: 0, seconds: SECONDS / 2, quiet: true };
    const a1 = await load('booking: subgraph (HTTP)', bookVia(direct, take(parts[1]!)), half);
    const b1 = await load('booking: gateway → subgraph', bookVia(viaGateway, take(parts[2]!)), half);
    const b2 = await load('booking: gateway → subgraph', bookVia(viaGateway, take(parts[2]!)), half);
    const a2 = await load('booking: subgraph (HTTP)', bookVia(direct, take(parts[1]!)), half);
    return [merge('booking: subgraph (HTTP)', a1, a2), merge('booking: gateway → subgraph', b1, b2)];
  })()),
];

// --- contention: 10 clients per slot, 40 slots at once, through the gateway -------------------
const contested = contestedPool.slice(0, 40);
const attempts = contested.flatMap((slot) => Array.from({ length: 10 }, () => slot));
const outcomes = await Promise.all(
  attempts.map(async (slot) => {
    const d = doctorsById.get(slot.specialistId)!;
    const token = await issuer.sign({ role: 'patient', pid: randomUUID() });
    const r = await gql(
      viaGateway,
      BOOK,
      {
        i: {
          specialistId: slot.specialistId,
          branchId: d.branch_id,
          serviceId: d.service_id,
          startsAt: new Date(slot.start).toISOString(),
          idempotencyKey: `race-${randomUUID()}`,
        },
      },
      { token },
    );
    if (r.data?.bookAppointment?.appointment) return 'ok';
    return (
      r.data?.bookAppointment?.inputErrors?.[0]?.code ??
      `error ${r.status} ${r.errors?.map((e: { extensions?: { code?: string } }) => e.extensions?.code).join(',')}`
    );
  }),
);
const won = outcomes.filter((o) => o === 'ok').length;
const byOutcome = outcomes.reduce<Record<string, number>>((acc, o) => {
  acc[o] = (acc[o] ?? 0) + 1;
  return acc;
}, {});
const [{ n: overlaps }] = (await database.query(`
  select count(*)::int as n from appointment a join appointment b
    on a.specialist_id = b.specialist_id and a.id < b.id and a.during && b.during
  where a.status <> 'CANCELLED' and b.status <> 'CANCELLED' and not a.overbooked and not b.overbooked`)) as [
  { n: number },
];
log(
  `contention: ${attempts.length} requests for ${contested.length} slots -> ${won} booked (${JSON.stringify(byOutcome)}); overlapping active appointments in the database: ${overlaps}`,
);

console.log(
  '\n| path | p50 ms | p95 ms | req/s | ok | failed | CPU ms/request: gateway | subgraph | Postgres | load generator |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
);
const c = (v: number | undefined) => (v ?? 0).toFixed(2);
for (const r of [...search, ...booking])
  console.log(
    `| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.ok} | ${r.failed} | ${c((r.cpu.gateway ?? 0) + (r.cpu['gateway (cache off)'] ?? 0))} | ${c(r.cpu.subgraph)} | ${c(r.cpu.postgres)} | ${c(r.cpu.bench)} |`,
  );
const ratio = (a: Result, b: Result) => (a.p50 / b.p50).toFixed(2);
console.log(
  `\ngateway / direct (p50): search ${ratio(search[2]!, search[1]!)}x (response cache off: ${ratio(search[3]!, search[1]!)}x), booking ${ratio(booking[2]!, booking[1]!)}x`,
);

for (const c of children) c.kill('SIGTERM');
await Promise.all(children.map((c) => new Promise((r) => c.once('exit', r))));
keys.close();
await service.close();
if (!process.env.BENCH_KEEP) await db.drop();
else log(`kept database ${db.url}`);
process.exit(0);
