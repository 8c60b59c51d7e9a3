/**
 * The patient card of `pnpm bench:record`: one patient with N signed visits, read by a doctor with
 * a care relationship along every path of one run (see docs/benchmarks.md, "Record").
 */
import { randomUUID } from 'node:crypto';
import type { Principal, TokenVerifier } from '@medikamente/runtime';
import { createTestDatabase, gql } from '@medikamente/runtime/testing/tools';
import { createRecordService, loadRecordEnv, type RecordService } from '@medikamente/subgraph-record';
import { createGateway, readSupergraph } from '@medikamente/supergraph';
import { loadSubgraphManifest } from '@medikamente/supergraph/manifest';
import { execute, parse } from 'graphql';
import { addendumText, visitContent } from './content';
import { measureInterleaved, type Path, type Timing } from './measure';
import { PlainKeyring } from './plain-keyring';

export const CARD_QUERY = `query PatientCard($p: ID!) { visits(patientId: $p) { id startedAt
  current { number complaints examination diagnoses { code title kind certainty } conclusion recommendations
    prescriptions { drug dose frequency duration } }
  addenda { text } } }`;

const OPEN = `mutation ($i: OpenVisitInput!) { openVisit(input: $i) { ok inputErrors { field code } visit { id } } }`;
const SAVE = `mutation ($i: SaveVisitDraftInput!) { saveVisitDraft(input: $i) { ok inputErrors { field code } } }`;
const SIGN = `mutation ($i: SignVisitInput!) { signVisit(input: $i) { ok inputErrors { field code } } }`;
const ADD = `mutation ($i: AddVisitAddendumInput!) { addVisitAddendum(input: $i) { ok inputErrors { field code } } }`;

type Issuer = { verifier: TokenVerifier; sign(c: { role: string; sub: string }): Promise<string> };

async function call(url: string, token: string, query: string, i: Record<string, unknown>, field: string) {
  const r = await gql(url, query, { i }, { token });
  const payload = r.data?.[field];
  if (r.errors?.length || !payload?.ok)
    throw new Error(`${field}: ${JSON.stringify(r.errors ?? payload?.inputErrors)}`);
  return payload;
}

/**
 * Writes the patient's visits through the subgraph's API, as the doctor would (open, draft, sign,
 * addendum), each for an appointment the schedule reported (a care relationship of its own).
 */
async function seedCard(
  service: RecordService,
  url: string,
  doctor: { id: string; token: string },
  patientId: string,
  visits: number,
): Promise<number> {
  const { token } = doctor;
  const until = new Date(Date.now() + 86_400_000);
  let addenda = 0;
  for (let n = 1; n <= visits; n++) {
    const appointmentId = randomUUID();
    await service.stores.care.grant(doctor.id, patientId, `appointment:${appointmentId}`, until);
    const open = await call(url, token, OPEN, { patientId, appointmentId }, 'openVisit');
    const visitId = open.visit.id as string;
    await call(
      url,
      token,
      SAVE,
      { visitId, content: visitContent(n), expectedRevision: 0 },
      'saveVisitDraft',
    );
    await call(url, token, SIGN, { visitId, idempotencyKey: randomUUID() }, 'signVisit');
    const text = addendumText(n);
    if (text) {
      await call(url, token, ADD, { visitId, text, idempotencyKey: randomUUID() }, 'addVisitAddendum');
      addenda++;
    }
  }
  return addenda;
}

type CardRow = {
  id: string;
  started_at: Date | string;
  version_id: string;
  number: number;
  content: string;
  addenda: Array<{ id: string; text: string }> | string;
};

/** The card in one statement: each visit with its newest version and its addenda (as JSON). */
const CARD_SQL = `select v.id, v.started_at, cv.id as version_id, cv.number, cv.content_sealed as content,
    coalesce((select json_agg(json_build_object('id', a.id, 'text', a.text_sealed) order by a.signed_at, a.id)
       from visit_addendum a where a.visit_id = v.id), '[]') as addenda
  from visit v
  join lateral (select * from visit_version w where w.visit_id = v.id order by w.number desc limit 1) cv on true
 where v.patient_id = $1
 order by v.started_at desc, v.id`;

