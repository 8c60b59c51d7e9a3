import {
  type Effect,
  type FieldClassification,
  fieldEffect,
  normalizeCell,
  type Policy,
  policyScenarios,
  readClassifications,
  type Scenario,
} from '@medikamente/schema';
import {
  buildASTSchema,
  type GraphQLSchema,
  getNamedType,
  isNonNullType,
  isObjectType,
  parse,
} from 'graphql';

/** The API schema of the committed supergraph, with its @classified directives readable. */
export function supergraphSchema(sdl: string): GraphQLSchema {
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

/** Classified fields of the supergraph, federation/link internals excluded. */
export function supergraphFields(schema: GraphQLSchema): FieldClassification[] {
  return readClassifications(schema).filter(
    (f) => !f.type.startsWith('join__') && !f.type.startsWith('link__'),
  );
}

export const scenarios = (policy: Policy): Scenario[] => policyScenarios(policy);

/** The effect the policy gives a field in a scenario. */
export const expectedEffect = (policy: Policy, f: FieldClassification, s: Scenario): Effect =>
  fieldEffect(policy, f, s);

/** Renders a cell for documentation: "full if self; else denied". */
export function describeCell(policy: Policy, category: string, role: string): string {
  const entries = normalizeCell(policy.rules[category]?.[role]);
  if (entries.length === 0) return '**missing**';
  const parts = entries.map((e) => {
    const tags = e.tags
      ? ` (${Object.entries(e.tags)
          .map(([t, x]) => `${t}: ${x}`)
          .join(', ')})`
      : '';
    return e.when ? `${e.effect}${tags} if ${e.when}` : `${e.effect}${tags}`;
  });
  const last = entries.at(-1)!;
  return last.when ? `${parts.join('; else ')}; else denied` : parts.join('; else ');
}

export type Finding = { rule: string; where: string; message: string };

type Directives = readonly import('graphql').ConstDirectiveNode[] | undefined;

const argument = (d: import('graphql').ConstDirectiveNode, name: string) => {
  const v = d.arguments?.find((a) => a.name.value === name)?.value;
  return v?.kind === 'EnumValue' || v?.kind === 'StringValue' ? v.value : undefined;
};

/** Subgraph names by join__Graph value (`IDENTITY @join__graph(name: "identity")`). */
function graphNames(schema: GraphQLSchema): Map<string, string> {
  const names = new Map<string, string>();
  const graphs = schema.getType('join__Graph');
  for (const v of graphs?.astNode?.kind === 'EnumTypeDefinition' ? (graphs.astNode.values ?? []) : []) {
    const d = v.directives?.find((x) => x.name.value === 'join__graph');
    names.set(v.name.value, (d && argument(d, 'name')) ?? v.name.value.toLowerCase());
  }
  return names;
}

/** Subgraph names of the `@join__field` / `@join__type` directives of a supergraph element. */
function joinGraphs(names: Map<string, string>, directives: Directives, name: string): string[] {
  return (directives ?? [])
    .filter((d) => d.name.value === name)
    .map((d) => argument(d, 'graph'))
    .filter((g): g is string => g !== undefined)
    .map((g) => names.get(g) ?? g.toLowerCase());
}

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * The release check: every field classified with a known, exposable category; every category
 * has a rule for every role; personal-looking PUBLIC fields are justified; non-PUBLIC fields
 * live on subject types and are nullable; masked cells only hit String fields; every root
 * operation has an access rule, declared by the subgraph that resolves it, and no rule names a
 * missing operation; a subject type is declared by a subgraph that defines it.
 */
export function checkPolicy(policy: Policy, schema: GraphQLSchema): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: string, where: string, message: string) => findings.push({ rule, where, message });
  const roles = Object.keys(policy.roles);
  for (const category of Object.keys(policy.categories)) {
    for (const role of roles) {
      if (policy.rules[category]?.[role] === undefined)
        add('rule-missing', `${category} x ${role}`, 'category has no rule for role');
    }
  }
  const pattern = new RegExp(policy.personalDataNamePattern, 'i');
  const allScenarios = policyScenarios(policy, false);
  const canBeMasked = (f: FieldClassification) =>
    allScenarios.some((sc) => expectedEffect(policy, f, sc) === 'masked');
  for (const f of supergraphFields(schema)) {
    const where = `${f.type}.${f.field}`;
    const field = (schema.getType(f.type) as import('graphql').GraphQLObjectType).getFields()[f.field]!;
    if (!f.category) {
      add('unclassified', where, 'field has no @classified category');
      continue;
    }
    const cat = policy.categories[f.category];
    if (!cat) {
      add('unknown-category', where, `unknown category ${f.category}`);
      continue;
    }
    if (cat.exposable === false)
      add('secret-exposed', where, `${f.category} data must never be exposed through the API`);
    if (f.category === 'PUBLIC' && pattern.test(f.field) && !f.justification) {
      add('public-personal-data', where, 'looks like personal data but is PUBLIC without a justification');
    }
    if (f.category !== 'PUBLIC') {
      if (!policy.subjects[f.type])
        add(
          'no-subject',
          where,
          `${f.category} field on a type that is not a data subject (subjects of a subgraph's policy.yaml)`,
        );
      if (isNonNullType(field.type))
        add(
          'non-null-classified',
          where,
          'non-PUBLIC fields must be nullable so that a denial does not null the parent',
        );
      const named = getNamedType(field.type).name;
      if (canBeMasked(f) && named !== 'String')
        add('unmaskable', where, `can be masked but ${named} cannot carry a masked value`);
    }
  }
  const names = graphNames(schema);
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    for (const name of Object.keys(root.getFields())) {
      const op = `${root.name}.${name}`;
      if (!policy.operations[op]) {
        add('operation-missing', op, "root field has no entry in its subgraph's policy.yaml operations");
        continue;
      }
      const graphs = joinGraphs(names, root.getFields()[name]?.astNode?.directives, 'join__field');
      const owner = policy.owners.operations[op];
      if (graphs.length > 0 && owner && !graphs.includes(owner))
        add(
          'operation-owner',
          op,
          `declared in the policy.yaml of ${owner}, resolved by ${graphs.join(', ')}`,
        );
    }
  }
  for (const [type, owner] of Object.entries(policy.owners.subjects)) {
    const graphs = joinGraphs(names, schema.getType(type)?.astNode?.directives, 'join__type');
    if (graphs.length > 0 && !graphs.includes(owner))
      add('subject-owner', type, `declared in the policy.yaml of ${owner}, which does not define the type`);
  }
  for (const op of Object.keys(policy.operations)) {
    const [type, field] = op.split('.') as [string, string];
    const t = schema.getType(type);
    if (!ROOTS.has(type) || !t || !isObjectType(t) || !t.getFields()[field])
      add('operation-stale', op, 'policy names an operation the supergraph does not have');
  }
  return findings;
}
