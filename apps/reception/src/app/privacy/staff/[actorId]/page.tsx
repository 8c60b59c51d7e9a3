import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AlertQueue } from '@/components/privacy/alert-queue';
import { AuditSearch } from '@/components/privacy/audit-search';
import { StaffIdentity } from '@/components/privacy/staff-names';
import { requireStaff } from '@/server/guard';

/** A staff member's access history: their alerts and every access of theirs in the trail. */
export default async function StaffAccessPage({ params }: { params: Promise<{ actorId: string }> }) {
  const { actorId: raw } = await params;
  const actorId = decodeURIComponent(raw);
  await requireStaff(`/privacy/staff/${raw}`, { roles: ['security_officer'] });
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(actorId)) notFound();
  return (
    <div style={{ maxWidth: 1300 }} className="stack">
      <p>
        <Link href="/privacy">← Все оповещения</Link>
      </p>
      <h1>История доступа сотрудника</h1>
      <StaffIdentity actorId={actorId} />
      <AlertQueue actorId={actorId} />
      <AuditSearch fixedActorId={actorId} />
    </div>
  );
}
