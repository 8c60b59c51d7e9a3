import { Suspense } from 'react';
import { AuditSearch, type AuditSearchInitial } from '@/components/privacy/audit-search';
import { requireStaff } from '@/server/guard';

/** The central audit trail across services: the officer's search. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<AuditSearchInitial> }) {
  await requireStaff('/privacy/audit', { roles: ['security_officer'] });
  const q = await searchParams;
  const one = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return (
    <div style={{ maxWidth: 1300 }} className="stack">
      <h1>Журнал доступа</h1>
      <p className="muted">Все обращения к данным пациентов во всех разделах клиники, новые сверху.</p>
      <Suspense>
        <AuditSearch
          initial={{
            patientId: one(q.patientId),
            actorId: one(q.actorId),
            service: one(q.service),
            category: one(q.category),
            from: one(q.from),
            to: one(q.to),
          }}
        />
      </Suspense>
    </div>
  );
}
