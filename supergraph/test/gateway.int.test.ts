import { codes, gql } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeIn, type DevMailbox, startDevMailbox } from '../../scripts/dev-mailbox';
import { connectLive } from './live-socket';
import { type Platform, startPlatform } from './platform';

let p: Platform;
let mailbox: DevMailbox;
beforeAll(async () => {
  mailbox = await startDevMailbox();
  p = await startPlatform({ identityEnv: mailbox.env });
});
afterAll(async () => {
  await p?.stop();
  await mailbox?.close();
});

const REGISTER = `mutation R($i: PatientInput!) { registerSelf(input: $i) { ok patient { id } } }`;
const person = (lastName: string, phone: string) => ({
  lastName,
  firstName: 'Тест',
  birthDate: '1988-08-08',
  sex: 'MALE',
  phone,
});

describe('gateway end to end', () => {
  it('signs a patient up and in through the gateway, and the token works on the patient subgraph', async () => {
    const login = `patient-${crypto.randomUUID()}@mail.ru`;
    const started = await p.query(
      `mutation U($i: SignUpPatientInput!) { signUpPatient(input: $i) { ok verificationId } }`,
      { i: { login, password: 'Очень-надёжный-1', displayName: 'Сидоров С. С.' } },
    );
    expect(started.data.signUpPatient.ok).toBe(true);
    const code = codeIn(await mailbox.waitFor((m) => m.to === login));
    const up = await p.query(
      `mutation C($id: ID!, $code: String!) { confirmSignUp(verificationId: $id, code: $code) { ok accessToken account { role patientId } } }`,
      { id: started.data.signUpPatient.verificationId, code },
    );
    expect(up.data.confirmSignUp.ok).toBe(true);
    const token = up.data.confirmSignUp.accessToken;
    const reg = await p.query(REGISTER, { i: person('Сидоров', '+79035551122') }, token);
    expect(reg.data.registerSelf.patient.id).toBe(up.data.confirmSignUp.account.patientId);
    const me = await p.query(`query { me { role } myPatient { fullName phone } }`, {}, token);
    expect(me.data).toEqual({
      me: { role: 'patient' },
      myPatient: { fullName: 'Сидоров Тест', phone: '+79035551122' },
    });
  });

  it('keeps patient A away from patient B through every gateway path', async () => {
    const a = await p.account('patient');
    const b = await p.account('patient');
    await p.query(REGISTER, { i: person('Альфа', '+79035550001') }, a.token);
    await p.query(REGISTER, { i: person('Бета', '+79035550002') }, b.token);
    const root = await p.query(
      `query($id: ID!) { patient(id: $id) { fullName phone } }`,
      { id: b.patientId },
      a.token,
    );
    expect(root.data?.patient ?? null).toBeNull();
    expect(codes(root)).toEqual(['FORBIDDEN']);
    const search = await p.query(
      `query { searchPatients(query: { text: "Бета" }) { nodes { id } } }`,
      {},
      a.token,
    );
    expect(codes(search)).toEqual(['FORBIDDEN']);
    // The gateway does not expose _entities to clients at all.
    const entities = await p.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
      { r: [{ __typename: 'Patient', id: b.patientId }] },
      a.token,
    );
    expect(entities.data).toBeUndefined();
    expect(new Set(codes(entities))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    // Straight to the subgraph with A's token: still refused.
    const direct = await gql(
      p.patientUrl,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { phone } } }`,
      { r: [{ __typename: 'Patient', id: b.patientId }] },
      { token: a.token },
    );
    expect(direct.data._entities).toEqual([null]);
    expect(codes(direct)).toEqual(['FORBIDDEN']);
    const noToken = await gql(p.patientUrl, `query { myPatient { id } }`);
    expect(noToken.status).toBe(401);
    for (const r of [root, search, direct]) expect(JSON.stringify(r)).not.toContain('+79035550002');
  });

  it('refuses bad tokens at the edge with coded 401s', async () => {
    const expiredLike = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.AAAA';
    for (const [header, code] of [
      [`Bearer ${expiredLike}`, 'TOKEN_INVALID'],
      ['Basic abc', 'TOKEN_INVALID'],
    ] as const) {
      const res = await fetch(p.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: header },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe(code);
    }
  });

  it('stops accepting a signed-out session within the revocation poll', async () => {
    const staff = await p.account('receptionist');
    expect((await p.query(`query { me { role } }`, {}, staff.token)).data.me.role).toBe('receptionist');
    const out = await p.query(`mutation { signOut { ok } }`, {}, staff.token);
    expect(out.data.signOut.ok).toBe(true);
    let last: Awaited<ReturnType<Platform['query']>> | undefined;
    for (let i = 0; i < 30; i++) {
      await new Promise((r) => setTimeout(r, 100));
      last = await p.query(`query { me { role } }`, {}, staff.token);
      if (last.status === 401) break;
    }
    expect(last!.status).toBe(401);
    expect(codes(last!)).toEqual(['TOKEN_REVOKED']);
  });

  it('writes one audit event per patient per gateway request for staff reads', async () => {
    const owner = await p.account('patient');
    await p.query(REGISTER, { i: person('Аудитный', '+79035550003') }, owner.token);
    const staff = await p.account('receptionist');
    await p.query(
      `query Desk($id: ID!) { a: patient(id: $id) { fullName } b: patient(id: $id) { phone birthDate } }`,
      { id: owner.patientId },
      staff.token,
    );
    const events = await p.patient.stores.audit.forPatient(owner.patientId!);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: staff.accountId,
      actorRole: 'receptionist',
      categories: ['CONTACT', 'IDENTITY'],
    });
    expect(events[0]!.operation).toContain('Desk');
    const log = await p.query(`query { myAccessLog { actorRole categories } }`, {}, owner.token);
    expect(log.data.myAccessLog).toEqual([
      { actorRole: 'receptionist', categories: ['CONTACT', 'IDENTITY'] },
    ]);
  });

  it('rejects over-deep and alias-heavy queries at the gateway before any subgraph call', async () => {
    const staff = await p.account('receptionist');
    const aliases = await p.query(
      `query { ${Array.from({ length: 16 }, (_, i) => `a${i}: consentTexts { version }`).join(' ')} }`,
      {},
      staff.token,
    );
    expect(codes(aliases)).toEqual(['QUERY_TOO_COMPLEX']);
    const deep = await p.query(
      `query { __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`,
      {},
      staff.token,
    );
    expect(deep.errors).toBeUndefined(); // introspection is exempt in development
    const malformed = await p.query(`query { patient(id: 1) { id `, {}, staff.token);
    expect(codes(malformed)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('serves health and the offline playground in development; metrics only on their own port', async () => {
    expect(await (await fetch(`${p.gatewayUrl}/healthz`)).json()).toEqual({
      status: 'ok',
      service: 'gateway',
    });
    const metrics = await (await fetch(p.gatewayMetricsUrl)).text();
    expect(metrics).toContain('graphql_request_duration_seconds');
    const onPublic = await fetch(`${p.gatewayUrl}/metrics`);
    expect(onPublic.status).toBe(404);
    expect(await onPublic.json()).toEqual({
      errors: [{ message: 'Не найдено', extensions: { code: 'NOT_FOUND' } }],
    });
    const page = await (await fetch(`${p.gatewayUrl}/graphiql`)).text();
    expect(page).toContain('/graphiql/assets/graphiql.js');
    expect(page).not.toMatch(/https?:\/\/(?!127)/);
    const asset = await fetch(`${p.gatewayUrl}/graphiql/assets/graphiql.js`);
    expect(asset.status).toBe(200);
  });
});

describe('subscriptions endpoint', () => {
  const connect = (authorization?: string) => connectLive(p.url, authorization);

  it('refuses unauthenticated and bad-token connections on connect, accepts a valid token', async () => {
    expect(await connect()).toEqual({ code: 4403, ok: false });
    expect(await connect('Bearer forged.token.here')).toEqual({ code: 4403, ok: false });
    const staff = await p.account('receptionist');
    expect((await connect(`Bearer ${staff.token}`)).ok).toBe(true);
  });
});

describe('gateway in production mode', () => {
  let prod: Platform;
  beforeAll(async () => {
    prod = await startPlatform({ production: true });
  });
  afterAll(async () => prod?.stop());

  it('turns introspection and the playground off', async () => {
    const r = await prod.query(`query { __schema { queryType { name } } }`);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.message).toMatch(/introspection/i);
    expect((await fetch(`${prod.gatewayUrl}/graphiql`)).status).toBe(404);
  });
});
