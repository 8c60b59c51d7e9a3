/**
 * Malformed-input cases generated from the composed supergraph: for every Query and Mutation
 * root field, every argument (and every field of input objects, recursively), values that a
 * client can send but the platform must refuse with a typed error — never INTERNAL.
 *
 * Nothing here names a field of the platform: the schema decides the cases and the argument
 * names only choose plausible valid values for the arguments that are not under test.
 */
import { randomUUID } from 'node:crypto';
import {
  buildASTSchema,
  type ConstDirectiveNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  Kind,
  parse,
} from 'graphql';

/**
 * How a case must end.
 * - `graphql`: GraphQL itself refuses the value (wrong enum, Int out of 32 bits, wrong type).
 * - `malformed`: the value is never valid; a mutation must be refused (an error or `inputErrors`)
 *   and write nothing.
 * - `boundary`: a value that may be legitimate for some fields (0, an empty optional string, a
 *   blank entry of a list, a well-formed id of an entity another subgraph owns); it may be
 *   accepted, but never answered with INTERNAL.
 */
export type CaseKind = 'graphql' | 'malformed' | 'boundary';

export type BadValue = { label: string; value: unknown; kind: CaseKind };

export type BadCase = {
  /** e.g. `Mutation.confirmHold(appointmentId) "x"` */
  label: string;
  /** `Query.freeSlots` — the key of the operation in policy.yaml. */
  operation: string;
  rootType: 'Query' | 'Mutation';
  field: string;
  /** Argument path: argument name, then input fields (list elements are not named). */
  path: string[];
  kind: CaseKind;
  document: string;
  /** Fresh variables per call (idempotency keys must not replay another case). */
  variables(): Record<string, unknown>;
};

/** Known entities' ids, keyed by lower-camel entity name (`patient`, `branch`, …). */
export type Fixtures = Record<string, string>;

const TEN_KB = 'x'.repeat(10_240);
const CONTROL = '\u0000\u0007';
const LONG_UNICODE = 'Ёжик в тумане 🦔́ '.repeat(700);
/** A well-formed UUID that no entity has. */
export const NOWHERE_ID = '00000000-0000-4000-8000-000000000000';

/** Date-valued string arguments, by name: `from`, `to`, `date`, `birthDate`, `startsAt`, `validUntil`, `issuedOn`… */
const DATE_NAME = /^(?:date|from|to|until)$|[a-z](?:Date|At|On|From|Until|To)$/;
const DATE_TIME_NAME = /At$/;
const TIME_NAME = /^(?:start|end)$|Time$/;

/** The API schema of the committed supergraph: federation and link internals dropped. */
export function apiSchema(supergraphSdl: string): GraphQLSchema {
  return buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
}

const isInternal = (name: string) =>
  name.startsWith('_') || name.startsWith('join__') || name.startsWith('link__');

const inaccessible = (node: { astNode?: { directives?: readonly { name: { value: string } }[] } | null }) =>
  node.astNode?.directives?.some((d) => d.name.value === 'inaccessible') ?? false;

/** Root fields the gateway exposes for queries and mutations (subscriptions have their own path). */
export function rootFields(schema: GraphQLSchema): Array<{
  rootType: 'Query' | 'Mutation';
  field: GraphQLField<unknown, unknown>;
}> {
  const out: Array<{ rootType: 'Query' | 'Mutation'; field: GraphQLField<unknown, unknown> }> = [];
  for (const [rootType, type] of [
    ['Query', schema.getQueryType()],
    ['Mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (isInternal(field.name) || inaccessible(field)) continue;
      out.push({ rootType, field });
    }
  }
  return out;
}

/** The smallest selection that still shows the outcome: `__typename`, `ok` and `inputErrors`. */
export function selection(type: GraphQLNamedType): string {
  if (isScalarType(type) || isEnumType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type)) return '{ __typename }';
  const fields = (type as GraphQLObjectType).getFields();
  const parts = ['__typename'];
  if (fields.ok) parts.push('ok');
  if (fields.inputErrors) parts.push('inputErrors { field code }');
  return `{ ${parts.join(' ')} }`;
}

