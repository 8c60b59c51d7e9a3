import { randomUUID } from 'node:crypto';
import type { FixtureRegistry, SubjectFixture } from '@medikamente/runtime/testing';
import type { SecurityService } from './service';

/** One object of each subject type the security subgraph owns, for the generated policy matrix. */
export const subjectFixtures = {
  SecurityEntry: {
    async create(service, r) {
      const patientId = r.subject.patientId;
      if (!patientId) throw new Error('security fixtures need a subject with a patient id');
      const author = 'matrix-cashier';
      const entry = await service.stores.entries.add(
        { patientId, text: 'Оплата приёма наличными' },
        { principal: { kind: 'user', subject: author }, accountId: author, idempotencyKey: randomUUID() },
      );
      return { key: { id: entry.id }, args: { patientId }, known: { text: 'Оплата приёма наличными' } };
    },
  },
} satisfies Record<string, SubjectFixture<SecurityService>> satisfies FixtureRegistry;
