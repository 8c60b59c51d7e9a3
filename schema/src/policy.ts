import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

/** The three outcomes of a policy cell. */
export const EFFECTS = ['full', 'masked', 'denied'] as const;
export type Effect = (typeof EFFECTS)[number];

const effect = z.enum(EFFECTS);
const entry = z.strictObject({
  when: z.string().optional(),
  effect,
  tags: z.record(z.string(), effect).optional(),
});
const cell = z.union([effect, z.array(entry).min(1)]);

const operationSchema = z.strictObject({
  roles: z.array(z.string()).optional(),
  anonymous: z.boolean().optional(),
  /** Callable by a role of `secondFactor.roles` before it has a second factor (enrolment). */
  withoutSecondFactor: z.boolean().optional(),
});
const subjectSchema = z.strictObject({
  patientId: z.string().optional(),
  accountId: z.string().optional(),
  /**
   * Conditions decided per object rather than per patient: condition -> the field whose value the
   * condition's source is asked about (e.g. `author: id` — the source answers which drafts the
   * caller wrote). Other conditions are asked about the object's patient id.
   */
  conditionKeys: z.record(z.string(), z.string()).optional(),
});

/** `schema/policy.yaml`: what every subgraph shares. */
const centralSchema = z.strictObject({
  version: z.literal(1),
  roles: z.record(z.string(), z.string()),
  /** Built-in conditions only (evaluated by the runtime itself): see BUILT_IN_CONDITIONS. */
  conditions: z.record(z.string(), z.string()),
  /** Conditions rules may already name whose providing subgraph does not exist yet: they never hold. */
  plannedConditions: z
    .record(z.string(), z.strictObject({ description: z.string(), subgraph: z.string() }))
    .optional(),
  categories: z.record(
    z.string(),
    z.strictObject({
      description: z.string(),
      audited: z.boolean(),
      /** Reads by the data subject themselves are audited too (purpose `self`). */
      auditSelf: z.boolean().optional(),
      exposable: z.boolean().optional(),
    }),
  ),
  rules: z.record(z.string(), z.record(z.string(), cell)),
  /** Roles whose tokens must carry a second factor (amr "otp") for every operation not marked otherwise. */
  secondFactor: z.strictObject({ roles: z.array(z.string()), description: z.string() }),
  personalDataNamePattern: z.string(),
});

/** `subgraphs/<name>/policy.yaml`: what one subgraph owns. */
const fragmentSchema = z.strictObject({
  subjects: z.record(z.string(), subjectSchema).optional(),
  operations: z.record(z.string(), operationSchema).optional(),
  /**
   * Conditions this subgraph provides (it registers their source in createSubgraph): a
   * description, or `{ description, local: true }` for a condition that only this subgraph's own
   * types can satisfy (e.g. `author` of a draft): it never holds in another subgraph, which then
   * needs no source for it.
   */
  conditions: z
    .record(
      z.string(),
      z.union([z.string(), z.strictObject({ description: z.string(), local: z.boolean().optional() })]),
    )
    .optional(),
  /**
   * Conditions another subgraph declares that this one also answers from data it owns
   * authoritatively (schedule: careRelationship from its own appointments). A source must never
   * follow from the caller's own writes, or a caller could grant themselves access.
   */
  conditionSources: z.array(z.string()).optional(),
  /** Domain error codes with their Russian default message. */
  errorCodes: z.record(z.string(), z.string()).optional(),
});

/** `supergraph/subgraphs.yaml`: only the fields the policy needs (the rest belongs to composition). */
const manifestSchema = z.object({
  subgraphs: z.array(z.object({ name: z.string().min(1), dir: z.string().min(1) })),
});

/** Conditions the runtime evaluates itself (from the caller's ids); all others need a source. */
export const BUILT_IN_CONDITIONS = ['self'] as const;

/** Who answers a condition: the runtime, a subgraph (which registers the source), or nobody yet. */
export type ConditionProvider =
  | { kind: 'built-in' }
  | { kind: 'subgraph'; subgraph: string; local?: boolean }
  | { kind: 'planned'; subgraph: string };

/** The merged policy: the central file plus every subgraph's fragment. */
export type Policy = Omit<z.infer<typeof centralSchema>, 'plannedConditions'> & {
  /** Types whose objects belong to a data subject. */
  subjects: Record<string, z.infer<typeof subjectSchema>>;
  /** Root operations: who may call them at all. */
  operations: Record<string, z.infer<typeof operationSchema>>;
  /** Every condition a rule may name (built-in, provided, planned) with its description. */
  conditions: Record<string, string>;
  conditionProviders: Record<string, ConditionProvider>;
  /** Subgraphs allowed to register a source per condition: its provider plus `conditionSources`. */
  conditionSourcers: Record<string, string[]>;
  /** Domain error codes of all subgraphs with their default message (core codes live in the runtime). */
  errorCodes: Record<string, string>;
  /** Which subgraph declared each subject type, operation and error code. */
  owners: {
    subjects: Record<string, string>;
    operations: Record<string, string>;
    errorCodes: Record<string, string>;
  };
};
export type PolicyEntry = z.infer<typeof entry>;
export type PolicyCell = z.infer<typeof cell>;

