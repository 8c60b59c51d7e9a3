/**
 * Benchmark of the edge guards (ADR 0009), in one run, with the gateways and the subgraph as
 * their own processes (as deployed):
 *   1. the anonymous 253 kB document of 23,000 `__typename` — refused by the gateway and by a
 *      subgraph with the guards, and the same document through a gateway without them;
 *   2. ordinary traffic (a catalogue query anonymously, a patient's own appointments with a token)
 *      through a gateway with the guards and one without them: latency, throughput and the
 *      gateway's CPU per request, so the guards' cost per request is their difference.
 *
 * Usage: pnpm bench:edge [--seconds 10] [--concurrency 16]
 * Uses the Postgres server on 127.0.0.1:5432 when it answers (PGlite otherwise).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTestDatabase, createTestIssuer } from '@medikamente/runtime/testing/tools';
import { createScheduleService, loadScheduleEnv } from '@medikamente/subgraph-schedule';
import { factories } from '@medikamente/subgraph-schedule/testing';
import { gatewayUrlEnv } from '@medikamente/supergraph/manifest';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '16' } },
});
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const log = (s: string) => console.log(`[bench] ${s}`);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** utime + stime of a process in ms (from /proc). */
const cpuMs = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};

// --- data: one branch, one doctor, a patient with appointments ---------------------------------
const issuer = await createTestIssuer({ issuer: 'http://bench-issuer.local' });
const db = await createTestDatabase('bench_edge');
const setup = await createScheduleService(
  loadScheduleEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    REMINDERS_ENABLED: 'false',
    ...(db.url ? { SCHEDULE_DATABASE_URL: db.url } : {}),
  }),
  { verifier: issuer.verifier, background: false },
);
const f = factories(setup);
const branch = await f.branch('Europe/Moscow');
const service = await f.service(30);
await f.doctor(branch.id, [service.id]);
await setup.close();
const patientId = randomUUID();
const patientToken = await issuer.sign({ role: 'patient', pid: patientId }, { expiresInSec: 3600 });

// --- processes: the subgraph and two gateways (edge guards on / off) -----------------------------
const keys = createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(req.url?.startsWith('/jwks') ? issuer.jwks : { sessions: {}, accounts: {} }));
});
await new Promise<void>((r) => keys.listen(0, '127.0.0.1', () => r()));
const keysUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}`;
const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});
async function startProcess(entry: string, port: number, extra: Record<string, string>, probe: string) {
  const prof = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/benchprof'] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', entry], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      // "test": the gateway without guards is refused in production; both run the same way.
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      AUTH_ISSUER: issuer.issuer,
      AUTH_JWKS_URL: `${keysUrl}/jwks`,
      AUTH_REVOCATIONS_URL: `${keysUrl}/revocations`,
      ...extra,
    },
  });
  children.push(child);
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(probe)).ok) return child.pid!;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${entry} did not start`);
}
const SUBGRAPH = 4490;
const CLOSED = 'http://127.0.0.1:9/graphql';
await startProcess(
  'subgraphs/schedule/src/main.ts',
  SUBGRAPH,
  { ...(db.url ? { SCHEDULE_DATABASE_URL: db.url } : { DATA_DIR: 'memory://' }), REMINDERS_ENABLED: 'false' },
  `http://127.0.0.1:${SUBGRAPH}/readyz`,
);
const gatewayEnv = {
  // Only schedule runs: the other subgraphs of the manifest point at a closed port.
  ...gatewayUrlEnv({ schedule: `http://127.0.0.1:${SUBGRAPH}/graphql` }, CLOSED),
  RESPONSE_CACHE: 'off',
  // Limits high enough never to refuse the bench's traffic: their counting is what is measured.
  RATE_LIMIT_PER_ADDRESS: '1000000000',
  RATE_LIMIT_ANONYMOUS_PER_ADDRESS: '1000000000',
  RATE_LIMIT_PER_ACCOUNT: '1000000000',
};
// One gateway serves both ways (EDGE_GUARDS=switch: `x-bench-guards: off` skips the guards), so
// the comparison is not skewed by two processes' different JIT and heap states.
const GATEWAY = 4491;
const gatewayPid = await startProcess(
  'supergraph/src/main.ts',
  GATEWAY,
  { ...gatewayEnv, EDGE_GUARDS: 'switch' },
  `http://127.0.0.1:${GATEWAY}/healthz`,
);
const OFF_HEADER = { 'x-bench-guards': 'off' };

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
function post(
  port: number,
  body: string,
  token?: string,
  extra: Record<string, string> = {},
): Promise<{ status: number; ms: number; text: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...extra,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            text: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

// --- 1. the 23,000-field document ----------------------------------------------------------------
const HUGE = JSON.stringify({ query: `{ ${'__typename '.repeat(23_000)}}` });
log(`abusive document: ${(Buffer.byteLength(HUGE) / 1024).toFixed(0)} kB`);
const refusals: Array<{ path: string; p50: number; p95: number; status: number; n: number }> = [];
for (const [path, port] of [
  ['gateway with guards', GATEWAY],
  ['subgraph (schedule) directly', SUBGRAPH],
] as const) {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < 50; i++) {
    const r = await post(port, HUGE);
    times.push(r.ms);
    status = r.status;
  }
  refusals.push({ path, p50: pct(times, 50), p95: pct(times, 95), status, n: 50 });
}
{
  const r = await post(GATEWAY, HUGE, undefined, OFF_HEADER);
  refusals.push({
    path: 'gateway without guards (before ADR 0009)',
    p50: r.ms,
    p95: r.ms,
    status: r.status,
    n: 1,
  });
}

