import { randomUUID } from 'node:crypto';
import { loadPolicy } from '@medikamente/schema';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AUDIT_MIGRATIONS, AuditLog, GENESIS_HASH, hashEvent } from '../src/audit';
import { parseEnv } from '../src/env';
import { AUDIT_READ_SCOPE, type AuditFeedPage, defineSubgraph } from '../src/kit';
import { subgraphEnv } from '../src/kit/env';
import { createTestDatabase, createTestIssuer, type TestIssuer } from '../src/testing';

const loadEnv = (source?: Record<string, string | undefined>) =>
  parseEnv(z.object({ ...subgraphEnv('auditfeed', 4998) }), source);
const definition = {
  name: 'auditfeed' as const,
  env: loadEnv,
  typeDefs: parse('type Query { ping: String }'),
  resolvers: { Query: { ping: () => 'pong' } },
  stores: () => ({}),
  context: () => ({}),
};
/** A subgraph with the audit table, and one without. */
const withAudit = defineSubgraph({ ...definition, migrations: [...AUDIT_MIGRATIONS] });
const withoutAudit = defineSubgraph({ ...definition, migrations: [] });

const policy = { ...loadPolicy(), operations: { 'Query.ping': { roles: ['receptionist'] } } };
const event = (n: number) => ({
  actorId: `actor-${n}`,
  actorRole: 'doctor',
  patientId: randomUUID(),
  categories: ['HEALTH', 'CONTACT'],
  operation: 'PatientCard',
  requestId: `req-${n}`,
  clientAddress: '10.0.0.1',
  purpose: n % 2 ? 'careRelationship' : null,
});

describe('the audit feed of kit subgraphs (GET /internal/audit/events)', () => {
  let issuer: TestIssuer;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let other: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: Awaited<ReturnType<typeof withAudit.create>>;
  let plain: Awaited<ReturnType<typeof withoutAudit.create>>;
  let base: string;
  let plainBase: string;
  let reader: string;

  const get = async (path: string, token?: string, root = base) => {
    const res = await fetch(`${root}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    issuer = await createTestIssuer();
    [db, other] = await Promise.all([createTestDatabase('auditfeed'), createTestDatabase('auditfeed_none')]);
    const env = (url: string | undefined) =>
      loadEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: 'memory://',
        ...(url ? { AUDITFEED_DATABASE_URL: url } : {}),
      });
    service = await withAudit.create(env(db.url), { verifier: issuer.verifier, policy });
    plain = await withoutAudit.create(env(other.url), { verifier: issuer.verifier, policy });
    base = (await service.listen(0)).url;
    plainBase = (await plain.listen(0)).url;
    reader = await issuer.sign({
      role: 'service',
      sub: 'svc_security',
      scope: `revocations:read ${AUDIT_READ_SCOPE}`,
    });
    const log = new AuditLog(service.database);
    await log.append([1, 2, 3].map(event));
    await log.append([4, 5].map(event));
  });
  afterAll(async () => {
    await service?.close();
    await plain?.close();
    await db?.drop();
    await other?.drop();
  });

  it('refuses everyone but a service client holding audit:read, in the platform error shape', async () => {
    const refusals = [
      [undefined, 401, 'UNAUTHENTICATED'],
      ['not-a-token', 401, 'UNAUTHENTICATED'],
      [await issuer.sign({ role: 'service', scope: 'revocations:read events:write' }), 403, 'FORBIDDEN'],
      [
        await issuer.sign({ role: 'security_officer', scope: AUDIT_READ_SCOPE, amr: ['pwd', 'otp'] }),
        403,
        'FORBIDDEN',
      ],
      [await issuer.sign({ role: 'lab_partner', scope: AUDIT_READ_SCOPE }), 403, 'FORBIDDEN'],
    ] as const;
    for (const [token, status, code] of refusals)
      for (const path of ['/internal/audit/events?after=0', '/internal/audit/events/1']) {
        const r = await get(path, token);
        expect({ path, status: r.status }).toEqual({ path, status });
        expect(r.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code } }] });
        expect(JSON.stringify(r.body)).not.toContain('actor-');
      }
  });

  it('pages the chain after a cursor, in order, with the head, and events verify against their hashes', async () => {
    const first = await get('/internal/audit/events?after=0&limit=2', reader);
    expect(first.status).toBe(200);
    const page = first.body as AuditFeedPage;
    expect(page.service).toBe('auditfeed');
    expect(page.head.seq).toBe(5);
    expect(page.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(page.events[0]!.prevHash).toBe(GENESIS_HASH);
    const rest = (await get('/internal/audit/events?after=2&limit=1000', reader)).body as AuditFeedPage;
    expect(rest.events.map((e) => e.seq)).toEqual([3, 4, 5]);
    const all = [...page.events, ...rest.events];
    let prev = GENESIS_HASH;
    for (const e of all) {
      expect(e.prevHash).toBe(prev);
      expect(hashEvent({ ...e, occurredAt: new Date(e.occurredAt) })).toBe(e.hash);
      prev = e.hash;
    }
    expect(rest.head).toEqual({ seq: 5, hash: prev });
    expect(all[0]).toMatchObject({
      actorId: 'actor-1',
      purpose: 'careRelationship',
      categories: ['HEALTH', 'CONTACT'],
    });
    expect(all[1]!.purpose).toBeNull();
    const caughtUp = (await get('/internal/audit/events?after=5', reader)).body as AuditFeedPage;
    expect(caughtUp.events).toEqual([]);
    expect(caughtUp.head).toEqual(rest.head);
  });

  it('serves one event by seq, 404 when absent', async () => {
    const one = await get('/internal/audit/events/3', reader);
    expect(one.status).toBe(200);
    expect(one.body.event).toMatchObject({ seq: 3, actorId: 'actor-3' });
    const none = await get('/internal/audit/events/99', reader);
    expect(none.status).toBe(404);
    expect(none.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('refuses a bad cursor or page size with BAD_USER_INPUT', async () => {
    for (const q of ['after=-1', 'after=x', 'limit=0', 'limit=1001', 'after=1e3', 'after=99999999999999999'])
      expect((await get(`/internal/audit/events?${q}`, reader)).status, q).toBe(400);
    expect((await get('/internal/audit/events/abc', reader)).status).toBe(400);
  });

  it('is not served by a subgraph without the audit table', async () => {
    const res = await fetch(`${plainBase}/internal/audit/events?after=0`, {
      headers: { authorization: `Bearer ${reader}` },
    });
    expect(res.status).toBe(404);
  });
});