/** The repository root (schema/ lives directly in it). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const POLICY_PATH = join(REPO_ROOT, 'schema', 'policy.yaml');
export const MANIFEST_PATH = join(REPO_ROOT, 'supergraph', 'subgraphs.yaml');
/** A subgraph's policy fragment, relative to its folder. */
export const FRAGMENT_FILE = 'policy.yaml';

export type LoadPolicyOptions = {
  /** Repository root: the central file is `schema/policy.yaml`, the manifest `supergraph/subgraphs.yaml`. */
  root?: string;
  /** The central file (default `<root>/schema/policy.yaml`). */
  central?: string;
  /** The manifest (default `<root>/supergraph/subgraphs.yaml`); null reads no fragments. */
  manifest?: string | null;
  /** Codes the runtime owns; a fragment declaring one of them is refused. */
  coreErrorCodes?: Iterable<string>;
};

/** The subgraphs of the manifest with the path of each one's policy fragment. */
export function policyFragments(
  root = REPO_ROOT,
  manifest = join(root, 'supergraph', 'subgraphs.yaml'),
): Array<{ name: string; dir: string; file: string }> {
  const parsed = parseFile(manifestSchema, manifest, root);
  const names = new Set<string>();
  return parsed.subgraphs.map(({ name, dir }) => {
    if (names.has(name)) throw new Error(`policy: ${rel(root, manifest)}: subgraph ${name} listed twice`);
    names.add(name);
    return { name, dir: resolve(root, dir), file: resolve(root, dir, FRAGMENT_FILE) };
  });
}

function rel(root: string, file: string): string {
  const r = relative(root, file);
  return r.startsWith('..') ? file : r;
}

