import { Suspense } from 'react';
import { JournalScreen } from '@/components/screens';
import { requireStaff } from '@/server/guard';

export default async function JournalPage() {
  await requireStaff('/');
  return (
    <>
      <h1>Журнал записей</h1>
      <Suspense>
        <JournalScreen />
      </Suspense>
    </>
  );
}
