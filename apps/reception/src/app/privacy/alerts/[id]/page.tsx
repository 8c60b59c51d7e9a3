import { isUuid } from '@medikamente/web-kit/ids';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AlertDetail } from '@/components/privacy/alert-detail';
import { requireStaff } from '@/server/guard';

/** One privacy-monitoring alert: explanation, evidence, history, triage. */
export default async function SecurityAlertPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const account = await requireStaff(`/privacy/alerts/${id}`, { roles: ['security_officer'] });
  if (!isUuid(id)) notFound();
  return (
    <div style={{ maxWidth: 1000 }} className="stack">
      <p>
        <Link href="/privacy">← Все оповещения</Link>
      </p>
      <h1>Оповещение</h1>
      <AlertDetail alertId={id} me={account.id} />
    </div>
  );
}
