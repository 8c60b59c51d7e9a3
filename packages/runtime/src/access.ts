import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  type CategoryDecision,
  conditionsUsed,
  DENIED,
  decideCell,
  type Effect,
  effectForField,
  type FieldClassification,
  needsSecondFactor,
  normalizeCell,
  type Policy,
  readClassifications,
} from '@medikamente/schema';
import DataLoader from 'dataloader';
import {
  defaultFieldResolver,
  type FieldNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  isUnionType,
  type SelectionSetNode,
} from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, rule, shield } from 'graphql-shield';
import type { AuditEventInput } from './audit';
import type { Principal } from './auth';
import { appError, ErrorCode } from './errors';
import { maskValue } from './masking';

/** Attached to every authorised subject object: the caller's decision per category. */
export const ACCESS = Symbol('access');
type Decisions = Map<string, CategoryDecision>;

/**
 * The source of one policy condition that needs data: of `patientIds`, those for which the
 * condition holds for the caller (`callerId`: the token's subject, an account or a client id).
 * Called once per request and condition with every id the request needs (DataLoader batching).
 */
/**
 * Answers which of `ids` (patient ids, or object keys for a keyed condition) the condition holds
 * for; `principal` is the whole caller, for a source that needs more than its id (a patient's
 * patient id).
 */
export type ConditionSource = (
  callerId: string,
  ids: readonly string[],
  principal: Principal,
) => Promise<Set<string>>;

/**
 * Sources of the policy's conditions, keyed by the condition's name in the policy (the runtime
 * names no condition). Built-in conditions (`self`) need none; a planned one never holds.
 */
export type ConditionSources = Readonly<Record<string, ConditionSource>>;

type FieldMeta = { category: string; mask?: string | undefined; tags?: string[] | undefined };
type TypeMeta = {
  name: string;
  patientIdField?: string | undefined;
  accountIdField?: string | undefined;
  /** Conditions decided per object: condition -> field holding the key its source is asked about. */
  conditionKeys?: Readonly<Record<string, string>> | undefined;
  fields: Map<string, FieldMeta>;
  /** Non-PUBLIC categories used by the type. */
  categories: string[];
};

/** The policy compiled against one subgraph's schema. */
export type CompiledPolicy = {
  policy: Policy;
  subjects: Map<string, TypeMeta>;
  auditedCategories: Set<string>;
  /** Categories whose reads by the data subject themselves are audited as well. */
  selfAuditedCategories: Set<string>;
  conditionsByRole: Map<string, Set<string>>;
  /**
   * Conditions with a source (not built in, not planned) that the rules of this subgraph's
   * subject types use, with the types and categories needing each (for the start-up check).
   */
  requiredConditions: Map<string, string[]>;
  /**
   * Conditions some subject type decides per object (`conditionKeys`): their source answers about
   * those objects' keys only, so they never hold when asked about a patient id.
   */
  keyedConditions: Set<string>;
};

