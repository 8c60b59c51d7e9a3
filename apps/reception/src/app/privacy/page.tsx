import Link from 'next/link';
import { AlertQueue } from '@/components/privacy/alert-queue';
import { requireStaff } from '@/server/guard';

/** «Мониторинг доступа»: the security officer's alert queue, live. */
export default async function PrivacyPage() {
  await requireStaff('/privacy', { roles: ['security_officer'] });
  return (
    <div style={{ maxWidth: 1200 }} className="stack">
      <h1>Мониторинг доступа</h1>
      <p className="muted">
        Оповещения правил мониторинга о нетипичном доступе к данным пациентов. Разберите каждое: объяснено, не
        объяснено или инцидент. См. также <Link href="/privacy/rules">правила мониторинга</Link> и{' '}
        <Link href="/privacy/audit">журнал доступа</Link>.
      </p>
      <AlertQueue />
    </div>
  );
}
