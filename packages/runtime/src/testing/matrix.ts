import {
  type Effect,
  type FieldClassification,
  fieldEffect,
  type Policy,
  type Scenario,
} from '@medikamente/schema';
import { type GraphQLSchema, getNamedType, isObjectType } from 'graphql';
import { maskValue } from '../masking';

export type MatrixScenario = Scenario;

/** Builds a selection set of every field of a type, nesting one level into object fields. */
export function selectAll(schema: GraphQLSchema, typeName: string, depth = 1): string {
  const t = schema.getType(typeName);
  if (!isObjectType(t)) return '';
  return Object.values(t.getFields())
    .map((f) => {
      const named = getNamedType(f.type);
      if (isObjectType(named))
        return depth > 0 ? `${f.name} { ${selectAll(schema, named.name, depth - 1)} }` : '';
      return f.name;
    })
    .filter(Boolean)
    .join(' ');
}

export type Mismatch = { scenario: string; path: string; expected: Effect; got: unknown };

type Err = { path?: (string | number)[]; extensions?: { code?: string } };

/**
 * Compares a caller's view of an object with the owner's full view, field by field,
 * against the policy: full = identical, masked = the masked rendering (and not the raw
 * value), denied = null with a FORBIDDEN error at exactly that path.
 */
export function compareView(opts: {
  policy: Policy;
  schema: GraphQLSchema;
  classes: Map<string, FieldClassification>;
  typeName: string;
  scenario: MatrixScenario;
  full: Record<string, unknown>;
  seen: Record<string, unknown> | null;
  errors: Err[];
  path: (string | number)[];
}): Mismatch[] {
  const { policy, schema, classes, typeName, scenario, full, seen, errors, path } = opts;
  const out: Mismatch[] = [];
  const t = schema.getType(typeName);
  if (!isObjectType(t)) return out;
  const forbiddenAt = (p: (string | number)[]) =>
    errors.some((e) => e.extensions?.code === 'FORBIDDEN' && JSON.stringify(e.path) === JSON.stringify(p));
  for (const f of Object.values(t.getFields())) {
    const c = classes.get(`${typeName}.${f.name}`);
    // Fields outside the selection (nested objects beyond the selection depth) are not compared.
    if (!c || !(f.name in full)) continue;
    const p = [...path, f.name];
    const expected = fieldEffect(policy, c, scenario);
    const got = seen?.[f.name];
    const raw = full[f.name];
    const named = getNamedType(f.type);
    if (expected === 'denied' || (expected === 'masked' && named.name !== 'String')) {
      if (got !== null || !forbiddenAt(p))
        out.push({ scenario: scenario.label, path: p.join('.'), expected: 'denied', got });
      continue;
    }
    if (isObjectType(named)) {
      const rawList = (Array.isArray(raw) ? raw : [raw]) as Record<string, unknown>[];
      const gotList = (Array.isArray(got) ? got : [got]) as Record<string, unknown>[];
      if (rawList.length !== gotList.length) {
        out.push({ scenario: scenario.label, path: p.join('.'), expected, got });
        continue;
      }
      rawList.forEach((r, i) => {
        out.push(
          ...compareView({
            ...opts,
            typeName: named.name,
            full: r,
            seen: gotList[i] ?? null,
            path: Array.isArray(raw) ? [...p, i] : p,
          }),
        );
      });
      continue;
    }
    const want = expected === 'full' ? raw : maskValue(raw, c.mask);
    const differs = JSON.stringify(got) !== JSON.stringify(want);
    const leaked =
      expected === 'masked' &&
      raw !== null &&
      raw !== undefined &&
      JSON.stringify(got) === JSON.stringify(raw) &&
      c.mask !== 'NONE';
    if (differs || leaked) out.push({ scenario: scenario.label, path: p.join('.'), expected, got });
  }
  return out;
}
