/**
 * Benchmark of the billing desk, in one run:
 *  1. invoice + desk payment throughput (createInvoice, then takeDeskPayment in cash: the payment
 *     is fiscalised on the branch's ATOL Web Server emulator and captured), through the gateway vs
 *     straight to the billing subgraph vs raw SQL inserts of the same rows (no API, no register);
 *     the paths take turns in phases, so a busy moment of the shared machine falls on all of them;
 *  2. the desk race: 100 concurrent payment attempts of the full amount on one invoice (distinct
 *     idempotency keys), through the gateway and straight to the subgraph → exactly one captured,
 *     one PAYMENT in the ledger, one receipt printed by the register.
 * Usage: pnpm bench:billing [--db postgres|pglite|postgres,pglite] [--branches 4] [--concurrency 8,32]
 *                           [--ops 100] [--rounds 3] [--warmup 30] [--register-tick-ms 5] [--race 100]
 * Postgres: the server on 127.0.0.1:5432 (a throw-away database); PGlite in process. Everything
 * (gateway, subgraph, register emulators, this client) runs in this one Node process.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createTestIssuer, gql } from '@medikamente/runtime/testing/tools';
import { type BillingStack, type Branch, PRICE_KOPECKS, startBillingStack } from './bench-billing/stack';
import { summarise } from './bench-record/measure';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    branches: { type: 'string', default: '4' },
    concurrency: { type: 'string', default: '8,32' },
    ops: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '30' },
    'register-tick-ms': { type: 'string', default: '5' },
    race: { type: 'string', default: '100' },
  },
});
const log = (s: string) => console.log(`[bench] ${s}`);
const started = Date.now();
const loadBefore = loadavg()[0]!;
const CONCURRENCY = values.concurrency.split(',').map(Number);
const OPS = Number(values.ops);
const ROUNDS = Number(values.rounds);

/** CPU ms of every postgres process (utime + stime + waited-for children), from /proc. */
function postgresCpuMs(): number {
  let ticks = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() !== 'postgres') continue;
      const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    } catch {}
  }
  return ticks * 10;
}
const nodeCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const CREATE = `mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { ok inputErrors { code } invoice { id totalKopecks } } }`;
const PAY = `mutation($i: TakeDeskPaymentInput!) { takeDeskPayment(input: $i) { ok inputErrors { code } payment { id status } } }`;

async function createInvoice(stack: BillingStack, url: string, branch: Branch): Promise<string> {
  const r = await gql(
    url,
    CREATE,
    {
      i: {
        patientId: randomUUID(),
        branchId: branch.id,
        lines: [{ priceItemId: branch.priceId }],
        idempotencyKey: randomUUID(),
      },
    },
    { token: stack.cashier },
  );
  const id = r.data?.createInvoice?.invoice?.id;
  if (!id) throw new Error(`createInvoice: ${JSON.stringify(r.errors ?? r.data)}`);
  return id;
}
const pay = (stack: BillingStack, url: string, invoiceId: string) =>
  gql(
    url,
    PAY,
    { i: { invoiceId, method: 'CASH', amountKopecks: PRICE_KOPECKS, idempotencyKey: randomUUID() } },
    { token: stack.cashier },
  );

type Path = { name: string; run(stack: BillingStack, branch: Branch, n: number): Promise<void> };
const apiPath = (name: string, which: 'gateway' | 'subgraph'): Path => ({
  name,
  async run(stack, branch) {
    const url = stack.urls[which];
    const invoiceId = await createInvoice(stack, url, branch);
    const r = await pay(stack, url, invoiceId);
    const status = r.data?.takeDeskPayment?.payment?.status;
    if (status !== 'CAPTURED')
      throw new Error(`takeDeskPayment: ${status} ${JSON.stringify(r.errors ?? r.data)}`);
  },
});
const PATHS: Path[] = [
  apiPath('gateway → billing subgraph', 'gateway'),
  apiPath('billing subgraph directly', 'subgraph'),
  { name: 'raw SQL inserts (same rows, no register)', run: (stack, branch, n) => stack.rawSql(branch, n) },
];

