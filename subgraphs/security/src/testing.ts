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
  SecurityAlert: {
    async create(service, r) {
      const patientId = needPatient(r.subject.patientId);
      const [alert] = await service.stores.alerts.raise([
        {
          rule: 'breakGlass',
          severity: 'high',
          dedupeKey: `matrix:${randomUUID()}`,
          actorId: 'matrix-doctor',
          actorRole: 'doctor',
          patientId,
          service: 'record',
          occurredAt: new Date(),
          evidence: { streamIds: [] },
        },
      ]);
      return { key: { id: alert!.id }, known: { rule: 'breakGlass', actorId: 'matrix-doctor' } };
    },
  },
  AuditRecord: {
    async create(service, r) {
      const patientId = needPatient(r.subject.patientId);
      // A service of its own: a platform's real stream never pulls this chain.
      await appendStreamEvents(service, [
        { service: 'matrix-fixture', actorId: 'matrix-doctor', actorRole: 'doctor', patientId },
      ]);
      return { args: { filter: { patientId, service: 'matrix-fixture' } }, known: {} };
    },
  },
  AccessTrailEntry: {
    async create(service, r) {
      const patientId = needPatient(r.subject.patientId);
      // A service of its own: a platform's real stream never pulls this chain.
      await appendStreamEvents(service, [
        { service: 'matrix-fixture', actorId: 'matrix-doctor', actorRole: 'doctor', patientId },
      ]);
      return { known: {} };
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

function needPatient(patientId: string | null): string {
  if (!patientId) throw new Error('security fixtures need a subject with a patient id');
  return patientId;
}

/** One access as a source service recorded it, for tests of what reads the central stream. */
export type StreamEventInput = {
  service?: string;
  actorId: string;
  actorRole: string;
  patientId: string;
  categories?: string[];
  operation?: string | null;
  requestId?: string;
  purpose?: string | null;
  occurredAt?: Date;
  clientAddress?: string | null;
  branchIds?: string[];
};

/**
 * Appends events to the central stream (audit_record) as the stream's ingestion would copy them:
 * consecutive seqs per service (chain hashes are the stream module's concern and its own tests').
 */
export async function appendStreamEvents(service: SecurityService, events: StreamEventInput[]) {
  const rows = events.map((e, n) => ({
    n,
    service: e.service ?? 'record',
    id: randomUUID(),
    occurred_at: (e.occurredAt ?? new Date()).toISOString(),
    actor_id: e.actorId,
    actor_role: e.actorRole,
    patient_id: e.patientId,
    categories: (e.categories ?? ['HEALTH']).join(','),
    operation: e.operation === undefined ? 'PatientCard' : e.operation,
    request_id: e.requestId ?? randomUUID(),
    client_address: e.clientAddress ?? '10.0.0.5',
    purpose: e.purpose === undefined ? 'careRelationship' : e.purpose,
    actor_branches: e.branchIds?.join(',') ?? null,
  }));
  await service.database.tx(async (q) => {
    await q(
      `insert into audit_record (service, seq, id, occurred_at, actor_id, actor_role, patient_id, categories,
         operation, request_id, client_address, purpose, actor_branches, prev_hash, hash)
       select t.service,
         coalesce((select max(seq) from audit_record r where r.service = t.service), 0) + row_number() over (partition by t.service order by t.n),
         t.id, t.occurred_at, t.actor_id, t.actor_role, t.patient_id, string_to_array(t.categories, ','),
         t.operation, t.request_id, t.client_address, t.purpose, string_to_array(t.actor_branches, ','), 'test', md5(t.id::text)
       from jsonb_to_recordset($1::jsonb) as t(service text, id uuid, occurred_at timestamptz,
         actor_id text, actor_role text, patient_id uuid, categories text, operation text, request_id text,
         client_address text, purpose text, actor_branches text, n int)
       order by t.n`,
      [JSON.stringify(rows)],
    );
  });
}