export type CardResult = {
  database: string;
  visits: number;
  addenda: number;
  sealedBytes: number;
  plainBytes: number;
  responseBytes: number;
  timings: Timing[];
};

/** Seeds the card twice (encrypted, and through the identity codec) and measures every path. */
export async function benchCard(opts: {
  kind: 'postgres' | 'pglite';
  issuer: Issuer;
  visits: number;
  iterations: number;
  warmup: number;
  /** Only the paths whose name contains this text (profiling). */
  only?: string | undefined;
  log(s: string): void;
}): Promise<CardResult | null> {
  const { issuer, visits, log } = opts;
  const db =
    opts.kind === 'postgres'
      ? await createTestDatabase('bench_record')
      : { url: undefined, drop: async () => {} };
  if (opts.kind === 'postgres' && !db.url) {
    log('no Postgres server answers on 127.0.0.1:5432: Postgres rows skipped');
    return null;
  }
  const env = loadRecordEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    ...(db.url ? { RECORD_DATABASE_URL: db.url } : {}),
  });
  const cleanup: Array<() => Promise<unknown>> = [];
  try {
    const encrypted = await createRecordService(env, { verifier: issuer.verifier, background: false });
    cleanup.unshift(() => encrypted.close(), db.drop);
    // The control shares the database (same tables, same caches), with its own patient.
    const control = await createRecordService(env, {
      verifier: issuer.verifier,
      background: false,
      database: encrypted.database,
      unsafeKeyring: new PlainKeyring(encrypted.database),
    });
    cleanup.unshift(() => control.close());
    const encHttp = await encrypted.listen(0, '127.0.0.1');
    const ctlHttp = await control.listen(0, '127.0.0.1');
    const closed = 'http://127.0.0.1:9/graphql';
    const gateway = await createGateway({
      supergraphSdl: readSupergraph(),
      // Only record runs: the other subgraphs of the manifest point at a closed port.
      subgraphUrls: {
        ...Object.fromEntries(loadSubgraphManifest({ checkFiles: false }).map((s) => [s.name, closed])),
        record: `${encHttp.url}/graphql`,
      },
      verifier: issuer.verifier,
      limits: { maxDepth: 10, maxAliases: 15, maxCost: 100000 },
      production: true,
      logLevel: 'silent',
    });
    const gwHttp = await gateway.listen(0);
    cleanup.unshift(() => gwHttp.close());

    const doctor = randomUUID();
    const token = await issuer.sign({ role: 'doctor', sub: doctor });
    const patients = { encrypted: randomUUID(), control: randomUUID() };
    const t0 = Date.now();
    const me = { id: doctor, token };
    const addenda = await seedCard(encrypted, `${encHttp.url}/graphql`, me, patients.encrypted, visits);
    await seedCard(control, `${ctlHttp.url}/graphql`, me, patients.control, visits);
    log(
      `${opts.kind}: seeded 2 x ${visits} signed visits (${addenda} addenda each) through the API in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );

    const sizes = await encrypted.database.query<{ sealed: string; plain: string }>(
      `select sum(length(content_sealed)) filter (where patient_id = $1) as sealed,
              sum(octet_length(content_sealed)) filter (where patient_id = $2) as plain
         from visit_version`,
      [patients.encrypted, patients.control],
    );
    const first = visitContent(1).complaints;
    const check = (list: any[] | undefined, what: string) => {
      const complete =
        list?.length === visits &&
        list.every((v) => v.current?.diagnoses?.length > 0 && typeof v.current.conclusion === 'string') &&
        list.some((v) => v.current.complaints === first) &&
        list.reduce((n, v) => n + v.addenda.length, 0) === addenda;
      if (!complete)
        throw new Error(`${what}: expected ${visits} visits with their content, got ${list?.length}`);
    };
    let responseBytes = 0;
    const overHttp = (name: string, url: string, patientId: string): Path => ({
      name,
      run: async () => {
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: CARD_QUERY, variables: { p: patientId } }),
        });
        const text = await res.text();
        responseBytes = Buffer.byteLength(text);
        const body = JSON.parse(text);
        if (body.errors?.length) throw new Error(`${name}: ${body.errors[0].message}`);
        check(body.data?.visits, name);
      },
    });
    const principal: Principal = {
      kind: 'user',
      subject: doctor,
      role: 'doctor',
      patientId: null,
      branchIds: [],
      scopes: [],
      sessionId: null,
      amr: ['pwd', 'otp'],
    };
    const document = parse(CARD_QUERY);
    const inProcess = (name: string, svc: RecordService, patientId: string): Path => ({
      name,
      run: async () => {
        const r = await execute({
          schema: svc.subgraph.schema,
          document,
          variableValues: { p: patientId },
          contextValue: svc.subgraph.contextFor(principal),
        });
        if (r.errors?.length) throw new Error(`${name}: ${r.errors[0]!.message}`);
        check((r.data as any)?.visits, name);
      },
    });
    const keyring = encrypted.stores.keyring;
    const rawSql = (name: string, patientId: string, decode: 'open' | 'parse' | 'none'): Path => ({
      name,
      run: async () => {
        const rows = await encrypted.database.query<CardRow>(CARD_SQL, [patientId]);
        if (rows.length !== visits) throw new Error(`${name}: ${rows.length} rows`);
        if (decode === 'none') return;
        const key = decode === 'open' ? await keyring.keyFor(patientId, 'HEALTH') : null;
        const text = (sealed: string, table: string, column: string, row: string) =>
          key ? key.openText(sealed, { table, column, row: String(row) }) : sealed;
        const card = rows.map((r) => ({
          id: String(r.id),
          startedAt: new Date(r.started_at).toISOString(),
          current: {
            number: r.number,
            ...JSON.parse(text(r.content, 'visit_version', 'content', r.version_id)),
          },
          addenda: (typeof r.addenda === 'string' ? JSON.parse(r.addenda) : r.addenda).map(
            (a: { id: string; text: string }) => ({ text: text(a.text, 'visit_addendum', 'text', a.id) }),
          ),
        }));
        check(card, name);
      },
    });

    const paths = [
      rawSql('raw SQL, rows only (sealed, not opened)', patients.encrypted, 'none'),
      rawSql('raw SQL, rows only, control rows', patients.control, 'none'),
      rawSql('raw SQL + opening (AES-GCM) + JSON.parse', patients.encrypted, 'open'),
      rawSql('raw SQL + JSON.parse, control rows', patients.control, 'parse'),
      inProcess('in process (graphql execute), encrypted', encrypted, patients.encrypted),
      inProcess('in process (graphql execute), control', control, patients.control),
      overHttp('subgraph HTTP, encrypted', encHttp.url, patients.encrypted),
      overHttp('subgraph HTTP, control (identity codec)', ctlHttp.url, patients.control),
      overHttp('gateway -> subgraph, encrypted', gwHttp.url, patients.encrypted),
    ];
    const chosen = opts.only ? paths.filter((p) => p.name.includes(opts.only!)) : paths;
    const timings = await measureInterleaved(chosen, opts.iterations, opts.warmup);
    return {
      database: opts.kind === 'postgres' ? 'PostgreSQL server' : 'PGlite (in process)',
      visits,
      addenda,
      sealedBytes: Number(sizes[0]?.sealed ?? 0),
      plainBytes: Number(sizes[0]?.plain ?? 0),
      responseBytes,
      timings,
    };
  } finally {
    for (const c of cleanup) await c().catch(() => {});
  }
}
