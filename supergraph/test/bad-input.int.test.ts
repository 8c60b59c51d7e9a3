/**
 * Bad input is a typed error, never INTERNAL. Generated from the committed supergraph and
 * schema/policy.yaml: every Query and Mutation root field, every argument and input field,
 * malformed values (see ./bad-input.ts) sent through the gateway as every role the policy lets
 * call the operation (anonymously where it is anonymous). Every answer carries platform error
 * codes only, and the refused calls write nothing in any subgraph's database.
 */
import { randomUUID } from 'node:crypto';
import { ClientCredentials, type Database, ErrorCode } from '@medikamente/runtime';
import { type GraphQLResponse, gql } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { PARTNER_SCOPES } from '@medikamente/subgraph-lab/testing';
import { factories, localDay } from '@medikamente/subgraph-schedule/testing';
import { buildClientSchema, getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSupergraph } from '../src/compose';
import { apiSchema, type BadCase, type Fixtures, generateCases, rootFields } from './bad-input';
import { type Platform, startPlatform } from './platform';

const policy = loadPolicy();
const schema = apiSchema(readSupergraph());

/**
 * Codes a client may meet: the runtime's core codes, the domain codes the subgraphs declare in
 * their policy.yaml, and GraphQL's own refusals — never INTERNAL.
 */
const ALLOWED = new Set<string>(
  [
    ...Object.values(ErrorCode),
    ...Object.keys(policy.errorCodes),
    'GRAPHQL_VALIDATION_FAILED',
    'GRAPHQL_PARSE_FAILED',
    'BAD_USER_INPUT',
  ].filter((c) => c !== ErrorCode.INTERNAL),
);
const CONCURRENCY = 6;
const ANONYMOUS = 'anonymous';

/** Who may call an operation: its roles, or an anonymous caller when the policy allows one. */
function callers(operation: string): string[] {
  const rule = policy.operations[operation];
  if (!rule) return [];
  return rule.anonymous ? [ANONYMOUS] : [...(rule.roles ?? [])];
}

let p: Platform;
let fixtures: Fixtures;
let cases: BadCase[];
const tokens = new Map<string, Promise<string | undefined>>();

/** A real token of a role: an account from identity, or a machine client's client-credentials grant. */
function tokenFor(role: string, extra: { patientId?: string; branchIds?: string[] } = {}) {
  if (role === ANONYMOUS) return Promise.resolve(undefined);
  let t = tokens.get(role);
  if (!t) {
    t = (async () => {
      try {
        return (await p.account(role as never, extra)).token;
      } catch {
        // Not an account role (lab_partner, service): a machine client's client-credentials grant;
        // a partner laboratory with its own scopes, so that its calls reach their arguments.
        const scopes = role === 'lab_partner' ? PARTNER_SCOPES.split(' ') : ['patients:read'];
        const client = await p.identity.createClient({ role: role as never, scopes });
        return new ClientCredentials({ tokenUrl: `${p.identityUrl}/oauth/token`, ...client }).token();
      }
    })();
    tokens.set(role, t);
  }
  return t;
}

/** Every subgraph database the platform runs (any service object of it that has one). */
function databases(): Array<[string, Database]> {
  return Object.entries(p).flatMap(([name, v]) => {
    const db = (v as { database?: Database } | null)?.database;
    return db && typeof db.query === 'function' ? [[name, db] as [string, Database]] : [];
  });
}

/** Row counts of every table of every subgraph database. */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, db] of databases()) {
    const tables = await db.query<{ s: string; t: string }>(
      `select table_schema as s, table_name as t from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
        order by 1, 2`,
    );
    for (const { s, t } of tables) {
      const [row] = await db.query<{ n: number }>(`select count(*)::int as n from "${s}"."${t}"`);
      counts[`${name}:${s}.${t}`] = Number(row!.n);
    }
  }
  return counts;
}

/** Row counts once background work (outbox relay, inbox) has settled. */
async function settledRowCounts(): Promise<Record<string, number>> {
  let before = await rowCounts();
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await rowCounts();
    if (JSON.stringify(now) === JSON.stringify(before)) return now;
    before = now;
  }
  return before;
}

