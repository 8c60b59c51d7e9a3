import { createHash } from 'node:crypto';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { RequestHandler } from 'express';
import {
  type DocumentNode,
  GraphQLError,
  Kind,
  parse,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export type QueryLimits = { maxDepth: number; maxAliases: number; maxCost: number } & Partial<DocumentLimits>;

export const LIMIT_MESSAGE_PREFIX = 'Query limit exceeded';

// graphql-armor throws by default; reporting instead lets the request fail as an ordinary,
// coded validation error (formatError maps the prefix to QUERY_TOO_COMPLEX).
const report = (ctx: ValidationContext | null, err: GraphQLError) =>
  ctx?.reportError(
    new GraphQLError(`${LIMIT_MESSAGE_PREFIX}: ${err.message.replace(/^Syntax Error: /, '')}`),
  );
const common = { exposeLimits: true, propagateOnRejection: false, onReject: [report] };

/** Depth, alias and cost limits as GraphQL validation rules (graphql-armor). */
export function limitRules(l: QueryLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: l.maxDepth, flattenFragments: true, ...common }),
    maxAliasesRule({ n: l.maxAliases, ...common }),
    costLimitRule({ maxCost: l.maxCost, ...common }),
  ] as unknown as ValidationRule[];
}

/** Limits checked while parsing, before GraphQL validation runs (validation can be quadratic). */
export type DocumentLimits = {
  /** Lexical tokens in the document (graphql-js stops parsing at this count). */
  maxTokens: number;
  /** Directives in the document. */
  maxDirectives: number;
  /** Field selections in the document. */
  maxFields: number;
  /** Selections with the same response key in one selection set (`{ a a a … }`). */
  maxRepeatedFields: number;
};

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxTokens: 2000,
  maxDirectives: 20,
  maxFields: 500,
  maxRepeatedFields: 3,
};

/**
 * Checks a document against `DocumentLimits` by parsing it with a token budget and one walk over
 * its selections: an abusive document (e.g. 23,000 repeated `__typename`) is refused in
 * microseconds, before graphql-js validation (whose overlapping-fields check grows with the
 * square of repeated fields) ever sees it. Returns a message, or null when the document is
 * within the limits. Syntax errors are left to the server (null).
 */
export function checkDocument(query: string, limits: DocumentLimits): string | null {
  let doc: DocumentNode;
  try {
    doc = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (e) {
    return /more th[ae][nt] \d+ tokens/.test((e as Error).message)
      ? `${LIMIT_MESSAGE_PREFIX}: more than ${limits.maxTokens} tokens`
      : null;
  }
  let directives = 0;
  let fields = 0;
  let over: string | null = null;
  const walk = (set: SelectionSetNode | undefined): void => {
    if (!set || over) return;
    const keys = new Map<string, number>();
    for (const s of set.selections) {
      directives += s.directives?.length ?? 0;
      if (s.kind === Kind.FIELD) {
        fields += 1;
        const key = s.alias?.value ?? s.name.value;
        const n = (keys.get(key) ?? 0) + 1;
        keys.set(key, n);
        if (n > limits.maxRepeatedFields)
          over = `field "${key}" repeated more than ${limits.maxRepeatedFields} times`;
      }
      if (s.kind !== Kind.FRAGMENT_SPREAD) walk(s.selectionSet);
      if (over) return;
    }
    if (fields > limits.maxFields) over = `more than ${limits.maxFields} fields`;
    else if (directives > limits.maxDirectives) over = `more than ${limits.maxDirectives} directives`;
  };
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION && def.kind !== Kind.FRAGMENT_DEFINITION) continue;
    directives += def.directives?.length ?? 0;
    if (def.kind === Kind.OPERATION_DEFINITION)
      for (const v of def.variableDefinitions ?? []) directives += v.directives?.length ?? 0;
    walk(def.selectionSet);
    if (over) break;
  }
  if (!over && directives > limits.maxDirectives) over = `more than ${limits.maxDirectives} directives`;
  return over ? `${LIMIT_MESSAGE_PREFIX}: ${over}` : null;
}

/**
 * Express middleware refusing documents over `DocumentLimits` with HTTP 400 and the
 * QUERY_TOO_COMPLEX code, before the GraphQL server parses and validates them. Documents that
 * passed are remembered by hash (a bounded set), so repeated operations cost one SHA-256.
 */
export function documentGuard(limits: DocumentLimits, onRefused?: () => void): RequestHandler {
  // Short documents (every persisted operation) are remembered as they are — a map look-up of
  // the string — and long ones by their hash.
  const passed = new Set<string>();
  const keyOf = (q: string) => (q.length <= 2048 ? q : createHash('sha256').update(q).digest('base64url'));
  return (req, res, next) => {
    const body = req.body as { query?: unknown } | undefined;
    const query =
      typeof body?.query === 'string'
        ? body.query
        : typeof req.query?.query === 'string'
          ? req.query.query
          : null;
    if (query === null) return next();
    const key = keyOf(query);
    if (passed.has(key)) return next();
    const refused = checkDocument(query, limits);
    if (!refused) {
      if (passed.size >= 2_000) passed.clear();
      passed.add(key);
      return next();
    }
    onRefused?.();
    res.status(400).json({ errors: [{ message: refused, extensions: { code: 'QUERY_TOO_COMPLEX' } }] });
  };
}
