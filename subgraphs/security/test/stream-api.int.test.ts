import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SecurityHarness, startSecuritySubgraph } from './harness';

const STATUS = `query { auditChainStatus { service lastSeq lastPulledAt lagSeconds failures lastErrorCode halted
  haltedReason haltedAtSeq lastCheckpointSeq lastCheckpointAt
  lastVerification { service checkedAt result checkedEvents brokenAtSeq reason } } }`;
const VERIFY = `mutation($input: VerifyAuditChainsInput) { verifyAuditChains(input: $input) {
  ok inputErrors { field code } results { service result reason checkedEvents } } }`;

describe('auditChainStatus and verifyAuditChains (security officer only)', () => {
  let h: SecurityHarness;
  let officer: string;

  beforeAll(async () => {
    // Two sources nobody listens on: the API reports them, verification cannot reach them.
    h = await startSecuritySubgraph({
      env: {
        AUDIT_SOURCES: 'patient=http://127.0.0.1:9,lab=http://127.0.0.1:9',
        AUDIT_PULL_TIMEOUT_MS: '1000',
      },
      options: { auditToken: async () => 'unused' },
    });
    officer = await h.tokenFor({ role: 'security_officer' });
  });
  afterAll(async () => h?.stop());

  it('lists every source for the officer; every other role is refused', async () => {
    const r = await h.query(STATUS, {}, officer);
    expect(r.errors).toBeUndefined();
    expect(r.data.auditChainStatus.map((s: { service: string }) => s.service)).toEqual(['lab', 'patient']);
    expect(r.data.auditChainStatus[0]).toMatchObject({
      lastSeq: 0,
      lastPulledAt: null,
      lagSeconds: null,
      failures: 0,
      halted: false,
      lastVerification: null,
    });
    for (const role of ['patient', 'doctor', 'receptionist', 'it_admin', 'analyst', 'service']) {
      const refused = await h.query(STATUS, {}, await h.tokenFor({ role }));
      expect(
        refused.errors?.map((e) => e.extensions?.code),
        role,
      ).toEqual(['FORBIDDEN']);
      const verify = await h.query(VERIFY, {}, await h.tokenFor({ role }));
      expect(
        verify.errors?.map((e) => e.extensions?.code),
        role,
      ).toEqual(['FORBIDDEN']);
    }
    expect((await h.query(STATUS)).status).toBe(401);
  });

  it('refuses an unknown service as an input error and records nothing', async () => {
    const r = await h.query(VERIFY, { input: { services: ['patient', 'nosuch'] } }, officer);
    expect(r.data.verifyAuditChains).toEqual({
      ok: false,
      inputErrors: [{ field: 'input.services', code: 'AUDIT_SOURCE_UNKNOWN' }],
      results: [],
    });
    const status = await h.query(STATUS, {}, officer);
    expect(
      status.data.auditChainStatus.every((s: { lastVerification: unknown }) => !s.lastVerification),
    ).toBe(true);
  });

  it('verifies now: an unreachable source is UNVERIFIED (not tampering), shown as its last verification', async () => {
    const r = await h.query(VERIFY, { input: { services: ['patient'] } }, officer);
    expect(r.data.verifyAuditChains).toEqual({
      ok: true,
      inputErrors: [],
      results: [{ service: 'patient', result: 'UNVERIFIED', reason: 'UNREACHABLE', checkedEvents: 0 }],
    });
    const status = await h.query(STATUS, {}, officer);
    const patient = status.data.auditChainStatus.find((s: { service: string }) => s.service === 'patient');
    expect(patient.lastVerification).toMatchObject({
      service: 'patient',
      result: 'UNVERIFIED',
      reason: 'UNREACHABLE',
    });
  });
});
