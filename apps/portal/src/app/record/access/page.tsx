import Link from 'next/link';
import { AccessTrail } from '@/components/access-trail';
import { requirePatient } from '@/server/guard';

/** «Кто смотрел мою медкарту»: the patient's own access trail across the clinic's services. */
export default async function MyAccessTrailPage() {
  await requirePatient('/record/access');
  return (
    <>
      <p>
        <Link href="/record">← Моя медкарта</Link>
      </p>
      <h1>Кто смотрел мою медкарту</h1>
      <p className="muted">
        Здесь видно, кто из сотрудников клиники и когда обращался к вашим данным, с какой целью и что именно
        просматривал; ваши собственные просмотры в список не входят, а имена сотрудников не показываются —
        только их роль и раздел клиники.
      </p>
      <AccessTrail />
    </>
  );
}