export function compilePolicy(policy: Policy, schema: GraphQLSchema): CompiledPolicy {
  const classes = readClassifications(schema);
  // Field guards exist only on subject types: a classified field elsewhere would be served
  // unguarded (e.g. through _entities), so a type missing from every fragment's subjects refuses
  // the start instead of failing open.
  for (const c of classes)
    if (c.category && c.category !== 'PUBLIC' && !policy.subjects[c.type])
      throw new Error(
        `policy: ${c.type}.${c.field} is ${c.category} but ${c.type} is not a data subject (subjects of a policy.yaml): it would be served unguarded`,
      );
  const byType = new Map<string, FieldClassification[]>();
  for (const c of classes) byType.set(c.type, [...(byType.get(c.type) ?? []), c]);
  const subjects = new Map<string, TypeMeta>();
  for (const [name, s] of Object.entries(policy.subjects)) {
    const fieldsList = byType.get(name);
    if (!fieldsList) continue;
    const fields = new Map(
      fieldsList.map((f) => [f.field, { category: f.category, mask: f.mask, tags: f.tags }]),
    );
    const categories = [...new Set(fieldsList.map((f) => f.category))].filter((c) => c !== 'PUBLIC');
    subjects.set(name, {
      name,
      patientIdField: s.patientId,
      accountIdField: s.accountId,
      conditionKeys: s.conditionKeys,
      fields,
      categories,
    });
  }
  const auditedCategories = new Set(
    Object.entries(policy.categories)
      .filter(([, c]) => c.audited)
      .map(([k]) => k),
  );
  const conditionsByRole = new Map(Object.keys(policy.roles).map((r) => [r, conditionsUsed(policy, r)]));
  const requiredConditions = new Map<string, string[]>();
  for (const meta of subjects.values()) {
    // Condition sources answer per patient id: a subject without one can only be `self`.
    if (!meta.patientIdField) continue;
    for (const category of meta.categories) {
      for (const cellOfRole of Object.values(policy.rules[category] ?? {})) {
        for (const e of normalizeCell(cellOfRole)) {
          if (!e.when || policy.conditionProviders[e.when]?.kind !== 'subgraph') continue;
          const needers = requiredConditions.get(e.when) ?? [];
          const where = `${meta.name} (${category})`;
          if (!needers.includes(where)) needers.push(where);
          requiredConditions.set(e.when, needers);
        }
      }
    }
  }
  const selfAuditedCategories = new Set(
    Object.entries(policy.categories)
      .filter(([, c]) => c.audited && c.auditSelf)
      .map(([k]) => k),
  );
  const keyedConditions = new Set(
    Object.values(policy.subjects).flatMap((s) => Object.keys(s.conditionKeys ?? {})),
  );
  return {
    policy,
    subjects,
    auditedCategories,
    selfAuditedCategories,
    conditionsByRole,
    requiredConditions,
    keyedConditions,
  };
}

/**
 * Refuses a subgraph whose subject types need a condition it registered no source for, or
 * that registers a source for a condition the policy does not declare as provided by a subgraph.
 */
export function checkConditionSources(
  name: string,
  compiled: CompiledPolicy,
  sources: ConditionSources,
): void {
  const { policy } = compiled;
  for (const [condition, needers] of compiled.requiredConditions) {
    const local = policy.conditionProviders[condition];
    // A local condition holds only on its provider's own types: elsewhere it needs no source.
    if (local?.kind === 'subgraph' && local.local && local.subgraph !== name) continue;
    if (typeof sources[condition] !== 'function') {
      const provider = policy.conditionProviders[condition];
      throw new Error(
        `subgraph ${name}: condition ${condition}${provider?.kind === 'subgraph' ? ` (declared by ${provider.subgraph})` : ''} is needed by ${needers.join(', ')} but has no source: register conditions.${condition} in createSubgraph`,
      );
    }
  }
  for (const condition of Object.keys(sources)) {
    const provider = policy.conditionProviders[condition];
    if (provider?.kind !== 'subgraph')
      throw new Error(
        `subgraph ${name}: a source is registered for ${condition}, which ${provider ? `is ${provider.kind}` : 'no policy.yaml declares'}`,
      );
    // Only the provider, or a subgraph whose policy.yaml lists it in conditionSources (a reviewed
    // claim that it answers from data it owns authoritatively), may decide a condition.
    if (!policy.conditionSourcers?.[condition]?.includes(name))
      throw new Error(
        `subgraph ${name}: a source is registered for ${condition}, which ${provider.subgraph} provides; list it under conditionSources in ${name}'s policy.yaml only if ${name} answers it from data it owns`,
      );
  }
}

export type RequestMeta = { requestId: string; operation: string | null; clientAddress: string | null };

/**
 * Per-request authorisation state: decisions per data subject (computed once, batched),
 * and the audit events this request owes before its data may leave.
 */
export class RequestAccess {
  private readonly pending = new Map<string, Promise<Decisions>>();
  private readonly canonical = new Map<number, Decisions>();
  /** Per type and decision object: whether anything is visible, and which audited categories a selection reads. */
  readonly memo = new Map<string, Map<Decisions, { visible: boolean }>>();
  /** One loader per condition with a source that the caller's role uses (bit i+1 of a mask). */
  private readonly loaders: Array<{ condition: string; loader: DataLoader<string, boolean> }> = [];
  /** patientId -> categories read. */
  readonly pendingAudit = new Map<string, Set<string>>();
  /** patientId -> the conditions that held when its data was read (the audit's purpose). */
  private readonly purposes = new Map<string, Set<string>>();