type Phase = { opsPerSec: number; times: number[]; nodeMs: number; pgMs: number; failed: number };
let counter = 0;
async function phase(stack: BillingStack, path: Path, ops: number, concurrency: number): Promise<Phase> {
  const times: number[] = [];
  let next = 0;
  let failed = 0;
  const [n0, p0] = [nodeCpuMs(), postgresCpuMs()];
  const t0 = performance.now();
  const worker = async () => {
    for (let i = next++; i < ops; i = next++) {
      const branch = stack.branches[i % stack.branches.length]!;
      const s = performance.now();
      try {
        await path.run(stack, branch, ++counter);
        times.push(performance.now() - s);
      } catch (e) {
        failed++;
        if (failed <= 3) log(`${path.name}: ${(e as Error).message.slice(0, 200)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  return {
    opsPerSec: times.length / elapsed,
    times,
    nodeMs: nodeCpuMs() - n0,
    pgMs: postgresCpuMs() - p0,
    failed,
  };
}

/** 100 attempts at once to pay one invoice in full: how many captured, and what the books say. */
async function race(stack: BillingStack, which: 'gateway' | 'subgraph', attempts: number) {
  const branch = stack.branches[0]!;
  const invoiceId = await createInvoice(stack, stack.urls.subgraph, branch);
  const t0 = performance.now();
  const answers = await Promise.all(
    Array.from({ length: attempts }, () => pay(stack, stack.urls[which], invoiceId)),
  );
  const ms = performance.now() - t0;
  const outcomes: Record<string, number> = {};
  for (const a of answers) {
    const p = a.data?.takeDeskPayment;
    const key = p?.payment
      ? p.payment.status
      : (p?.inputErrors?.[0]?.code ?? a.errors?.[0]?.extensions?.code ?? 'ERROR');
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  const q = stack.service.database.query;
  const [books] = await q<{ payments: string; ledger: string; receipts: string }>(
    `select (select count(*) from payment where invoice_id = $1) as payments,
            (select count(*) from ledger_entry where invoice_id = $1 and kind = 'PAYMENT') as ledger,
            (select count(*) from receipt r join payment p on p.id = r.payment_id where p.invoice_id = $1) as receipts`,
    [invoiceId],
  );
  const ids = new Set(
    (await q<{ id: string }>('select id from payment where invoice_id = $1', [invoiceId])).map((r) =>
      String(r.id),
    ),
  );
  const printed = stack.registers[0]!.state.receipts.filter((r) => ids.has(r.uuid)).length;
  return {
    which,
    attempts,
    ms,
    outcomes,
    payments: Number(books!.payments),
    ledger: Number(books!.ledger),
    receipts: Number(books!.receipts),
    printed,
  };
}

const issuer = await createTestIssuer();
type Row = { path: string; concurrency: number; phases: Phase[] };
const results: Array<{ db: string; rows: Row[]; races: Awaited<ReturnType<typeof race>>[] }> = [];
for (const kind of values.db.split(',').filter(Boolean) as Array<'postgres' | 'pglite'>) {
  const stack = await startBillingStack({
    kind,
    issuer,
    branches: Number(values.branches),
    registerTickMs: Number(values['register-tick-ms']),
    log,
  });
  if (!stack) {
    log('no Postgres server answers on 127.0.0.1:5432: Postgres rows skipped');
    continue;
  }
  try {
    log(`${kind}: ${stack.branches.length} branches, each with its register; warm-up`);
    for (const p of PATHS) await phase(stack, p, Number(values.warmup), 8);
    const rows: Row[] = [];
    for (const c of CONCURRENCY) {
      const mine = PATHS.map((p) => ({ path: p.name, concurrency: c, phases: [] as Phase[] }));
      rows.push(...mine);
      for (let round = 0; round < ROUNDS; round++) {
        // A-B-C, then C-B-A, …: no path always runs first or last.
        const order = round % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
        for (const i of order) {
          const r = await phase(stack, PATHS[i]!, OPS, c);
          mine[i]!.phases.push(r);
          log(
            `${kind} ${c} in flight, round ${round + 1}: ${PATHS[i]!.name}: ${r.opsPerSec.toFixed(1)} ops/s${r.failed ? `, ${r.failed} failed` : ''}`,
          );
        }
      }
    }
    const races = [
      await race(stack, 'gateway', Number(values.race)),
      await race(stack, 'subgraph', Number(values.race)),
    ];
    results.push({ db: kind === 'postgres' ? 'PostgreSQL server' : 'PGlite (in process)', rows, races });
  } finally {
    await stack.close();
  }
}

console.log(
  `\nBilling benchmark: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end\n`,
);
for (const r of results) {
  console.log(
    `Invoice + cash payment on ${r.db}: ${ROUNDS} phases of ${OPS} per path and concurrency, ${values.branches} branches (one register emulator each, ${values['register-tick-ms']} ms per queue step)\n`,
  );
  console.log(
    '| path | in flight | ops/s | ops/s per phase | p50 ms | p95 ms | CPU ms/op (node) | CPU ms/op (postgres) | failed |',
  );
  console.log('|---|---:|---:|---|---:|---:|---:|---:|---:|');
  const summary = r.rows.map((row) => {
    const all = row.phases.flatMap((p) => p.times);
    const t = summarise(row.path, all);
    const ops = all.length || 1;
    const rate = row.phases.reduce((s, p) => s + p.opsPerSec, 0) / row.phases.length;
    const nodeMs = row.phases.reduce((s, p) => s + p.nodeMs, 0) / ops;
    const pgMs = row.phases.reduce((s, p) => s + p.pgMs, 0) / ops;
    const failed = row.phases.reduce((s, p) => s + p.failed, 0);
    console.log(
      `| ${row.path} | ${row.concurrency} | ${rate.toFixed(1)} | ${row.phases.map((p) => p.opsPerSec.toFixed(1)).join(', ')} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} | ${nodeMs.toFixed(2)} | ${r.db.startsWith('PGlite') ? '—' : pgMs.toFixed(2)} | ${failed} |`,
    );
    return { rate, p50: t.p50 };
  });
  console.log('');
  for (let k = 0; k + 2 < summary.length; k += 3) {
    const [gw, sg, raw] = [summary[k]!, summary[k + 1]!, summary[k + 2]!];
    console.log(
      `${r.rows[k]!.concurrency} in flight: throughput subgraph / gateway ${(sg.rate / gw.rate).toFixed(2)}x, raw SQL / subgraph ${(raw.rate / sg.rate).toFixed(2)}x; p50 gateway / subgraph ${(gw.p50 / sg.p50).toFixed(2)}x`,
    );
  }
  console.log('');
  console.log('Desk race: concurrent full-amount payment attempts on one invoice\n');
  console.log(
    '| via | attempts | wall ms | answers | payments written | PAYMENT in ledger | receipts stored | receipts printed by the register |',
  );
  console.log('|---|---:|---:|---|---:|---:|---:|---:|');
  for (const x of r.races) {
    const answers = Object.entries(x.outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `| ${x.which} | ${x.attempts} | ${x.ms.toFixed(0)} | ${answers} | ${x.payments} | ${x.ledger} | ${x.receipts} | ${x.printed} |`,
    );
  }
  console.log('');
  for (const x of r.races) {
    const one = x.outcomes.CAPTURED === 1 && x.ledger === 1 && x.receipts === 1 && x.printed === 1;
    console.log(
      `${x.which}: ${one ? 'exactly one captured' : 'NOT exactly one captured'} (${x.outcomes.CAPTURED ?? 0} CAPTURED answers)`,
    );
    if (!one) process.exitCode = 1;
  }
  console.log('');
}
