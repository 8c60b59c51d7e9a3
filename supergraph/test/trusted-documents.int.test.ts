import { ClientCredentials } from '@medikamente/runtime';
import { codes } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentId, loadTrustedDocuments, type TrustedDocument } from '../src/trusted-documents';
import { connectLive } from './live-socket';
import { type Platform, startPlatform } from './platform';
import { manifestDir } from './trusted-manifests';

// Partners through the real gateway (ADR 0015), tokens from identity's client-credentials grant.
// The test manifest reads what lab_partner reaches today: a branch of the public catalogue
// (PUBLIC fields; Query.branch is anonymous, so this manifest would not pass the release check,
// which wants lab_partner listed) and a patient (Query.patient lists lab_partner; the patient
// subgraph answers by its policy — today FORBIDDEN, as partnerOwns never holds yet).
const registry = loadTrustedDocuments(
  manifestDir({
    'partner-test': [
      'description: test\nversion: 1\noperations:\n  PartnerBranch: { scope: catalogue:read }\n  PartnerPatient: { scope: patients:read }\n',
      'query PartnerBranch($id: ID!) { branch(id: $id) { ...Ref name } }\n\nquery PartnerPatient($id: ID!) { patient(id: $id) { id } }\n\nfragment Ref on Branch { id }\n',
    ],
    'other-test': [
      'description: another partner\nversion: 1\noperations:\n  OtherBranch: { scope: catalogue:read }\n',
      'query OtherBranch($id: ID!) { branch(id: $id) { __typename id } }\n',
    ],
  }),
);
const [mine, minePatient] = registry.manifests.get('partner-test')!.documents as [
  TrustedDocument,
  TrustedDocument,
];
const theirs = registry.manifests.get('other-test')!.documents[0]!;

let p: Platform;
let branchId: string;
let patientId: string;
let receptionToken: string;
beforeAll(async () => {
  p = await startPlatform({ gateway: { trustedDocuments: registry } });
  receptionToken = (await p.account('receptionist')).token;
  // Staff users' document text still works (non-partners are unaffected).
  const branch = await p.query(
    `mutation B($i: BranchInput!) { createBranch(input: $i) { branch { id } } }`,
    { i: { name: 'Лаборатория на Лесной', address: 'Лесная, 5', timeZone: 'Europe/Moscow' } },
    (await p.account('it_admin')).token,
  );
  branchId = branch.data.createBranch.branch.id;
  const reg = await p.query(
    `mutation R($i: PatientInput!) { registerPatient(input: $i) { ok patient { id } } }`,
    {
      i: {
        lastName: 'Лаптева',
        firstName: 'Ольга',
        birthDate: '1984-02-03',
        sex: 'FEMALE',
        phone: '+7 916 000-44-55',
      },
    },
    receptionToken,
  );
  patientId = reg.data.registerPatient.patient.id;
});
afterAll(async () => p?.stop());

/** A partner's token by the real client-credentials grant. */
async function partnerToken(scopes: string[]): Promise<string> {
  const client = await p.identity.createClient({ role: 'lab_partner', scopes, name: 'test lab' });
  return new ClientCredentials({ tokenUrl: `${p.identityUrl}/oauth/token`, ...client }).token();
}

/** A raw POST to the gateway; returns the status and the parsed body. */
async function post(body: unknown, token: string | null, raw?: string) {
  const res = await fetch(p.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ?? JSON.stringify(body),
  });
  const json = (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: any }> };
  return { status: res.status, ...json, codes: codes(json as never) };
}

