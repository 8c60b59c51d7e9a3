import { MyLabs } from '@/components/my-labs';
import { requirePatient } from '@/server/guard';

export default async function MyLabsPage() {
  await requirePatient('/labs');
  return (
    <>
      <h1>Мои анализы</h1>
      <p className="muted">Результаты, которые проверил ваш врач, с нормами и пояснениями.</p>
      <MyLabs />
    </>
  );
}
