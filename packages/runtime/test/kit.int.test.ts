import { randomUUID } from 'node:crypto';
import { loadPolicy } from '@medikamente/schema';
import { parse } from 'graphql';
import { Counter } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AUDIT_MIGRATIONS } from '../src/audit';
import { parseEnv } from '../src/env';
import { INBOX_MIGRATION } from '../src/events/outbox';
import { defineSubgraph, type KitOptions } from '../src/kit';
import { subgraphEnv } from '../src/kit/env';
import { createTestDatabase, createTestIssuer, gql, type TestIssuer } from '../src/testing';

/** A tiny subgraph defined inline: one query, one store, one event handler, one job, one metric. */
const loadKitEnv = (source?: Record<string, string | undefined>) =>
  parseEnv(
    z.object({ ...subgraphEnv('kitdemo', 4999), GREETING: z.string().default('Здравствуйте') }),
    source,
  );

const NOTE_MIGRATION = {
  name: '0001_kit_note.sql',
  sql: 'create table if not exists kit_note (id uuid primary key, text text not null)',
};

class NoteStore {
  constructor(private readonly database: import('../src/db').Database) {}
  async texts(): Promise<string[]> {
    return (await this.database.query<{ text: string }>('select text from kit_note order by text')).map(
      (r) => r.text,
    );
  }
}

const jobLog: string[] = [];

const kitdemo = defineSubgraph({
  name: 'kitdemo',
  env: loadKitEnv,
  typeDefs: parse('type Query { greeting(name: String!): String! notes: [String!]! }'),
  resolvers: {
    Query: {
      greeting: (_: unknown, a: { name: string }, ctx: { greeting: string; greeted: Counter }) => {
        ctx.greeted.inc();
        return `${ctx.greeting}, ${a.name}`;
      },
      notes: (_: unknown, _a: unknown, ctx: { notes: NoteStore }) => ctx.notes.texts(),
    },
  },
  migrations: [...AUDIT_MIGRATIONS, INBOX_MIGRATION, NOTE_MIGRATION],
  // Its own metric, once per service instance (several services run in one test process).
  stores: ({ database }) => ({
    notes: new NoteStore(database),
    greeted: new Counter({ name: 'kitdemo_greetings_total', help: 'Greetings answered', registers: [] }),
  }),
  metrics: ({ stores }) => [stores.greeted],
  context: ({ stores, env }) => ({ notes: stores.notes, greeted: stores.greeted, greeting: env.GREETING }),
  events: () => ({
    'note.*': async (event, q) => {
      await q('insert into kit_note (id, text) values ($1, $2)', [event.id, String(event.payload.text)]);
    },
  }),
  jobs: () => [{ start: () => jobLog.push('started'), stop: () => jobLog.push('stopped') }],
});

const policy = {
  ...loadPolicy(),
  operations: { 'Query.greeting': { roles: ['receptionist'] }, 'Query.notes': { roles: ['receptionist'] } },
};