  constructor(
    readonly compiled: CompiledPolicy,
    readonly principal: Principal,
    sources: ConditionSources,
    readonly meta: RequestMeta,
  ) {
    const p = principal;
    const used = p.role ? compiled.conditionsByRole.get(p.role) : undefined;
    if (used && p.subject) {
      const caller = p.subject;
      for (const condition of used) {
        const fn = sources[condition];
        if (!fn) continue;
        this.loaders.push({
          condition,
          loader: new DataLoader(async (ids) => {
            const set = await fn(caller, ids, p);
            return ids.map((id) => set.has(id));
          }),
        });
      }
    }
  }

  /**
   * Decisions of every category for a subject (a patient and/or an account). Synchronous when
   * no condition needs a look-up (most roles); the result depends only on which conditions
   * hold, so at most a handful of distinct decision objects exist per request.
   */
  decide(
    patientId: string | null,
    accountId: string | null,
    keys?: Readonly<Record<string, string | null>>,
  ): Decisions | Promise<Decisions> {
    const p = this.principal;
    const isSelf =
      (patientId !== null && p.patientId === patientId) || (accountId !== null && p.subject === accountId);
    if (this.loaders.length === 0 || patientId === null) return this.byConditions(isSelf ? 1 : 0);
    // A condition keyed per object (conditionKeys) is asked about the object's key only; without
    // one (another type, a check by patient id) it never holds: its source answers about drafts,
    // not patients, and a patient id equal to a draft id must not satisfy it.
    const keyed = this.compiled.keyedConditions;
    const keyOf = (condition: string): string | null =>
      keyed.has(condition) ? (keys?.[condition] ?? null) : patientId;
    const key = keys
      ? `${patientId}|${isSelf}|${this.loaders.map((l) => keyOf(l.condition)).join('|')}`
      : `${patientId}|${isSelf}`;
    let d = this.pending.get(key);
    if (!d) {
      d = Promise.all(
        this.loaders.map((l) => {
          const k = keyOf(l.condition);
          return k === null ? false : l.loader.load(k);
        }),
      ).then((held) => {
        let mask = isSelf ? 1 : 0;
        for (let i = 0; i < held.length; i++) if (held[i]) mask |= 2 << i;
        return this.byConditions(mask);
      });
      this.pending.set(key, d);
    }
    return d;
  }

  /** The conditions a decision object was made with (`self` and the held loaded ones). */
  heldConditions(decisions: Decisions): string[] {
    for (const [mask, d] of this.canonical) {
      if (d !== decisions) continue;
      const out: string[] = [];
      if (mask & 1) out.push('self');
      this.loaders.forEach((l, i) => {
        if (mask & (2 << i)) out.push(l.condition);
      });
      return out;
    }
    return [];
  }

  /** Decisions for a set of held conditions: bit 0 `self`, bit i+1 the i-th loaded condition. */
  private byConditions(mask: number): Decisions {
    let d = this.canonical.get(mask);
    if (!d) {
      d = new Map();
      const { policy } = this.compiled;
      const role = this.principal.role;
      const holds = (c: string) => {
        if (c === 'self') return (mask & 1) !== 0;
        const i = this.loaders.findIndex((l) => l.condition === c);
        return i >= 0 && (mask & (2 << i)) !== 0;
      };
      for (const [category, byRole] of Object.entries(policy.rules)) {
        d.set(
          category,
          role ? decideCell(byRole[role], holds) : category === 'PUBLIC' ? { effect: 'full' } : DENIED,
        );
      }
      this.canonical.set(mask, d);
    }
    return d;
  }

  /**
   * Records that the listed categories of a patient were read (deduplicated per request), and
   * under which conditions (`purpose`: e.g. careRelationship, breakGlass; none for role-wide access).
   */
  noteRead(patientId: string, categories: Iterable<string>, purpose: readonly string[] = []): void {
    let set = this.pendingAudit.get(patientId);
    for (const c of categories) {
      if (!this.compiled.auditedCategories.has(c)) continue;
      if (!set) {
        set = new Set();
        this.pendingAudit.set(patientId, set);
      }
      set.add(c);
    }
    if (set && purpose.length) {
      const held = this.purposes.get(patientId) ?? new Set();
      for (const c of purpose) held.add(c);
      this.purposes.set(patientId, held);
    }
  }

