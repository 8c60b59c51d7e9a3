/**
 * Review finding: the field guards are installed only on types listed in the merged policy's
 * `subjects`. Since the refactor, subject types come from each subgraph's policy.yaml, found
 * through supergraph/subgraphs.yaml; a type whose fragment does not list it (a rename, a fragment
 * not in the manifest, a typo) keeps its @classified HEALTH fields but gets no guard at all, and
 * `_entities` (allowed for every authenticated caller, authorised per object) hands them out in
 * full to anyone with a token. Default-deny requires the subgraph to refuse to start instead.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy, POLICY_PATH, subgraphTypeDefs } from '@medikamente/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_MIGRATIONS } from '../src/audit';
import { type Database, openDatabase } from '../src/db';
import { CORE_ERROR_CODES } from '../src/errors';
import { createSubgraph, type RunningServer } from '../src/index';
import { createTestDatabase } from '../src/testing/database';
import { gql } from '../src/testing/graphql-client';
import { createTestIssuer, type TestIssuer } from '../src/testing/issuer';

// The fragment declares the operation but (by mistake) not the subject type `Order`.
const FRAGMENT = `operations:
  Query.orders: { roles: [doctor] }
conditions:
  careRelationship: as the patient fragment declares it
`;

function policy() {
  const root = mkdtempSync(join(tmpdir(), 'unlisted-subject-'));
  mkdirSync(join(root, 'schema'));
  mkdirSync(join(root, 'supergraph'));
  mkdirSync(join(root, 'subgraphs', 'lab'), { recursive: true });
  writeFileSync(join(root, 'schema', 'policy.yaml'), readFileSync(POLICY_PATH, 'utf8'));
  writeFileSync(
    join(root, 'supergraph', 'subgraphs.yaml'),
    'subgraphs:\n  - name: lab\n    dir: subgraphs/lab\n',
  );
  writeFileSync(join(root, 'subgraphs', 'lab', 'policy.yaml'), FRAGMENT);
  return loadPolicy({ root, coreErrorCodes: CORE_ERROR_CODES });
}

const typeDefs = subgraphTypeDefs(`
  type Query { orders: [Order!]! }
  type Order @key(fields: "id") {
    id: ID! @classified(category: "PUBLIC", justification: "opaque identifier")
    patientId: ID @classified(category: "HEALTH")
    result: String @classified(category: "HEALTH")
  }
`);
const resolvers = {
  Query: { orders: () => [] },
  Order: {
    __resolveReference: (ref: { id: string }) => ({
      id: ref.id,
      patientId: 'someone-else',
      result: 'ВИЧ: положительно',
    }),
  },
};

describe('a classified type missing from the merged subjects', () => {
  let database: Database;
  let drop = async () => {};
  let issuer: TestIssuer;
  let server: RunningServer | undefined;
  let started: unknown;

  beforeAll(async () => {
    const db = await createTestDatabase('unlisted_subject');
    drop = db.drop;
    database = await openDatabase({
      url: db.url,
      dataDir: mkdtempSync(join(tmpdir(), 'unlisted-subject-db-')),
      migrations: AUDIT_MIGRATIONS,
    });
    issuer = await createTestIssuer();
    try {
      const subgraph = await createSubgraph({
        name: 'lab',
        typeDefs,
        resolvers,
        policy: policy(),
        database,
        verifier: issuer.verifier,
        limits: { maxDepth: 10, maxAliases: 10, maxCost: 10_000 },
      });
      server = await subgraph.listen(0);
    } catch (err) {
      started = err;
    }
  });
  afterAll(async () => {
    await server?.close();
    issuer?.verifier.stop();
    await database?.close();
    await drop();
  });

  it('refuses to start, or at least never hands HEALTH fields to an unrelated patient', async () => {
    if (!server) {
      expect(String(started)).toMatch(/Order/);
      return;
    }
    const token = await issuer.sign({ role: 'patient', sub: 'acc-1', pid: 'me' });
    const r = await gql(
      `${server.url}/graphql`,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id result } } }',
      { r: [{ __typename: 'Order', id: 'o-1' }] },
      { token },
    );
    expect(r.data?._entities?.[0]?.result ?? null).toBeNull();
  });
});