describe('defineSubgraph', () => {
  let issuer: TestIssuer;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: Awaited<ReturnType<typeof kitdemo.create>>;
  let base: string;
  const options = (): KitOptions => ({ verifier: issuer.verifier, policy });

  beforeAll(async () => {
    issuer = await createTestIssuer();
    db = await createTestDatabase('kit');
    const env = loadKitEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: 'memory://',
      ...(db.url ? { KITDEMO_DATABASE_URL: db.url } : {}),
    });
    service = await kitdemo.create(env, options());
    base = (await service.listen(0)).url;
  });
  afterAll(async () => {
    await service?.close();
    await db?.drop();
  });

  it('reads its settings through the base env schema', () => {
    const env = loadKitEnv({ KITDEMO_DATABASE_URL: 'postgres://db.example/kit' });
    expect(env).toMatchObject({
      PORT: 4999,
      KITDEMO_DATABASE_URL: 'postgres://db.example/kit',
      HOST: '127.0.0.1',
    });
    expect(env.DATA_DIR).toMatch(/\.data\/kitdemo$/);
    expect(() => loadKitEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('refuses plain amqp:// in production whatever the env.ts, before opening anything', async () => {
    const env = loadKitEnv({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATA_DIR: 'memory://',
      EVENTS_AMQP_URL: 'amqp://kitdemo:secret@broker:5672/medikamente',
    });
    await expect(kitdemo.create(env, options())).rejects.toThrow(
      /kitdemo: EVENTS_AMQP_URL: production needs TLS/,
    );
  });

  it('serves a query over HTTP to a verified token, as the policy allows', async () => {
    const q = 'query($n: String!) { greeting(name: $n) }';
    const ok = await gql(
      `${base}/graphql`,
      q,
      { n: 'Анна' },
      { token: await issuer.sign({ role: 'receptionist' }) },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data).toEqual({ greeting: 'Здравствуйте, Анна' });
    const otherRole = await gql(
      `${base}/graphql`,
      q,
      { n: 'Анна' },
      { token: await issuer.sign({ role: 'patient' }) },
    );
    expect(otherRole.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await gql(`${base}/graphql`, q, { n: 'Анна' })).status).toBe(401);
    expect(service.database.kind).toBe(db.url ? 'postgres' : 'pglite');
  });

  it("serves its own metrics on the metrics port beside the runtime's, not on the public one", async () => {
    const metrics = await service.subgraph.listenMetrics(0);
    try {
      const greeted = async () => {
        const text = await (await fetch(`${metrics.url}/metrics`)).text();
        expect(text).toContain('# TYPE kitdemo_greetings_total counter');
        expect(text).toContain('graphql_request_duration_seconds');
        return Number(/^kitdemo_greetings_total\{service="kitdemo"\} (\d+)$/m.exec(text)?.[1]);
      };
      const before = await greeted();
      const token = await issuer.sign({ role: 'receptionist' });
      for (const n of ['Анна', 'Борис'])
        expect(
          (await gql(`${base}/graphql`, 'query($n: String!) { greeting(name: $n) }', { n }, { token }))
            .errors,
        ).toBeUndefined();
      expect(await greeted()).toBe(before + 2);
      expect((await fetch(`${base}/metrics`)).status).toBe(404);
    } finally {
      await metrics.close();
    }
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', service: 'kitdemo' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', service: 'kitdemo' });
  });

  it('applies inbox events once each, by type, only from service clients with events:write', async () => {
    const post = async (events: unknown[], token?: string) =>
      fetch(`${base}/internal/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ events }),
      });
    const note = {
      id: randomUUID(),
      type: 'note.added',
      occurredAt: new Date().toISOString(),
      payload: { text: 'a' },
    };
    const other = { ...note, id: randomUUID(), type: 'unrelated.fact' };
    expect((await post([note])).status).toBe(401);
    expect((await post([note], await issuer.sign({ role: 'receptionist' }))).status).toBe(403);
    const writer = await issuer.sign({ role: 'service', scope: 'events:write' });
    expect(await (await post([note, other], writer)).json()).toEqual({ received: 2, applied: 2 });
    expect(await (await post([note, other], writer)).json()).toEqual({ received: 2, applied: 0 });
    expect((await post([{ ...note, id: 'not-a-uuid' }], writer)).status).toBe(400);
    // Seeds and tools apply events through the same consumer: what HTTP took is a duplicate there.
    expect(service.inbox?.name).toBe('kitdemo.inbox');
    expect(await service.inbox!.handle(note)).toBe('duplicate');
    const seeded = { ...note, id: randomUUID(), payload: { text: 'b' } };
    expect(await service.inbox!.handle(seeded)).toBe('applied');
    expect((await post([seeded], writer)).status).toBe(200);
    const notes = await gql(
      `${base}/graphql`,
      '{ notes }',
      {},
      { token: await issuer.sign({ role: 'receptionist' }) },
    );
    expect(notes.data).toEqual({ notes: ['a', 'b'] });
  });

  it('starts its jobs, and close() stops them, its servers and the database it opened', async () => {
    expect(jobLog).toEqual(['started']);
    const own = await createTestDatabase('kit_close');
    try {
      const env = loadKitEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: 'memory://',
        ...(own.url ? { KITDEMO_DATABASE_URL: own.url } : {}),
      });
      const second = await kitdemo.create(env, options());
      const url = (await second.listen(0)).url;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect(jobLog).toEqual(['started', 'started']);
      await second.close();
      expect(jobLog).toEqual(['started', 'started', 'stopped']);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      await expect(second.database.query('select 1')).rejects.toThrow();
      // The service built on a given database leaves it open; background: false starts no job.
      const shared = await kitdemo.create(env, {
        ...options(),
        database: service.database,
        background: false,
      });
      await shared.close();
      expect(jobLog).toHaveLength(3);
      expect(await service.database.query('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await own.drop();
    }
  });
});
