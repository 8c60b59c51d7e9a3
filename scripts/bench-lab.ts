/**
 * Benchmark of the lab partner API (results ingestion and the trusted-documents gate), in one run:
 *  1. a partner posts result messages (one per specimen, three values) through the gateway by
 *     persisted document id, through the same gateway without the gate (document text), straight
 *     to the lab subgraph, and — for comparison — as a FHIR bundle to the subgraph; at each
 *     concurrency (messages in flight), on the Postgres server and on PGlite;
 *  2. the gate's cost per request: its functions in a loop, and a partner's read end to end with and
 *     without the gate, interleaved in blocks.
 * Usage: pnpm bench:lab [--db postgres,pglite] [--concurrency 1,8] [--messages 150] [--rounds 2]
 *                       [--warmup 20] [--fhir true] [--gate-iterations 150] [--gate-blocks 5]
 *                       [--loop-iterations 200000]
 * Postgres: the server on 127.0.0.1:5432 (a throw-away database); PGlite in process.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createTestIssuer } from '@medikamente/runtime/testing/tools';
import { type E2eRow, gateEndToEnd, gateLoops, type LoopRow } from './bench-lab/gate';
import { benchIngest, type IngestResult, ingestPaths, ordersNeeded } from './bench-lab/ingest';
import { startStack } from './bench-lab/stack';
import { ms, ratio } from './bench-record/measure';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres,pglite' },
    concurrency: { type: 'string', default: '1,8' },
    messages: { type: 'string', default: '150' },
    rounds: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '20' },
    fhir: { type: 'string', default: 'true' },
    'gate-iterations': { type: 'string', default: '150' },
    'gate-blocks': { type: 'string', default: '5' },
    'loop-iterations': { type: 'string', default: '200000' },
  },
});
const log = (s: string) => console.log(`[bench] ${s}`);
const started = Date.now();
const loadBefore = loadavg()[0]!;
const issuer = await createTestIssuer();
const opts = {
  concurrency: values.concurrency.split(',').map(Number),
  rounds: Number(values.rounds),
  messages: Number(values.messages),
  warmup: Number(values.warmup),
  log,
};

type DbResult = {
  database: string;
  ingest: IngestResult;
  e2e: E2eRow[];
  loops: LoopRow[] | null;
  prepareSeconds: number;
  orders: number;
};
const results: DbResult[] = [];
for (const kind of values.db.split(',').filter(Boolean) as Array<'postgres' | 'pglite'>) {
  const stack = await startStack({ kind, issuer, log });
  if (!stack) {
    log('no Postgres server answers on 127.0.0.1:5432: Postgres rows skipped');
    continue;
  }
  try {
    const paths = ingestPaths(stack, values.fhir !== 'false');
    const count = ordersNeeded(paths.length, opts) + 1;
    const t0 = Date.now();
    const orders = await stack.prepareOrders(count);
    const prepareSeconds = (Date.now() - t0) / 1000;
    log(`${kind}: ${count} collected orders (3 tests each) prepared in ${prepareSeconds.toFixed(1)} s`);
    const readOrder = orders.pop()!;
    const ingest = await benchIngest(stack, paths, orders, opts);
    log(`${kind}: ingestion done; gate end to end`);
    const e2e = await gateEndToEnd(stack, readOrder.specimenCode, {
      iterations: Number(values['gate-iterations']),
      blocks: Number(values['gate-blocks']),
      warmup: 20,
    });
    // The loops do not touch the database: once is enough.
    const loops = results.length === 0 ? gateLoops(stack, Number(values['loop-iterations']), 7) : null;
    results.push({
      database: kind === 'postgres' ? 'PostgreSQL server' : 'PGlite (in process)',
      ingest,
      e2e,
      loops,
      prepareSeconds,
      orders: count,
    });
  } finally {
    await stack.close();
  }
}

console.log(
  `\nLab benchmark: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end\n`,
);
const f0 = (n: number) => n.toFixed(0);
for (const r of results) {
  const flags = Object.entries(r.ingest.stored.flags)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(
    `Results ingestion on ${r.database}: ${values.rounds} phases of ${values.messages} messages per path and concurrency (after ${values.warmup} warm-up), paths alternating; stored ${r.ingest.stored.messages} messages, ${r.ingest.stored.results} results (flags: ${flags}); ${r.orders} orders prepared in ${r.prepareSeconds.toFixed(1)} s\n`,
  );
  console.log(
    '| path | in flight | messages/s | tests/s | messages/s per phase | p50 ms | p95 ms | CPU ms/message (this process) |',
  );
  console.log('|---|---:|---:|---:|---|---:|---:|---:|');
  for (const x of r.ingest.rows)
    console.log(
      `| ${x.name} | ${x.concurrency} | ${f0(x.messagesPerSec)} | ${f0(x.testsPerSec)} | ${x.perPhase.map(f0).join(', ')} | ${ms(x.p50)} | ${ms(x.p95)} | ${x.cpuMsPerMessage.toFixed(2)} |`,
    );
  console.log('\n| ratio (p50; messages/s in brackets) | in flight | value |');
  console.log('|---|---:|---|');
  for (const c of opts.concurrency) {
    const row = (prefix: string) =>
      r.ingest.rows.find((x) => x.concurrency === c && x.name.startsWith(prefix));
    const pair = (a: string, b: string) => {
      const [x, y] = [row(a), row(b)];
      return x && y ? `${ratio(x.p50, y.p50)} (${ratio(y.messagesPerSec, x.messagesPerSec)})` : '—';
    };
    console.log(
      `| gateway with the gate / subgraph | ${c} | ${pair('gateway, trusted', 'lab subgraph directly (text)')} |`,
    );
    console.log(
      `| gateway with / without the gate | ${c} | ${pair('gateway, trusted', 'gateway without')} |`,
    );
    console.log(
      `| subgraph: FHIR bundle / GraphQL input | ${c} | ${pair('lab subgraph directly, FHIR', 'lab subgraph directly (text)')} |`,
    );
  }
  console.log(
    `\nThe gate end to end on ${r.database}: PartnerOrder read, ${values['gate-blocks']} blocks of ${values['gate-iterations']} interleaved rounds, one request at a time\n`,
  );
  console.log('| path | p50 ms | p95 ms | mean ms | p50 per block | CPU µs/request (this process) |');
  console.log('|---|---:|---:|---:|---|---:|');
  for (const x of r.e2e)
    console.log(
      `| ${x.name} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.mean)} | ${x.blockP50.map((b) => b.toFixed(2)).join(', ')} | ${f0(x.cpuUs)} |`,
    );
  const [gated, open] = r.e2e;
  if (gated && open) {
    const perBlock = gated.blockP50.map((g, i) => g / open.blockP50[i]!);
    console.log(
      `\nwith / without the gate: p50 ${ratio(gated.p50, open.p50)} (per block ${perBlock.map((x) => x.toFixed(3)).join(', ')}), mean ${ratio(gated.mean, open.mean)}, CPU per request ${ratio(gated.cpuUs, open.cpuUs)} (${f0(gated.cpuUs - open.cpuUs)} µs)\n`,
    );
  }
  if (r.loops) {
    console.log(
      `The gate's functions in a loop (${values['loop-iterations']} calls, 7 repeats; ns per call incl. building the body object)\n`,
    );
    console.log('| function | ns/call (median) | min | max |');
    console.log('|---|---:|---:|---:|');
    for (const l of r.loops) console.log(`| ${l.name} | ${f0(l.nsPerCall)} | ${f0(l.min)} | ${f0(l.max)} |`);
    console.log('');
  }
}
process.exit(0);
