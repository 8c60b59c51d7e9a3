import { type FieldClassification, type Policy, readClassifications } from '@medikamente/schema';
import {
  buildASTSchema,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  Kind,
  parse,
  valueFromASTUntyped,
} from 'graphql';

/** One subject type of the policy as the composed supergraph declares it. */
export type SubjectType = {
  name: string;
  /** The subgraph that resolves the type (its `@join__type` without `resolvable: false`). */
  owner: string;
  /** The `@key` fields in the owning subgraph; empty when the type is no entity (no `_entities`). */
  key: string[];
  /** The policy's subject ids of the type (which field holds the patient id / the account id). */
  patientIdField?: string | undefined;
  accountIdField?: string | undefined;
  /**
   * Decided per object by a keyed condition (conditionKeys): such objects nested in another type
   * follow their own decision, not the parent's, so they are checked through their own routes
   * and left out of other types' selections.
   */
  perObject: boolean;
};

/** The policy and the composed supergraph, read once: what the matrix is generated from. */
export type MatrixModel = {
  policy: Policy;
  /** The supergraph's API schema (directives readable). */
  schema: GraphQLSchema;
  classes: Map<string, FieldClassification>;
  subjects: Map<string, SubjectType>;
  /** Whether a field of a type is resolved by a subgraph (`null`: through the gateway, any). */
  resolves(typeName: string, fieldName: string, graph: string | null): boolean;
};

const arg = (d: ConstDirectiveNode, name: string): unknown => {
  const a = d.arguments?.find((x) => x.name.value === name);
  return a ? valueFromASTUntyped(a.value) : undefined;
};
const directives = (node: { directives?: readonly ConstDirectiveNode[] } | null | undefined, name: string) =>
  (node?.directives ?? []).filter((d) => d.name.value === name);

/**
 * Reads the policy's subject types from the composed supergraph SDL: the owning subgraph and the
 * `@key` from `@join__type`, which subgraph resolves each field from `@join__field`, and every
 * field's classification. Throws when a policy subject is missing from the supergraph.
 */
export function matrixModel(policy: Policy, supergraphSdl: string): MatrixModel {
  const doc = parse(supergraphSdl);
  const schema = buildASTSchema(doc, { assumeValidSDL: true });
  const graphNames = new Map<string, string>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const v of def.values ?? []) {
      const d = directives(v, 'join__graph')[0];
      graphNames.set(v.name.value, d ? String(arg(d, 'name')) : v.name.value.toLowerCase());
    }
  }
  const graphOf = (d: ConstDirectiveNode) => graphNames.get(String(arg(d, 'graph'))) ?? '';
  const typeGraphs = (t: GraphQLObjectType) =>
    directives(t.astNode, 'join__type').map((d) => ({
      graph: graphOf(d),
      key: arg(d, 'key') as string | undefined,
      resolvable: arg(d, 'resolvable') !== false,
    }));
  const classes = new Map(
    readClassifications(schema)
      .filter((c) => !c.type.startsWith('join__') && !c.type.startsWith('link__'))
      .map((c) => [`${c.type}.${c.field}`, c]),
  );

  const subjects = new Map<string, SubjectType>();
  for (const [name, ids] of Object.entries(policy.subjects)) {
    const t = schema.getType(name);
    if (!isObjectType(t))
      throw new Error(`matrix: policy subject ${name} is not an object type of the supergraph`);
    const owners = typeGraphs(t).filter((g) => g.resolvable);
    // A type several subgraphs resolve belongs to the one resolving most of its fields.
    const owner = owners
      .map((o) => ({
        ...o,
        fields: Object.values(t.getFields()).filter((f) => fieldGraphs(t, f).includes(o.graph)).length,
      }))
      .sort((a, b) => b.fields - a.fields)[0];
    if (!owner) throw new Error(`matrix: no subgraph resolves ${name}`);
    subjects.set(name, {
      name,
      owner: owner.graph,
      key: owner.key ? owner.key.split(/\s+/).filter(Boolean) : [],
      patientIdField: ids.patientId,
      accountIdField: ids.accountId,
      perObject: Object.keys(ids.conditionKeys ?? {}).length > 0,
    });
  }

  function fieldGraphs(t: GraphQLObjectType, f: GraphQLField<unknown, unknown>): string[] {
    const own = directives(f.astNode, 'join__field').filter((d) => arg(d, 'external') !== true);
    if (own.length) return own.map(graphOf);
    return typeGraphs(t).map((g) => g.graph);
  }

  return {
    policy,
    schema,
    classes,
    subjects,
    resolves(typeName, fieldName, graph) {
      if (graph === null) return true;
      const t = schema.getType(typeName);
      if (!isObjectType(t)) return false;
      const f = t.getFields()[fieldName];
      return !!f && fieldGraphs(t, f).includes(graph);
    },
  };
}

/**
 * The selection set of every field of a type a subgraph resolves (`graph` null: the gateway),
 * one level into object fields, as the matrix asks for it.
 */
export function selectAll(model: MatrixModel, typeName: string, graph: string | null, depth = 1): string {
  const t = model.schema.getType(typeName);
  if (!isObjectType(t)) return '';
  return Object.values(t.getFields())
    .filter((f) => model.resolves(typeName, f.name, graph))
    .map((f) => {
      const named = getNamedType(f.type);
      if (!isObjectType(named)) return f.name;
      if (depth <= 0 || model.subjects.get(named.name)?.perObject) return '';
      const inner = selectAll(model, named.name, graph, depth - 1);
      return inner ? `${f.name} { ${inner} }` : '';
    })
    .filter(Boolean)
    .join(' ');
}
