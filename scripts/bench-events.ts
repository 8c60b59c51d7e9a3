/**
 * Event latency from the outbox commit to the consumer's handler, over both transports in one
 * run (ADR 0013):
 *   HTTP      the outbox relay POSTs batches to the consumer's /internal/events (service token);
 *   RabbitMQ  the relay publishes to the producer's exchange with publisher confirms; the
 *             consumer takes its durable queue (manual acks after its transaction commits).
 * Each phase commits `--events` events one by one at `--rate` per second; the relay polls every
 * `--interval` ms (comma-separated list; 500 is the deployed default, OUTBOX_INTERVAL_MS).
 * Both sides have their own database (Postgres on 127.0.0.1:5432 when it answers, throw-away
 * databases; embedded PGlite otherwise) and the consumer applies each event through its inbox.
 *
 * Usage: pnpm bench:events [--events 200] [--rate 40] [--interval 500,50]
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  addToOutbox,
  amqpEventSink,
  createEventConsumer,
  type Database,
  httpEventSink,
  INBOX_MIGRATIONS,
  mountEventInbox,
  OUTBOX_MIGRATION,
  OutboxRelay,
  openDatabase,
  startAmqpConsumer,
} from '@medikamente/runtime';
import { createTestBroker, createTestDatabase, createTestIssuer } from '@medikamente/runtime/testing/tools';
import express from 'express';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200' },
    rate: { type: 'string', default: '40' },
    interval: { type: 'string', default: '500,50' },
  },
});
const EVENTS = Number(values.events);
const RATE = Number(values.rate);
const INTERVALS = values.interval.split(',').map(Number);
const log = (s: string) => console.log(`[bench] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const cleanup: Array<() => Promise<unknown>> = [];
async function database(label: string, migrations: Array<{ name: string; sql: string }>): Promise<Database> {
  const db = await createTestDatabase(`bench_${label}`);
  const d = await openDatabase({ url: db.url, dataDir: 'memory://', migrations });
  cleanup.push(() => d.close(), db.drop);
  log(`${label} database: ${db.url ? 'Postgres' : 'PGlite'}`);
  return d;
}

const producer = await database('producer', [OUTBOX_MIGRATION]);
const inbox = await database('consumer', INBOX_MIGRATIONS);
const handled = new Map<string, number>();
const consumer = createEventConsumer({
  name: 'patient.bench',
  from: 'schedule',
  database: inbox,
  handlers: {
    'bench.ping': async (event) => {
      handled.set(event.id, performance.now());
    },
  },
});

/** Commits the events one by one at the rate, then waits until the consumer handled them all. */
async function phase(relay: OutboxRelay): Promise<number[]> {
  const committed = new Map<string, number>();
  relay.start();
  const gap = 1000 / RATE;
  const t0 = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    const id = await producer.tx((q) => addToOutbox(q, 'bench.ping', { n: i }));
    committed.set(id, performance.now());
    const next = t0 + (i + 1) * gap;
    if (next > performance.now()) await sleep(next - performance.now());
  }
  for (let i = 0; i < 600 && [...committed.keys()].some((id) => !handled.has(id)); i++) await sleep(50);
  await relay.stop();
  const missing = [...committed.keys()].filter((id) => !handled.has(id)).length;
  if (missing) throw new Error(`${missing} events never reached the consumer`);
  return [...committed].map(([id, t]) => handled.get(id)! - t).sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const rows: string[] = [];
const record = (transport: string, interval: number, lat: number[]) => {
  const row = `| ${transport} | ${interval} | ${lat.length} | ${pct(lat, 0.5).toFixed(1)} | ${pct(lat, 0.95).toFixed(1)} | ${lat.at(-1)!.toFixed(1)} |`;
  rows.push(row);
  log(row);
};

// HTTP: the consumer's inbox endpoint on a real server, the relay with a service token.
const issuer = await createTestIssuer();
const app = express();
mountEventInbox(app, { verifier: issuer.verifier, consumers: [consumer] });
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
cleanup.unshift(() => new Promise((r) => server.close(r)));
const token = await issuer.sign({ role: 'service', scope: 'events:write:schedule' });
const httpSink = httpEventSink(`http://127.0.0.1:${(server.address() as AddressInfo).port}/internal/events`, {
  token: async () => token,
});

// RabbitMQ: a throw-away vhost with the producer's exchange and the consumer's queue.
const broker = await createTestBroker([
  { name: 'schedule', produces: true },
  { name: 'patient', consumers: [{ name: consumer.name, from: 'schedule', types: consumer.types }] },
]);
try {
  for (const interval of INTERVALS) {
    // A warm-up round per transport (connections, JIT, plans), not counted.
    await phase(new OutboxRelay({ database: producer, deliver: httpSink, intervalMs: interval }));
    record(
      'HTTP',
      interval,
      await phase(new OutboxRelay({ database: producer, deliver: httpSink, intervalMs: interval })),
    );
  }
  if ('unavailable' in broker) log(`RabbitMQ skipped: ${broker.unavailable}`);
  else {
    cleanup.unshift(() => broker.drop());
    const sink = amqpEventSink({ url: broker.urls.schedule!, service: 'schedule' });
    const queue = startAmqpConsumer({ url: broker.urls.patient!, consumer });
    cleanup.unshift(
      () => queue.close(),
      () => sink.close(),
    );
    await queue.ready;
    for (const interval of INTERVALS) {
      await phase(new OutboxRelay({ database: producer, deliver: sink, intervalMs: interval }));
      record(
        'RabbitMQ',
        interval,
        await phase(new OutboxRelay({ database: producer, deliver: sink, intervalMs: interval })),
      );
    }
  }
  console.log(`\n${EVENTS} events per phase at ${RATE}/s; latency outbox commit → consumer handler (ms)\n`);
  console.log('| transport | relay interval ms | events | p50 ms | p95 ms | max ms |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
} finally {
  for (const c of cleanup) await c().catch(() => {});
}
