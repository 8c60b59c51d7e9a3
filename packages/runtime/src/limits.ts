import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

export type QueryLimits = { maxDepth: number; maxAliases: number; maxCost: number };

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
