import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Policy, Scenario } from '@medikamente/schema';
import type { GraphQLObjectType } from 'graphql';
import type { GraphQLResponse } from '../graphql-client';
import { type MatrixCase, matrixCases } from './cases';
import { compareView, type Mismatch } from './compare';
import { fieldEffectOf, objectVisible, refusalCode, seesAllFull } from './expect';
import { type FixtureObject, type FixtureRegistry, fixtureFor, type MatrixCaller } from './fixtures';
import { type MatrixModel, matrixModel } from './model';
import { type MatrixRoute, planRoutes, routeQuery } from './routes';

/** The committed composed supergraph (`pnpm generate` writes it). */
export const SUPERGRAPH_SDL_PATH = fileURLToPath(
  new URL('../../../../../schema/supergraph.graphql', import.meta.url),
);

/** Where the matrix runs: one subgraph straight (`graph` set) or the gateway (`graph` null). */
export type MatrixSurface = {
  graph: string | null;
  query(q: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResponse>;
  /** A new identity of a role with a token (a patient gets its own patient id). */
  caller(role: string): Promise<MatrixCaller>;
  /** Services by subgraph name, handed to that subgraph's fixtures. */
  services: Record<string, unknown>;
  fixtures: FixtureRegistry;
};

/** What one route showed in one case. */
export type RouteOutcome = {
  type: string;
  route: string;
  /** compared: field by field; refused: by the operation rule; hidden: object refused; caller-bound: not reachable. */
  outcome: 'compared' | 'refused' | 'hidden' | 'caller-bound' | 'skipped';
};

export type CaseReport = { label: string; outcomes: RouteOutcome[]; mismatches: Mismatch[] };

type Ctx = {
  model: MatrixModel;
  surface: MatrixSurface;
  scenario: Scenario;
  caller: MatrixCaller;
  subject: MatrixCaller;
  objects: Map<string, FixtureObject>;
  routes: Map<string, MatrixRoute[]>;
  /** Full views asked in this case, by object and selection. */
  references: Map<string, Promise<{ data: unknown; at: (string | number)[] }>>;
  reference: (role: string) => Promise<MatrixCaller>;
};

const get = (v: unknown, path: (string | number)[]) =>
  path.reduce<unknown>((o, k) => (o == null ? o : (o as Record<string | number, unknown>)[k]), v);

/** Values for a route's arguments and representation, from the fixtures and the subject's ids. */
function binder(ctx: Ctx, r: MatrixRoute) {
  const target = ctx.objects.get(r.type);
  const entry = ctx.objects.get(r.entryType);
  const s = ctx.model.subjects.get(r.entryType);
  return (name: string): unknown =>
    target?.args?.[name] ??
    entry?.key?.[name] ??
    entry?.args?.[name] ??
    (s?.patientIdField === name ? ctx.subject.patientId : undefined) ??
    (s?.accountIdField === name ? ctx.subject.accountId : undefined) ??
    (name === 'patientId' ? ctx.subject.patientId : undefined);
}

function variables(ctx: Ctx, r: MatrixRoute): Record<string, unknown> {
  const bind = binder(ctx, r);
  if (r.field === '_entities') {
    const rep: Record<string, unknown> = { __typename: r.entryType };
    for (const k of ctx.model.subjects.get(r.entryType)!.key) rep[k] = bind(k);
    return { reps: [rep] };
  }
  const vars: Record<string, unknown> = {};
  for (const a of r.args) {
    const v = bind(a.name);
    if (v === undefined)
      throw new Error(`matrix: ${r.label}: no value for argument ${a.name} (the fixture's args name it)`);
    vars[a.name] = v;
  }
  return vars;
}

/** The subject's object in a response: its path, or null when the answer does not hold it. */
function locate(ctx: Ctx, r: MatrixRoute, data: unknown): (string | number)[] | null {
  if (r.field === '_entities') return ['_entities', 0];
  if (!r.list) return [r.field];
  const list = (get(data, [r.field]) ?? []) as Array<Record<string, unknown> | null>;
  const key = ctx.model.subjects.get(r.entryType)?.key ?? [];
  if (key.length === 0) return list.length ? [r.field] : null;
  const bind = binder(ctx, r);
  const i = list.findIndex((o) => o !== null && key.every((k) => o[k] === bind(k)));
  return i < 0 ? null : [r.field, i];
}

/** Whether a scenario's caller reaches the object through a route and sees all it selects in full. */
function seesRouteInFull(ctx: Ctx, r: MatrixRoute, scenario: Scenario): boolean {
  const { model } = ctx;
  const self = scenario.conditions.includes('self');
  if (r.operation && refusalCode(model, r.operation, scenario.role)) return false;
  if (!r.bound && !self) return false;
  if (!objectVisible(model, r.entryType, model.subjects.get(r.entryType)!.owner, scenario)) return false;
  return r.nested
    ? fieldEffectOf(model, r.entryType, r.nested, scenario) === 'full' &&
        seesAllFull(model, r.type, ctx.surface.graph, scenario)
    : seesAllFull(model, r.entryType, ctx.surface.graph, scenario);
}

/**
 * The full view of the object: asked through the route itself, or through another route with the
 * same selection when no caller of this one sees everything (e.g. `patientDuplicates`, reception
 * only, sees documents masked), by the subject itself or by a role.
 */
async function referenceView(ctx: Ctx, r: MatrixRoute): Promise<{ data: unknown; at: (string | number)[] }> {
  const candidates: Array<{ scenario: Scenario; caller: () => Promise<MatrixCaller> }> = [
    {
      scenario: { role: ctx.subject.role, conditions: ['self'], label: 'self' },
      caller: async () => ctx.subject,
    },
    ...Object.keys(ctx.model.policy.roles).map((role) => ({
      scenario: { role, conditions: [], label: role },
      caller: () => ctx.reference(role),
    })),
    // Objects only a per-object condition opens in full (a draft: its author) have no other
    // reference than the case's own caller; the fixture's `known` values keep that honest.
    { scenario: ctx.scenario, caller: async () => ctx.caller },
  ];
  const skip = ctx.objects.get(r.type)?.skip ?? {};
  const same = (ctx.routes.get(r.type) ?? []).filter(
    (x) =>
      x !== r &&
      !(x.operation && skip[x.operation]) &&
      x.entryType === r.entryType &&
      x.selection === r.selection &&
      x.nested === r.nested,
  );
  for (const route of [r, ...same])
    for (const { scenario, caller } of candidates) {
      if (!seesRouteInFull(ctx, route, scenario)) continue;
      const res = await ctx.surface.query(routeQuery(route), variables(ctx, route), (await caller()).token);
      const at = locate(ctx, route, res.data);
      if (res.errors?.length || !at)
        throw new Error(
          `matrix: the full view of ${r.type} through ${route.label} failed: ${JSON.stringify(res)}`,
        );
      return { data: res.data, at };
    }
  throw new Error(`matrix: no caller sees ${r.type} in full through ${r.label}`);
}

const codesOf = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions?.code);

