import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getDirective } from '@graphql-tools/utils';
import { type DocumentNode, type GraphQLSchema, isObjectType, parse } from 'graphql';

export const CLASSIFICATION_SPEC_URL = 'https://medikamente.ru/spec/classification/v1.0';

/** SDL of the @classified directive, to be included in every subgraph's type definitions. */
export const classificationSdl = readFileSync(
  fileURLToPath(new URL('../classification.graphql', import.meta.url)),
  'utf8',
);

/** The `extend schema` header that links and composes the directive; prepend to a subgraph SDL. */
export const federationHeader = (extraImports: string[] = []) => `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@composeDirective"${extraImports.map((i) => `, "${i}"`).join('')}])
  @link(url: "${CLASSIFICATION_SPEC_URL}", import: ["@classified"])
  @composeDirective(name: "@classified")
`;

/** Parses a subgraph's SDL together with the federation header and the directive definition. */
export function subgraphTypeDefs(sdl: string): DocumentNode {
  return parse(federationHeader() + classificationSdl + sdl);
}

export type FieldClassification = {
  type: string;
  field: string;
  category: string;
  mask?: string | undefined;
  tags?: string[] | undefined;
  justification?: string | undefined;
  inherited: boolean;
};

type DirectiveArgs = { category: string; mask?: string; tags?: string[]; justification?: string };

const INTERNAL_TYPES = new Set(['_Service', 'Query', 'Mutation', 'Subscription']);

/**
 * Reads the classification of every output field of object types (root types excluded:
 * their access is decided by `operations` in the policy). Field directives override the
 * type's. Fields with no category are returned with category "" so that checks can report them.
 */
export function readClassifications(schema: GraphQLSchema): FieldClassification[] {
  const out: FieldClassification[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || INTERNAL_TYPES.has(type.name)) continue;
    const typeDir = getDirective(schema, type, 'classified')?.[0] as DirectiveArgs | undefined;
    for (const field of Object.values(type.getFields())) {
      const fieldDir = getDirective(schema, field, 'classified')?.[0] as DirectiveArgs | undefined;
      const d = fieldDir ?? typeDir;
      out.push({
        type: type.name,
        field: field.name,
        category: d?.category ?? '',
        mask: d?.mask,
        tags: d?.tags,
        justification: d?.justification,
        inherited: !fieldDir && !!typeDir,
      });
    }
  }
  return out;
}
