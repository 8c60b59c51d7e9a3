/**
 * The edge as an attacker meets it: abusive documents, unbounded labels, request floods,
 * malformed requests, schema leaks. Every refusal is cheap, typed and JSON.
 */
import { createServer, type Server } from 'node:net';
import { connectRedis, redisReady } from '@medikamente/runtime';
import { codes, gql } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSupergraph } from '../src/compose';
import { createGateway } from '../src/gateway';
import { type Platform, startPlatform } from './platform';

let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => p?.stop());

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

const json = async (r: Response): Promise<any> => r.json();

/** The anonymous 253 kB document of the report: `{ __typename … }` 23,000 times. */
const HUGE = `{ ${'__typename '.repeat(23_000)}}`;

describe('documents are limited while parsing, before validation', () => {
  it('refuses the 23,000-field document at once, anonymously, on the gateway and on a subgraph', async () => {
    for (const url of [p.url, p.scheduleUrls[0]!]) {
      const res = await post(url, JSON.stringify({ query: HUGE }));
      expect(res.status).toBe(400);
      const body = await json(res);
      expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(body.errors[0].message).toMatch(/tokens/);
    }
  });

  it('four at once do not hold /healthz', async () => {
    const floods = Array.from({ length: 4 }, () => post(p.url, JSON.stringify({ query: HUGE })));
    const health = await fetch(`${p.gatewayUrl}/healthz`);
    expect(health.status).toBe(200);
    for (const r of await Promise.all(floods)) expect(r.status).toBe(400);
  });

  it('refuses repeated fields and too many directives, lets ordinary documents through', async () => {
    const repeated = await gql(p.url, '{ __typename __typename __typename __typename }');
    expect(repeated.status).toBe(400);
    expect(codes(repeated)).toEqual(['QUERY_TOO_COMPLEX']);
    const directives = await gql(
      p.url,
      `query($s: Boolean!) { ${Array.from({ length: 21 }, (_, i) => `a${i}: __typename @skip(if: $s)`).join(' ')} }`,
      { s: false },
    );
    expect(codes(directives)).toEqual(['QUERY_TOO_COMPLEX']);
    const ok = await gql(p.url, '{ a: __typename b: __typename branches { id } }');
    expect(ok.errors).toBeUndefined();
  });
});

describe('metrics labels are bounded', () => {
  it('operation names from clients cannot grow /metrics without bound', async () => {
    const long = `Q${'x'.repeat(240_000)}`;
    for (let i = 0; i < 3; i++)
      await post(p.url, JSON.stringify({ query: `query ${long}${i} { __typename }` }));
    // Many distinct well-formed names: only a bounded set becomes labels, the rest is "other".
    for (let i = 0; i < 260; i++)
      await post(
        p.url,
        JSON.stringify({ query: `query Name${i}_${crypto.randomUUID().slice(0, 8)} { __typename }` }),
      );
    const text = await (await fetch(p.gatewayMetricsUrl)).text();
    expect(text.length).toBeLessThan(2_000_000);
    expect(text).not.toContain('xxxxxxxxxx');
    const labels = new Set(
      [...text.matchAll(/graphql_request_duration_seconds_count\{[^}]*operation="([^"]+)"/g)].map(
        (m) => m[1],
      ),
    );
    // At most 200 names, plus "anonymous" and "other".
    expect(labels.size).toBeLessThanOrEqual(202);
    expect(labels.has('other')).toBe(true);
  });
});

