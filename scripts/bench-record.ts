/**
 * Benchmark of the record subgraph (issue 12), in one run:
 *  1. a patient card with `--visits` signed visits read by a doctor with a care relationship —
 *     raw SQL (rows only · opened and parsed · control rows parsed), in process, the subgraph over
 *     HTTP, through the gateway — encrypted and with the unencrypted control (identity codec);
 *  2. attachment throughput (MB/s) for `--sizes` MB files on the file system and on S3 (s3rver).
 * Usage: pnpm bench:record [--visits 50] [--iterations 40] [--warmup 5] [--db postgres,pglite]
 *                          [--sizes 1,10] [--file-iterations 10] [--only <path name part>]
 * Postgres: the server on 127.0.0.1:5432 (a throw-away database); PGlite in process.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createTestIssuer } from '@medikamente/runtime/testing/tools';
import { benchCard, type CardResult } from './bench-record/card';
import { benchFiles } from './bench-record/files';
import { ms, ratio } from './bench-record/measure';

const { values } = parseArgs({
  options: {
    visits: { type: 'string', default: '50' },
    iterations: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '5' },
    db: { type: 'string', default: 'postgres,pglite' },
    sizes: { type: 'string', default: '1,10' },
    'file-iterations': { type: 'string', default: '10' },
    /** Measure only the card paths whose name contains this text (for profiling). */
    only: { type: 'string' },
  },
});
const log = (s: string) => console.log(`[bench] ${s}`);
const started = Date.now();
const loadBefore = loadavg()[0]!;
const issuer = await createTestIssuer();

const cards: CardResult[] = [];
for (const kind of values.db.split(',').filter(Boolean) as Array<'postgres' | 'pglite'>) {
  const r = await benchCard({
    kind,
    issuer,
    visits: Number(values.visits),
    iterations: Number(values.iterations),
    warmup: Number(values.warmup),
    only: values.only,
    log,
  });
  if (r) cards.push(r);
}
const files = values.sizes
  ? await benchFiles({
      issuer,
      sizesMb: values.sizes.split(',').map(Number),
      iterations: Number(values['file-iterations']),
      log,
    })
  : null;

console.log(
  `\nRecord benchmark: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end\n`,
);
for (const c of cards) {
  const t = (name: string) => c.timings.find((x) => x.name.startsWith(name));
  console.log(
    `Patient card on ${c.database}: ${c.visits} signed visits, ${c.addenda} addenda; visit_version content ${Math.round(c.sealedBytes / 1024)} KB sealed vs ${Math.round(c.plainBytes / 1024)} KB plain (${Math.round(c.plainBytes / c.visits)} bytes of JSON per visit); response ${Math.round(c.responseBytes / 1024)} KB; ${values.iterations} interleaved rounds after ${values.warmup} warm-up\n`,
  );
  console.log('| path | p50 ms | p95 ms | mean ms |');
  console.log('|---|---:|---:|---:|');
  for (const r of c.timings) console.log(`| ${r.name} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.mean)} |`);
  const pair = (a: string, b: string) => {
    const [x, y] = [t(a), t(b)];
    return x && y ? `${ratio(x.p50, y.p50)} (p50), ${ratio(x.mean, y.mean)} (mean)` : '—';
  };
  console.log('\n| ratio | value |');
  console.log('|---|---|');
  console.log(
    `| encrypted / control, subgraph HTTP (target ≤ 1.3x) | ${pair('subgraph HTTP, encrypted', 'subgraph HTTP, control')} |`,
  );
  console.log(
    `| encrypted / control, in process | ${pair('in process (graphql execute), encrypted', 'in process (graphql execute), control')} |`,
  );
  console.log(
    `| raw SQL: opened / control rows parsed | ${pair('raw SQL + opening', 'raw SQL + JSON.parse, control')} |`,
  );
  console.log(`| gateway / subgraph (encrypted) | ${pair('gateway', 'subgraph HTTP, encrypted')} |`);
  console.log(
    `| subgraph HTTP / raw SQL + opening | ${pair('subgraph HTTP, encrypted', 'raw SQL + opening')} |\n`,
  );
}
if (files) {
  console.log(
    `Attachments: ${values['file-iterations']} transfers per row after one warm-up; MB/s = file size / median time\n`,
  );
  console.log('| storage | size | path | p50 ms | MB/s |');
  console.log('|---|---:|---|---:|---:|');
  for (const r of files)
    console.log(
      `| ${r.storage} | ${r.sizeMb} MB | ${r.name} | ${ms(r.p50)} | ${r.mbps === null ? '—' : r.mbps.toFixed(0)} |`,
    );
}
process.exit(0);