  /** The audit events owed by this request: one per patient. */
  auditEvents(operation: string | null = this.meta.operation): AuditEventInput[] {
    const p = this.principal;
    return [...this.pendingAudit].map(([patientId, cats]) => ({
      actorId: p.subject ?? 'anonymous',
      actorRole: p.role ?? 'anonymous',
      patientId,
      categories: [...cats].sort(),
      operation,
      requestId: this.meta.requestId,
      clientAddress: this.meta.clientAddress,
      purpose: this.purposes.has(patientId) ? [...this.purposes.get(patientId)!].sort().join(',') : null,
      actorBranches: p.branchIds.length ? p.branchIds : null,
    }));
  }
}

/** What the policy layer needs from the GraphQL context. */
export type PolicyContext = { principal: Principal; access: RequestAccess };

function hasAnyAccess(meta: TypeMeta, d: Decisions): boolean {
  // A subject type with only PUBLIC fields here (an entity stub such as Patient { id } in the
  // schedule subgraph) reveals nothing; the owning subgraph authorises the rest.
  if (meta.categories.length === 0) return true;
  // Visible when some classified field is not denied (its category's effect refined by its tags:
  // a draft whose every field is tagged "draft" is invisible to all but its author).
  for (const f of meta.fields.values()) {
    if (f.category === 'PUBLIC') continue;
    if (effectForField(d.get(f.category) ?? DENIED, f.tags) !== 'denied') return true;
  }
  return false;
}

/** Field names selected on `typeName` below the current field (fragments included). */
function selectedFields(info: GraphQLResolveInfo, typeName: string): Set<string> {
  const out = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    if (!set) return;
    for (const s of set.selections) {
      if (s.kind === 'Field') out.add(s.name.value);
      else if (s.kind === 'InlineFragment') {
        if (!s.typeCondition || s.typeCondition.name.value === typeName) visit(s.selectionSet);
      } else {
        const frag = info.fragments[s.name.value];
        if (frag && frag.typeCondition.name.value === typeName) visit(frag.selectionSet);
      }
    }
  };
  for (const f of info.fieldNodes as FieldNode[]) visit(f.selectionSet);
  return out;
}

type Prepared = {
  obj: Record<string | symbol, unknown>;
  meta: TypeMeta;
  patientId: string | null;
  decisions: Decisions | Promise<Decisions>;
};

/**
 * Authorises subject objects returned by a field: attaches decisions, drops objects the
 * caller may not see at all (an error in their place in `_entities`, or for a single object),
 * and notes what the audit owes. Works on a whole list at once so that the selection is read
 * once and condition look-ups are batched.
 */
