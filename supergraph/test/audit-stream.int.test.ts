/**
 * The audit stream on the platform as deployed (ADR 0018): the security subgraph pulls all six
 * subgraphs' audit chains with its own identity client (scope audit:read, tokens from identity's
 * token endpoint), and the security officer reads its state through the gateway. The platform's
 * security runs its pull job too: the test's own pulls race it, which the stream must allow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from './platform';

let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => p?.stop());

const SOURCES = ['billing', 'identity', 'lab', 'patient', 'record', 'schedule'];

describe('the audit stream across the platform', () => {
  it('copies a read made through the gateway, from every subgraph, with identity-issued service tokens', async () => {
    const { patient: card } = await p.patient.stores.patients.create(
      {
        lastName: 'Кузнецова',
        firstName: 'Ольга',
        birthDate: '1979-11-30',
        sex: 'FEMALE',
        phone: '+79165550101',
      },
      { createdBy: 'test' },
    );
    const reception = await p.account('receptionist');
    const read = await p.query(
      'query CardAtDesk($id: ID!) { patient(id: $id) { id lastName phone } }',
      { id: card.id },
      reception.token,
    );
    expect(read.errors).toBeUndefined();

    const stream = p.security!.services.stream;
    const outcomes = await stream.pullAll();
    expect(outcomes.map((o) => [o.service, o.status]).sort()).toEqual(SOURCES.map((s) => [s, 'copied']));
    const copied = (await p.security!.stores.stream.records('patient', 0, 1e9, 1000)).filter(
      (r) => r.patientId === card.id,
    );
    expect(copied).toEqual([
      expect.objectContaining({
        service: 'patient',
        actorId: reception.accountId,
        actorRole: 'receptionist',
        operation: 'CardAtDesk',
        categories: expect.arrayContaining(['CONTACT']),
      }),
    ]);
    // The gateway's request id travelled with the read into the copy.
    expect(copied[0]!.requestId).toMatch(/\S/);
  });

  it('shows the security officer every source and verifies them through the gateway', async () => {
    const officer = await p.account('security_officer');
    const verify = await p.query(
      'mutation { verifyAuditChains { ok inputErrors { code } results { service result reason } } }',
      {},
      officer.token,
    );
    expect(verify.errors).toBeUndefined();
    expect(verify.data.verifyAuditChains.ok).toBe(true);
    expect(
      verify.data.verifyAuditChains.results
        .map((r: { service: string; result: string }) => [r.service, r.result])
        .sort(),
    ).toEqual(SOURCES.map((s) => [s, 'VERIFIED']));
    const status = await p.query(
      '{ auditChainStatus { service lastSeq failures lastErrorCode halted lastPulledAt lastVerification { result } } }',
      {},
      officer.token,
    );
    expect(status.errors).toBeUndefined();
    // The platform's own pull job runs beside these calls (on a loaded machine a pull of it may
    // time out and be retried): what matters is that every chain copied, verified and not halted.
    for (const s of status.data.auditChainStatus)
      expect(s, s.service).toMatchObject({
        halted: false,
        lastPulledAt: expect.any(String),
        lastVerification: { result: 'VERIFIED' },
      });
    const patientSource = status.data.auditChainStatus.find(
      (s: { service: string }) => s.service === 'patient',
    );
    expect(patientSource.lastSeq).toBeGreaterThan(0);
    const doctor = await p.account('doctor');
    const refused = await p.query('{ auditChainStatus { service } }', {}, doctor.token);
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