/** The entity an id argument points at, from its name, its field or the field's return type. */
function fixtureFor(name: string, fieldName: string, returnType: string, fixtures: Fixtures) {
  const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  const byName = name.replace(/Ids?$/, '');
  if (byName && byName !== name && fixtures[byName]) return fixtures[byName];
  if (name === 'id' || name === 'ids') {
    const entity = lower(returnType.replace(/(Payload|Result|Connection)$/, ''));
    if (fixtures[entity]) return fixtures[entity];
  }
  // keepId/mergeId of mergePatients: the entity the field is about.
  const about = Object.keys(fixtures).find((k) => fieldName.toLowerCase().includes(k.toLowerCase()));
  return about ? fixtures[about] : NOWHERE_ID;
}

/** Local date `days` from today (UTC is close enough for "some day soon"). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A plausible valid value for a named scalar or enum, from the argument's name. */
function validLeaf(
  type: GraphQLNamedType,
  name: string,
  ctx: { fieldName: string; returnType: string; fixtures: Fixtures },
): unknown {
  if (isEnumType(type)) return type.getValues()[0]!.value;
  switch (type.name) {
    case 'ID':
      return fixtureFor(name, ctx.fieldName, ctx.returnType, ctx.fixtures);
    case 'Int':
      if (/weekday/i.test(name)) return 3;
      if (/minutes/i.test(name)) return 30;
      if (/hours/i.test(name)) return 24;
      if (/days/i.test(name)) return 30;
      if (/^(first|limit|last)$/.test(name)) return 10;
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Kopecks':
      return 100;
  }
  // Strings (and unknown custom scalars, which travel as strings).
  if (/idempotency/i.test(name)) return `bad-input-${randomUUID()}`;
  if (TIME_NAME.test(name)) return /end/i.test(name) ? '21:00' : '20:00';
  if (DATE_NAME.test(name)) {
    if (/birth|issued/i.test(name)) return '1980-05-17';
    const offset = /^(?:to|until)$|(?:To|Until)$/.test(name) ? 8 : /^end/.test(name) ? 6 : 5;
    return DATE_TIME_NAME.test(name) ? `${day(offset)}T10:00` : day(offset);
  }
  if (/email|login/i.test(name)) return `bad-input.${randomUUID().slice(0, 8)}@example.test`;
  if (/phone/i.test(name)) return '+79123456789';
  if (/password/i.test(name)) return 'Correct-horse-42-battery';
  if (/timeZone/i.test(name)) return 'Europe/Moscow';
  if (/code/i.test(name)) return '123456';
  if (/snils/i.test(name)) return '112-233-445 95';
  if (/passport$/i.test(name)) return '4512 654321';
  if (/endpoint|url/i.test(name)) return 'https://push.example.test/bad-input';
  if (/specialty/i.test(name) && ctx.fixtures.specialty) return ctx.fixtures.specialty;
  if (/token/i.test(name)) return 'bad-input-token';
  if (/^(p256dh|auth)$/.test(name)) return 'QmFkSW5wdXQ';
  return 'Тест';
}

/**
 * A valid value of an input type: required input fields filled, and optional ids that name a
 * known entity (a booking by reception needs its patient to get past "which patient?"); other
 * optional fields are left out.
 */
function validValue(
  type: GraphQLInputType,
  name: string,
  ctx: { fieldName: string; returnType: string; fixtures: Fixtures },
): unknown {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return [validValue(t.ofType, name, ctx)];
  if (isInputObjectType(t)) {
    const obj: Record<string, unknown> = {};
    for (const f of Object.values(t.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined)
        obj[f.name] = validValue(f.type, f.name, ctx);
      else if (
        getNamedType(f.type).name === 'ID' &&
        fixtureFor(f.name, ctx.fieldName, ctx.returnType, ctx.fixtures) !== NOWHERE_ID
      )
        obj[f.name] = validValue(f.type, f.name, ctx);
    }
    return obj;
  }
  return validLeaf(t as GraphQLNamedType, name, ctx);
}

/**
 * Malformed values for one leaf (a scalar or enum argument / input field). `foreignId`: the id
 * names an entity another subgraph owns, which the field's subgraph cannot look up (database per
 * subgraph) — a well-formed unknown id there is an opaque reference, not necessarily refused.
 */
