import { createHash } from 'node:crypto';
import {
  type DefinitionNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
} from 'graphql';

/** The prefix of a document id in GraphQL-over-HTTP's `documentId` (`sha256:<hex>`). */
export const DOCUMENT_ID_PREFIX = 'sha256:';
const HEX_ID = /^[0-9a-f]{64}$/;

/**
 * The id of a persisted document: the lower-case hex SHA-256 of its body's UTF-8 bytes (the body
 * exactly as `operationDocuments` builds it and `documents.json` publishes it). The same value is
 * Apollo's APQ `sha256Hash` of that body, so APQ-speaking clients send it unchanged.
 */
export function documentId(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/**
 * Reads a document id as a client sends it: bare hex or `sha256:<hex>` (case-insensitive);
 * null when it is not one.
 */
export function parseDocumentId(value: string): string | null {
  const hex = (
    value.startsWith(DOCUMENT_ID_PREFIX) ? value.slice(DOCUMENT_ID_PREFIX.length) : value
  ).toLowerCase();
  return HEX_ID.test(hex) ? hex : null;
}

/** One named operation of an `operations.graphql`, ready to execute on its own. */
export type OperationDocument = {
  name: string;
  operation: OperationDefinitionNode['operation'];
  /** The executable document: the operation's text, then the fragments it uses. */
  body: string;
  /** `documentId(body)`. */
  id: string;
};

/** A problem of an `operations.graphql` (the message names the operation or fragment). */
export class TrustedDocumentError extends Error {
  override name = 'TrustedDocumentError';
}

/** Fragment names spread in a selection set, in document order. */
function spreads(set: SelectionSetNode | undefined, out: string[] = []): string[] {
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FRAGMENT_SPREAD) out.push(s.name.value);
    else spreads(s.selectionSet, out);
  }
  return out;
}

/**
 * Splits an `operations.graphql` into one executable document per named operation.
 *
 * The body of an operation is defined as: the file's text with `\r\n` turned into `\n`; from it,
 * the operation definition's exact source text (its first token to its last, comments and
 * spacing inside kept), followed by the exact text of every fragment it uses directly or through
 * other fragments, in the order the fragments appear in the file, each joined by a blank line
 * (`"\n\n"`), with no trailing newline. Its id is `documentId(body)`.
 *
 * Refuses (TrustedDocumentError, every problem listed): a syntax error, anything but operations
 * and fragments, an operation without a name, a name defined twice, a spread of an unknown
 * fragment, a fragment no operation uses.
 */
export function operationDocuments(source: string): OperationDocument[] {
  const text = source.replace(/\r\n/g, '\n');
  let definitions: readonly DefinitionNode[];
  try {
    definitions = parse(text).definitions;
  } catch (e) {
    throw new TrustedDocumentError((e as Error).message);
  }
  const problems: string[] = [];
  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operationNames = new Set<string>();
  for (const def of definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) {
      if (fragments.has(def.name.value)) problems.push(`fragment ${def.name.value} is defined twice`);
      fragments.set(def.name.value, def);
    } else if (def.kind === Kind.OPERATION_DEFINITION) {
      const name = def.name?.value;
      if (!name) problems.push('every operation needs a name');
      else if (operationNames.has(name)) problems.push(`operation ${name} is defined twice`);
      else operationNames.add(name);
      operations.push(def);
    } else problems.push(`only operations and fragments belong here, not ${def.kind}`);
  }
  const order = [...fragments.keys()];
  const used = new Set<string>();
  const documents = operations
    .filter((op) => op.name)
    .map((op): OperationDocument => {
      const needed = new Set<string>();
      const queue = spreads(op.selectionSet);
      while (queue.length > 0) {
        const name = queue.shift()!;
        if (needed.has(name)) continue;
        const fragment = fragments.get(name);
        if (!fragment) {
          problems.push(`operation ${op.name!.value} spreads unknown fragment ${name}`);
          continue;
        }
        needed.add(name);
        used.add(name);
        queue.push(...spreads(fragment.selectionSet));
      }
      const slice = (d: DefinitionNode) => text.slice(d.loc!.start, d.loc!.end);
      const body = [
        slice(op),
        ...order.filter((f) => needed.has(f)).map((f) => slice(fragments.get(f)!)),
      ].join('\n\n');
      return { name: op.name!.value, operation: op.operation, body, id: documentId(body) };
    });
  for (const name of order) if (!used.has(name)) problems.push(`fragment ${name} is used by no operation`);
  if (problems.length > 0) throw new TrustedDocumentError(problems.join('; '));
  return documents;
}

/** Fields no partner document may select: the schema itself and the federation internals. */
export const FORBIDDEN_FIELDS = ['__schema', '__type', '_entities', '_service'] as const;

/**
 * What a partner document must not do, as messages: be a subscription (partners get no socket)
 * or select introspection or federation internals (at any depth, fragments included).
 */
export function forbiddenUses(doc: OperationDocument): string[] {
  const found: string[] = [];
  if (doc.operation === 'subscription') found.push(`operation ${doc.name} is a subscription`);
  const fields = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD && (FORBIDDEN_FIELDS as readonly string[]).includes(s.name.value))
        fields.add(s.name.value);
      if (s.kind !== Kind.FRAGMENT_SPREAD) walk(s.selectionSet);
    }
  };
  for (const def of parse(doc.body).definitions)
    if (def.kind === Kind.OPERATION_DEFINITION || def.kind === Kind.FRAGMENT_DEFINITION)
      walk(def.selectionSet);
  for (const f of fields) found.push(`operation ${doc.name} selects ${f}`);
  return found;
}
