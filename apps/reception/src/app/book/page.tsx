import { ErrorBox } from '@medikamente/web-kit/ui';
import { Suspense } from 'react';
import { BookScreen } from '@/components/screens';
import { requireStaff } from '@/server/guard';

export default async function BookPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { patientId } = await searchParams;
  await requireStaff(`/book${typeof patientId === 'string' ? `?patientId=${patientId}` : ''}`, {
    roles: ['receptionist'],
  });
  return (
    <div style={{ maxWidth: 1000 }}>
      <h1>Запись пациента на приём</h1>
      {typeof patientId === 'string' ? (
        <Suspense>
          <BookScreen patientId={patientId} />
        </Suspense>
      ) : (
        <ErrorBox>Сначала выберите пациента в разделе «Пациенты»</ErrorBox>
      )}
    </div>
  );
}