export function badValues(
  type: GraphQLInputType,
  name: string,
  opts: { foreignId?: boolean; element?: boolean } = {},
): BadValue[] {
  // A blank entry of a list of strings (an empty row of a form) may be dropped rather than refused.
  const required = isNonNullType(type) && !opts.element;
  const named = getNamedType(type);
  const empty = (): BadValue => ({ label: 'empty', value: '', kind: required ? 'malformed' : 'boundary' });
  const strings: BadValue[] = [
    { label: '10 kB', value: TEN_KB, kind: 'malformed' },
    { label: 'control characters', value: CONTROL, kind: 'malformed' },
  ];
  if (isEnumType(named)) return [{ label: 'wrong enum', value: 'NOT_A_VALUE_OF_THIS_ENUM', kind: 'graphql' }];
  switch (named.name) {
    case 'ID':
      return [
        { label: '"x"', value: 'x', kind: 'malformed' },
        // An empty optional id is no id at all: refused just the same.
        { label: 'empty', value: '', kind: 'malformed' },
        ...strings,
        { label: 'unknown UUID', value: NOWHERE_ID, kind: opts.foreignId ? 'boundary' : 'malformed' },
      ];
    case 'Int':
      return [
        { label: '-1', value: -1, kind: 'malformed' },
        { label: '0', value: 0, kind: 'boundary' },
        { label: '2147483647', value: 2147483647, kind: 'malformed' },
        { label: '2^31 (not an Int)', value: 2147483648, kind: 'graphql' },
        { label: '1.5 (not an Int)', value: 1.5, kind: 'graphql' },
      ];
    case 'Float':
      return [
        { label: '-1', value: -1, kind: 'malformed' },
        { label: '1e308', value: 1e308, kind: 'malformed' },
        { label: 'a string', value: 'x', kind: 'graphql' },
      ];
    case 'Boolean':
      return [{ label: 'a string', value: 'yes', kind: 'graphql' }];
    // Billing's money: a safe-integer JSON number; how much one amount may be is the domain's rule.
    case 'Kopecks':
      return [
        { label: '-1', value: -1, kind: 'malformed' },
        { label: '0', value: 0, kind: 'boundary' },
        { label: '2^31 (beyond one amount)', value: 2147483648, kind: 'malformed' },
        { label: '2^53 (not Kopecks)', value: 2 ** 53, kind: 'graphql' },
        { label: '1.5 (not Kopecks)', value: 1.5, kind: 'graphql' },
        { label: '"100" (not Kopecks)', value: '100', kind: 'graphql' },
      ];
  }
  if (TIME_NAME.test(name))
    return [
      empty(),
      ...strings,
      { label: '"24:30"', value: '24:30', kind: 'malformed' },
      { label: '"not-a-time"', value: 'not-a-time', kind: 'malformed' },
    ];
  if (DATE_NAME.test(name)) {
    const t = DATE_TIME_NAME.test(name) ? 'T10:00' : '';
    return [
      empty(),
      ...strings,
      { label: `"2026-02-30${t}"`, value: `2026-02-30${t}`, kind: 'malformed' },
      { label: '"not-a-date"', value: 'not-a-date', kind: 'malformed' },
      { label: `"9999-12-31${t}"`, value: `9999-12-31${t}`, kind: 'malformed' },
      { label: `"1800-01-01${t}"`, value: `1800-01-01${t}`, kind: 'malformed' },
    ];
  }
  return [empty(), ...strings, { label: 'long unicode', value: LONG_UNICODE, kind: 'malformed' }];
}

/** A scalar/enum position; `element`: it is the element of a list (`[String!]`), not a field. */
type Leaf = { path: string[]; type: GraphQLInputType; name: string; element: boolean };

/**
 * Every scalar/enum position under an argument, with its path; a list contributes its element
 * (whose own nullability decides whether "" is malformed). Input types are recursed once per path.
 */
function leaves(
  type: GraphQLInputType,
  path: string[],
  name: string,
  seen: Set<string>,
  element = false,
): Leaf[] {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return leaves(t.ofType, path, name, seen, true);
  if (isInputObjectType(t)) {
    if (seen.has(t.name)) return [];
    const next = new Set(seen).add(t.name);
    return Object.values(t.getFields()).flatMap((f: GraphQLInputField) =>
      leaves(f.type, [...path, f.name], f.name, next),
    );
  }
  return [{ path, type, name, element }];
}