async function authorizeValue(
  value: unknown,
  staticType: string | null,
  ctx: PolicyContext,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  const resolved = await value;
  if (resolved === null || resolved === undefined || resolved instanceof Error) return resolved;
  const list = Array.isArray(resolved);
  const items = list ? await Promise.all(resolved as unknown[]) : [resolved];
  const prepared: Array<Prepared | unknown> = [];
  let asyncNeeded = false;
  for (const item of items) {
    if (item === null || item === undefined || item instanceof Error || typeof item !== 'object') {
      prepared.push(item);
      continue;
    }
    const obj = item as Record<string | symbol, unknown>;
    const typeName = (obj.__typename as string | undefined) ?? staticType;
    const meta = typeName ? ctx.access.compiled.subjects.get(typeName) : undefined;
    if (!meta) {
      prepared.push(obj);
      continue;
    }
    const patientId = meta.patientIdField ? ((obj[meta.patientIdField] as string | undefined) ?? null) : null;
    const accountId = meta.accountIdField ? ((obj[meta.accountIdField] as string | undefined) ?? null) : null;
    let keys: Record<string, string | null> | undefined;
    if (meta.conditionKeys) {
      keys = {};
      for (const [condition, field] of Object.entries(meta.conditionKeys))
        keys[condition] = (obj[field] as string | undefined) ?? null;
    }
    const decisions = ctx.access.decide(patientId, accountId, keys);
    if (decisions instanceof Promise) asyncNeeded = true;
    prepared.push({ obj, meta, patientId, decisions } satisfies Prepared);
  }
  if (asyncNeeded) {
    for (const p of prepared)
      if (p && typeof p === 'object' && 'decisions' in p)
        (p as Prepared).decisions = await (p as Prepared).decisions;
  }
  const selections = new Map<string, string[]>();
  const out: unknown[] = [];
  for (const p of prepared) {
    if (!(p && typeof p === 'object' && 'meta' in p && 'decisions' in p)) {
      out.push(p);
      continue;
    }
    const { obj, meta, patientId } = p as Prepared;
    const decisions = (p as Prepared).decisions as Decisions;
    let perType = ctx.access.memo.get(meta.name);
    if (!perType) {
      perType = new Map();
      ctx.access.memo.set(meta.name, perType);
    }
    let m = perType.get(decisions);
    if (!m) {
      m = { visible: hasAnyAccess(meta, decisions) };
      perType.set(decisions, m);
    }
    if (!m.visible) {
      out.push(appError(ErrorCode.FORBIDDEN));
      continue;
    }
    const self = patientId !== null && ctx.principal.patientId === patientId;
    if (patientId && (!self || ctx.access.compiled.selfAuditedCategories.size > 0)) {
      let fields = selections.get(meta.name);
      if (!fields) {
        fields = [...selectedFields(info, meta.name)];
        selections.set(meta.name, fields);
      }
      const cats: string[] = [];
      for (const name of fields) {
        const f = meta.fields.get(name);
        if (!f || (self && !ctx.access.compiled.selfAuditedCategories.has(f.category))) continue;
        if (effectForField(decisions.get(f.category) ?? DENIED, f.tags) !== 'denied') cats.push(f.category);
      }
      ctx.access.noteRead(patientId, cats, ctx.access.heldConditions(decisions));
    }
    // A shallow copy keeps store rows free of per-caller decisions; __typename is copied
    // explicitly because _entities defines it as a non-enumerable property.
    out.push({ ...obj, __typename: obj.__typename ?? meta.name, [ACCESS]: decisions });
  }
  if (!list) return out[0];
  // In lists, objects the caller may not see are dropped (search results), except in
  // _entities where positions matter and an error stands in their place.
  return info.fieldName === '_entities' ? out : out.filter((i) => !(i instanceof Error));
}

/**
 * Whether the caller may call a root operation at all (policy.operations), as a coded error, or
 * null when allowed. Used by the generated shield rules and before a subscription starts.
 */
export function operationRefusal(
  policy: CompiledPolicy['policy'],
  operation: string,
  principal: Principal,
): ReturnType<typeof appError> | null {
  const op = policy.operations[operation];
  if (!op) return appError(principal.role ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED);
  const { role, amr } = principal;
  if (!role) return op.anonymous ? null : appError(ErrorCode.UNAUTHENTICATED);
  if (!op.roles?.includes(role) && !op.anonymous) return appError(ErrorCode.FORBIDDEN);
  // Public (anonymous) operations need no factor at all; the rest need the second one.
  if (!op.anonymous && !op.withoutSecondFactor && needsSecondFactor(policy, role, amr))
    return appError(ErrorCode.SECOND_FACTOR_REQUIRED);
  return null;
}

/**
 * Applies the policy to a subgraph schema:
 * - graphql-shield rules on root fields generated from `policy.operations` (fallback deny;
 *   federation internals allowed and authorised per object instead);
 * - object authorisation on every field that returns a subject type (or `_Entity`);
 * - a synchronous guard on every classified field of subject types: full, masked or denied.
 *
 * Shield is applied to root types only: per-field shield wrapping costs ~10x on large lists,
 * while the per-object decision + synchronous guard keeps the policy layer near the bare cost.
 */
