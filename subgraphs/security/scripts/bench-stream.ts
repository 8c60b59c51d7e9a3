/**
 * Audit events per second through the audit stream (ADR 0018): a real kit subgraph with the audit
 * table writes `--events` events (in appends of `--batch`, as requests write them), then the
 * security service pulls them over HTTP in pages of `--page` (catch-up: copy + continuity check +
 * one transaction per page), then verifies the whole chain against the copy (verification rate).
 * A live phase appends at `--rate` events per second while the job pulls every `--interval` ms
 * and reports the lag from append to copy (p50/p95 of per-batch lag).
 *
 * Both sides on Postgres (127.0.0.1:5432, throw-away databases) when it answers, embedded PGlite
 * otherwise (TEST_DATABASE=pglite forces it).
 *
 * Usage: pnpm --filter @medikamente/subgraph-security bench:stream [--events 20000] [--batch 50]
 *        [--page 1000] [--rate 500] [--seconds 10] [--interval 200]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { AuditLog } from '@medikamente/runtime';
import { createTestDatabase, createTestIssuer } from '@medikamente/runtime/testing/tools';
import { loadSecurityEnv } from '../src/env';
import { createSecurityService } from '../src/service';
import { startAuditSource } from '../test/audit-source';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '20000' },
    batch: { type: 'string', default: '50' },
    page: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '10' },
    interval: { type: 'string', default: '200' },
  },
});
const EVENTS = Number(values.events);
const BATCH = Number(values.batch);
const log = (s: string) => console.log(`[bench] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000)} events/s`;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

const issuer = await createTestIssuer();
const source = await startAuditSource(issuer);
const db = await createTestDatabase('bench_security');
log(`databases: ${db.url ? 'Postgres' : 'PGlite'}`);
const auditToken = () => issuer.sign({ role: 'service', sub: 'svc_security', scope: 'audit:read' });
const env = (extra: Record<string, string> = {}) =>
  loadSecurityEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    ...(db.url ? { SECURITY_DATABASE_URL: db.url } : {}),
    AUDIT_SOURCES: `${source.name}=${source.baseUrl}`,
    AUDIT_PULL_PAGE: values.page,
    ...extra,
  });
const security = await createSecurityService(env(), {
  verifier: issuer.verifier,
  background: false,
  auditToken,
});
const stream = security.services.stream;
type Service = Awaited<ReturnType<typeof createSecurityService>>;
const copied = async (by: Service = security) => (await by.stores.stream.source(source.name))?.lastSeq ?? 0;

try {
  let t = performance.now();
  for (let done = 0; done < EVENTS; done += BATCH) await source.append(Math.min(BATCH, EVENTS - done));
  log(`source wrote ${EVENTS} events in appends of ${BATCH}: ${rate(EVENTS, performance.now() - t)}`);

  t = performance.now();
  const head = (await new AuditLog(source.database).head()).seq;
  while ((await copied()) < head) await stream.pullAll({ force: true });
  log(`catch-up copy (pages of ${values.page}): ${rate(EVENTS, performance.now() - t)}`);

  t = performance.now();
  const [v] = await stream.verify();
  log(
    `verification of ${v!.checkedEvents} copied events (ok=${v!.ok}): ${rate(v!.checkedEvents, performance.now() - t)}`,
  );

  // Live: the job pulls on its interval while the source writes at --rate.
  const live = await createSecurityService(env({ AUDIT_PULL_INTERVAL_MS: values.interval }), {
    verifier: issuer.verifier,
    auditToken,
  });
  // On PGlite the live service has its own database: let it catch up before measuring.
  const caughtUp = (await new AuditLog(source.database).head()).seq;
  while ((await copied(live)) < caughtUp) await sleep(50);
  const lags: number[] = [];
  const pending: Array<{ seq: number; at: number }> = [];
  const perTick = Math.max(1, Math.round(Number(values.rate) / 10));
  const until = performance.now() + Number(values.seconds) * 1000;
  const watcher = (async () => {
    while (performance.now() < until + 5000) {
      const at = await copied(live);
      while (pending.length && pending[0]!.seq <= at) lags.push(performance.now() - pending.shift()!.at);
      if (performance.now() >= until && pending.length === 0) break;
      await sleep(20);
    }
  })();
  let written = 0;
  while (performance.now() < until) {
    const tick = performance.now();
    await source.append(perTick);
    written += perTick;
    pending.push({ seq: (await new AuditLog(source.database).head()).seq, at: tick });
    await sleep(Math.max(0, 100 - (performance.now() - tick)));
  }
  await watcher;
  log(
    `live: ${written} events at ~${values.rate}/s, pull every ${values.interval} ms: lag append→copy ` +
      `p50 ${Math.round(pct(lags, 0.5))} ms, p95 ${Math.round(pct(lags, 0.95))} ms (${pending.length} batches not copied in time)`,
  );
  await live.close();
} finally {
  await security.close();
  await source.stop();
  await db.drop();
}