const changed = (a: Record<string, number>, b: Record<string, number>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => a[k] !== b[k])
    .map((k) => `${k}: ${a[k] ?? 0} -> ${b[k] ?? 0}`);

type Call = { c: BadCase; role: string };
type Outcome = { call: Call; res: GraphQLResponse; refused: boolean };

/** Whether the answer refused the call: an error, `inputErrors`, `ok: false`, `false` or null. */
function refusedBy(res: GraphQLResponse, field: string): boolean {
  if (res.errors?.length) return true;
  const value = res.data?.[field] as { ok?: boolean; inputErrors?: unknown[] } | boolean | null | undefined;
  if (value === null || value === undefined || value === false) return true;
  if (typeof value !== 'object') return false;
  return (value.inputErrors?.length ?? 0) > 0 || value.ok === false;
}

/** Problems of one answer: a 5xx, an error without a code, INTERNAL, a code of nobody's. */
function problems(o: Outcome): string[] {
  const out: string[] = [];
  if (o.res.status >= 500) out.push(`HTTP ${o.res.status}`);
  for (const e of o.res.errors ?? []) {
    const code = e.extensions?.code;
    if (!code || !ALLOWED.has(code)) out.push(`error code ${code ?? '(none)'}: ${e.message.slice(0, 120)}`);
  }
  const payload = o.res.data?.[o.call.c.field] as
    | { inputErrors?: Array<{ code: string }> }
    | null
    | undefined;
  for (const e of (payload && typeof payload === 'object' && payload.inputErrors) || [])
    if (!ALLOWED.has(e.code)) out.push(`inputErrors code ${e.code}`);
  return out;
}

