/**
 * Results ingestion of `pnpm bench:lab`: a partner posts one result message per specimen (three
 * values) along each path, at each concurrency, in phases of `messages` messages; the paths take
 * turns (A-B-C-D, then D-C-B-A, …) so a busy moment of the shared machine falls on all of them.
 * Every answer is checked (accepted, not a replay, the order RESULTED), and at the end the stored
 * results are counted.
 */
import { performance } from 'node:perf_hooks';
import { summarise, type Timing } from '../bench-record/measure';
import { fhirBundleInput, postResultsInput } from './data';
import type { Order, Stack } from './stack';

const VALUES_PER_MESSAGE = 3;

/** A way to post one message: where to, and the request body for message `n` on `order`. */
type IngestPath = {
  name: string;
  url: string;
  body(n: number, order: Order): unknown;
};

export function ingestPaths(stack: Stack, withFhir: boolean): IngestPath[] {
  const post = stack.doc('PostResults');
  const fhir = stack.doc('PostFhirReport');
  const resultId = (order: Order) => `BENCH-${order.specimenCode}`;
  const variables = (n: number, o: Order) => postResultsInput(n, o.specimenCode, resultId(o));
  return [
    {
      name: 'gateway, trusted document (id)',
      url: stack.urls.gated,
      body: (n, o) => ({
        documentId: `sha256:${post.id}`,
        operationName: post.name,
        variables: variables(n, o),
      }),
    },
    {
      name: 'gateway without the gate (text)',
      url: stack.urls.open,
      body: (n, o) => ({ query: post.body, operationName: post.name, variables: variables(n, o) }),
    },
    {
      name: 'lab subgraph directly (text)',
      url: stack.urls.subgraph,
      body: (n, o) => ({ query: post.body, operationName: post.name, variables: variables(n, o) }),
    },
    ...(withFhir
      ? [
          {
            name: 'lab subgraph directly, FHIR bundle',
            url: stack.urls.subgraph,
            body: (n: number, o: Order) => ({
              query: fhir.body,
              operationName: fhir.name,
              variables: fhirBundleInput(n, o.specimenCode, resultId(o)),
            }),
          },
        ]
      : []),
  ];
}

/** Posts one message and checks the answer: accepted, new, the order resulted. */
async function postOne(path: IngestPath, token: string, n: number, order: Order): Promise<void> {
  const res = await fetch(path.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(path.body(n, order)),
  });
  const body = (await res.json()) as {
    data?: { answer?: { ok: boolean; replayed: boolean; orders: Array<{ status: string }> } };
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  const a = body.data?.answer;
  if (res.status !== 200 || body.errors?.length || !a?.ok || a.replayed || a.orders[0]?.status !== 'RESULTED')
    throw new Error(
      `${path.name}: message ${n} not accepted: ${res.status} ${JSON.stringify(body).slice(0, 400)}`,
    );
}

type Phase = { messages: number; seconds: number; cpuMs: number; latencies: number[] };

/** `orders.length` messages with `concurrency` in flight (each worker sends its next as soon as answered). */
async function phase(
  path: IngestPath,
  token: string,
  orders: Order[],
  firstN: number,
  concurrency: number,
): Promise<Phase> {
  const latencies: number[] = [];
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const worker = async () => {
    for (let i = next++; i < orders.length; i = next++) {
      const s = performance.now();
      await postOne(path, token, firstN + i, orders[i]!);
      latencies.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { messages: orders.length, seconds, cpuMs: (cpu.user + cpu.system) / 1000, latencies };
}

export type IngestRow = Timing & {
  concurrency: number;
  messagesPerSec: number;
  testsPerSec: number;
  /** Messages/s of each phase (the run-to-run spread). */
  perPhase: number[];
  /** This process's CPU (gateway, subgraph, client; PGlite too when in process) per message. */
  cpuMsPerMessage: number;
};

export type IngestResult = {
  rows: IngestRow[];
  stored: { results: number; messages: number; flags: Record<string, number> };
};

export const ordersNeeded = (
  paths: number,
  o: { concurrency: number[]; rounds: number; messages: number; warmup: number },
) => o.concurrency.length * paths * (o.rounds * o.messages + o.warmup);

export async function benchIngest(
  stack: Stack,
  paths: IngestPath[],
  orders: Order[],
  o: { concurrency: number[]; rounds: number; messages: number; warmup: number; log(s: string): void },
): Promise<IngestResult> {
  let used = 0;
  const take = (k: number) => {
    const slice = orders.slice(used, used + k);
    if (slice.length < k) throw new Error('not enough prepared orders');
    const first = used;
    used += k;
    return { slice, first };
  };
  const rows: IngestRow[] = [];
  for (const concurrency of o.concurrency) {
    const phases = paths.map(() => [] as Phase[]);
    for (const p of paths) {
      const w = take(o.warmup);
      await phase(p, stack.token, w.slice, w.first, concurrency);
    }
    for (let round = 0; round < o.rounds; round++) {
      const order = paths.map((_, i) => i);
      if (round % 2 === 1) order.reverse();
      for (const i of order) {
        await new Promise((r) => setTimeout(r, 200));
        const t = take(o.messages);
        const r = await phase(paths[i]!, stack.token, t.slice, t.first, concurrency);
        phases[i]!.push(r);
        o.log(
          `${stack.kind} c=${concurrency} round ${round + 1}: ${paths[i]!.name}: ${(r.messages / r.seconds).toFixed(0)} messages/s`,
        );
      }
    }
    paths.forEach((p, i) => {
      const ph = phases[i]!;
      const messages = ph.reduce((a, x) => a + x.messages, 0);
      const seconds = ph.reduce((a, x) => a + x.seconds, 0);
      rows.push({
        ...summarise(
          p.name,
          ph.flatMap((x) => x.latencies),
        ),
        concurrency,
        messagesPerSec: messages / seconds,
        testsPerSec: (messages * VALUES_PER_MESSAGE) / seconds,
        perPhase: ph.map((x) => x.messages / x.seconds),
        cpuMsPerMessage: ph.reduce((a, x) => a + x.cpuMs, 0) / messages,
      });
    });
  }
  const [counts] = await stack.service.database.query<{ results: string; messages: string }>(
    `select (select count(*) from lab_result r join lab_order o on o.id = r.order_id where o.partner_client_id = $1) as results,
            (select count(*) from lab_result_post where partner_client_id = $1) as messages`,
    [stack.partner],
  );
  const flags = await stack.service.database.query<{ flag: string | null; n: string }>(
    `select r.flag, count(*) as n from lab_result r join lab_order o on o.id = r.order_id
      where o.partner_client_id = $1 group by r.flag order by r.flag`,
    [stack.partner],
  );
  const stored = {
    results: Number(counts?.results ?? 0),
    messages: Number(counts?.messages ?? 0),
    flags: Object.fromEntries(flags.map((f) => [f.flag ?? 'none', Number(f.n)])),
  };
  if (stored.messages !== used || stored.results !== used * VALUES_PER_MESSAGE)
    throw new Error(`stored ${stored.messages} messages / ${stored.results} results, posted ${used}`);
  return { rows, stored };
}
