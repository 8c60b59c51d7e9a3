/**
 * Benchmark of security operations (issue 15 §5) on the whole platform in one process (the test
 * platform: identity, patient, schedule, record, lab, billing, security, gateway; real HTTP and
 * identity-issued tokens; Postgres on 127.0.0.1:5432 when it answers, PGlite otherwise), in one run:
 *  1. audit events per second through the stream: a chain of `--fill` events written into the
 *     patient service's audit table (AuditLog.append, 50 per append, as a staff list writes them)
 *     while the stream's job is held off (its lease), then copied by (a) the platform's own job on
 *     its 200 ms interval and (b) a tight loop of pulls; against a plain INSERT … SELECT of the same
 *     rows into a table like audit_record (same indexes) — the database's ceiling; and how fast the
 *     monitoring rules read the copied events;
 *  2. the rules' lag: ordinary staff work through the gateway (the seeded clinic's mix, see
 *     supergraph/test/privacy-day.ts) at `--rate` work steps per second (1x) and at each further
 *     scale, with a scripted break-glass access every `--inject-ms`; the time from the access (the
 *     source event's occurred_at) to the alert's raised_at, p50/p95/max per scale.
 * Usage: pnpm bench:security [--patients 16] [--fill 20000] [--rate 2] [--scales 1,5] [--seconds 30]
 *                            [--inject-ms 1000] [--in-flight 32]
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type AuditEventInput, AuditLog } from '@medikamente/runtime';
import { startPlatform } from '../supergraph/test/platform';
import {
  breakGlassRead,
  ordinaryWork,
  rulesFileForNow,
  seedClinic,
  sourceHeads,
  streamDrained,
} from '../supergraph/test/privacy-day';
import { summarise } from './bench-record/measure';

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '16' },
    fill: { type: 'string', default: '20000' },
    rate: { type: 'string', default: '2' },
    scales: { type: 'string', default: '1,5' },
    seconds: { type: 'string', default: '30' },
    'inject-ms': { type: 'string', default: '1000' },
    'in-flight': { type: 'string', default: '32' },
  },
});
const log = (s: string) => console.log(`[bench] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
const loadStart = loadavg();
const FILL = Number(values.fill);
const rulesFile = rulesFileForNow();
// The stream and the rules every 200 ms (the test platform's own defaults are slower).
const p = await startPlatform({
  securityEnv: { MONITORING_RULES_FILE: rulesFile, AUDIT_PULL_INTERVAL_MS: '200', ALERTS_INTERVAL_MS: '200' },
});
const sec = p.security;
const db = sec.database;
log(`platform up (${process.env.TEST_DATABASE === 'pglite' ? 'PGlite' : 'Postgres when it answers'})`);

/** Bulk reads of a lab partner: audited (HEALTH, partnerOwns), quiet for every rule. */
const partnerReads = (n: number): AuditEventInput[] =>
  Array.from({ length: n }, () => ({
    actorId: 'bench-partner',
    actorRole: 'lab_partner',
    patientId: randomUUID(),
    categories: ['HEALTH'],
    operation: 'PartnerOrder',
    requestId: randomUUID(),
    clientAddress: '127.0.0.1',
    purpose: 'partnerOwns',
  }));
const copiedSeq = async () => (await sec.stores.stream.source('patient'))?.lastSeq ?? 0;
const rulesBehind = async () => {
  const [r] = await db.query<{ n: string }>(
    `select count(*) as n from audit_record
      where stream_id > coalesce((select position from monitoring_cursor where name = 'rules.stream'), 0)`,
  );
  return Number(r!.n);
};

/** Holds the stream's pull job off (its lease) while `fn` runs; the job resumes afterwards. */
async function withoutJob<T>(fn: () => Promise<T>): Promise<T> {
  const holder = `bench-${randomUUID()}`;
  while (!(await sec.stores.stream.acquire('pull', holder, 600_000))) await sleep(20);
  try {
    return await fn();
  } finally {
    await sec.stores.stream.release('pull', holder);
  }
}

