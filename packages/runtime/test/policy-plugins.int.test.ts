/**
 * What a subgraph brings to the policy, through a real subgraph over HTTP: domain error codes
 * declared in its policy.yaml reach the client, undeclared ones become INTERNAL; condition
 * sources are registered by the policy's condition name, batched per request, and a missing or
 * unknown source refuses the start.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy, POLICY_PATH, type Policy, subgraphTypeDefs } from '@medikamente/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_MIGRATIONS } from '../src/audit';
import { type Database, openDatabase } from '../src/db';
import { appError, CORE_ERROR_CODES, defineErrorCodes, ErrorCode } from '../src/errors';
import { type ConditionSources, createSubgraph, type RunningServer } from '../src/index';
import { createTestDatabase } from '../src/testing/database';
import { gql, codes as responseCodes } from '../src/testing/graphql-client';
import { createTestIssuer, type TestIssuer } from '../src/testing/issuer';

// A "lab" subgraph of this test: it declares its operations, its subject type, the condition
// the central rules call careRelationship, and one domain code.
const FRAGMENT = `subjects:
  Order: { patientId: patientId }
operations:
  Query.orders: { roles: [doctor, patient] }
  Query.refuse: { roles: [doctor] }
conditions:
  careRelationship: the doctor ordered the test
errorCodes:
  ORDER_CLOSED: Заказ закрыт
`;

function labPolicy(): Policy {
  const root = mkdtempSync(join(tmpdir(), 'policy-plugins-'));
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

// As generated into src/error-codes.generated.ts from the fragment; STALE_CODE stands for a
// code a subgraph's code knows but its policy.yaml does not declare.
const codes = defineErrorCodes({ ORDER_CLOSED: 'Заказ закрыт', STALE_CODE: 'Устаревший код' });

const typeDefs = subgraphTypeDefs(`
  type Query {
    orders(patientIds: [ID!]!): [Order!]!
    refuse(code: String!): Boolean
  }
  type Order @key(fields: "id") {
    id: ID! @classified(category: "PUBLIC", justification: "opaque identifier")
    patientId: ID! @classified(category: "PUBLIC", justification: "opaque identifier")
    result: String @classified(category: "HEALTH")
  }
`);

const resolvers = {
  Query: {
    orders: (_: unknown, { patientIds }: { patientIds: string[] }) =>
      patientIds.map((patientId) => ({ id: `order-${patientId}`, patientId, result: 'negative' })),
    refuse: (_: unknown, { code }: { code: string }) => {
      if (code === 'ORDER_CLOSED') throw appError(codes.ORDER_CLOSED);
      if (code === 'STALE_CODE') throw appError(codes.STALE_CODE);
      if (code === 'NOT_FOUND') throw appError(ErrorCode.NOT_FOUND);
      throw Object.assign(new Error('boom'), { extensions: { code } });
    },
  },
};

describe('a subgraph’s codes and condition sources', () => {
  let database: Database;
  let drop = async () => {};
  let issuer: TestIssuer;
  let server: RunningServer;
  const policy = labPolicy();
  const calls: Array<{ caller: string; ids: string[] }> = [];
  const doctorId = '00000000-0000-4000-8000-00000000d0c1';
  const cared = '00000000-0000-4000-8000-0000000000a1';
  const other1 = '00000000-0000-4000-8000-0000000000b1';
  const other2 = '00000000-0000-4000-8000-0000000000b2';

  const create = (conditions: ConditionSources | undefined) =>
    createSubgraph({
      name: 'lab',
      typeDefs,
      resolvers,
      policy,
      database,
      verifier: issuer.verifier,
      limits: { maxDepth: 10, maxAliases: 10, maxCost: 10_000 },
      conditions,
    });

  beforeAll(async () => {
    const db = await createTestDatabase('policy_plugins');
    drop = db.drop;
    database = await openDatabase({
      url: db.url,
      dataDir: mkdtempSync(join(tmpdir(), 'policy-plugins-db-')),
      migrations: AUDIT_MIGRATIONS,
    });
    issuer = await createTestIssuer();
    const subgraph = await create({
      careRelationship: async (caller, ids) => {
        calls.push({ caller, ids: [...ids] });
        return new Set(ids.filter((id) => id === cared));
      },
    });
    server = await subgraph.listen(0);
  });

  afterAll(async () => {
    await server?.close();
    issuer?.verifier.stop();
    await database?.close();
    await drop();
  });

  it('lets a domain code declared in the policy through, and core codes as before', async () => {
    const token = await issuer.sign({ role: 'doctor', sub: doctorId });
    const declared = await gql(`${server.url}/graphql`, '{ refuse(code: "ORDER_CLOSED") }', {}, { token });
    expect(responseCodes(declared)).toEqual(['ORDER_CLOSED']);
    expect(declared.errors?.[0]?.message).toBe('Заказ закрыт');
    const core = await gql(`${server.url}/graphql`, '{ refuse(code: "NOT_FOUND") }', {}, { token });
    expect(responseCodes(core)).toEqual(['NOT_FOUND']);
  });

  it('turns a code the policy does not declare into INTERNAL', async () => {
    const token = await issuer.sign({ role: 'doctor', sub: doctorId });
    for (const code of ['STALE_CODE', 'SLOT_TAKEN', 'SOMETHING_ELSE']) {
      const r = await gql(`${server.url}/graphql`, `{ refuse(code: "${code}") }`, {}, { token });
      expect(responseCodes(r)).toEqual(['INTERNAL']);
      expect(r.errors?.[0]?.message).toBe('Внутренняя ошибка');
    }
  });

  it('asks the registered source once per request with every patient id, by the policy’s name', async () => {
    calls.length = 0;
    const token = await issuer.sign({ role: 'doctor', sub: doctorId });
    const r = await gql(
      `${server.url}/graphql`,
      'query($ids: [ID!]!) { orders(patientIds: $ids) { patientId result } }',
      { ids: [cared, other1, other2] },
      { token },
    );
    expect(r.errors).toBeUndefined();
    // HEALTH needs the care relationship: the other patients' orders are not visible at all.
    expect(r.data.orders).toEqual([{ patientId: cared, result: 'negative' }]);
    expect(calls).toEqual([{ caller: doctorId, ids: [cared, other1, other2] }]);
  });

  it('does not ask the source for a role whose rules do not use the condition', async () => {
    calls.length = 0;
    const token = await issuer.sign({ role: 'patient', sub: 'acc-1', pid: cared });
    const r = await gql(
      `${server.url}/graphql`,
      'query($ids: [ID!]!) { orders(patientIds: $ids) { patientId result } }',
      { ids: [cared, other1] },
      { token },
    );
    expect(r.data.orders).toEqual([{ patientId: cared, result: 'negative' }]);
    expect(calls).toEqual([]);
  });

  it('refuses to start without a source for a condition its subject types need', async () => {
    await expect(create(undefined)).rejects.toThrow(
      'subgraph lab: condition careRelationship (declared by lab) is needed by Order (HEALTH) but has no source',
    );
  });

  it('refuses a source for a planned, built-in or undeclared condition', async () => {
    const source = async () => new Set<string>();
    await expect(create({ careRelationship: source, partnerOwns: source })).rejects.toThrow(
      'subgraph lab: a source is registered for partnerOwns, which is planned',
    );
    await expect(create({ careRelationship: source, self: source })).rejects.toThrow(
      'subgraph lab: a source is registered for self, which is built-in',
    );
    await expect(create({ careRelationship: source, moonPhase: source })).rejects.toThrow(
      'subgraph lab: a source is registered for moonPhase, which no policy.yaml declares',
    );
  });

  it('refuses a source from a subgraph that neither provides the condition nor lists it in conditionSources', async () => {
    // Otherwise any subgraph could decide who has a care relationship — e.g. from the caller's own writes.
    const source = async () => new Set<string>();
    await expect(
      createSubgraph({
        name: 'billing',
        typeDefs,
        resolvers,
        policy,
        database,
        verifier: issuer.verifier,
        limits: { maxDepth: 10, maxAliases: 10, maxCost: 10_000 },
        conditions: { careRelationship: source },
      }),
    ).rejects.toThrow(
      'subgraph billing: a source is registered for careRelationship, which lab provides; list it under conditionSources',
    );
  });

  it('refuses a domain code that is a core code, in the policy and in code', () => {
    expect(() => defineErrorCodes({ FORBIDDEN: 'Нельзя' })).toThrow(/FORBIDDEN is a core code/);
    expect(() => loadPolicy({ coreErrorCodes: CORE_ERROR_CODES })).not.toThrow();
  });
});
