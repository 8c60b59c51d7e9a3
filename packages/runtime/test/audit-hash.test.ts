import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEvent } from '../src/audit';

const base = {
  id: '9b2b4c1e-5d0c-4f5e-9f53-1a2b3c4d5e6f',
  occurredAt: new Date('2026-12-01T09:00:00Z'),
  actorId: 'doctor-1',
  actorRole: 'doctor',
  patientId: '11111111-1111-4111-8111-111111111111',
  categories: ['HEALTH'],
  operation: 'PatientCard',
  requestId: 'r-1',
  clientAddress: '10.0.0.5',
  purpose: 'careRelationship',
  prevHash: GENESIS_HASH,
};

describe('audit event hashes', () => {
  it('chains written before the branch column still verify: no branches hashes as before', () => {
    // The hash of this event as the runtime computed it before actor branches existed.
    const before = createHash('sha256')
      .update(
        JSON.stringify([
          base.id,
          base.occurredAt.toISOString(),
          base.actorId,
          base.actorRole,
          base.patientId,
          base.categories,
          base.operation,
          base.requestId,
          base.clientAddress,
          base.prevHash,
          base.purpose,
        ]),
      )
      .digest('hex');
    expect(hashEvent(base)).toBe(before);
    expect(hashEvent({ ...base, actorBranches: null })).toBe(before);
    expect(hashEvent({ ...base, actorBranches: [] })).toBe(before);
  });
  it('the actor branches are part of the hash, in any order, and never read as a purpose', () => {
    const a = hashEvent({ ...base, actorBranches: ['b2', 'b1'] });
    expect(a).not.toBe(hashEvent(base));
    expect(hashEvent({ ...base, actorBranches: ['b1', 'b2'] })).toBe(a);
    expect(hashEvent({ ...base, actorBranches: ['b1'] })).not.toBe(a);
    // An event without a purpose but with branches differs from one whose purpose looks like them.
    const noPurpose = { ...base, purpose: null };
    expect(hashEvent({ ...noPurpose, actorBranches: ['b1'] })).not.toBe(
      hashEvent({ ...base, purpose: 'b1' }),
    );
  });
});
