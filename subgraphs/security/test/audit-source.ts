import { randomUUID } from 'node:crypto';
import {
  AUDIT_MIGRATIONS,
  type AuditEventInput,
  AuditLog,
  defineSubgraph,
  parseEnv,
  type RunningServer,
  subgraphEnv,
} from '@medikamente/runtime';
import { createTestDatabase, type TestIssuer } from '@medikamente/runtime/testing/tools';
import { loadPolicy } from '@medikamente/schema';
import { parse } from 'graphql';
import { z } from 'zod';

const policy = { ...loadPolicy(), operations: { 'Query.ping': { roles: ['receptionist'] } } };
let sources = 0;

/**
 * A real kit subgraph with the audit table (and so its feed), on its own database, over HTTP: a
 * source of the audit stream for tests and the benchmark.
 */
export async function startAuditSource(issuer: TestIssuer) {
  const name = `src${++sources}x${randomUUID().slice(0, 6)}`;
  const db = await createTestDatabase(name);
  const loadEnv = (source?: Record<string, string | undefined>) =>
    parseEnv(z.object({ ...subgraphEnv(name, 0) }), source);
  const kit = defineSubgraph({
    name,
    env: loadEnv,
    typeDefs: parse('type Query { ping: String }'),
    resolvers: { Query: { ping: () => 'pong' } },
    migrations: [...AUDIT_MIGRATIONS],
    stores: () => ({}),
    context: () => ({}),
  });
  const service = await kit.create(
    loadEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: 'memory://',
      ...(db.url ? { [`${name.toUpperCase()}_DATABASE_URL`]: db.url } : {}),
    }),
    { verifier: issuer.verifier, policy },
  );
  let http: RunningServer | null = await service.listen(0);
  const log = new AuditLog(service.database);
  return {
    name,
    baseUrl: http.url,
    database: service.database,
    append: (n: number) => log.append(reads(n)),
    /** Tampering needs the append-only triggers off, as an intruder with DBA rights would. */
    tamper: async (sql: string, params: unknown[] = []) => {
      await service.database.query('alter table audit_event disable trigger user');
      await service.database.query(sql, params);
      await service.database.query('alter table audit_event enable trigger user');
    },
    async stop() {
      await http?.close();
      http = null;
      await service.close();
      await db.drop();
    },
  };
}
export type AuditSource = Awaited<ReturnType<typeof startAuditSource>>;

/** Audit events as a source's reads write them (opaque ids only). */
export const reads = (n: number): AuditEventInput[] =>
  Array.from({ length: n }, () => ({
    actorId: `staff-${randomUUID().slice(0, 4)}`,
    actorRole: 'doctor',
    patientId: randomUUID(),
    categories: ['HEALTH'],
    operation: 'VisitNotes',
    requestId: randomUUID(),
    clientAddress: null,
    purpose: 'careRelationship',
  }));