async function fill(): Promise<{ ms: number; from: number; to: number }> {
  const from = await copiedSeq();
  const audit = new AuditLog(p.patient.database);
  const t = performance.now();
  for (let done = 0; done < FILL; done += 50) await audit.append(partnerReads(Math.min(50, FILL - done)));
  const ms = performance.now() - t;
  return { ms, from, to: (await audit.head()).seq };
}

type Row = { step: string; events: number; ms: number };
const throughput: Row[] = [];
try {
  log(`seeding the clinic: ${values.patients} patients booked through the gateway`);
  const t0 = performance.now();
  const clinic = await seedClinic(p, { patients: Number(values.patients) });
  await streamDrained(p);
  log(`clinic ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // 1a. The platform's job on a pre-filled chain.
  const first = await withoutJob(fill);
  throughput.push({
    step: 'source: AuditLog.append (hash chain, 50 per append)',
    events: FILL,
    ms: first.ms,
  });
  let t = performance.now();
  while ((await copiedSeq()) < first.to) await sleep(10);
  const copyMs = performance.now() - t;
  throughput.push({
    step: "stream: the platform's job (200 ms interval, pages of 1000)",
    events: FILL,
    ms: copyMs,
  });
  // The rules' job reads the copies as they commit; this is until it has read the last one.
  while ((await rulesBehind()) > 0) await sleep(10);
  throughput.push({
    step: "stream + rules: from the job's release until the rules have evaluated every copy",
    events: FILL,
    ms: performance.now() - t,
  });

  // 1b. A tight loop of pulls on a second pre-filled chain (the job held off throughout).
  const second = await withoutJob(async () => {
    const filled = await fill();
    const t1 = performance.now();
    while ((await copiedSeq()) < filled.to) await sec.services.stream.pull('patient');
    return { ...filled, copyMs: performance.now() - t1 };
  });
  throughput.push({ step: 'stream: pulls in a tight loop (pages of 1000)', events: FILL, ms: second.copyMs });

  // 1c. The database's ceiling: the same rows, INSERT … SELECT into a table like audit_record.
  await db.query('drop table if exists bench_audit_copy');
  await db.query('create table bench_audit_copy (like audit_record including indexes)');
  t = performance.now();
  await db.query(
    "insert into bench_audit_copy select * from audit_record where service = 'patient' and seq > $1 and seq <= $2",
    [second.from, second.to],
  );
  throughput.push({
    step: 'plain INSERT … SELECT of the same rows (same indexes)',
    events: FILL,
    ms: performance.now() - t,
  });
  await db.query('drop table bench_audit_copy');
  await streamDrained(p);

  // 2. Lag from access to alert under ordinary traffic, per scale.
  const work = ordinaryWork(p, clinic);
  const lagRows: Array<{
    scale: number;
    steps: number;
    failed: number;
    events: number;
    seconds: number;
    injected: number;
    lag: ReturnType<typeof summarise> & { max: number };
    other: string;
  }> = [];
  for (const scale of values.scales.split(',').map(Number)) {
    const rate = Number(values.rate) * scale;
    const seconds = Number(values.seconds);
    const injectMs = Number(values['inject-ms']);
    const doctors = await Promise.all(
      Array.from({ length: Math.ceil((seconds * 1000) / injectMs) }, () => p.account('doctor')),
    );
    const before = await sourceHeads(p);
    const alertsBefore = await db.query<{ id: string }>('select id from security_alert');
    const seen = new Set(alertsBefore.map((a) => a.id));
    let inFlight = 0;
    let steps = 0;
    let failed = 0;
    const running = new Set<Promise<void>>();
    const fire = (fn: () => Promise<void>) => {
      inFlight++;
      const run = fn()
        .catch(() => {
          failed++;
        })
        .finally(() => {
          inFlight--;
          running.delete(run);
        });
      running.add(run);
    };
    const tStart = performance.now();
    const end = tStart + seconds * 1000;
    let nextStep = tStart;
    let nextInject = tStart + injectMs / 2;
    let injected = 0;
    while (performance.now() < end) {
      const now = performance.now();
      if (now >= nextInject && injected < doctors.length) {
        const doctor = doctors[injected]!;
        const patient = clinic.patients[injected % clinic.patients.length]!;
        injected++;
        fire(() => breakGlassRead(p, doctor, patient.id));
        nextInject += injectMs;
      }
      // Open loop: steps start on schedule; a step is dropped when too many are in flight.
      while (nextStep <= now) {
        if (inFlight < Number(values['in-flight'])) {
          const pt = clinic.patients[steps % clinic.patients.length]!;
          const step = work[steps % work.length]!;
          steps++;
          fire(() => step(pt));
        } else failed++;
        nextStep += 1000 / rate;
      }
      await sleep(Math.max(1, Math.min(nextStep, nextInject) - performance.now()));
    }
    await Promise.all([...running]);
    const elapsed = (performance.now() - tStart) / 1000;
    const after = await sourceHeads(p);
    const events = Object.keys(after).reduce((n, s) => n + after[s]! - before[s]!, 0);
    await streamDrained(p);
    const lags = await db.query<{ lag_ms: string }>(
      `select extract(epoch from raised_at - occurred_at) * 1000 as lag_ms from security_alert
        where rule = 'breakGlass' and actor_id = any($1::text[])`,
      [doctors.map((d) => d.accountId)],
    );
    const samples = lags.map((r) => Number(r.lag_ms));
    const others = await db.query<{ rule: string; n: string }>(
      `select rule, count(*) as n from security_alert
        where not (id = any($1::uuid[])) and not (rule = 'breakGlass' and actor_id = any($2::text[]))
        group by rule order by rule`,
      [[...seen], doctors.map((d) => d.accountId)],
    );
    lagRows.push({
      scale,
      steps,
      failed,
      events,
      seconds: elapsed,
      injected,
      lag: { ...summarise(`${scale}x`, samples), max: Math.max(...samples) },
      other: others.map((o) => `${o.rule} ${o.n}`).join(', ') || 'none',
    });
    log(
      `${scale}x done: ${steps} steps, ${events} audit events, ${samples.length}/${injected} break-glass alerts`,
    );
  }

  const loadEnd = loadavg();
  console.log(
    `\nSecurity operations benchmark: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ${((Date.now() - started) / 1000).toFixed(0)} s; load average (1/5/15 min) ${loadStart.map((l) => l.toFixed(1)).join('/')} at the start, ${loadEnd.map((l) => l.toFixed(1)).join('/')} at the end\n`,
  );
  console.log(`Audit events per second (${FILL} events per step)\n`);
  console.log('| step | events/s | seconds |');
  console.log('|---|---:|---:|');
  for (const r of throughput)
    console.log(`| ${r.step} | ${Math.round((r.events / r.ms) * 1000)} | ${(r.ms / 1000).toFixed(2)} |`);
  console.log(
    `\nMonitoring lag, access → alert (break-glass every ${values['inject-ms']} ms during ordinary work at ${values.rate} steps/s × scale)\n`,
  );
  console.log(
    '| scale | work steps/s | audit events/s written | steps failed or dropped | break-glass alerts / accesses | lag p50 ms | p95 ms | max ms | other alerts raised |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of lagRows)
    console.log(
      `| ${r.scale}x | ${(r.steps / r.seconds).toFixed(1)} | ${Math.round(r.events / r.seconds)} | ${r.failed} | ${r.lag.n} / ${r.injected} | ${Math.round(r.lag.p50)} | ${Math.round(r.lag.p95)} | ${Math.round(r.lag.max)} | ${r.other} |`,
    );
} finally {
  await p.stop();
  rmSync(rulesFile, { force: true });
}
process.exit(0);