/** Runs the calls through the gateway with limited concurrency. */
async function run(calls: Call[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < calls.length) {
      const call = calls[next++]!;
      const token = await tokenFor(call.role);
      const res = await gql(p.url, call.c.document, call.c.variables(), token ? { token } : {});
      outcomes.push({ call, res, refused: refusedBy(res, call.c.field) });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

/** Each case as every role that may call it; GraphQL's own refusals need one caller only. */
const callsOf = (list: BadCase[]): Call[] =>
  list.flatMap((c) => {
    const roles = callers(c.operation);
    return (c.kind === 'graphql' ? roles.slice(0, 1) : roles).map((role) => ({ c, role }));
  });

const describeOutcome = (o: Outcome, extra: string[]) =>
  `${o.call.c.label} as ${o.call.role}: ${extra.join('; ')}`;

beforeAll(async () => {
  // Refusals must be reached, not rate-limited: the edge's limits are tested in edge.int.test.ts.
  const plenty = { points: 1_000_000, durationSec: 60 };
  p = await startPlatform({
    gateway: {
      rateLimits: { perAddress: plenty, anonymousPerAddress: plenty, perAccount: plenty },
      // Operations of partners are called with document text too (their allowlist: ADR 0015).
      unsafePartnerFreeText: true,
    },
  });
  // Real entities, so that each case reaches the argument under test rather than stopping at an
  // unknown id. Ids of entities a later subgraph adds fall back to a UUID that exists nowhere.
  const f = factories(p.schedule);
  const zone = 'Europe/Moscow';
  const specialty = 'Терапия';
  const branch = await f.branch(zone);
  const room = await p.schedule.stores.catalog.createRoom(branch.id, 'Кабинет 1');
  const service = await f.service(30, specialty);
  // The callers that own something: the patient of the appointment, its doctor, reception of its branch.
  const patientAccount = await p.account('patient');
  tokens.set('patient', Promise.resolve(patientAccount.token));
  const doctor = await p.account('doctor');
  tokens.set('doctor', Promise.resolve(doctor.token));
  await tokenFor('receptionist', { branchIds: [branch.id] });
  const specialist = await f.doctor(branch.id, [service.id], { accountId: doctor.accountId, specialty });
  const [weeklyTemplate] = await p.schedule.stores.calendar.templatesFor([specialist.id]);
  const reg = await p.query(
    `mutation R($i: PatientInput!) { registerSelf(input: $i) { ok inputErrors { code } patient { id } } }`,
    {
      i: {
        lastName: 'Кузнецова',
        firstName: 'Мария',
        birthDate: '1979-11-02',
        sex: 'FEMALE',
        phone: '+7 912 345-67-89',
      },
    },
    patientAccount.token,
  );
  expect(reg.data?.registerSelf.ok).toBe(true);
  const booked = await p.query(
    `mutation B($i: BookingInput!) { bookAppointment(input: $i) { inputErrors { code } appointment { id } } }`,
    {
      i: {
        specialistId: specialist.id,
        branchId: branch.id,
        serviceId: service.id,
        startsAt: `${localDay(zone, 3)}T10:00`,
        idempotencyKey: randomUUID(),
      },
    },
    patientAccount.token,
  );
  expect(booked.errors).toBeUndefined();
  expect(booked.data?.bookAppointment.inputErrors).toEqual([]);
  const other = await p.account('doctor');
  fixtures = {
    patient: patientAccount.patientId!,
    branch: branch.id,
    room: room.id,
    service: service.id,
    specialist: specialist.id,
    weeklyTemplate: weeklyTemplate!.id,
    appointment: booked.data.bookAppointment.appointment.id,
    account: other.accountId,
    specialty,
  };
  cases = generateCases(schema, fixtures);
  // Every caller's account or client exists before the databases are counted.
  await Promise.all([...new Set(callsOf(cases).map((c) => c.role))].map((role) => tokenFor(role)));
});
afterAll(async () => p?.stop());

describe('bad input through the gateway', () => {
  it('covers every argument of every root field the gateway exposes', async () => {
    // The parsed supergraph and the gateway's own API schema agree on the root fields.
    const introspection = await p.query(getIntrospectionQuery());
    const served = buildClientSchema(introspection.data);
    const names = (s: typeof schema) => rootFields(s).map((f) => `${f.rootType}.${f.field.name}`);
    expect(names(schema).sort()).toEqual(names(served).sort());
    for (const { rootType, field } of rootFields(schema)) {
      const op = `${rootType}.${field.name}`;
      expect(callers(op), `${op} has callers in policy.yaml`).not.toEqual([]);
      for (const arg of field.args)
        expect(
          cases.some((c) => c.operation === op && c.path[0] === arg.name),
          `${op}(${arg.name})`,
        ).toBe(true);
    }
    console.info(
      `bad input: ${cases.length} cases (${cases.filter((c) => c.kind !== 'boundary').length} malformed), ` +
        `${callsOf(cases).length} calls`,
    );
  });

  it('malformed values are refused with a typed error, never INTERNAL, and write nothing', async () => {
    // Every table of every subgraph database is counted, audit and idempotency tables included:
    // no refused call has a reason to write anything.
    const before = await settledRowCounts();
    const outcomes = await run(callsOf(cases.filter((c) => c.kind !== 'boundary')));
    const after = await settledRowCounts();
    const failures: string[] = [];
    for (const o of outcomes) {
      const found = problems(o);
      // A mutation that accepted a malformed value: it must have answered with an error or inputErrors.
      if (o.call.c.rootType === 'Mutation' && !o.refused) found.push('accepted');
      if (found.length) failures.push(describeOutcome(o, found));
    }
    expect({ failures: failures.sort(), written: changed(before, after) }).toEqual({
      failures: [],
      written: [],
    });
  }, 300_000); // ~2000 calls, more with every subgraph: longer than the default minute

  it('boundary values (0, blanks, unknown ids of another subgraph) never answer INTERNAL', async () => {
    const outcomes = await run(callsOf(cases.filter((c) => c.kind === 'boundary')));
    const failures = outcomes.flatMap((o) => {
      const found = problems(o);
      return found.length ? [describeOutcome(o, found)] : [];
    });
    expect(failures.sort()).toEqual([]);
  });
});