function parseFile<T extends z.ZodType>(schema: T, file: string, root: string): z.infer<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`policy: ${rel(root, file)}: cannot be read`);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    throw new Error(`policy: ${rel(root, file)}: ${(err as Error).message}`);
  }
  const result = schema.safeParse(data ?? {});
  if (!result.success)
    throw new Error(
      `policy: ${rel(root, file)}: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  return result.data;
}

const CODE_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * Codes Apollo Server and graphql-js assign themselves (INTERNAL_SERVER_ERROR to every unexpected
 * error): a fragment declaring one would let the error formatter pass those errors' raw messages.
 */
export const RESERVED_ERROR_CODES: readonly string[] = Object.freeze([
  'INTERNAL_SERVER_ERROR',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'DOWNSTREAM_SERVICE_ERROR',
]);

/**
 * Reads the central policy and every subgraph's fragment (found through the manifest), merges
 * them and validates the result. Refuses, naming the file: an operation, subject type, condition
 * or error code declared twice; an error code of the runtime's core; an unknown role; an
 * operation nobody may call; a rule naming an undeclared condition.
 *
 * A string argument is a standalone central file (no fragments).
 */
export function loadPolicy(options: string | LoadPolicyOptions = {}): Policy {
  const o: LoadPolicyOptions = typeof options === 'string' ? { central: options, manifest: null } : options;
  const root = o.root ?? REPO_ROOT;
  const centralFile = o.central ?? join(root, 'schema', 'policy.yaml');
  const c = parseFile(centralSchema, centralFile, root);
  const centralName = rel(root, centralFile);
  const fail = (file: string, message: string): never => {
    throw new Error(`policy: ${file}: ${message}`);
  };
  const core = new Set(o.coreErrorCodes ?? []);

  const conditions: Record<string, string> = {};
  const conditionProviders: Record<string, ConditionProvider> = {};
  const conditionFile: Record<string, string> = {};
  for (const [name, description] of Object.entries(c.conditions)) {
    if (!(BUILT_IN_CONDITIONS as readonly string[]).includes(name))
      fail(
        centralName,
        `condition ${name} is not built in (${BUILT_IN_CONDITIONS.join(', ')}); the subgraph that provides it declares it in its policy.yaml`,
      );
    conditions[name] = description;
    conditionProviders[name] = { kind: 'built-in' };
    conditionFile[name] = centralName;
  }

  const subjects: Policy['subjects'] = {};
  const operations: Policy['operations'] = {};
  const errorCodes: Policy['errorCodes'] = {};
  const owners: Policy['owners'] = { subjects: {}, operations: {}, errorCodes: {} };
  const subjectFile: Record<string, string> = {};
  const operationFile: Record<string, string> = {};
  const codeFile: Record<string, string> = {};
  const fragments = o.manifest === null ? [] : policyFragments(root, o.manifest);
  const extraSources: Array<{ file: string; subgraph: string; condition: string }> = [];
  const keyedConditions: Array<{ file: string; type: string; condition: string }> = [];
  for (const fragment of fragments) {
    const file = rel(root, fragment.file);
    const f = parseFile(fragmentSchema, fragment.file, root);
    for (const [type, s] of Object.entries(f.subjects ?? {})) {
      if (subjectFile[type]) fail(file, `subject type ${type} is already declared in ${subjectFile[type]}`);
      if (!s.patientId && !s.accountId)
        fail(file, `subject type ${type} names neither patientId nor accountId`);
      for (const condition of Object.keys(s.conditionKeys ?? {}))
        keyedConditions.push({ file, type, condition });
      subjects[type] = s;
      subjectFile[type] = file;
      owners.subjects[type] = fragment.name;
    }
    for (const [op, rule] of Object.entries(f.operations ?? {})) {
      if (operationFile[op]) fail(file, `operation ${op} is already declared in ${operationFile[op]}`);
      if (!/^(Query|Mutation|Subscription)\.[_A-Za-z][_0-9A-Za-z]*$/.test(op))
        fail(file, `operation ${op} is not Query.x, Mutation.x or Subscription.x`);
      if (!rule.anonymous && !rule.roles?.length)
        fail(file, `operation ${op} has no rule: give it roles or anonymous: true`);
      for (const role of rule.roles ?? [])
        if (!c.roles[role]) fail(file, `operation ${op} names unknown role ${role}`);
      operations[op] = rule;
      operationFile[op] = file;
      owners.operations[op] = fragment.name;
    }
    for (const [name, declared] of Object.entries(f.conditions ?? {})) {
      if (conditionFile[name]) fail(file, `condition ${name} is already declared in ${conditionFile[name]}`);
      const d = typeof declared === 'string' ? { description: declared } : declared;
      conditions[name] = d.description;
      conditionProviders[name] = {
        kind: 'subgraph',
        subgraph: fragment.name,
        ...(d.local ? { local: true } : {}),
      };
      conditionFile[name] = file;
    }
    for (const condition of f.conditionSources ?? [])
      extraSources.push({ file, subgraph: fragment.name, condition });
    for (const [code, message] of Object.entries(f.errorCodes ?? {})) {
      if (!CODE_NAME.test(code)) fail(file, `error code ${code} is not UPPER_SNAKE_CASE`);
      if (core.has(code)) fail(file, `error code ${code} is a core code of the runtime`);
      if (RESERVED_ERROR_CODES.includes(code))
        fail(file, `error code ${code} is reserved (Apollo Server / GraphQL assign it)`);
      if (codeFile[code]) fail(file, `error code ${code} is already declared in ${codeFile[code]}`);
      errorCodes[code] = message;
      codeFile[code] = file;
      owners.errorCodes[code] = fragment.name;
    }
  }
  for (const [name, planned] of Object.entries(c.plannedConditions ?? {})) {
    const provider = conditionProviders[name];
    // Declared by the subgraph the central file expects: that declaration holds.
    if (provider?.kind === 'subgraph' && provider.subgraph === planned.subgraph) continue;
    if (conditionFile[name])
      fail(
        centralName,
        `planned condition ${name} (subgraph ${planned.subgraph}) is declared in ${conditionFile[name]}, which is not ${planned.subgraph}`,
      );
    conditions[name] = planned.description;
    conditionProviders[name] = { kind: 'planned', subgraph: planned.subgraph };
  }

  for (const k of keyedConditions)
    if (conditionProviders[k.condition]?.kind !== 'subgraph')
      fail(k.file, `${k.type}: conditionKeys names ${k.condition}, which no subgraph's policy.yaml provides`);

  const conditionSourcers: Record<string, string[]> = {};
  for (const [name, provider] of Object.entries(conditionProviders))
    if (provider.kind === 'subgraph') conditionSourcers[name] = [provider.subgraph];
  for (const x of extraSources) {
    const provider = conditionProviders[x.condition];
    if (provider?.kind !== 'subgraph')
      fail(x.file, `conditionSources names ${x.condition}, which no subgraph's policy.yaml provides`);
    if (provider?.kind === 'subgraph' && provider.local)
      fail(
        x.file,
        `conditionSources names ${x.condition}, which ${provider.subgraph} declares local to itself`,
      );
    if (conditionSourcers[x.condition]!.includes(x.subgraph))
      fail(x.file, `conditionSources names ${x.condition} twice or a condition it provides itself`);
    conditionSourcers[x.condition]!.push(x.subgraph);
  }

  for (const [category, byRole] of Object.entries(c.rules)) {
    if (!c.categories[category]) fail(centralName, `rules for unknown category ${category}`);
    for (const [role, cellOfRole] of Object.entries(byRole)) {
      if (!c.roles[role]) fail(centralName, `rule for unknown role ${role} in ${category}`);
      for (const e of normalizeCell(cellOfRole)) {
        if (e.when && !conditions[e.when])
          fail(centralName, `unknown condition ${e.when} (in ${category}.${role}): no file declares it`);
      }
    }
  }
  for (const role of c.secondFactor.roles) {
    if (!c.roles[role]) fail(centralName, `secondFactor names unknown role ${role}`);
  }
  const { plannedConditions: _planned, ...shared } = c;
  return {
    ...shared,
    conditions,
    conditionProviders,
    conditionSourcers,
    subjects,
    operations,
    errorCodes,
    owners,
  };
}

