import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  effectForField,
  type FieldClassification,
  normalizeCell,
  type Policy,
  readClassifications,
} from '@medikamente/schema';
import {
  type GraphQLSchema,
  isAbstractType,
  isObjectType,
  parse,
  specifiedRules,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { REPO_ROOT } from '../manifest';
import type { Finding } from '../policy-model';
import { PARTNER_ROLES } from './gate';
import {
  DOCUMENTS_FILE,
  loadTrustedDocuments,
  renderDocumentsJson,
  TRUSTED_DOCUMENTS_DIR,
  type TrustedDocument,
  type TrustedDocuments,
  TrustedManifestError,
} from './manifests';

/** Whether some entry of the role's cell gives a field with these tags a full or masked value. */
function reachable(policy: Policy, role: string, f: FieldClassification): boolean {
  return normalizeCell(policy.rules[f.category]?.[role]).some(
    (e) => effectForField({ effect: e.effect, tags: e.tags }, f.tags) !== 'denied',
  );
}

/** The problems of one partner document against the supergraph and the policy. */
function checkDocument(
  policy: Policy,
  schema: GraphQLSchema,
  classified: Map<string, FieldClassification>,
  doc: TrustedDocument,
): Finding[] {
  const findings: Finding[] = [];
  const where = `${doc.manifest}/${doc.name}`;
  const add = (rule: string, message: string) => findings.push({ rule, where, message });
  const ast = parse(doc.body);
  const errors = validate(schema, ast, specifiedRules);
  for (const e of errors) add('trusted-document-invalid', e.message);
  if (errors.length > 0) return findings;
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  const typeInfo = new TypeInfo(schema);
  const seen = new Set<string>();
  visit(
    ast,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const name = node.name.value;
        if (!parent || name.startsWith('__')) return;
        const key = `${parent.name}.${name}`;
        if (seen.has(key)) return;
        seen.add(key);
        if (roots.has(parent.name)) {
          const op = policy.operations[key];
          for (const role of PARTNER_ROLES)
            if (!op?.roles?.includes(role))
              add('trusted-document-operation', `${key} is not an operation the policy gives role ${role}`);
          return;
        }
        // A field asked on an interface or union is asked on every object type behind it.
        const objects = isAbstractType(parent)
          ? schema.getPossibleTypes(parent)
          : isObjectType(parent)
            ? [parent]
            : [];
        for (const object of objects) {
          const field = `${object.name}.${name}`;
          const f = classified.get(field);
          if (object.getFields()[name]?.astNode?.directives?.some((d) => d.name.value === 'inaccessible'))
            add('trusted-document-field', `${field} is @inaccessible`);
          for (const role of PARTNER_ROLES)
            if (!f?.category || !reachable(policy, role, f))
              add(
                'trusted-document-field',
                `${field} (${f?.category || 'unclassified'}${f?.tags?.length ? `, tags ${f.tags.join(', ')}` : ''}) is denied to role ${role} by every entry of its policy cell`,
              );
        }
      },
    }),
  );
  return findings;
}

/** `documents.json` of every manifest that differs from what its sources give (repo-relative). */
export function staleDocumentsJson(registry: TrustedDocuments): string[] {
  return [...registry.manifests.values()]
    .filter((m) => {
      const path = join(m.dir, DOCUMENTS_FILE);
      return !existsSync(path) || readFileSync(path, 'utf8') !== renderDocumentsJson(m);
    })
    .map((m) => relative(REPO_ROOT, join(m.dir, DOCUMENTS_FILE)));
}

/**
 * The release check of the partners' allowlists (ADR 0015): every manifest loads (format,
 * names, scopes, no subscription, introspection, `_entities` or `_service`); every operation
 * validates against the supergraph; every root field it selects is an operation the policy gives
 * the partner role; every other field it selects has a cell for that role in which some entry
 * (with its tag refinements for the field's @classified tags) yields full or masked; each
 * manifest's `documents.json` is current. Zero manifests pass.
 */
export function checkTrustedDocuments(
  policy: Policy,
  schema: GraphQLSchema,
  dir: string = TRUSTED_DOCUMENTS_DIR,
): Finding[] {
  let registry: TrustedDocuments;
  try {
    registry = loadTrustedDocuments(dir);
  } catch (e) {
    if (!(e instanceof TrustedManifestError)) throw e;
    const where = relative(REPO_ROOT, dir).startsWith('..') ? dir : relative(REPO_ROOT, dir);
    return e.problems.map((message) => ({ rule: 'trusted-manifest', where, message }));
  }
  const classified = new Map(readClassifications(schema).map((f) => [`${f.type}.${f.field}`, f]));
  const findings = [...registry.manifests.values()].flatMap((m) =>
    m.documents.flatMap((d) => checkDocument(policy, schema, classified, d)),
  );
  for (const path of staleDocumentsJson(registry))
    findings.push({ rule: 'stale', where: path, message: 'run `pnpm generate`' });
  return findings;
}
