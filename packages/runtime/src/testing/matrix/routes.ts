import { getNamedType, isListType, isNonNullType, isObjectType } from 'graphql';
import { type MatrixModel, selectAll } from './model';

type Arg = { name: string; type: string; required: boolean };

/** One way to ask for an object of a subject type on a surface (a subgraph, or the gateway). */
export type MatrixRoute = {
  /** The subject type this route checks. */
  type: string;
  label: string;
  /** The type the root field returns (the target's parent for nested routes). */
  entryType: string;
  /** `Query.x`, for the operation rule; null for `_entities` (authorised per object only). */
  operation: string | null;
  /** The root field of the response. */
  field: string;
  list: boolean;
  /**
   * Whether the root reaches the subject's object for any caller (an argument names it);
   * roots without required arguments answer with the caller's own objects (`me`, `myPatient`).
   */
  bound: boolean;
  /** For objects reachable only nested: the entry type's field leading to them. */
  nested: string | null;
  args: Arg[];
  /** Selection set on the entry type. */
  selection: string;
};

function rootRoutes(model: MatrixModel, type: string, graph: string | null): MatrixRoute[] {
  const q = model.schema.getQueryType();
  if (!q) return [];
  const out: MatrixRoute[] = [];
  for (const f of Object.values(q.getFields())) {
    if (getNamedType(f.type).name !== type || !model.resolves(q.name, f.name, graph)) continue;
    const inner = isNonNullType(f.type) ? f.type.ofType : f.type;
    const args = f.args.map((a) => ({
      name: a.name,
      type: String(a.type),
      required: isNonNullType(a.type) && a.defaultValue === undefined,
    }));
    out.push({
      type,
      label: `Query.${f.name}`,
      entryType: type,
      operation: `Query.${f.name}`,
      field: f.name,
      list: isListType(inner),
      bound: args.some((a) => a.required),
      nested: null,
      args: args.filter((a) => a.required),
      selection: selectAll(model, type, graph),
    });
  }
  return out;
}

/**
 * The routes by which a surface reaches a subject type: `_entities` on the owning subgraph when
 * the type has a `@key` there, every root query returning it, and — only when neither exists —
 * the field of another subject type that returns it (e.g. `Patient.consents`), under that
 * type's routes with an argument naming the object.
 */
export function planRoutes(model: MatrixModel, type: string, graph: string | null): MatrixRoute[] {
  const direct = (t: string): MatrixRoute[] => {
    const s = model.subjects.get(t);
    const entities: MatrixRoute[] =
      graph !== null && s && s.owner === graph && s.key.length > 0
        ? [
            {
              type: t,
              label: `_entities(${t})`,
              entryType: t,
              operation: null,
              field: '_entities',
              list: false,
              bound: true,
              nested: null,
              args: [],
              selection: selectAll(model, t, graph),
            },
          ]
        : [];
    return [...entities, ...rootRoutes(model, t, graph)];
  };
  const own = direct(type);
  if (own.length) return own;
  const nested: MatrixRoute[] = [];
  for (const parent of model.subjects.keys()) {
    if (parent === type) continue;
    const pt = model.schema.getType(parent);
    if (!isObjectType(pt)) continue;
    for (const f of Object.values(pt.getFields())) {
      if (getNamedType(f.type).name !== type || !model.resolves(parent, f.name, graph)) continue;
      for (const r of direct(parent).filter((x) => x.bound))
        nested.push({
          ...r,
          type,
          label: `${r.label} › ${f.name}`,
          nested: f.name,
          // The parent's key finds it in lists.
          selection: [
            ...(model.subjects.get(parent)?.key ?? []),
            `${f.name} { ${selectAll(model, type, graph)} }`,
          ].join(' '),
        });
    }
  }
  return nested;
}

/** The query text of a route. */
export function routeQuery(r: MatrixRoute): string {
  if (r.field === '_entities')
    return `query Matrix($reps: [_Any!]!) { _entities(representations: $reps) { ... on ${r.entryType} { ${r.selection} } } }`;
  const vars = r.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const args = r.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `query Matrix${vars ? `(${vars})` : ''} { ${r.field}${args ? `(${args})` : ''} { ${r.selection} } }`;
}
