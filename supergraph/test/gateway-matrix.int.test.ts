import { compareView, selectAll } from '@medikamente/runtime/testing';
import { type FieldClassification, fieldEffect, loadPolicy, policyScenarios } from '@medikamente/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSupergraph } from '../src/compose';
import { supergraphFields, supergraphSchema } from '../src/policy-model';
import { type Platform, startPlatform } from './platform';

// The authorization matrix through the gateway, generated from schema/policy.yaml and the
// committed supergraph: every role x every realisable condition x every classified field of
// Patient (and the Consent objects under it), with real tokens from identity.
const policy = loadPolicy();
const schema = supergraphSchema(readSupergraph());
const classes = new Map<string, FieldClassification>(
  supergraphFields(schema).map((c) => [`${c.type}.${c.field}`, c]),
);
const scenarios = policyScenarios(policy);
const QUERY = `query Matrix($id: ID!) { patient(id: $id) { ${selectAll(schema, 'Patient')} } }`;
const canCall = (role: string) => policy.operations['Query.patient']?.roles?.includes(role) ?? false;

let p: Platform;
let patientId: string;
let ownerAccountId: string;
let full: Record<string, unknown>;

beforeAll(async () => {
  p = await startPlatform();
  const owner = await p.account('patient');
  ownerAccountId = owner.accountId;
  const input = {
    lastName: 'Кузнецова',
    firstName: 'Мария',
    middleName: 'Сергеевна',
    birthDate: '1979-11-02',
    sex: 'FEMALE',
    phone: '+7 912 345-67-89',
    email: 'm.kuznetsova@yandex.ru',
    passport: '4512 654321',
    passportIssuedBy: 'ОВД района Арбат',
    passportIssuedOn: '2005-02-11',
    snils: '112-233-445 95',
    insurancePolicy: '7700001234567891',
    registrationAddress: 'г. Москва, Арбат, д. 10',
    homeAddress: 'г. Москва, ул. Пречистенка, д. 3',
    workplace: 'МГУ',
    chronicConditions: ['Бронхиальная астма'],
  };
  const reg = await p.query(
    `mutation R($i: PatientInput!) { registerSelf(input: $i) { ok patient { id } } }`,
    { i: input },
    owner.token,
  );
  expect(reg.data.registerSelf.ok).toBe(true);
  patientId = reg.data.registerSelf.patient.id;
  expect(patientId).toBe(owner.patientId);
  await p.query(
    `mutation { giveConsent(patientId: "${patientId}", purpose: TREATMENT, textVersion: 1, channel: PORTAL) { ok } }`,
    {},
    owner.token,
  );
  const self = await p.query(QUERY, { id: patientId }, owner.token);
  expect(self.errors).toBeUndefined();
  full = self.data.patient;
});
afterAll(async () => p?.stop());

describe('authorization matrix through the gateway', () => {
  it('is generated over every role and every classified field of the supergraph’s Patient', () => {
    expect(new Set(scenarios.map((s) => s.role))).toEqual(new Set(Object.keys(policy.roles)));
    const patientFields = [...classes.values()].filter((c) => c.type === 'Patient');
    expect(patientFields.length).toBe(Object.keys((schema.getType('Patient') as any).getFields()).length);
    expect(full.snils).toBe('112-233-445 95');
    expect(full.phone).toBe('+79123456789');
  });

  it.each(scenarios.map((s) => [s.label, s] as const))('%s', async (_l, scenario) => {
    let token: string;
    let subject: string;
    if (scenario.conditions.includes('self')) {
      subject = ownerAccountId;
      token = await p.identity.issueTokenFor(ownerAccountId);
    } else if (scenario.role === 'lab_partner' || scenario.role === 'service') {
      // Machine clients: real client-credentials grant over HTTP.
      const client = await p.identity.createClient({ role: scenario.role, scopes: ['patients:read'] });
      subject = client.clientId;
      const res = await fetch(`${p.identityUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        }),
      });
      expect(res.status).toBe(200);
      token = ((await res.json()) as { access_token: string }).access_token;
    } else {
      const created = await p.identity.createAccount({ role: scenario.role as never });
      subject = created.accountId;
      token = await p.identity.issueTokenFor(created.accountId);
    }
    if (scenario.conditions.includes('careRelationship')) {
      await p.patient.stores.care.grant(subject, patientId, 'test', new Date(Date.now() + 3_600_000));
    }
    const r = await p.query(QUERY, { id: patientId }, token);
    const visible = [...classes.values()].some(
      (c) => c.type === 'Patient' && c.category !== 'PUBLIC' && fieldEffect(policy, c, scenario) !== 'denied',
    );
    if (!canCall(scenario.role) || !visible) {
      expect(r.data?.patient ?? null).toBeNull();
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      return;
    }
    const mismatches = compareView({
      policy,
      schema,
      classes,
      typeName: 'Patient',
      scenario,
      full,
      seen: r.data.patient,
      errors: r.errors ?? [],
      path: ['patient'],
    });
    expect(mismatches).toEqual([]);
  });
});