describe('partner tokens at the gateway', () => {
  let bound: string;
  beforeAll(async () => {
    bound = await partnerToken(['documents:partner-test', 'catalogue:read', 'patients:read']);
  });

  it('run an allowlisted document by documentId or by APQ hash, with variables', async () => {
    expect(mine.name).toBe('PartnerBranch');
    for (const body of [
      { documentId: `sha256:${mine.id}`, variables: { id: branchId }, operationName: 'PartnerBranch' },
      { documentId: mine.id, variables: { id: branchId } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: mine.id } }, variables: { id: branchId } },
    ]) {
      const r = await post(body, bound);
      expect(r.errors).toBeUndefined();
      expect(r).toMatchObject({
        status: 200,
        data: { branch: { id: branchId, name: 'Лаборатория на Лесной' } },
      });
    }
    // The stored document goes on to the planner and the subgraph, which still decides by its policy.
    const patient = await post({ documentId: minePatient.id, variables: { id: patientId } }, bound);
    expect(patient).toMatchObject({ status: 200, data: { patient: null } });
    expect(patient.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', serviceName: 'patient' });
  });

  it('are refused document text before it is parsed: a huge invalid document gets the same cheap refusal', async () => {
    const garbage = `{ ${'{'.repeat(200_000)}`;
    for (const query of [mine.body, '{ __schema { types { name } } }', garbage]) {
      const r = await post({ query, variables: { id: branchId } }, bound);
      expect(r.status).toBe(400);
      expect(r.codes).toEqual(['PERSISTED_DOCUMENT_REQUIRED']);
      expect(JSON.stringify(r)).not.toMatch(/stack|Syntax Error/);
    }
    // The same garbage from a staff user reaches the document guard (or the parser) and fails there.
    const staff = await post({ query: garbage }, receptionToken);
    expect(staff.status).toBe(400);
    expect(staff.codes).not.toContain('PERSISTED_DOCUMENT_REQUIRED');
    // GET with text.
    const get = await fetch(`${p.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { authorization: `Bearer ${bound}`, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect(codes((await get.json()) as never)).toEqual(['PERSISTED_DOCUMENT_REQUIRED']);
  });

  it("are refused unknown ids and another manifest's ids alike", async () => {
    for (const id of [documentId('query Made { branch(id: "1") { id } }'), theirs.id]) {
      const r = await post({ documentId: id, variables: { id: branchId } }, bound);
      expect({ status: r.status, codes: r.codes }).toEqual({
        status: 403,
        codes: ['PERSISTED_DOCUMENT_NOT_ALLOWED'],
      });
    }
  });

  it('need their manifest scope and the operation scope', async () => {
    const unbound = await partnerToken(['catalogue:read']);
    const other = await partnerToken(['documents:other-test', 'catalogue:read']);
    const unscoped = await partnerToken(['documents:partner-test', 'patients:read']);
    const body = { documentId: mine.id, variables: { id: branchId } };
    expect((await post(body, unbound)).codes).toEqual(['PERSISTED_DOCUMENT_NOT_ALLOWED']);
    expect((await post(body, other)).codes).toEqual(['PERSISTED_DOCUMENT_NOT_ALLOWED']);
    const r = await post(body, unscoped);
    expect({ status: r.status, codes: r.codes }).toEqual({ status: 403, codes: ['INSUFFICIENT_SCOPE'] });
    // The other manifest's partner runs its own document.
    expect((await post({ documentId: theirs.id, variables: { id: branchId } }, other)).data).toEqual({
      branch: { __typename: 'Branch', id: branchId },
    });
  });

  it("cannot register a document through APQ, nor use one a staff user's APQ registered", async () => {
    const query = 'query Sneaky($id: ID!) { branch(id: $id) { id address } }';
    const pq = { persistedQuery: { version: 1, sha256Hash: documentId(query) } };
    const variables = { id: branchId };
    const registration = await post({ query, extensions: pq, variables }, bound);
    expect(registration.codes).toEqual(['PERSISTED_DOCUMENT_REQUIRED']);
    // A staff user registers the same text in Apollo's APQ cache; the partner still cannot use it.
    const staff = await post({ query, extensions: pq, variables }, receptionToken);
    expect(staff.data).toEqual({ branch: { id: branchId, address: 'Лесная, 5' } });
    expect((await post({ extensions: pq, variables }, receptionToken)).data).toEqual(staff.data);
    expect((await post({ extensions: pq, variables }, bound)).codes).toEqual([
      'PERSISTED_DOCUMENT_NOT_ALLOWED',
    ]);
  });

  it('get no live-events socket: connection_init with a partner token is closed 4403', async () => {
    const connect = (token: string) => connectLive(p.url, `Bearer ${token}`);
    expect(await connect(bound)).toEqual({ code: 4403, ok: false });
    expect((await connect(receptionToken)).ok).toBe(true);
  });
});
