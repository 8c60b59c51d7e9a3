import { DENIED, decideCell, effectForField, type Scenario } from '@medikamente/schema';
import { getNamedType, isObjectType } from 'graphql';
import { operationRefusal } from '../../access';
import type { MatrixModel } from './model';

/** The effect of a field for a scenario, as the runtime's field guard applies it. */
export function fieldEffectOf(model: MatrixModel, typeName: string, fieldName: string, s: Scenario) {
  const c = model.classes.get(`${typeName}.${fieldName}`);
  if (!c) return 'denied' as const;
  return effectForField(
    decideCell(model.policy.rules[c.category]?.[s.role], (x) => s.conditions.includes(x)),
    c.tags,
  );
}

/**
 * Whether a caller sees an object of a subject type at all (the runtime's `hasAnyAccess`): some
 * non-PUBLIC category of the type (as the resolving subgraph declares it) is not denied, or has a
 * non-denied tag refinement that a field of the type carries. Otherwise the object is refused.
 */
export function objectVisible(model: MatrixModel, typeName: string, graph: string, s: Scenario): boolean {
  const t = model.schema.getType(typeName);
  if (!isObjectType(t)) return true;
  const fields = Object.keys(t.getFields())
    .filter((f) => model.resolves(typeName, f, graph))
    .map((f) => model.classes.get(`${typeName}.${f}`))
    .filter((c) => c !== undefined);
  const classified = fields.filter((f) => f.category !== 'PUBLIC');
  if (classified.length === 0) return true;
  // Some classified field is not denied (its category's effect refined by its own tags).
  return classified.some(
    (f) =>
      effectForField(
        decideCell(model.policy.rules[f.category]?.[s.role], (x) => s.conditions.includes(x)) ?? DENIED,
        f.tags,
      ) !== 'denied',
  );
}

/** The code a root operation refuses a role with (tokens with their second factor), or null. */
export function refusalCode(model: MatrixModel, operation: string, role: string): string | null {
  const refusal = operationRefusal(model.policy, operation, {
    kind: 'user',
    subject: 'matrix',
    role,
    patientId: null,
    branchIds: [],
    scopes: [],
    sessionId: null,
    amr: ['pwd', 'otp'],
  });
  return refusal ? String(refusal.extensions.code) : null;
}

/** Whether every classified field of a selection is `full` for a scenario (a reference caller). */
export function seesAllFull(
  model: MatrixModel,
  typeName: string,
  graph: string | null,
  s: Scenario,
  depth = 1,
): boolean {
  const t = model.schema.getType(typeName);
  if (!isObjectType(t)) return true;
  return Object.values(t.getFields()).every((f) => {
    if (!model.resolves(typeName, f.name, graph)) return true;
    // Objects decided per object are not selected under another type (see selectAll).
    if (model.subjects.get(getNamedType(f.type).name)?.perObject) return true;
    if (model.classes.has(`${typeName}.${f.name}`) && fieldEffectOf(model, typeName, f.name, s) !== 'full')
      return false;
    const named = getNamedType(f.type);
    return !isObjectType(named) || depth <= 0 || seesAllFull(model, named.name, graph, s, depth - 1);
  });
}
