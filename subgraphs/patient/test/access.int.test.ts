import { randomUUID } from 'node:crypto';
import { codes } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PatientHarness, startPatientSubgraph } from './harness';

let h: PatientHarness;
beforeAll(async () => {
  h = await startPatientSubgraph();
});
afterAll(async () => h?.stop());

const PATIENT = `query P($id: ID!) { patient(id: $id) { id fullName phone chronicConditions } }`;

describe('object-level access: a patient never reaches another patient', () => {
  it('root field, search, _entities and consents of patient B are refused with A’s token', async () => {
    const a = await h.createTestPatient({ withToken: true });
    const b = await h.createTestPatient({ lastName: 'Петрова', firstName: 'Анна', sex: 'FEMALE' });

    const own = await h.query(PATIENT, { id: a.patient.id }, a.token);
    expect(own.data.patient.phone).toBe(a.patient.phone);

    const root = await h.query(PATIENT, { id: b.patient.id }, a.token);
    expect(root.data?.patient ?? null).toBeNull();
    expect(codes(root)).toEqual(['FORBIDDEN']);

    const search = await h.query(
      `query { searchPatients(query: { text: "Петрова" }) { nodes { id } } }`,
      {},
      a.token,
    );
    expect(search.data ?? null).toBeNull();
    expect(codes(search)).toEqual(['FORBIDDEN']);

    const entities = await h.query(
      `query E($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { id fullName phone } } }`,
      {
        r: [
          { __typename: 'Patient', id: b.patient.id },
          { __typename: 'Patient', id: a.patient.id },
        ],
      },
      a.token,
    );
    expect(entities.data._entities[0]).toBeNull();
    expect(entities.data._entities[1].phone).toBe(a.patient.phone);
    expect(JSON.stringify(entities.data)).not.toContain(b.patient.phone!);

    const consent = await h.query(
      `mutation { giveConsent(patientId: "${b.patient.id}", purpose: MARKETING, textVersion: 1, channel: PORTAL) { ok } }`,
      {},
      a.token,
    );
    expect(codes(consent)).toEqual(['FORBIDDEN']);
    expect((await h.service.stores.consents.forPatients([b.patient.id], true)).get(b.patient.id)).toEqual([]);

    const log = await h.query(`query { myAccessLog { patientId } }`, {}, a.token);
    expect(log.data.myAccessLog.every((e: { patientId: string }) => e.patientId === a.patient.id)).toBe(true);
  });

  it('refuses calls without a token, and with expired, forged or wrong-audience tokens', async () => {
    const { patient } = await h.createTestPatient();
    const noToken = await h.query(PATIENT, { id: patient.id });
    expect(noToken.status).toBe(401);
    expect(codes(noToken)).toEqual(['UNAUTHENTICATED']);

    const expired = await h.issuer.sign({ role: 'receptionist' }, { expiresInSec: -60 });
    const forged = await h.issuer.forge({ role: 'receptionist' });
    const wrongAudience = await h.issuer.sign({ role: 'receptionist' }, { audience: 'another-api' });
    const wrongIssuer = await h.issuer.sign({ role: 'receptionist' }, { issuer: 'http://evil.example' });
    const refreshTyp = await h.issuer.sign({ role: 'receptionist' }, { typ: 'refresh' });
    for (const [token, code] of [
      [expired, 'TOKEN_EXPIRED'],
      [forged, 'TOKEN_INVALID'],
      [wrongAudience, 'TOKEN_INVALID'],
      [wrongIssuer, 'TOKEN_INVALID'],
      [refreshTyp, 'TOKEN_INVALID'],
      ['not-a-jwt', 'TOKEN_INVALID'],
    ] as const) {
      const r = await h.query(PATIENT, { id: patient.id }, token);
      expect(r.status, code).toBe(401);
      expect(codes(r)).toEqual([code]);
      expect(r.data).toBeUndefined();
    }
  });

  it('refuses a revoked session once the revocation list is refreshed', async () => {
    const { patient } = await h.createTestPatient();
    const sid = randomUUID();
    const token = await h.issuer.sign({ role: 'receptionist', sid });
    expect((await h.query(PATIENT, { id: patient.id }, token)).status).toBe(200);
    h.issuer.revocations.sessions[sid] = Math.floor(Date.now() / 1000) + 1;
    await h.service.verifier.refresh();
    const r = await h.query(PATIENT, { id: patient.id }, token);
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['TOKEN_REVOKED']);
  });

  it('denies roles the operation does not list, whatever the field policy says', async () => {
    const { patient } = await h.createTestPatient();
    const analyst = await h.tokenFor({ role: 'analyst' });
    const r = await h.query(PATIENT, { id: patient.id }, analyst);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    const reg = await h.query(
      `mutation { registerPatient(input: { lastName: "Тест", firstName: "Тест", birthDate: "1990-01-01", sex: MALE }) { ok } }`,
      {},
      await h.tokenFor({ role: 'doctor' }),
    );
    expect(codes(reg)).toEqual(['FORBIDDEN']);
  });
});

describe('query limits', () => {
  // The real schema of this subgraph is at most 4 levels deep, so the limits are lowered here
  // to exercise them; production values come from MAX_QUERY_* in env.ts.
  let small: PatientHarness;
  beforeAll(async () => {
    small = await startPatientSubgraph({
      MAX_QUERY_DEPTH: '3',
      MAX_QUERY_ALIASES: '5',
      MAX_QUERY_COST: '60',
    });
  });
  afterAll(async () => small?.stop());

  it('rejects over-deep, alias-heavy and over-costly queries before execution', async () => {
    const token = await small.tokenFor({ role: 'receptionist' });
    const ok = await small.query(`query { searchPatients(query: {text: "x"}) { nodes { id } } }`, {}, token);
    expect(ok.errors).toBeUndefined();
    const deep = await small.query(
      `query { searchPatients(query: {text: "x"}) { nodes { consents { id } } } }`,
      {},
      token,
    );
    expect(codes(deep)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(deep.data).toBeUndefined();
    const aliases = await small.query(
      `query { ${Array.from({ length: 6 }, (_, i) => `a${i}: consentTexts { version }`).join(' ')} }`,
      {},
      token,
    );
    expect(codes(aliases)).toEqual(['QUERY_TOO_COMPLEX']);
    const costly = await small.query(
      `query { ${Array.from({ length: 5 }, (_, i) => `s${i}: searchPatients(query: {text: "a"}) { nodes { id fullName phone email birthDate sex passport snils workplace homeAddress } }`).join(' ')} }`,
      {},
      token,
    );
    expect(codes(costly)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
