import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { JournalScreen } from '@/components/screens';
import { homeOf, ROLE_LABELS } from '@/sections';
import { requireStaff } from '@/server/guard';

/** The start page: reception's journal; other roles go to their first section, if they have one. */
export default async function StartPage() {
  const account = await requireStaff('/');
  if (account.role !== 'receptionist') {
    const home = homeOf(account.role);
    if (home !== '/') redirect(home);
    return (
      <>
        <h1>Разделов для вашей роли пока нет</h1>
        <p>
          Роль «{ROLE_LABELS[account.role] ?? account.role}» пока не работает в этом приложении. Здесь можно
          настроить двухфакторный вход или выйти.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Журнал записей</h1>
      <Suspense>
        <JournalScreen />
      </Suspense>
    </>
  );
}
