import { ErrorBox } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { MyRecord } from '@/components/my-record';
import { requirePatient } from '@/server/guard';

export default async function MyRecordPage({
  searchParams,
}: {
  searchParams: Promise<{ download?: string }>;
}) {
  await requirePatient('/record');
  const { download } = await searchParams;
  return (
    <>
      <h1>Моя медкарта</h1>
      <p className="muted">Подписанные врачом заключения ваших приёмов.</p>
      <p>
        <Link href="/record/access">Кто смотрел мою медкарту</Link>
      </p>
      {download === 'failed' ? (
        <ErrorBox>Не удалось скачать заключение. Попробуйте ещё раз чуть позже.</ErrorBox>
      ) : null}
      <MyRecord />
    </>
  );
}
