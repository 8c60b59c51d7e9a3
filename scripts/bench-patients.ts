/**
 * Benchmark: a 1000-patient list with 8 classified fields, in one run, through
 *   raw SQL (the store's query) · the subgraph without the policy layer · with it (in process,
 *   no HTTP: the policy layer alone) · over HTTP without / with the policy (with the audit write) ·
 *   through the gateway.
 * Usage: pnpm bench [--rows 1000] [--iterations 40]
 * Uses the Postgres server on 127.0.0.1:5432 when it answers (a throw-away database), else PGlite.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AUDIT_MIGRATIONS, IDEMPOTENCY_MIGRATION, openDatabase, type Principal } from '@medikamente/runtime';
import { createTestDatabase, createTestIssuer, gql } from '@medikamente/runtime/testing/tools';
import { createPatientService, loadPatientEnv } from '@medikamente/subgraph-patient';
import { createGateway, readSupergraph } from '@medikamente/supergraph';
import { loadSubgraphManifest } from '@medikamente/supergraph/manifest';
import { execute, parse } from 'graphql';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000' }, iterations: { type: 'string', default: '40' } },
});
const ROWS = Number(values.rows);
const ITER = Number(values.iterations);
const SURNAME = 'Бенчмарков';

const QUERY = `query List($t: String!, $n: Int!) { searchPatients(query: { text: $t }, first: $n) { nodes { id fullName phone email birthDate passport snils homeAddress workplace } } }`;
const variables = { t: SURNAME.toLowerCase(), n: ROWS };

async function measure(name: string, fn: () => Promise<number>) {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < ITER; i++) {
    const t0 = performance.now();
    const rows = await fn();
    times.push(performance.now() - t0);
    if (rows !== ROWS) throw new Error(`${name}: expected ${ROWS} rows, got ${rows}`);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return {
    name,
    p50: q(0.5),
    p95: q(0.95),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    rps: (ITER / total) * 1000,
  };
}

const db = await createTestDatabase('bench');
const database = await openDatabase({
  url: db.url,
  dataDir: 'memory://',
  migrationsDir: fileURLToPath(new URL('../subgraphs/patient/src/db/migrations', import.meta.url)),
  migrations: [...AUDIT_MIGRATIONS, IDEMPOTENCY_MIGRATION],
});
const issuer = await createTestIssuer();
const env = {
  ...loadPatientEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    MAX_QUERY_COST: '100000',
  }),
};
const withPolicy = await createPatientService(env, { verifier: issuer.verifier, database });
const bare = await createPatientService(env, {
  verifier: issuer.verifier,
  database,
  unsafeDisablePolicy: true,
});

// Seed in one statement: realistic, distinct rows.
await database.query(
  `insert into patient (id, last_name, first_name, middle_name, sort_name, birth_date, sex, phone, email, passport, snils, home_address, workplace, created_by)
   select gen_random_uuid(), $1, 'Имя' || g, 'Отчество', lower($1) || ' имя' || g || ' отчество', date '1950-01-01' + g * 9, case when g % 2 = 0 then 'MALE' else 'FEMALE' end,
     '+7916' || lpad(g::text, 7, '0'), 'p' || g || '@mail.ru', '4510 ' || lpad(g::text, 6, '0'), '112-233-445 95', 'г. Москва, ул. Садовая, д. ' || g, 'ООО «Компания ' || g || '»', 'bench'
   from generate_series(1, $2::int) g`,
  [SURNAME, ROWS],
);

const sub = randomUUID();
const token = await issuer.sign({ role: 'receptionist', sub });
const principal: Principal = {
  kind: 'user',
  subject: sub,
  role: 'receptionist',
  patientId: null,
  branchIds: [],
  scopes: [],
  sessionId: null,
  amr: ['pwd', 'otp'],
};
const doc = parse(QUERY);
const runInProcess = (svc: typeof bare) => async () => {
  const r = await execute({
    schema: svc.subgraph.schema,
    document: doc,
    variableValues: variables,
    contextValue: svc.subgraph.contextFor(principal),
  });
  if (r.errors?.length) throw new Error(r.errors[0]!.message);
  return (r.data as any).searchPatients.nodes.length as number;
};
const CLOSED = 'http://127.0.0.1:9/graphql';
const bareHttp = await bare.subgraph.listen(0);
const policyHttp = await withPolicy.subgraph.listen(0);
const gateway = await createGateway({
  supergraphSdl: readSupergraph(),
  // Only patient runs: the other subgraphs of the manifest point at a closed port.
  subgraphUrls: {
    ...Object.fromEntries(loadSubgraphManifest({ checkFiles: false }).map((s) => [s.name, CLOSED])),
    patient: `${policyHttp.url}/graphql`,
  },
  verifier: issuer.verifier,
  limits: { maxDepth: 10, maxAliases: 15, maxCost: 100000 },
  production: true,
  logLevel: 'silent',
});
const gatewayHttp = await gateway.listen(0);
const overHttp = (url: string) => async () => {
  const r = await gql(`${url}/graphql`, QUERY, variables, { token });
  if (r.errors?.length) throw new Error(r.errors[0]!.message);
  return r.data.searchPatients.nodes.length as number;
};

const results = [
  await measure(
    'raw SQL (store query)',
    async () => (await withPolicy.stores.patients.search({ text: variables.t }, ROWS, null)).items.length,
  ),
  await measure('in process, no policy', runInProcess(bare)),
  await measure('in process, policy layer', runInProcess(withPolicy)),
  await measure('subgraph HTTP, no policy', overHttp(bareHttp.url)),
  await measure('subgraph HTTP, policy + audit', overHttp(policyHttp.url)),
  await measure('gateway -> subgraph, policy + audit', overHttp(gatewayHttp.url)),
  await measure(`audit append alone (${ROWS} events, one transaction)`, async () => {
    await withPolicy.stores.audit.append(
      Array.from({ length: ROWS }, () => ({
        actorId: sub,
        actorRole: 'receptionist',
        patientId: randomUUID(),
        categories: ['CONTACT', 'IDENTITY'],
        operation: 'Bench',
        requestId: randomUUID(),
        clientAddress: null,
      })),
    );
    return ROWS;
  }),
];
const auditEvents = Number(
  (await database.query<{ n: string }>('select count(*) as n from audit_event'))[0]!.n,
);

const f = (n: number) => n.toFixed(1);
const base = (name: string) => results.find((r) => r.name === name)!.mean;
console.log(
  `\n${ROWS} patients x 8 classified fields, ${ITER} iterations after 5 warm-up, ${db.url ? 'PostgreSQL server' : 'PGlite'}, Node ${process.version}\n`,
);
console.log('| path | p50 ms | p95 ms | mean ms | req/s |');
console.log('|---|---|---|---|---|');
for (const r of results)
  console.log(`| ${r.name} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.mean)} | ${f(r.rps)} |`);
console.log(
  `\npolicy layer in process: ${(base('in process, policy layer') / base('in process, no policy')).toFixed(2)}x`,
);
console.log(
  `policy + audit over HTTP: ${(base('subgraph HTTP, policy + audit') / base('subgraph HTTP, no policy')).toFixed(2)}x`,
);
console.log(
  `gateway vs direct: ${(base('gateway -> subgraph, policy + audit') / base('subgraph HTTP, policy + audit')).toFixed(2)}x`,
);
console.log(`audit events written: ${auditEvents} (one per patient per request)`);

await gatewayHttp.close();
await bareHttp.close();
await policyHttp.close();
await database.close();
await db.drop();
process.exit(0);
