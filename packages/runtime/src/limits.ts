import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ValidationRule } from 'graphql';

export type QueryLimits = { maxDepth: number; maxAliases: number; maxCost: number };

export const LIMIT_MESSAGE_PREFIX = 'Query limit exceeded';

/** Depth, alias and cost limits as GraphQL validation rules (graphql-armor). */
export function limitRules(l: QueryLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: l.maxDepth, errorMessage: `${LIMIT_MESSAGE_PREFIX}: depth`, exposeLimits: true, flattenFragments: true }),
    maxAliasesRule({ n: l.maxAliases, errorMessage: `${LIMIT_MESSAGE_PREFIX}: aliases`, exposeLimits: true }),
    costLimitRule({ maxCost: l.maxCost, errorMessage: `${LIMIT_MESSAGE_PREFIX}: cost`, exposeLimits: true }),
  ] as unknown as ValidationRule[];
}