/** Builds an argument value: the valid value with the leaf at `path` replaced by `bad`. */
function withBad(
  arg: GraphQLArgument,
  leaf: Leaf,
  bad: unknown,
  ctx: { fieldName: string; returnType: string; fixtures: Fixtures },
): unknown {
  const build = (type: GraphQLInputType, depth: number, name: string): unknown => {
    const t = getNullableType(type) as GraphQLInputType;
    if (isListType(t)) return [build(t.ofType, depth, name)];
    if (depth === leaf.path.length) return bad;
    if (!isInputObjectType(t)) return validValue(t, name, ctx);
    const obj = validValue(t, name, ctx) as Record<string, unknown>;
    const key = leaf.path[depth]!;
    obj[key] = build(t.getFields()[key]!.type, depth + 1, key);
    return obj;
  };
  return build(arg.type, 1, arg.name);
}

type Directed = { astNode?: { directives?: readonly ConstDirectiveNode[] } | null | undefined };

/** The `graph:` of each use of a join directive, with whether it may resolve the entity. */
function joinGraphs(node: Directed, directive: string): Array<{ graph: string; owns: boolean }> {
  return (node.astNode?.directives ?? [])
    .filter((d) => d.name.value === directive)
    .map((d) => {
      const arg = (n: string) => d.arguments?.find((a) => a.name.value === n)?.value;
      const graph = arg('graph');
      const resolvable = arg('resolvable');
      return {
        graph: graph?.kind === Kind.ENUM ? graph.value : '',
        owns: arg('key') !== undefined && !(resolvable?.kind === Kind.BOOLEAN && !resolvable.value),
      };
    });
}

/**
 * Whether an id argument names an entity (by its name: `accountId` → Account, `branchIds` →
 * Branch) that no subgraph resolving this root field owns.
 */
function isForeignId(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>, name: string): boolean {
  const stem = name.replace(/Ids?$/, '');
  if (!stem || stem === name) return false;
  const entity = schema.getType(stem.charAt(0).toUpperCase() + stem.slice(1));
  if (!entity || !isObjectType(entity)) return false;
  const owners = joinGraphs(entity, 'join__type')
    .filter((j) => j.owns)
    .map((j) => j.graph);
  const resolvers = joinGraphs(field, 'join__field').map((j) => j.graph);
  return owners.length > 0 && resolvers.length > 0 && !resolvers.some((g) => owners.includes(g));
}

/** Every malformed-input case of the supergraph. */
export function generateCases(schema: GraphQLSchema, fixtures: Fixtures): BadCase[] {
  const cases: BadCase[] = [];
  for (const { rootType, field } of rootFields(schema)) {
    const returnType = getNamedType(field.type);
    const ctx = { fieldName: field.name, returnType: returnType.name, fixtures };
    const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const document = `${rootType.toLowerCase()} BadInput${vars ? `(${vars})` : ''} { ${field.name}${
      args ? `(${args})` : ''
    } ${selection(returnType)} }`;
    for (const arg of field.args) {
      for (const leaf of leaves(arg.type, [arg.name], arg.name, new Set())) {
        const foreignId = getNamedType(leaf.type).name === 'ID' && isForeignId(schema, field, leaf.name);
        for (const bad of badValues(leaf.type, leaf.name, { foreignId, element: leaf.element })) {
          cases.push({
            label: `${rootType}.${field.name}(${leaf.path.join('.')}) ${bad.label}`,
            operation: `${rootType}.${field.name}`,
            rootType,
            field: field.name,
            path: leaf.path,
            kind: bad.kind,
            document,
            variables: () => {
              const v: Record<string, unknown> = {};
              for (const other of field.args) {
                if (other === arg) v[other.name] = withBad(arg, leaf, bad.value, ctx);
                else if (isNonNullType(other.type) && other.defaultValue === undefined)
                  v[other.name] = validValue(other.type, other.name, ctx);
              }
              return v;
            },
          });
        }
      }
    }
  }
  return cases;
}

/**
 * A valid call of a root field: its document (named `operationName`) and variables with every
 * required argument filled with a plausible value (ids from `fixtures`, or an id of nothing).
 */
export function validCall(
  field: GraphQLField<unknown, unknown>,
  rootType: string,
  fixtures: Fixtures,
  operationName = 'Valid',
): { document: string; variables: Record<string, unknown> } {
  const returnType = getNamedType(field.type);
  const ctx = { fieldName: field.name, returnType: returnType.name, fixtures };
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const vars = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    document: `${rootType.toLowerCase()} ${operationName}${vars ? `(${vars})` : ''} { ${field.name}${
      args ? `(${args})` : ''
    } ${selection(returnType)} }`,
    variables: Object.fromEntries(required.map((a) => [a.name, validValue(a.type, a.name, ctx)])),
  };
}