export function applyPolicy(schema: GraphQLSchema, compiled: CompiledPolicy): GraphQLSchema {
  const { policy } = compiled;
  const ruleTree: Record<string, Record<string, ReturnType<typeof rule>>> = {};
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    const rules: Record<string, ReturnType<typeof rule>> = {};
    for (const fieldName of Object.keys(root.getFields())) {
      if (fieldName === '_entities') {
        // Authorised per object; but a staff token without its second factor reaches nothing.
        // A representation that is not an object naming one of this subgraph's entity types is
        // the client's mistake (federation's resolver would throw a plain error: INTERNAL). No
        // subgraph has entity interfaces (@interfaceObject); one that adds them extends this set.
        const entity = schema.getType('_Entity');
        const entityTypes = new Set(isUnionType(entity) ? entity.getTypes().map((t) => t.name) : []);
        rules[fieldName] = rule('_entities', { cache: 'no_cache' })(
          (_p: unknown, args: { representations?: unknown }, ctx: PolicyContext) => {
            if (needsSecondFactor(policy, ctx.principal.role, ctx.principal.amr))
              return appError(ErrorCode.SECOND_FACTOR_REQUIRED);
            const reps = Array.isArray(args.representations) ? args.representations : [];
            const known = (r: unknown) =>
              r !== null &&
              typeof r === 'object' &&
              entityTypes.has((r as { __typename?: unknown }).__typename as string);
            return reps.every(known)
              ? true
              : appError(ErrorCode.BAD_USER_INPUT, 'Неизвестный тип сущности', { field: 'representations' });
          },
        ) as never;
        continue;
      }
      if (fieldName === '_service') {
        // The SDL (with classification metadata) is for tooling holding a service credential with
        // scope subgraph:sdl; the gateway composes from files and never asks.
        rules[fieldName] = rule('_service', { cache: 'no_cache' })(
          (_p: unknown, _a: unknown, ctx: PolicyContext) =>
            ctx.principal.kind === 'client' &&
            ctx.principal.role === 'service' &&
            ctx.principal.scopes.includes('subgraph:sdl')
              ? true
              : appError(ctx.principal.role ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED),
        ) as never;
        continue;
      }
      const op = policy.operations[`${root.name}.${fieldName}`];
      if (!op) {
        rules[fieldName] = deny as never;
        continue;
      }
      rules[fieldName] = rule(`${root.name}.${fieldName}`, { cache: 'no_cache' })(
        (_p: unknown, _a: unknown, ctx: PolicyContext) =>
          operationRefusal(policy, `${root.name}.${fieldName}`, ctx.principal) ?? true,
      ) as never;
    }
    ruleTree[root.name] = rules;
  }
  const generator = shield(ruleTree as never, {
    fallbackRule: deny,
    fallbackError: () => appError(ErrorCode.FORBIDDEN),
    allowExternalErrors: true,
  }) as unknown as { generate(s: GraphQLSchema): Record<string, unknown> };
  const all = generator.generate(schema);
  const rootOnly = Object.fromEntries(Object.entries(all).filter(([t]) => ruleTree[t]));
  const shielded = applyMiddleware(schema, rootOnly as never);

  const subjectNames = new Set(compiled.subjects.keys());
  return mapSchema(shielded, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const named = getNamedType(field.type);
      const resolve: GraphQLFieldResolver<any, any> = field.resolve ?? defaultFieldResolver;
      const returnsSubject = subjectNames.has(named.name) || named.name === '_Entity';
      const meta = compiled.subjects.get(typeName);
      const fm = meta?.fields.get(fieldName);
      let wrapped = resolve;
      if (fm && fm.category !== 'PUBLIC') {
        const inner = wrapped;
        const { category, tags, mask } = fm;
        // Only strings can carry a masked rendering; a masked cell on another type is a denial.
        const maskable = named.name === 'String';
        // One-entry memo: a request has only a few distinct decision objects, and lists repeat them.
        let lastDecisions: Decisions | undefined;
        let lastEffect: Effect = 'denied';
        wrapped = (src, args, ctx, info) => {
          const decisions = src?.[ACCESS] as Decisions | undefined;
          if (decisions !== lastDecisions) {
            lastEffect = decisions ? effectForField(decisions.get(category) ?? DENIED, tags) : 'denied';
            lastDecisions = decisions;
          }
          const effect = lastEffect;
          if (effect === 'denied' || (effect === 'masked' && !maskable)) return appError(ErrorCode.FORBIDDEN);
          const v = inner(src, args, ctx, info);
          if (effect === 'full') return v;
          return v instanceof Promise ? v.then((x) => maskValue(x, mask)) : maskValue(v, mask);
        };
      }
      if (returnsSubject) {
        const inner = wrapped;
        const staticType = isObjectType(named) ? named.name : null;
        wrapped = (src, args, ctx, info) =>
          authorizeValue(inner(src, args, ctx, info), staticType, ctx as PolicyContext, info);
      }
      return wrapped === resolve ? field : { ...field, resolve: wrapped };
    },
  });
}
