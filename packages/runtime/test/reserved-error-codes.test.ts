/**
 * Review finding: the error formatter lets every code of the merged policy's `errorCodes` through
 * with its original message. Apollo Server gives every unexpected error (a driver error, a bug,
 * a message that may carry personal data) the code INTERNAL_SERVER_ERROR before `formatError`
 * runs; a fragment declaring that name (or another code Apollo/GraphQL assigns) would therefore
 * unmask every internal error of every subgraph and of the gateway. loadPolicy must refuse such
 * names, and the formatter must never pass Apollo's internal code.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy, POLICY_PATH } from '@medikamente/schema';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CORE_ERROR_CODES } from '../src/errors';
import { createFormatError } from '../src/format-error';
import { createLogger } from '../src/logger';

function policyWithCodes(codes: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'reserved-codes-'));
  mkdirSync(join(root, 'schema'));
  mkdirSync(join(root, 'supergraph'));
  mkdirSync(join(root, 'subgraphs', 'lab'), { recursive: true });
  writeFileSync(join(root, 'schema', 'policy.yaml'), readFileSync(POLICY_PATH, 'utf8'));
  writeFileSync(
    join(root, 'supergraph', 'subgraphs.yaml'),
    'subgraphs:\n  - name: lab\n    dir: subgraphs/lab\n',
  );
  const lines = Object.entries(codes).map(([c, m]) => `  ${c}: ${m}`);
  writeFileSync(
    join(root, 'subgraphs', 'lab', 'policy.yaml'),
    `conditions:\n  careRelationship: as the patient fragment declares it\nerrorCodes:\n${lines.join('\n')}\n`,
  );
  return () => loadPolicy({ root, coreErrorCodes: CORE_ERROR_CODES });
}

describe('domain error codes cannot unmask internal errors', () => {
  it('loadPolicy refuses a fragment declaring a code Apollo or GraphQL assigns', () => {
    expect(policyWithCodes({ ORDER_CLOSED: 'Заказ закрыт' })).not.toThrow();
    for (const code of ['INTERNAL_SERVER_ERROR', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']) {
      expect(policyWithCodes({ [code]: 'Ошибка' }), code).toThrow(/reserved|core/);
    }
  });

  it('the formatter masks an unexpected error even when INTERNAL_SERVER_ERROR is among the declared codes', () => {
    const format = createFormatError(createLogger('test', 'silent'), ['INTERNAL_SERVER_ERROR']);
    const original = new Error(
      'duplicate key value violates unique constraint "patient_phone_key" (+79161234567)',
    );
    const error = new GraphQLError(original.message, { originalError: original });
    // What Apollo Server hands formatError for an error without a code.
    const formatted = format(
      { message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      error,
    );
    expect(formatted.message).toBe('Внутренняя ошибка');
    expect(formatted.extensions?.code).toBe('INTERNAL');
  });
});