describe('malformed requests get a typed 4xx in JSON, never HTML, never INTERNAL', () => {
  const targets = () => [
    { name: 'gateway', url: p.url },
    { name: 'patient subgraph', url: p.patientUrl },
  ];

  it('malformed JSON and a body over the limit', async () => {
    for (const t of targets()) {
      const bad = await post(t.url, '{"query": ');
      expect(bad.status, t.name).toBe(400);
      expect(bad.headers.get('content-type')).toMatch(/json/);
      expect((await json(bad)).errors[0].extensions.code).toBe('BAD_REQUEST');
      const big = await post(
        t.url,
        JSON.stringify({ query: '{ __typename }', variables: { x: 'a'.repeat(300_000) } }),
      );
      expect(big.status, t.name).toBe(413);
      const body = await big.text();
      expect(body).not.toMatch(/<html|at .*\.js:\d+/i);
      expect(JSON.parse(body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('an unknown operationName, several operations without one, APQ errors', async () => {
    const token = (await p.account('patient')).token;
    const auth = { authorization: `Bearer ${token}` };
    const unknownName = await post(
      p.url,
      JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }),
      auth,
    );
    expect(unknownName.status).toBe(400);
    expect((await json(unknownName)).errors[0].extensions.code).toBe('BAD_REQUEST');
    const several = await post(
      p.url,
      JSON.stringify({ query: 'query A { __typename } query B { __typename }' }),
      auth,
    );
    expect(several.status).toBe(400);
    expect((await json(several)).errors[0].extensions.code).toBe('BAD_REQUEST');
    const apqUnknown = await post(
      p.url,
      JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    );
    expect((await json(apqUnknown)).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const apqVersion = await post(
      p.url,
      JSON.stringify({
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) } },
      }),
    );
    expect(apqVersion.status).toBe(400);
    expect((await json(apqVersion)).errors[0].extensions.code).toBe('BAD_REQUEST');
    const apqMismatch = await post(
      p.url,
      JSON.stringify({
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } },
      }),
    );
    expect(apqMismatch.status).toBe(400);
    expect((await json(apqMismatch)).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('leaks of the schema and of internals', () => {
  it('subgraphs serve _service only to a service credential with scope subgraph:sdl', async () => {
    const q = '{ _service { sdl } }';
    for (const url of [p.patientUrl, p.scheduleUrls[0]!, `${p.identityUrl}/graphql`]) {
      const anonymous = await gql(url, q);
      expect(anonymous.data?._service ?? null, url).toBeNull();
      expect(JSON.stringify(anonymous)).not.toContain('@classified');
    }
    const patient = await p.account('patient');
    const asPatient = await gql(p.scheduleUrls[0]!, q, {}, { token: patient.token });
    expect(codes(asPatient)).toEqual(['FORBIDDEN']);
    const tool = await p.identity.createClient({ role: 'service', scopes: ['subgraph:sdl'] });
    const { token } = await p.identity.issueAccessToken({
      subject: tool.clientId,
      role: 'service',
      scopes: ['subgraph:sdl'],
    });
    const asTool = await gql(p.scheduleUrls[0]!, q, {}, { token });
    expect(asTool.data._service.sdl).toContain('type Appointment');
  });

  it('audit trails are served to a service client with audit:read on the subgraph, never through the gateway', async () => {
    const stream = await p.identity.createClient({ role: 'service', scopes: ['audit:read'] });
    const { token } = await p.identity.issueAccessToken({
      subject: stream.clientId,
      role: 'service',
      scopes: ['audit:read'],
    });
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const direct = await fetch(
      p.patientUrl.replace('/graphql', '/internal/audit/events?after=0&limit=1'),
      auth,
    );
    expect(direct.status).toBe(200);
    expect(await json(direct)).toMatchObject({ service: 'patient', head: { seq: expect.any(Number) } });
    const viaGateway = await fetch(`${p.gatewayUrl}/internal/audit/events?after=0`, auth);
    expect(viaGateway.status).toBe(404);
    expect(JSON.stringify(await json(viaGateway))).not.toContain('seq');
    const gateway = await fetch(p.patientUrl.replace('/graphql', '/internal/audit/events'), {
      headers: { authorization: `Bearer ${await p.gatewayServiceToken()}` },
    });
    expect(gateway.status).toBe(403);
  });

  it('/metrics is not served on the public ports', async () => {
    for (const base of [
      p.gatewayUrl,
      p.patientUrl.replace('/graphql', ''),
      p.scheduleUrls[0]!.replace('/graphql', ''),
    ])
      expect((await fetch(`${base}/metrics`)).status, base).toBe(404);
  });

  it('a subgraph believes a forwarded client address only from the gateway', async () => {
    const reception = await p.account('receptionist');
    const patient = await p.account('patient');
    await p.query(
      'mutation R($i: PatientInput!) { registerSelf(input: $i) { ok } }',
      {
        i: {
          lastName: 'Адресов',
          firstName: 'Тест',
          birthDate: '1980-01-01',
          sex: 'MALE',
          phone: '+79035557788',
        },
      },
      patient.token,
    );
    const read = 'query($id: ID!) { patient(id: $id) { fullName } }';
    // Directly, with forged metadata: the socket's address is recorded.
    await gql(
      p.patientUrl,
      read,
      { id: patient.patientId },
      {
        token: reception.token,
        headers: { 'x-client-address': '203.0.113.66', 'x-request-id': 'forged-id' },
      },
    );
    // Through the gateway, with a forged X-Forwarded-For from an untrusted peer: also the socket's.
    await gql(
      p.url,
      read,
      { id: patient.patientId },
      {
        token: reception.token,
        headers: { 'x-forwarded-for': '203.0.113.77' },
      },
    );
    const rows = await p.patient.database.query<{ client_address: string | null; request_id: string }>(
      'select client_address, request_id from audit_event where patient_id = $1 and actor_id = $2 order by seq',
      [patient.patientId, reception.accountId],
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.client_address).toBe('127.0.0.1');
      expect(r.request_id).not.toBe('forged-id');
    }
    // A gateway behind a trusted proxy forwards the proxy's client; the subgraph believes it only
    // when the gateway proves itself with its service token.
    const behindProxy = (serviceToken?: () => Promise<string | null>) =>
      createGateway({
        supergraphSdl: readSupergraph(),
        subgraphUrls: {
          identity: `${p.identityUrl}/graphql`,
          patient: p.patientUrl,
          schedule: p.scheduleUrls[0]!,
        },
        verifier: p.identity.verifier,
        limits: { maxDepth: 10, maxAliases: 15, maxCost: 20000 },
        production: false,
        logLevel: 'silent',
        trustedProxies: ['127.0.0.1'],
        serviceToken,
      }).then((g) => g.listen(0));
    for (const [serviceToken, expected] of [
      [p.gatewayServiceToken, '203.0.113.88'],
      [undefined, '127.0.0.1'],
    ] as const) {
      const g = await behindProxy(serviceToken);
      try {
        await gql(
          `${g.url}/graphql`,
          read,
          { id: patient.patientId },
          {
            token: reception.token,
            headers: { 'x-forwarded-for': '203.0.113.88' },
          },
        );
      } finally {
        await g.close();
      }
      const [last] = await p.patient.database.query<{ client_address: string | null }>(
        'select client_address from audit_event where patient_id = $1 and actor_id = $2 order by seq desc limit 1',
        [patient.patientId, reception.accountId],
      );
      expect(last!.client_address).toBe(expected);
    }
  });

  it('"who viewed my record" names the client\'s operation (forwarded only by the gateway)', async () => {
    const reception = await p.account('receptionist');
    const patient = await p.account('patient');
    await p.query(
      'mutation R($i: PatientInput!) { registerSelf(input: $i) { ok } }',
      {
        i: {
          lastName: 'Операция',
          firstName: 'Тест',
          birthDate: '1981-01-01',
          sex: 'FEMALE',
          phone: '+79035557799',
        },
      },
      patient.token,
    );
    const vars = { id: patient.patientId };
    await p.query('query PatientCard($id: ID!) { patient(id: $id) { fullName } }', vars, reception.token);
    await p.query('query($id: ID!) { patient(id: $id) { fullName } }', vars, reception.token);
    // A direct caller cannot put a name of its choice into the patient's trail.
    await gql(p.patientUrl, 'query Direct($id: ID!) { patient(id: $id) { fullName } }', vars, {
      token: reception.token,
      headers: { 'x-operation-name': 'Harmless' },
    });
    const log = await p.query('query { myAccessLog { operation } }', {}, patient.token);
    expect(log.data.myAccessLog.map((e: { operation: string }) => e.operation).sort()).toEqual([
      'Direct',
      'PatientCard',
      'query patient',
    ]);
  });

  it('anonymous callers reach exactly the operations the policy marks anonymous', async () => {
    expect(p.schedule.subgraph.allowsAnonymous).toBe(true);
    expect(p.patient.subgraph.allowsAnonymous).toBe(false);
    const slots = await gql(p.scheduleUrls[0]!, '{ branches { id } }');
    expect(slots.errors).toBeUndefined();
    const mine = await gql(p.scheduleUrls[0]!, '{ myAppointments { id } }');
    expect(codes(mine)).toEqual(['UNAUTHENTICATED']);
    const direct = await gql(p.patientUrl, '{ myPatient { id } }');
    expect(direct.status).toBe(401);
  });
});

describe('production mode says nothing about the schema', () => {
  let prod: Platform;
  beforeAll(async () => {
    prod = await startPlatform({ production: true });
  });
  afterAll(async () => prod?.stop());

  it('no "Did you mean" on the gateway', async () => {
    const r = await gql(prod.url, '{ patiant(id: "x") { passprt } }');
    expect(codes(r)[0]).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(r.errors)).not.toMatch(/Did you mean|patient|passport/);
  });
});

describe('rate limits and deadlines', () => {
  it('refuses a flood from one address with 429 RATE_LIMITED and Retry-After, per account too', async () => {
    const g = await createGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: {
        identity: `${p.identityUrl}/graphql`,
        patient: p.patientUrl,
        schedule: p.scheduleUrls[0]!,
      },
      verifier: p.identity.verifier,
      limits: { maxDepth: 10, maxAliases: 15, maxCost: 20000 },
      production: false,
      logLevel: 'silent',
      rateLimits: {
        perAddress: { points: 1000, durationSec: 60 },
        anonymousPerAddress: { points: 5, durationSec: 60 },
        perAccount: { points: 3, durationSec: 60 },
      },
    });
    const running = await g.listen(0);
    try {
      const url = `${running.url}/graphql`;
      const anon = [];
      for (let i = 0; i < 7; i++) anon.push(await gql(url, '{ __typename }'));
      expect(anon.slice(0, 5).every((r) => r.status === 200)).toBe(true);
      expect(anon[5]!.status).toBe(429);
      expect(codes(anon[5]!)).toEqual(['RATE_LIMITED']);
      expect(Number(anon[5]!.headers?.get('retry-after'))).toBeGreaterThan(0);
      const a = await p.account('patient');
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await gql(url, '{ __typename }', {}, { token: a.token })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      // Another account from the same address is not affected.
      const b = await p.account('patient');
      expect((await gql(url, '{ __typename }', {}, { token: b.token })).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('with REDIS_URL the counters are shared by every replica', async (ctx) => {
    const redis = connectRedis('redis://127.0.0.1:6379');
    const up = await redisReady(redis);
    redis.disconnect();
    if (!up) return ctx.skip();
    const replica = () =>
      createGateway({
        supergraphSdl: readSupergraph(),
        subgraphUrls: {
          identity: `${p.identityUrl}/graphql`,
          patient: p.patientUrl,
          schedule: p.scheduleUrls[0]!,
        },
        verifier: p.identity.verifier,
        limits: { maxDepth: 10, maxAliases: 15, maxCost: 20000 },
        production: false,
        logLevel: 'silent',
        redisUrl: 'redis://127.0.0.1:6379',
        rateLimits: {
          perAddress: { points: 1000, durationSec: 60 },
          anonymousPerAddress: { points: 1000, durationSec: 60 },
          perAccount: { points: 4, durationSec: 60 },
        },
      }).then((g) => g.listen(0));
    const [r1, r2] = [await replica(), await replica()];
    try {
      const a = await p.account('patient');
      const statuses = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          (await gql(`${(i % 2 ? r2 : r1).url}/graphql`, '{ __typename }', {}, { token: a.token })).status,
        );
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await r1.close();
      await r2.close();
    }
  });

  it('a request that takes too long is answered 503 REQUEST_TIMEOUT', async () => {
    // A "subgraph" that accepts connections and never answers.
    const sockets: import('node:net').Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const g = await createGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: {
        identity: `${p.identityUrl}/graphql`,
        patient: p.patientUrl,
        schedule: `http://127.0.0.1:${port}/graphql`,
      },
      verifier: p.identity.verifier,
      limits: { maxDepth: 10, maxAliases: 15, maxCost: 20000 },
      production: false,
      logLevel: 'silent',
      subgraphTimeoutMs: 60_000,
      requestTimeoutMs: 300,
    });
    const running = await g.listen(0);
    try {
      const r = await gql(`${running.url}/graphql`, '{ branches { id } }');
      expect(r.status).toBe(503);
      expect(codes(r)).toEqual(['REQUEST_TIMEOUT']);
    } finally {
      await running.close();
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });
});
