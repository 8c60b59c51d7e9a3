import { randomUUID } from 'node:crypto';
import type { FixtureRegistry, SubjectFixture } from '@medikamente/runtime/testing';
import type { SecurityService } from './service';

/** A source of the audit stream with one passed chain check (no patient in either). */
async function auditSource(service: SecurityService) {
  const name = `matrix-${randomUUID().slice(0, 8)}`;
  await service.stores.stream.ensureSources([name]);
  await service.stores.stream.recordVerification({
    service: name,
    ok: true,
    checkedEvents: 3,
    brokenAtSeq: null,
    reasonCode: null,
  });
  return {};
}

/** One object of each subject type the security subgraph owns, for the generated policy matrix. */
export const subjectFixtures = {
  AuditSourceStatus: { create: auditSource },
  AuditChainVerification: { create: auditSource },
} satisfies Record<string, SubjectFixture<SecurityService>> satisfies FixtureRegistry;