// --- 2. ordinary traffic, guards on vs off ---------------------------------------------------------
const CATALOGUE = JSON.stringify({
  query: 'query Catalogue { branches { id name timeZone } services { id name } }',
});
const MINE = JSON.stringify({ query: 'query Mine { myAppointments { id startsAt status } }' });
type Row = { path: string; reqs: number; rps: number; p50: number; p95: number; cpu: number; errors: number };
async function load(name: string, guards: boolean, body: string, token?: string): Promise<Row> {
  const extra = guards || process.env.BENCH_SAME ? {} : OFF_HEADER;
  const port = GATEWAY;
  const pid = gatewayPid;
  for (let i = 0; i < 200; i++) await post(port, body, token, extra); // warm-up
  const times: number[] = [];
  let errors = 0;
  // Let the previous phase's stragglers and garbage settle before counting CPU.
  await new Promise((r) => setTimeout(r, 500));
  const cpu0 = cpuMs(pid);
  const end = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const r = await post(port, body, token, extra);
        times.push(r.ms);
        if (r.status !== 200 || r.text.includes('"errors"')) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    path: name,
    reqs: times.length,
    rps: times.length / elapsed,
    p50: pct(times, 50),
    p95: pct(times, 95),
    cpu: (cpuMs(pid) - cpu0) / times.length,
    errors,
  };
}
const rows: Array<Row & { cpuMin: number; cpuMax: number }> = [];
// Alternating phases A-B-B-A, ROUNDS times, in one process: drift of the shared machine affects
// both sides alike; the spread of the per-phase CPU shows the noise of the measurement.
const ROUNDS = 3;
for (const [label, body, token] of [
  ['catalogue, anonymous', CATALOGUE, undefined],
  ['own appointments, patient token', MINE, patientToken],
] as const) {
  const on: Row[] = [];
  const off: Row[] = [];
  // A discarded phase first: the process's first seconds under load include JIT compilation.
  await load(`${label}: warm-up`, true, body, token);
  for (let round = 0; round < ROUNDS; round++) {
    on.push(await load(`${label}: guards on`, true, body, token));
    off.push(await load(`${label}: guards off`, false, body, token));
    off.push(await load(`${label}: guards off`, false, body, token));
    on.push(await load(`${label}: guards on`, true, body, token));
  }
  for (const phases of [on, off]) {
    const reqs = phases.reduce((n, r) => n + r.reqs, 0);
    rows.push({
      path: phases[0]!.path,
      reqs,
      rps: phases.reduce((n, r) => n + r.rps, 0) / phases.length,
      p50: phases.reduce((n, r) => n + r.p50, 0) / phases.length,
      p95: phases.reduce((n, r) => n + r.p95, 0) / phases.length,
      cpu: phases.reduce((n, r) => n + r.cpu * r.reqs, 0) / reqs,
      cpuMin: Math.min(...phases.map((r) => r.cpu)),
      cpuMax: Math.max(...phases.map((r) => r.cpu)),
      errors: phases.reduce((n, r) => n + r.errors, 0),
    });
  }
}

// --- 3. the guards' own CPU, without HTTP: the middlewares called in a loop --------------------
const { createRateLimiter, deadlines, documentGuard, DEFAULT_DOCUMENT_LIMITS } = await import(
  '@medikamente/runtime'
);
const guardsAlone = (() => {
  const limiter = createRateLimiter('bench', { points: 1e12, durationSec: 60 }, undefined, {
    plainKeysInProcess: true,
  });
  const start = deadlines(30_000);
  const doc = documentGuard(DEFAULT_DOCUMENT_LIMITS);
  const query = 'query Mine { myAppointments { id startsAt status } }';
  const res = { writableEnded: true, destroyed: false, on: () => res } as never;
  const N = 500_000;
  const once = (i: number) => {
    start(res);
    limiter.hitNow!(`10.0.${i & 255}.${(i >> 8) & 255}`);
    limiter.hitNow!(`user:${i & 1023}`);
    doc({ body: { query }, query: {} } as never, res, () => {});
  };
  for (let i = 0; i < 50_000; i++) once(i);
  const u0 = process.cpuUsage();
  for (let i = 0; i < N; i++) once(i);
  const u = process.cpuUsage(u0);
  return (u.user + u.system) / N;
})();

// --- report ------------------------------------------------------------------------------------
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
console.log('\n## The 23,000-field anonymous document\n');
console.log('| path | HTTP status | requests | p50 ms | p95 ms |');
console.log('|---|---:|---:|---:|---:|');
for (const r of refusals) console.log(`| ${r.path} | ${r.status} | ${r.n} | ${f1(r.p50)} | ${f1(r.p95)} |`);
console.log(
  `\n## Ordinary requests through the gateway (${CONCURRENCY} clients, ${SECONDS} s per phase, A-B-B-A x ${ROUNDS}, one process)\n`,
);
console.log('| path | requests | req/s | p50 ms | p95 ms | gateway CPU ms/req (phases min–max) | errors |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.path} | ${r.reqs} | ${r.rps.toFixed(0)} | ${f1(r.p50)} | ${f1(r.p95)} | ${f2(r.cpu)} (${f2(r.cpuMin)}–${f2(r.cpuMax)}) | ${r.errors} |`,
  );
console.log(
  `\nThe guards alone (deadline, two limiter counts, the document check of a known document), called in a loop: ${guardsAlone.toFixed(2)} µs of CPU per request`,
);
for (let i = 0; i < rows.length; i += 2) {
  const on = rows[i]!;
  const off = rows[i + 1]!;
  console.log(
    `\n${on.path.split(':')[0]}: the guards cost ${f2(on.cpu - off.cpu)} ms of gateway CPU per request (${f1(((on.cpu - off.cpu) / off.cpu) * 100)} %)`,
  );
}

for (const c of children) c.kill('SIGTERM');
keys.close();
agent.destroy();
await db.drop();
process.exit(0);
