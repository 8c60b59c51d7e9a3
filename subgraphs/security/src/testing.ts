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
  DataRequest: {
    async create(service, r) {
      const patientId = r.subject.patientId;
      if (!patientId) throw new Error('security fixtures need a subject with a patient id');
      const officer = 'matrix-security-officer';
      const created = await service.services.requests.register(
        {
          kind: 'user',
          subject: officer,
          role: 'security_officer',
          patientId: null,
          branchIds: [],
          scopes: [],
          sessionId: null,
          amr: ['pwd', 'otp'],
        },
        {
          patientId,
          type: 'CORRECTION',
          channel: 'MAIL',
          details: 'Исправить номер телефона в карте',
          idempotencyKey: randomUUID(),
        },
      );
      if (!created.ok) throw new Error('security fixtures: the data request was refused');
      return {
        key: { id: created.request.id },
        known: { type: 'CORRECTION', details: 'Исправить номер телефона в карте', status: 'RECEIVED' },
        // A patient asking for another's request gets null, as for a made-up id (no existence oracle).
        hiddenAs: { 'Query.dataRequest': { patient: '' } },
        skip: {
          'Query.myDataRequests': "answers with the caller's own requests only: _entities covers the policy",
        },
      };
    },
  },
} satisfies Record<string, SubjectFixture<SecurityService>> satisfies FixtureRegistry;
