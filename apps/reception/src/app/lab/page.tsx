import { LabAlertList } from '@/components/lab/alerts';
import { LabReview } from '@/components/lab/review';
import { requireStaff } from '@/server/guard';

const CLINIC_ZONE = 'Europe/Moscow';

/** The doctor's laboratory desk: open critical values first, then the results waiting for review. */
export default async function LabReviewPage() {
  await requireStaff('/lab', { roles: ['doctor'] });
  return (
    <div style={{ maxWidth: 1100 }}>
      <h1>Результаты к проверке</h1>
      <LabAlertList zone={CLINIC_ZONE} />
      <h2>Ожидают проверки</h2>
      <LabReview zone={CLINIC_ZONE} />
    </div>
  );
}
