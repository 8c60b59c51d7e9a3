import { conditionsUsed } from '@medikamente/schema';
import type { MatrixModel, SubjectType } from './model';

/** Roles whose callers are machine clients (client credentials): they own no account, so no "self". */
export const MACHINE_ROLES: ReadonlySet<string> = new Set(['lab_partner', 'service']);

/** One role with the conditions that hold for it, and the subject types the case applies to. */
export type MatrixCase = { role: string; conditions: string[]; label: string; types: string[] };

/** Whether a test can make a condition hold for a caller of a role against one object of a type. */
function realisable(t: SubjectType, role: string, condition: string, provided: ReadonlySet<string>): boolean {
  // "self": the object belongs to the caller — a patient's own data, or anyone's own account.
  if (condition === 'self')
    return (!!t.patientIdField && role === 'patient') || (!!t.accountIdField && !MACHINE_ROLES.has(role));
  // Data conditions hold per patient; the type's fixture must be able to establish them.
  return !!t.patientIdField && provided.has(condition);
}

function subsets(items: string[]): string[][] {
  const out: string[][] = [[]];
  for (const c of items) for (const s of out.slice()) out.push([...s, c]);
  return out;
}

/**
 * Every role with every subset of the realisable conditions its cells use, per subject type
 * (self / other; with and without each data condition; staff self for accounts), merged by label.
 * `provided(type)` names the data conditions the type's fixture can establish.
 */
export function matrixCases(
  model: MatrixModel,
  types: readonly string[],
  provided: (type: string) => ReadonlySet<string>,
  requires: (type: string) => Readonly<Record<string, readonly string[]>> = () => ({}),
): MatrixCase[] {
  const byLabel = new Map<string, MatrixCase>();
  for (const role of Object.keys(model.policy.roles)) {
    const used = [...conditionsUsed(model.policy, role)];
    for (const type of types) {
      const t = model.subjects.get(type);
      if (!t) throw new Error(`matrix: ${type} is no subject type of the policy`);
      const own = used.filter((c) => realisable(t, role, c, provided(type)));
      const needs = requires(type);
      // A condition that can hold only together with others (a released result is the caller's own).
      const possible = (set: string[]) => set.every((c) => (needs[c] ?? []).every((n) => set.includes(n)));
      for (const conditions of subsets(own).filter(possible)) {
        const label = conditions.length ? `${role}+${conditions.join('+')}` : role;
        const c = byLabel.get(label) ?? { role, conditions, label, types: [] };
        c.types.push(type);
        byLabel.set(label, c);
      }
    }
  }
  return [...byLabel.values()];
}