async function checkRoute(
  ctx: Ctx,
  r: MatrixRoute,
): Promise<{ outcome: RouteOutcome; mismatches: Mismatch[] }> {
  const { model, scenario } = ctx;
  const outcome = (o: RouteOutcome['outcome']): RouteOutcome => ({
    type: r.type,
    route: r.label,
    outcome: o,
  });
  const miss = (path: string, expected: string, got: unknown): Mismatch => ({
    scenario: `${scenario.label} ${r.label}`,
    path,
    expected,
    got,
  });
  const self = scenario.conditions.includes('self');
  if (r.operation && ctx.objects.get(r.type)?.skip?.[r.operation])
    return { outcome: outcome('skipped'), mismatches: [] };
  const q = routeQuery(r);
  const vars = variables(ctx, r);
  const refusal = r.operation ? refusalCode(model, r.operation, scenario.role) : null;
  if (refusal) {
    const res = await ctx.surface.query(q, vars, ctx.caller.token);
    const ok = (get(res.data, [r.field]) ?? null) === null && codesOf(res).join() === refusal;
    return { outcome: outcome('refused'), mismatches: ok ? [] : [miss(r.field, `refused ${refusal}`, res)] };
  }
  // A root answering with the caller's own objects cannot reach another subject's.
  if (!r.bound && !self) return { outcome: outcome('caller-bound'), mismatches: [] };
  const owner = model.subjects.get(r.entryType)!.owner;
  if (!objectVisible(model, r.entryType, owner, scenario)) {
    const res = await ctx.surface.query(q, vars, ctx.caller.token);
    if (r.list) {
      const at = locate(ctx, r, res.data);
      const ok = at === null && (res.errors ?? []).length === 0;
      return { outcome: outcome('hidden'), mismatches: ok ? [] : [miss(r.field, 'absent', res)] };
    }
    const via = r.operation ?? `Query.${r.field}`;
    const code = ctx.objects.get(r.entryType)?.hiddenAs?.[via]?.[scenario.role] ?? 'FORBIDDEN';
    const path = r.field === '_entities' ? ['_entities', 0] : [r.field];
    const ok = (get(res.data, path) ?? null) === null && codesOf(res).join() === code;
    return {
      outcome: outcome('hidden'),
      mismatches: ok ? [] : [miss(path.join('.'), `hidden ${code}`, res)],
    };
  }
  const { data: refData, at: refAt } = await referenceView(ctx, r);
  const ref = { data: refData };
  const res = await ctx.surface.query(q, vars, ctx.caller.token);
  const known = ctx.objects.get(r.type)?.known ?? {};
  const mismatches: Mismatch[] = [];
  const target = (data: unknown, at: (string | number)[]) => {
    const v = get(data, r.nested ? [...at, r.nested] : at);
    return (Array.isArray(v) ? v[0] : v) as Record<string, unknown> | undefined;
  };
  for (const [k, v] of Object.entries(known)) {
    const got = target(ref.data, refAt)?.[k];
    const ok =
      v instanceof RegExp
        ? typeof got === 'string' && v.test(got)
        : typeof v === 'function'
          ? v(got) === true
          : JSON.stringify(got) === JSON.stringify(v);
    if (!ok) mismatches.push(miss(`${r.type}.${k} (full view)`, String(v), got));
  }
  const at = locate(ctx, r, res.data);
  if (!at)
    return { outcome: outcome('compared'), mismatches: [...mismatches, miss(r.field, 'present', res)] };
  // Keyless lists (all of one subject): compared element by element.
  const pairs: Array<[(string | number)[], (string | number)[]]> =
    r.list && at.length === 1
      ? ((get(ref.data, refAt) as unknown[]) ?? []).map((_, i) => [
          [...refAt, i],
          [...at, i],
        ])
      : [[refAt, at]];
  if (r.list && at.length === 1 && (get(res.data, at) as unknown[]).length !== pairs.length)
    mismatches.push(miss(r.field, `${pairs.length} items`, get(res.data, at)));
  for (const [refPath, seenPath] of pairs)
    mismatches.push(
      ...compareView({
        model,
        typeName: r.entryType,
        scenario,
        full: get(ref.data, refPath) as Record<string, unknown>,
        seen: (get(res.data, seenPath) ?? null) as Record<string, unknown> | null,
        errors: res.errors ?? [],
        path: seenPath,
      }).map((m) => ({ ...m, scenario: `${scenario.label} ${r.label}` })),
    );
  // Denied fields answer FORBIDDEN; nothing else may fail.
  const unexpected = (res.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN');
  if (unexpected.length) mismatches.push(miss(r.field, 'only FORBIDDEN errors', unexpected));
  return { outcome: outcome('compared'), mismatches };
}

/**
 * The role x field matrix of subject types on one surface, generated from the policy and the
 * composed supergraph. `cases` lists every role-case; `run(case)` creates one fixture set for it
 * (one object of each subject type, for a subject that is the caller when the case holds "self"),
 * asks every route and compares what the caller sees with what the policy gives.
 */
export function createMatrix(opts: {
  policy: Policy;
  /** The composed supergraph SDL; default: the committed `schema/supergraph.graphql`. */
  supergraphSdl?: string;
  surface: MatrixSurface;
  /** Subject types to cover; default: those the surface's subgraph owns (the gateway: all). */
  types?: string[];
}) {
  const model = matrixModel(opts.policy, opts.supergraphSdl ?? readFileSync(SUPERGRAPH_SDL_PATH, 'utf8'));
  const { surface } = opts;
  const types =
    opts.types ??
    [...model.subjects.values()]
      .filter((s) => surface.graph === null || s.owner === surface.graph)
      .map((s) => s.name);
  for (const t of types) {
    fixtureFor(surface.fixtures, t);
    // An unclassified field would escape the comparison (the release check refuses it too).
    const fields = Object.keys((model.schema.getType(t) as GraphQLObjectType).getFields());
    const open = fields.filter(
      (f) => model.resolves(t, f, surface.graph) && !model.classes.get(`${t}.${f}`)?.category,
    );
    if (open.length) throw new Error(`matrix: unclassified fields of ${t}: ${open.join(', ')}`);
  }
  const cases = matrixCases(
    model,
    types,
    (t) => new Set(fixtureFor(surface.fixtures, t).conditions ?? []),
    (t) => fixtureFor(surface.fixtures, t).requires ?? {},
  );
  const routes = new Map(types.map((t) => [t, planRoutes(model, t, surface.graph)]));
  for (const [t, r] of routes)
    if (r.length === 0) throw new Error(`matrix: nothing on the surface returns ${t}`);
  const references = new Map<string, Promise<MatrixCaller>>();
  const reference = (role: string) => {
    let c = references.get(role);
    if (!c) {
      c = surface.caller(role);
      references.set(role, c);
    }
    return c;
  };

  async function run(c: MatrixCase): Promise<CaseReport> {
    const scenario: Scenario = { role: c.role, conditions: c.conditions, label: c.label };
    const caller = await surface.caller(c.role);
    const subject = c.conditions.includes('self') ? caller : await surface.caller('patient');
    const conditions = c.conditions.filter((x) => x !== 'self');
    const objects = new Map<string, FixtureObject>();
    for (const t of c.types) {
      const owner = model.subjects.get(t)!.owner;
      objects.set(
        t,
        await fixtureFor(surface.fixtures, t).create(surface.services[owner], {
          subject,
          caller,
          conditions,
        }),
      );
    }
    const ctx: Ctx = {
      model,
      surface,
      scenario,
      caller,
      subject,
      objects,
      routes,
      references: new Map(),
      reference,
    };
    const outcomes: RouteOutcome[] = [];
    const mismatches: Mismatch[] = [];
    const all = c.types.flatMap((t) => routes.get(t)!);
    // Lists compared item by item (audit trails) run last and one by one: staff reads are
    // audited and must not add items between the full view and the caller's view.
    const keyless = (r: MatrixRoute) => r.list && (model.subjects.get(r.entryType)?.key.length ?? 0) === 0;
    const checked = await Promise.all(all.filter((r) => !keyless(r)).map((r) => checkRoute(ctx, r)));
    for (const r of all.filter(keyless)) checked.push(await checkRoute(ctx, r));
    for (const x of checked) {
      outcomes.push(x.outcome);
      mismatches.push(...x.mismatches);
    }
    return { label: c.label, outcomes, mismatches };
  }

  return { model, types, cases, routes, run };
}
