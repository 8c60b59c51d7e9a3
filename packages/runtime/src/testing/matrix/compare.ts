import type { Effect, Scenario } from '@medikamente/schema';
import { getNamedType, isObjectType } from 'graphql';
import { maskValue } from '../../masking';
import { fieldEffectOf } from './expect';
import type { MatrixModel } from './model';

export type Mismatch = { scenario: string; path: string; expected: Effect | string; got: unknown };

export type ResponseError = { path?: readonly (string | number)[]; extensions?: { code?: string } };

/**
 * Compares a caller's view of an object with a full view, field by field, against the policy:
 * full = identical, masked = the masked rendering (and not the raw value), denied (or masked on a
 * non-String field, which has no masked form) = null with a FORBIDDEN error at exactly that path.
 * Nested objects are compared with the same scenario (they belong to the same subject).
 */
export function compareView(opts: {
  model: MatrixModel;
  typeName: string;
  scenario: Scenario;
  full: Record<string, unknown>;
  seen: Record<string, unknown> | null;
  errors: readonly ResponseError[];
  path: (string | number)[];
}): Mismatch[] {
  const { model, typeName, scenario, full, seen, errors, path } = opts;
  const out: Mismatch[] = [];
  const t = model.schema.getType(typeName);
  if (!isObjectType(t)) return out;
  const forbiddenAt = (p: (string | number)[]) =>
    errors.some((e) => e.extensions?.code === 'FORBIDDEN' && JSON.stringify(e.path) === JSON.stringify(p));
  for (const f of Object.values(t.getFields())) {
    const c = model.classes.get(`${typeName}.${f.name}`);
    // Fields outside the selection are not compared.
    if (!c || !(f.name in full)) continue;
    const p = [...path, f.name];
    const expected = fieldEffectOf(model, typeName, f.name, scenario);
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
        if (r === null) {
          if (gotList[i] !== null) out.push({ scenario: scenario.label, path: p.join('.'), expected, got });
          return;
        }
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
