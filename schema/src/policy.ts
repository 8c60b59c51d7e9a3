import { readFileSync } from 'node:fs';
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

const policySchema = z.strictObject({
  version: z.literal(1),
  roles: z.record(z.string(), z.string()),
  conditions: z.record(z.string(), z.string()),
  categories: z.record(
    z.string(),
    z.strictObject({ description: z.string(), audited: z.boolean(), exposable: z.boolean().optional() }),
  ),
  rules: z.record(z.string(), z.record(z.string(), cell)),
  subjects: z.record(
    z.string(),
    z.strictObject({ patientId: z.string().optional(), accountId: z.string().optional() }),
  ),
  /** Roles whose tokens must carry a second factor (amr "otp") for every operation not marked otherwise. */
  secondFactor: z.strictObject({ roles: z.array(z.string()), description: z.string() }),
  operations: z.record(
    z.string(),
    z.strictObject({
      roles: z.array(z.string()).optional(),
      anonymous: z.boolean().optional(),
      /** Callable by a role of `secondFactor.roles` before it has a second factor (enrolment). */
      withoutSecondFactor: z.boolean().optional(),
    }),
  ),
  personalDataNamePattern: z.string(),
});

export type PolicyEntry = z.infer<typeof entry>;
export type PolicyCell = z.infer<typeof cell>;
export type Policy = z.infer<typeof policySchema>;

export const POLICY_PATH = fileURLToPath(new URL('../policy.yaml', import.meta.url));

/** Reads and validates `schema/policy.yaml`; throws with the zod issues when it is malformed. */
export function loadPolicy(path = POLICY_PATH): Policy {
  const parsed = policySchema.parse(parse(readFileSync(path, 'utf8')));
  for (const [category, byRole] of Object.entries(parsed.rules)) {
    if (!parsed.categories[category]) throw new Error(`policy: rules for unknown category ${category}`);
    for (const [role, c] of Object.entries(byRole)) {
      if (!parsed.roles[role]) throw new Error(`policy: rule for unknown role ${role} in ${category}`);
      for (const e of normalizeCell(c)) {
        if (e.when && !parsed.conditions[e.when]) throw new Error(`policy: unknown condition ${e.when}`);
      }
    }
  }
  for (const role of parsed.secondFactor.roles) {
    if (!parsed.roles[role]) throw new Error(`policy: secondFactor names unknown role ${role}`);
  }
  for (const [op, rule] of Object.entries(parsed.operations)) {
    for (const role of rule.roles ?? []) {
      if (!parsed.roles[role]) throw new Error(`policy: operation ${op} names unknown role ${role}`);
    }
  }
  return parsed;
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
