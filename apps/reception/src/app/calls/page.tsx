import { Suspense } from 'react';
import { CallsScreen } from '@/components/screens';
import { requireStaff } from '@/server/guard';

export default async function CallsPage() {
  await requireStaff('/calls', { roles: ['receptionist'] });
  return (
    <>
      <h1>Обзвон на завтра</h1>
      <p className="muted">Пациенты, которые не подтвердили визит или до которых не дошло напоминание.</p>
      <Suspense>
        <CallsScreen />
      </Suspense>
    </>
  );
}