/** Whether a caller of this role with these authentication methods still needs a second factor. */
export function needsSecondFactor(policy: Policy, role: string | null, amr: readonly string[]): boolean {
  return role !== null && policy.secondFactor.roles.includes(role) && !amr.includes('otp');
}

/** Turns the short form of a cell ("full") into its list form. */
export function normalizeCell(c: PolicyCell | undefined): PolicyEntry[] {
  if (c === undefined) return [];
  return typeof c === 'string' ? [{ effect: c }] : c;
}

/** The outcome of one category for one object: an effect plus per-tag refinements. */
export type CategoryDecision = { effect: Effect; tags?: Record<string, Effect> | undefined };

export const DENIED: CategoryDecision = Object.freeze({ effect: 'denied' }) as CategoryDecision;

/**
 * Decides a policy cell given which conditions hold for the caller and the object.
 * The first entry whose condition holds (or that has none) wins; nothing matching means denied.
 */
export function decideCell(
  c: PolicyCell | undefined,
  holds: (condition: string) => boolean,
): CategoryDecision {
  for (const e of normalizeCell(c)) {
    if (e.when === undefined || holds(e.when)) return { effect: e.effect, tags: e.tags };
  }
  return DENIED;
}

/** The effect of a decision for a field carrying the given tags (the first tag with a refinement wins). */
export function effectForField(d: CategoryDecision, fieldTags: readonly string[] | undefined): Effect {
  if (d.tags && fieldTags) {
    for (const t of fieldTags) {
      const e = d.tags[t];
      if (e) return e;
    }
  }
  return d.effect;
}

/** Conditions a cell of this role and category may depend on (used to skip expensive look-ups). */
export function conditionsUsed(policy: Policy, role: string): Set<string> {
  const used = new Set<string>();
  for (const byRole of Object.values(policy.rules)) {
    for (const e of normalizeCell(byRole[role])) if (e.when) used.add(e.when);
  }
  return used;
}

/** A role with a set of conditions that hold for it. */
export type Scenario = { role: string; conditions: string[]; label: string };

/** Conditions a test can establish for a role against a patient it creates. */
const REALISABLE: Record<string, (role: string) => boolean> = {
  self: (role) => role === 'patient',
  careRelationship: () => true,
};

function subsets(items: string[]): string[][] {
  const out: string[][] = [[]];
  for (const c of items) for (const s of out.slice()) out.push([...s, c]);
  return out;
}

/**
 * Every role with each subset of the conditions its cells use. With `realisableOnly`, only
 * the conditions a test can establish (the authorization matrix); otherwise all of them.
 */
export function policyScenarios(policy: Policy, realisableOnly = true): Scenario[] {
  return Object.keys(policy.roles).flatMap((role) => {
    const used = [...conditionsUsed(policy, role)].filter((c) => !realisableOnly || REALISABLE[c]?.(role));
    return subsets(used).map((conditions) => ({
      role,
      conditions,
      label: conditions.length ? `${role}+${conditions.join('+')}` : role,
    }));
  });
}

/** The effect the policy gives a field (category + tags) in a scenario. */
export function fieldEffect(
  policy: Policy,
  f: { category: string; tags?: string[] | undefined },
  s: Scenario,
): Effect {
  return effectForField(
    decideCell(policy.rules[f.category]?.[s.role], (c) => s.conditions.includes(c)),
    f.tags,
  );
}
